// The parts of "三公"经费 in a 三公 table (domain.md §2, §4), found in one place for the checks, the
// charts, the generated paragraphs and the comparisons. Two layouts are printed: one row per part (most
// provinces: “三公”经费小计, 一、因公出国（境）费, 二、公务用车购置及运维费, 其中：公务用车购置费,
// 公务用车运行维护费, 三、公务接待费), and Shanghai's one line whose columns are the parts (合计,
// 因公出国(境)费, 公务接待费, 小计 = 公务用车, 购置费, 运行费).
import type { BudgetTable, Decimal } from './document.ts';

/** The parts, in the order the text and the chart list them. */
export const threePublicPartNames = [
  'total',
  'abroad',
  'car',
  'carPurchase',
  'carRunning',
  'reception',
] as const;
export type ThreePublicPartName = (typeof threePublicPartNames)[number];

/**
 * The Chinese name of each part: total = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费 (the table's
 * “三公”经费小计, or its 合计 where no 小计 is printed); car = 公务用车购置费 + 公务用车运行维护费.
 */
export const threePublicTerms: Record<ThreePublicPartName, string> = {
  total: '“三公”经费',
  abroad: '因公出国（境）费',
  car: '公务用车购置及运行维护费',
  carPurchase: '公务用车购置费',
  carRunning: '公务用车运行维护费',
  reception: '公务接待费',
};

/** The part a stated amount's item names (the items of StatedAmount 'three-public-part'). */
const itemParts: Record<string, Exclude<ThreePublicPartName, 'total'>> = {
  [threePublicTerms.abroad]: 'abroad',
  公务用车购置及运维费: 'car',
  [threePublicTerms.car]: 'car',
  [threePublicTerms.carPurchase]: 'carPurchase',
  [threePublicTerms.carRunning]: 'carRunning',
  [threePublicTerms.reception]: 'reception',
};

export function threePublicPartOfItem(item: string | undefined): ThreePublicPartName | undefined {
  return item === undefined ? undefined : itemParts[item];
}

/** Where a part is printed and what it prints. */
export interface ThreePublicPart {
  /** The row of its amount: the part's row, or 0 in the one-line layout. */
  row: number;
  /** The column of its amount: the caller's, or the part's column in the one-line layout. */
  column: number;
  /** The row's or the column's name, as printed. */
  label: string;
  /** The printed amount; null when the cell is printed empty. */
  amount: Decimal | null;
}

/** The parts a table prints; a part it does not print is absent (never 0). */
export type ThreePublicParts = Partial<Record<ThreePublicPartName, ThreePublicPart>>;

// One spelling of 运行维护费 for all: 运行维护费, 运维费, 运行费.
const running = '运(?:行|维)(?:维护)?费';

/** Row names, without their numbering (一、, 1., （一）) and 其中：. */
const rowPatterns: Record<Exclude<ThreePublicPartName, 'total'>, RegExp> = {
  // …费, or …支出 as some tables name the spending (因公出国（境）支出, 公务接待费支出).
  abroad: /^因公出国[（(]境[）)](?:费|经费|支出)/,
  // 公务用车费 (or 经费) is the whole car part too, as county tables print it.
  car: new RegExp(`^公务用车(?:购置及${running}|购置及运行维护支出|(?:经)?费(?:用)?$)`),
  // 公务用车购置 with or without its 费 (江北区, 桂林: (2)公务用车购置).
  carPurchase: /^公务用车购置(?:费|支出)?$/,
  carRunning: new RegExp(`^公务用车${running}$`),
  reception: /^公务接待(?:费|支出)/,
};
/** The “三公”经费小计 row; without one, the 合计 row is 三公 itself. */
const subtotalRow = /^["“”]?三公.*小计/;
/** The 三公 row of a table that prints other spending beside it (行政经费, then “三公”经费 and its parts). */
const threePublicRow = /^["“”]?三公["“”]?经费(?:合计)?$/;

/** Column names of the one-line layout, where the 公务用车 group prints 小计, 购置费 and 运行费. */
const columnPatterns: Record<ThreePublicPartName, RegExp> = {
  total: /^合计$/,
  abroad: /^因公出国/,
  car: /^小计$/,
  carPurchase: /^(?:公务用车)?购置费$/,
  carRunning: new RegExp(`^(?:公务用车)?${running}$`),
  reception: /^公务接待/,
};

const numbering = /^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])\s*/;

/** A row's name as the patterns read it: without its numbering and 其中：. */
export function threePublicRowLabel(name: string): string {
  return name
    .trim()
    .replace(numbering, '')
    .replace(/^其中[：:]\s*/, '')
    .replace(numbering, '')
    .trim();
}

