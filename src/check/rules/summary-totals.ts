import type { BudgetTable, TableRow } from '../../model/document.ts';
import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { at, summarySide } from '../tables.ts';
import type { Context, Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const summaryTotals: Rule = {
  meta: {
    id: 'summary-totals',
    severity: 'error',
    title: '收支总表的合计与总计',
    description:
      '部门预算收支总表和财政拨款收支总表：本年收入合计 = 各项收入之和；收入总计 = 本年收入合计 + 上年结转；本年支出合计 = 各类支出之和；支出总计 = 本年支出合计 + 年终结转结余；支出总计 = 收入总计。',
    reason: '收支总表必须收支平衡，合计、总计是其下各项的汇总。',
    example: '收支总表：本年收入合计 1111.68，上年结转结余 1270.00，收入总计应为 2381.68。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const key of ['summary', 'fiscal-summary', 'final-summary', 'final-fiscal-summary'] as const) {
      const table = doc.tables[key];
      if (table) checkSummary(table, ctx);
    }
  },
};

function checkSummary(table: BudgetTable, ctx: Context): void {
  const income = summarySide(table, 'income');
  const spending = summarySide(table, 'expenditure');
  const incomeColumns = table.incomeColumns ?? table.columns;
  const two = table.columns.length > 1;
  const check = (row: TableRow | undefined, parts: TableRow[], columns: string[], what: string) => {
    if (!row) return;
    columns.forEach((column, c) => {
      compare(ctx, {
        expected: parts.reduce((s, r) => s + at(r, c), 0),
        actual: at(row, c),
        unit: table.unit,
        what: `${table.title}的${row.name}${two ? `（${column}）` : ''}不等于${what}`,
        where: { table: table.key, row: row.name, ...(two ? { column } : {}), ...rowLine(row) },
        anchor: rowAnchor(table, row, c),
      });
    });
  };
  check(income.subtotal, income.items, incomeColumns, '各项收入之和');
  if (income.subtotal)
    check(income.total, [income.subtotal, ...income.carry], incomeColumns, '本年收入合计与结转之和');
  check(spending.subtotal, spending.items, table.columns, '各类支出之和');
  if (spending.subtotal)
    check(
      spending.total,
      [spending.subtotal, ...spending.carry],
      table.columns,
      '本年支出合计与结转结余之和',
    );
  if (income.total && spending.total) {
    compare(ctx, {
      expected: at(income.total, 0),
      actual: at(spending.total, 0),
      unit: table.unit,
      what: `${table.title}收支不平衡：支出总计不等于收入总计`,
      where: {
        table: table.key,
        row: spending.total.name,
        ...(two ? { column: table.columns[0]! } : {}),
        ...rowLine(spending.total),
      },
      anchor: rowAnchor(table, spending.total, 0),
    });
  }
}
