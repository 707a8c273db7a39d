// The Document a department fills in for next year's budget: last year's structure (department and
// code, its units, every table's rows with their codes and names, the projects and their indicator
// framework) with every amount left blank, or, without last year's document, the standard tables with
// their total rows only. The workbook is written from it by src/render/xlsx.ts.
import {
  type BudgetTable,
  budgetTableKeys,
  type Document,
  type Indicator,
  type MoneyUnit,
  type Project,
  type TableKey,
  type TableRow,
  tableNames,
} from '../model/document.ts';
import { tableShapes } from '../model/table-shapes.ts';

/** The budget tables (domain.md §2) in the order the county template prints them; not the 决算 set. */
export const templateTableKeys: TableKey[] = budgetTableKeys.filter((k) => !k.startsWith('final-'));

export interface TemplateOptions {
  /** Last year's document: its structure is carried over. */
  from?: Document;
  /** The department's name; overrides the one in `from`. */
  department?: string;
}

/** The --year argument: a four-digit year, or null. */
export function readBudgetYear(text: string): number | null {
  const year = /^\s*(\d{4})\s*$/.exec(text)?.[1];
  return year && Number(year) >= 1990 && Number(year) <= 2100 ? Number(year) : null;
}

/** Why a last-year document cannot give the structure of a budget template; null when it can. */
export function unusableSource(from: Document): string | null {
  if (from.kind === 'final') return '是部门决算公开文本，请提供上年的部门预算公开文本（或绩效文本）';
  return null;
}

/**
 * The template of `year`. Every amount is blank, including 上年结转 (income table) and 上年结转结余
 * (summary, procurement): those are the balances brought into the new year, known only when last year
 * closes — not last year's 本年 figures. No standard budget table (domain.md §2) prints a column of last
 * year's amounts; the 比上年 comparison belongs to the 情况说明 and is checked with `check --previous`.
 */
export function templateDocument(year: number, options: TemplateOptions = {}): Document {
  const { from } = options;
  const shift = from?.year === undefined ? (text: string) => text : shiftYears(year - from.year);
  const carried = from ? templateTableKeys.filter((key) => from.tables[key]) : [];
  const tables: Document['tables'] = {};
  if (from && carried.length > 0) {
    for (const key of carried) tables[key] = blankedTable(from.tables[key]!, shift);
  } else {
    const unit = from?.unit ?? '万元';
    for (const key of templateTableKeys) tables[key] = standardTable(key, unit);
  }
  return {
    kind: 'budget',
    department: {
      name: options.department ?? from?.department.name ?? '',
      ...(from?.department.code ? { code: from.department.code } : {}),
    },
    year,
    unit: from?.unit ?? '万元',
    units: from?.units.map((u) => ({ ...u })) ?? [],
    tables,
    sections: [],
    statedAmounts: [],
    statedShares: [],
    projects: from?.projects.map((p) => blankedProject(p, shift)) ?? [],
    problems: [],
    placeholders: [],
    yearsSeen: [],
  };
}

/** Moves every four-digit year in a title or heading by `delta` (2025年预留中小微企业份额 → 2026年…). */
function shiftYears(delta: number): (text: string) => string {
  return (text) => text.replace(/(?<!\d)(19|20)(\d{2})(?=\s*年)/g, (y) => String(Number(y) + delta));
}

function blankedTable(table: BudgetTable, shift: (text: string) => string): BudgetTable {
  return {
    key: table.key,
    title: shift(table.title),
    columns: table.columns.map(shift),
    ...(table.incomeColumns ? { incomeColumns: table.incomeColumns.map(shift) } : {}),
    rows: table.rows.map((r) => ({ ...blankRow(r, table, r.side), source: r.source })),
    // Last year's notes describe last year's figures (空表列示, 无…预算): the department writes this year's.
    notes: [],
    notesSayEmpty: false,
    unit: table.unit,
    source: table.source,
  };
}

function blankRow(row: Pick<TableRow, 'code' | 'name'>, table: BudgetTable, side?: TableRow['side']) {
  const width = side === 'income' ? (table.incomeColumns ?? []).length : table.columns.length;
  return {
    ...(side ? { side } : {}),
    ...(row.code ? { code: row.code } : {}),
    name: row.name,
    amounts: new Array<null>(width).fill(null),
  };
}

/**
 * The total rows of each standard table as the county template prints them. Two-sided tables pair an
 * income and an expenditure row on one printed line; the 三公 and 固定资产 tables have a fixed set of
 * rows (their parts are subtotals of the form, not a classification tree).
 */
const standardRows: Partial<Record<TableKey, (readonly [string, string] | string)[]>> = {
  summary: [
    ['本年收入合计', '本年支出合计'],
    ['上年结转结余', '年终结转结余'],
    ['收入总计', '支出总计'],
  ],
  'fiscal-summary': [
    ['本年收入合计', '本年支出合计'],
    ['年初财政拨款结转和结余', '年末财政拨款结转和结余'],
    ['收入总计', '支出总计'],
  ],
  'three-public': [
    '合计',
    '“三公”经费小计',
    '一、因公出国（境）费',
    '二、公务用车购置及运维费',
    '其中：公务用车购置费',
    '公务用车运行维护费',
    '三、公务接待费',
  ],
  assets: [
    '资产总额',
    '1、房屋（平方米）',
    '2、车辆（台、辆）',
    '3、单价在20万元以上的设备',
    '4、其他固定资产',
  ],
};

function standardTable(key: TableKey, unit: MoneyUnit): BudgetTable {
  const spec = tableShapes[key];
  const table: BudgetTable = {
    key,
    title: tableNames[key],
    columns: [...spec.columns],
    ...(spec.incomeColumns ? { incomeColumns: [...spec.incomeColumns] } : {}),
    rows: [],
    notes: [],
    notesSayEmpty: false,
    unit,
    source: { line: 1 },
  };
  (standardRows[key] ?? ['合计']).forEach((printed, i) => {
    const source = { line: i + 1 };
    if (typeof printed === 'string') table.rows.push({ ...blankRow({ name: printed }, table), source });
    else {
      table.rows.push({ ...blankRow({ name: printed[0] }, table, 'income'), source });
      table.rows.push({ ...blankRow({ name: printed[1] }, table, 'expenditure'), source });
    }
  });
  return table;
}

/** A project keeps its code, name, unit and indicator framework; amounts, plan, target and values are the department's to fill. */
function blankedProject(project: Project, shift: (text: string) => string): Project {
  const indicator = (i: Indicator): Indicator => ({
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    description: i.description,
    value: '',
    parsed: { type: 'empty' },
    basis: '',
    source: i.source,
  });
  return {
    code: project.code,
    name: project.name,
    title: shift(project.title),
    ...(project.unitCode ? { unitCode: project.unitCode } : {}),
    ...(project.unitName ? { unitName: project.unitName } : {}),
    unit: project.unit,
    budget: null,
    fiscal: null,
    other: null,
    purpose: '',
    plan: null,
    target: '',
    indicators: project.indicators.map(indicator),
    source: project.source,
  };
}
