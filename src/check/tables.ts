// Reading the model's tables for the rules: rows by code or name, amounts as exact scaled integers.
import type { BudgetTable, TableKey, TableRow, TableSide } from '../model/document.ts';
import { threePublicColumnIndices } from '../model/three-public.ts';
import { scaled } from './money.ts';

/** The tables whose rows carry classification codes (类/款/项). */
export const codedTables: TableKey[] = [
  'income',
  'expenditure',
  'general-expenditure',
  'general-basic',
  'fund-expenditure',
  'capital-expenditure',
  'fiscal-expenditure',
  'fiscal-basic',
  'operating-cost',
  'final-income',
  'final-expenditure',
  'final-general-expenditure',
  'final-general-basic',
];

/** Tables keyed by the economic classification (类 3 digits, 款 5). */
export const economicTables: TableKey[] = [
  'general-basic',
  'fiscal-basic',
  'operating-cost',
  'final-general-basic',
];

/** The tables whose rows add up across their columns (domain.md §4). */
const summedTables: TableKey[] = [
  'income',
  'expenditure',
  'general-expenditure',
  'fund-expenditure',
  'capital-expenditure',
  'general-basic',
  'fiscal-summary',
  'three-public',
  'final-income',
  'final-expenditure',
  'final-general-expenditure',
  'final-fiscal-summary',
];

/**
 * [total column, part columns] of a table, found by the columns' names as the document prints them:
 * 合计 = the other columns; with a 小计, 合计 = 小计 + 上年结转 and 小计 = the sources between them;
 * Shanghai's one-line 三公 table: 合计 = 因公出国 + 公务接待 + 小计 (公务用车), 小计 = 购置费 + 运行费.
 */
export function columnIdentities(table: BudgetTable): [number, number[]][] {
  if (!summedTables.includes(table.key)) return [];
  const names = table.columns;
  const at = (re: RegExp) => names.findIndex((n) => re.test(n));
  const total = at(/^(?:本年(?:收入|支出))?合计$/);
  const subtotal = at(/^小计$/);
  if (total < 0) return [];
  if (table.key === 'three-public' && subtotal >= 0) {
    const c = threePublicColumnsOf(names);
    const parts = [c.abroad, c.reception, c.car];
    const car = [c.purchase, c.running];
    if (parts.includes(-1) || car.includes(-1)) return [];
    if (c.three < 0)
      return [
        [total, parts],
        [c.car, car],
      ];
    // 合计 is the 三公 小计 with the other controlled costs beside it (会议费, 培训费: Jiangsu).
    const others = names
      .map((_, i) => i)
      .filter((i) => i > total && i !== c.three && !/机关运行经费/.test(names[i]!))
      .filter((i) => ![c.abroad, c.reception, c.car, c.purchase, c.running].includes(i));
    return [
      [total, [c.three, ...others]],
      [c.three, parts],
      [c.car, car],
    ];
  }
  if (subtotal >= 0) {
    const carry = at(/上年结转/);
    const end = carry >= 0 ? carry : names.length;
    const sources = names.map((_, i) => i).filter((i) => i > subtotal && i < end);
    return [
      [total, carry >= 0 ? [subtotal, carry] : [subtotal]],
      [subtotal, sources],
    ];
  }
  const parts = names.map((_, i) => i).filter((i) => i !== total && !/机关运行经费/.test(names[i]!));
  // A table printed with its 合计 column alone (科目 | 金额) has no parts to add up.
  return parts.length > 0 ? [[total, parts]] : [];
}

/**
 * The columns of a one-line 三公 table, by the names and order it prints: the 公务用车 小计 is the last 小计
 * before 购置费; a 小计 before 因公出国 is the "三公"经费's own (when 合计 also counts 会议费, 培训费). -1 when
 * not printed.
 */
export function threePublicColumnsOf(names: string[]): {
  total: number;
  three: number;
  car: number;
  abroad: number;
  purchase: number;
  running: number;
  reception: number;
} {
  const c = threePublicColumnIndices(names);
  return {
    total: c.grandTotal,
    three: c.total === c.grandTotal ? -1 : c.total,
    car: c.car,
    abroad: c.abroad,
    purchase: c.carPurchase,
    running: c.carRunning,
    reception: c.reception,
  };
}

export function at(row: TableRow, column: number): number {
  return scaled(row.amounts[column] ?? null);
}

export function isPrinted(row: TableRow, column: number): boolean {
  return row.amounts[column] !== null && row.amounts[column] !== undefined;
}

/** How a finding names a row: its code, or its name. */
export function rowKey(row: TableRow): string {
  return row.code ?? row.name;
}

export function hasData(table: BudgetTable): boolean {
  return table.rows.some((r) => r.amounts.some((a) => a !== null && scaled(a) !== 0));
}

export function sideRows(table: BudgetTable, side: TableSide): TableRow[] {
  return table.rows.filter((r) => r.side === side);
}

/** The 合计 (or 总计) row of a coded table. */
export function totalRow(table: BudgetTable): TableRow | undefined {
  return table.rows.find((r) => r.role === 'total');
}

export function columnIndex(table: BudgetTable, name: string): number {
  return table.columns.findIndex((c) => c === name || c.endsWith(name));
}

export const numbered = /^[一二三四五六七八九十]+、/;

/** The name without its 一、 numbering. */
export function bareName(name: string): string {
  return name.replace(numbered, '');
}

/**
 * A two-sided summary split into its parts: the numbered items (收入 sources or 支出 类), the 合计
 * row after them, the carry-over rows between 合计 and 总计, and the 总计 row.
 */
export interface SummarySide {
  items: TableRow[];
  subtotal?: TableRow;
  carry: TableRow[];
  total?: TableRow;
}

export function summarySide(table: BudgetTable, side: TableSide): SummarySide {
  const rows = sideRows(table, side);
  const out: SummarySide = {
    items: rows.filter((r) => r.role === 'item'),
    carry: rows.filter((r) => r.role === 'carry-over'),
  };
  const subtotal = rows.find((r) => r.role === 'subtotal');
  const total = rows.find((r) => r.role === 'total');
  if (subtotal) out.subtotal = subtotal;
  if (total) out.total = total;
  return out;
}