/**
 * Whether the parts are columns (Shanghai's one line: 合计, 因公出国(境)费, 公务接待费, 小计, 购置费, 运行费;
 * Jiangsu's 合计, 小计 (三公), 因公出国（境）费, 小计 (公务用车), 购置费, 运行维护费, 公务接待费, 会议费, 培训费) rather
 * than rows: the columns name parts and no row does.
 */
export function threePublicLayout(table: BudgetTable): 'rows' | 'columns' {
  const named = table.columns.some(
    (c) => columnPatterns.car.test(c.trim()) || columnPatterns.abroad.test(c.trim()),
  );
  if (!named || table.rows.length === 0) return 'rows';
  if (table.rows.length === 1) return 'columns';
  const rows = threePublicRows(table);
  return Object.keys(rows).some((part) => part !== 'total') ? 'rows' : 'columns';
}

/**
 * The columns of the one-line layout by position: 合计 (all it prints), the 三公 小计 where one stands before
 * 因公出国 (合计 then also counts 会议费 and 培训费), the 公务用车 小计 before 购置费, and the parts; -1 when absent.
 */
export function threePublicColumnIndices(
  names: string[],
): Record<ThreePublicPartName | 'grandTotal', number> {
  const trimmed = names.map((n) => n.trim());
  const at = (re: RegExp) => trimmed.findIndex((n) => re.test(n));
  const abroad = at(columnPatterns.abroad);
  const carPurchase = at(columnPatterns.carPurchase);
  const subtotals = trimmed.map((n, i) => (n === '小计' ? i : -1)).filter((i) => i >= 0);
  const car = subtotals.filter((i) => carPurchase < 0 || i < carPurchase).pop() ?? -1;
  const three = subtotals.find((i) => abroad >= 0 && i < abroad && i !== car) ?? -1;
  const grandTotal = at(/^(?:本年支出)?合计$/);
  return {
    grandTotal,
    total: three >= 0 ? three : grandTotal,
    abroad,
    car,
    carPurchase,
    carRunning: at(columnPatterns.carRunning),
    reception: at(columnPatterns.reception),
  };
}

/** The column of each part (the one-line layout); absent when the table prints none. */
export function threePublicColumns(table: BudgetTable): Partial<Record<ThreePublicPartName, number>> {
  const indices = threePublicColumnIndices(table.columns);
  const out: Partial<Record<ThreePublicPartName, number>> = {};
  for (const part of threePublicPartNames) if (indices[part] >= 0) out[part] = indices[part];
  return out;
}

/** Whether a row's name is one of the parts' (因公出国（境）费, 其中：公务用车运行维护费, 三、公务接待费 …). */
export function isThreePublicRowName(name: string): boolean {
  const label = threePublicRowLabel(name);
  return Object.values(rowPatterns).some((re) => re.test(label));
}

/** The row of each part (the row layout); absent when the table prints no such row. */
export function threePublicRows(table: BudgetTable): Partial<Record<ThreePublicPartName, number>> {
  const labels = table.rows.map((r) => threePublicRowLabel(r.name));
  const out: Partial<Record<ThreePublicPartName, number>> = {};
  const subtotal = labels.findIndex((l) => subtotalRow.test(l));
  const total =
    subtotal >= 0
      ? subtotal
      : labels.includes('合计')
        ? labels.indexOf('合计')
        : labels.findIndex((l) => threePublicRow.test(l));
  if (total >= 0) out.total = total;
  for (const part of threePublicPartNames) {
    if (part === 'total') continue;
    const r = labels.findIndex((l) => rowPatterns[part].test(l));
    if (r >= 0) out[part] = r;
  }
  return out;
}

/**
 * Each part the table prints, with where its amount is: in the row layout the part's row and `column`
 * (the caller's choice: this year, the year before, 决算数); in the one-line layout row 0 and the part's column.
 */
export function threePublicParts(table: BudgetTable, column = 0): ThreePublicParts {
  const out: ThreePublicParts = {};
  if (threePublicLayout(table) === 'columns') {
    const row = table.rows[0]!;
    for (const [part, c] of Object.entries(threePublicColumns(table)) as [ThreePublicPartName, number][])
      out[part] = { row: 0, column: c, label: table.columns[c]!, amount: row.amounts[c]?.value ?? null };
    return out;
  }
  for (const [part, r] of Object.entries(threePublicRows(table)) as [ThreePublicPartName, number][]) {
    const row = table.rows[r]!;
    out[part] = { row: r, column, label: row.name, amount: row.amounts[column]?.value ?? null };
  }
  return out;
}
