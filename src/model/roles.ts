// What each row of a table is (its role): a total, a subtotal, a summary's item or carry-over line, a 三公
// part, the final basic table's 人员经费/公用经费 totals. Decided here once, from the row's place and words,
// so that the checks, the generated paragraphs and the web app read `row.role` instead of matching names.
import type { BudgetTable, Document, RowRole, TableRow, TableSide } from './document.ts';
import { threePublicLayout, threePublicRows } from './three-public.ts';

const numbered = /^[一二三四五六七八九十]+、/;

/** The roles of one side of a two-sided summary: items, then 本年…合计, carry-over lines, then 总计. */
function summaryRoles(rows: TableRow[]): Map<TableRow, RowRole> {
  const roles = new Map<TableRow, RowRole>();
  const subtotalAt = rows.findIndex((r) => /^本年(?:收入|支出)合计$/.test(r.name));
  const totalAt = rows.findIndex((r) => /^(?:收入|支出)?总计$/.test(r.name));
  rows.forEach((row, i) => {
    if (i === subtotalAt) roles.set(row, 'subtotal');
    else if (i === totalAt) roles.set(row, 'total');
    else if ((subtotalAt < 0 || i < subtotalAt) && numbered.test(row.name)) roles.set(row, 'item');
    else if (
      subtotalAt >= 0 &&
      i > subtotalAt &&
      (totalAt < 0 || i < totalAt) &&
      !numbered.test(row.name) &&
      /结转|结余/.test(row.name)
    )
      roles.set(row, 'carry-over');
  });
  return roles;
}

const threePublicRole = {
  total: 'three-public-total',
  abroad: 'three-public-abroad',
  car: 'three-public-car',
  carPurchase: 'three-public-car-purchase',
  carRunning: 'three-public-car-running',
  reception: 'three-public-reception',
} as const satisfies Record<string, RowRole>;

function tableRoles(table: BudgetTable): Map<TableRow, RowRole> {
  if (table.rows.some((r) => r.side)) {
    const roles = new Map<TableRow, RowRole>();
    for (const side of ['income', 'expenditure'] satisfies TableSide[])
      for (const [row, role] of summaryRoles(table.rows.filter((r) => r.side === side))) roles.set(row, role);
    return roles;
  }
  const roles = new Map<TableRow, RowRole>();
  if (
    (table.key === 'three-public' || table.key === 'final-three-public') &&
    threePublicLayout(table) === 'rows'
  ) {
    for (const [part, r] of Object.entries(threePublicRows(table)))
      roles.set(table.rows[r]!, threePublicRole[part as keyof typeof threePublicRole]);
  }
  for (const row of table.rows) {
    if (roles.has(row) || row.code) continue;
    if (/^(?:合计|总计)$/.test(row.name)) roles.set(row, 'total');
    else if (row.name === '人员经费合计') roles.set(row, 'personnel-total');
    else if (row.name === '公用经费合计') roles.set(row, 'public-total');
  }
  return roles;
}

/** The document with every row's role set (rows without one have none); the same document when all are set. */
export function withRowRoles(doc: Document): Document {
  let changed = false;
  const tables: Document['tables'] = {};
  for (const [key, table] of Object.entries(doc.tables) as [keyof Document['tables'], BudgetTable][]) {
    const roles = tableRoles(table);
    const same = table.rows.every((r) => r.role === roles.get(r));
    if (same) {
      tables[key] = table;
      continue;
    }
    changed = true;
    tables[key] = {
      ...table,
      rows: table.rows.map((r) => {
        const role = roles.get(r);
        const { role: _old, ...rest } = r;
        return role ? { ...rest, role } : rest;
      }),
    };
  }
  return changed ? { ...doc, tables } : doc;
}
