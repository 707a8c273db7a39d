// The standard layout as rows of cells, shared by the writers (HTML and PDF, Word) so that every
// format prints the same table: the department / 预算年度 / 单位 line, the column headings, the 栏次
// row, the rows with 序号 (and 科目编码 where the table is coded), the notes; and the project target
// table as the county template prints it.
import type { BudgetTable, Document, Project, TableKey, TableRow } from '../model/document.ts';

export interface Cell {
  text: string;
  /** An amount or a number: right-aligned. */
  numeric?: boolean;
  /** A classification code: kept on one line. */
  code?: boolean;
  /** 序号, 栏次 and codes stand centred under their heading, as printed (and so that a reader of the PDF places them by position). */
  centred?: boolean;
  /** A label of the form (项目编码, 预算数 …) rather than a value. */
  label?: boolean;
  /** Columns the cell spans (1 when absent). */
  span?: number;
  /** Rows the cell spans (1 when absent). */
  rows?: number;
  /** The continuation of the cell above that spans rows: HTML prints nothing, Word an empty cell. */
  below?: boolean;
}

export interface StandardTable {
  title: string;
  /** Department (with its code), 预算年度, 单位. */
  meta: [string, string, string];
  headings: string[];
  rows: Cell[][];
  /** The notes under the table, 空表列示 for an empty one that prints none. */
  notes: string[];
}

/** A two-sided table's printed lines: the income and expenditure rows that stood on one line. */
export function printedLines(table: BudgetTable): { income?: TableRow; expenditure?: TableRow }[] {
  const lines: { income?: TableRow; expenditure?: TableRow; at: number }[] = [];
  for (const row of table.rows) {
    const side = row.side ?? 'expenditure';
    const last = lines[lines.length - 1];
    if (last && last.at === row.source.line && !last[side]) last[side] = row;
    else lines.push({ at: row.source.line, [side]: row });
  }
  return lines;
}

/** Tables not keyed by classification code. */
const namedTables = new Set<TableKey>(['three-public', 'procurement', 'assets', 'final-three-public']);

/**
 * Tables printed by classification code (科目编码 and 科目名称) rather than by item (项目); a coded
 * table keeps those headings before any coded row is filled in (`yusuan template`).
 */
export function isCoded(table: BudgetTable): boolean {
  return table.rows.some((r) => r.code) || !namedTables.has(table.key);
}

export function departmentLine(doc: Document): string {
  return `${doc.department.unitCode ?? doc.department.code ?? ''}${doc.department.name}`;
}

export function standardTable(doc: Document, table: BudgetTable): StandardTable {
  const amount = (row: TableRow | undefined, c: number): Cell => ({
    text: row?.amounts[c]?.value ?? '',
    numeric: true,
  });
  let headings: string[];
  let body: Cell[][];
  if (table.incomeColumns) {
    const income = table.incomeColumns;
    headings = ['序号', '收入项目', ...income, '支出项目', ...table.columns];
    body = printedLines(table).map(({ income: a, expenditure: b }, i) => [
      { text: String(i + 1), centred: true },
      { text: a?.name ?? '' },
      ...income.map((_, c) => amount(a, c)),
      { text: b?.name ?? '' },
      ...table.columns.map((_, c) => amount(b, c)),
    ]);
  } else {
    const coded = isCoded(table);
    headings = ['序号', ...(coded ? ['科目编码', '科目名称'] : ['项目']), ...table.columns];
    body = table.rows.map((r, i) => [
      { text: String(i + 1), centred: true },
      ...(coded ? [{ text: r.code ?? '', code: true, centred: true }] : []),
      { text: r.name },
      ...table.columns.map((_, c) => amount(r, c)),
    ]);
  }
  const lanes: Cell[] = headings.map((_, i) => ({ text: i === 0 ? '栏次' : String(i), centred: true }));
  const empty = !table.rows.some((r) => r.amounts.some((a) => a !== null && Number(a.value) !== 0));
  return {
    title: table.title,
    meta: [departmentLine(doc), doc.year ? `预算年度：${doc.year}` : '', `单位：${table.unit}`],
    headings,
    rows: [lanes, ...body],
    notes: table.notes.length > 0 ? table.notes : empty ? ['注：本表无数据，空表列示。'] : [],
  };
}

/** Columns of the project target table. */
export const projectWidth = 7;

export interface StandardProject {
  title: string;
  /** The unit (code and name) and 单位. */
  meta: [string, string];
  rows: Cell[][];
}

/** The project target table, seven columns wide, as the county template prints it. */
export function standardProject(p: Project, index: number): StandardProject {
  const label = (text: string, span = 1, rows = 1): Cell => ({ text, label: true, span, rows });
  const value = (text: string, span = 1): Cell => ({ text, span });
  const amount = (a: Project['budget']): Cell => ({ text: a?.value ?? '', numeric: true });
  const below: Cell = { text: '', label: true, below: true };
  const plan = [3, 6, 10, 12].map((month, i): Cell => {
    const point = p.plan?.points.find((pt) => pt.month === month);
    const text = point?.value ? `${point.value}${p.plan?.form === 'percent' ? '%' : ''}` : '';
    return { text, numeric: true, span: i === 3 ? 3 : 1 };
  });
  const indicatorRow = (cells: string[], make: (t: string, span: number) => Cell) =>
    cells.map((t, i) => make(t, i === 3 ? 2 : 1));
  const rows = [
    [label('项目编码'), value(p.code, 2), label('项目名称'), value(p.name, 3)],
    [
      label('预算规模及资金用途', 1, 2),
      label('预算数'),
      amount(p.budget),
      label('其中：财政资金'),
      amount(p.fiscal),
      label('其他资金'),
      amount(p.other),
    ],
    [below, value(p.purpose, 6)],
    [
      label(p.plan?.form === 'amount' ? '资金支出计划' : '资金支出计划（%）', 1, 2),
      ...[3, 6, 10, 12].map((m, i) => label(`${m}月底`, i === 3 ? 3 : 1)),
    ],
    [below, ...plan],
    [label('绩效目标'), value(p.target, 6)],
    indicatorRow(
      ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
      (t, span) => label(t, span),
    ),
    ...p.indicators.map((i) =>
      indicatorRow([i.level1, i.level2, i.level3, i.description, i.value, i.basis], value),
    ),
  ];
  return {
    title: p.title || `${index + 1}、${p.name}绩效目标表`,
    meta: [p.unitCode ? `${p.unitCode} ${p.unitName ?? ''}` : '', `单位：${p.unit}`],
    rows,
  };
}

/** The cells' texts, a continuation cell as an empty one (the Word and Excel layout). */
export function cellTexts(rows: Cell[][]): string[][] {
  return rows.map((r) => r.map((c) => c.text));
}
