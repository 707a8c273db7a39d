// Corrections a user makes to a document: a table amount, or a project indicator's 指标值. They are
// applied to a copy of the model; the store re-checks the copy and keeps it as a new version.
import { readAmountInput, tableDecimals } from '../model/amount-input.ts';
import {
  type BudgetTable,
  budgetTableKeys,
  type Document,
  type TableKey,
  type TableRow,
  tableNames,
} from '../model/document.ts';
import { parseIndicatorValue } from '../model/indicator-value.ts';
import { normalise } from '../model/text.ts';

/** One table cell: the row by index, or by its code (or name when it has none); the column by index or name. */
export interface AmountEdit {
  table: TableKey;
  row: number | string;
  column: number | string;
  /**
   * The amount as the user typed it: a plain decimal or one with thousands separators ("1,111.68"), with at
   * most the decimals the table prints (src/model/amount-input.ts); "" empties the cell.
   */
  value: string;
}

/** The 指标值 of one indicator of a project (by 项目编码 and the indicator's index in the project). */
export interface IndicatorEdit {
  project: string;
  indicator: number;
  value: string;
}

export type Edit = AmountEdit | IndicatorEdit;

/** An edit as applied: where it landed (row index and column name resolved), the value before and after. */
export interface AppliedEdit {
  edit: Edit;
  /** Where, in words, e.g. 一般公共预算财政拨款基本支出表「301 工资福利支出」合计. */
  target: string;
  before: string;
  after: string;
}

/** Edits that cannot be applied; the message says which one and why. */
export class EditError extends Error {}

export const maxEdits = 500;
const maxIndicatorLength = 200;
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');

/** Applies the edits to a copy of the document; throws EditError for the first one that cannot be applied. */
export function applyEdits(doc: Document, edits: unknown): { document: Document; applied: AppliedEdit[] } {
  if (!Array.isArray(edits) || edits.length === 0) throw new EditError('请给出要修改的内容（edits 列表）');
  if (edits.length > maxEdits) throw new EditError(`一次最多修改 ${maxEdits} 处`);
  const document = structuredClone(doc);
  const applied: AppliedEdit[] = [];
  edits.forEach((raw, i) => {
    const fail = (message: string): never => {
      throw new EditError(`第 ${i + 1} 处修改：${message}`);
    };
    if (typeof raw !== 'object' || raw === null) fail('格式不正确');
    const edit = raw as Record<string, unknown>;
    if (typeof edit.value !== 'string') fail('value 应为文本，如 "198.90"');
    const change =
      'project' in edit ? applyIndicator(document, edit, fail) : applyAmount(document, edit, fail);
    if (change.before !== change.after) applied.push(change);
  });
  if (applied.length === 0) throw new EditError('修改后的值与原值相同，没有需要保存的修改');
  return { document, applied };
}

type Fail = (message: string) => never;

function applyAmount(doc: Document, edit: Record<string, unknown>, fail: Fail): AppliedEdit {
  const key = edit.table;
  if (typeof key !== 'string' || !(budgetTableKeys as readonly string[]).includes(key))
    fail(`没有这个表：${String(key)}`);
  const table = doc.tables[key as TableKey] ?? fail(`此文档没有「${tableNames[key as TableKey]}」`);
  const rowIndex = findRow(table, edit.row, fail);
  const row = table.rows[rowIndex]!;
  const columns = row.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns;
  const column = findColumn(columns, edit.column, fail);
  const input = readAmountInput(edit.value as string, tableDecimals(table), table.unit);
  if ('error' in input) return fail(input.error);
  const { value } = input;
  while (row.amounts.length < columns.length) row.amounts.push(null);
  const old = row.amounts[column];
  row.amounts[column] = value === null ? null : { value, source: old?.source ?? row.source };
  return {
    edit: { table: table.key, row: rowIndex, column: columns[column]!, value: value ?? '' },
    target: `${table.title || tableNames[table.key]}「${row.code ? `${row.code} ` : ''}${row.name}」${columns[column]}`,
    before: old?.value ?? '',
    after: value ?? '',
  };
}

function findRow(table: BudgetTable, row: unknown, fail: Fail): number {
  if (typeof row === 'number') {
    if (!Number.isInteger(row) || row < 0 || row >= table.rows.length) fail(`行序号 ${row} 超出范围`);
    return row;
  }
  if (typeof row !== 'string' || row.trim() === '') return fail('请给出行（序号、科目编码或名称）');
  const wanted = squash(row);
  const byCode = indicesWhere(table.rows, (r) => r.code === wanted);
  const matches = byCode.length > 0 ? byCode : indicesWhere(table.rows, (r) => squash(r.name) === wanted);
  if (matches.length === 0) fail(`表中没有「${row}」这一行`);
  if (matches.length > 1) fail(`表中有 ${matches.length} 行都是「${row}」，请用行序号指明`);
  return matches[0]!;
}

function indicesWhere(rows: TableRow[], test: (row: TableRow) => boolean): number[] {
  return rows.flatMap((r, i) => (test(r) ? [i] : []));
}

function findColumn(columns: string[], column: unknown, fail: Fail): number {
  if (typeof column === 'number') {
    if (!Number.isInteger(column) || column < 0 || column >= columns.length)
      fail(`列序号 ${column} 超出范围`);
    return column;
  }
  if (typeof column !== 'string') return fail('请给出列（序号或列名）');
  let c = columns.indexOf(column);
  if (c < 0) c = columns.findIndex((name) => squash(name) === squash(column));
  if (c < 0) fail(`没有「${column}」这一列（可用：${columns.join('、')}）`);
  return c;
}

function applyIndicator(doc: Document, edit: Record<string, unknown>, fail: Fail): AppliedEdit {
  const code = typeof edit.project === 'string' ? squash(edit.project) : '';
  const projects = doc.projects.filter((p) => p.code === code);
  if (projects.length === 0) fail(`没有项目编码为「${String(edit.project)}」的项目`);
  if (projects.length > 1) fail(`有 ${projects.length} 个项目的编码都是「${code}」，无法确定修改哪一个`);
  const project = projects[0]!;
  const index = edit.indicator;
  if (
    typeof index !== 'number' ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= project.indicators.length
  )
    fail(`项目"${project.name}"没有第 ${String(index)} 个指标`);
  const indicator = project.indicators[index as number]!;
  // Typed text is normalised as the readers normalise what they read (full-width digits, radicals…).
  const value = normalise((edit.value as string).trim());
  if (value.length > maxIndicatorLength) fail(`指标值最长 ${maxIndicatorLength} 个字`);
  const before = indicator.value;
  indicator.value = value;
  indicator.parsed = parseIndicatorValue(value);
  return {
    edit: { project: project.code, indicator: index as number, value },
    target: `项目"${project.name}"的指标"${indicator.level3 || indicator.description}"的指标值`,
    before,
    after: value,
  };
}
