import type { BudgetTable, TableRow } from '../../model/document.ts';
import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { at, columnIndex, summarySide, totalRow } from '../tables.ts';
import type { Rule, Where } from '../types.ts';
import { rowLine } from '../where.ts';

export const crossTableTotals: Rule = {
  meta: {
    id: 'cross-table-totals',
    severity: 'error',
    title: '各表总数一致',
    description:
      '部门预算收入总表合计 = 支出总表合计；收支总表收入总计 = 收入总表合计；财政拨款收支总表一般公共预算支出合计 = 一般公共预算财政拨款支出表合计。',
    reason: '同一部门同一年度的收入、支出总数在各表中必须一致。',
    example: '收入总表合计 2381.68，支出总表合计 2381.00。',
    kinds: ['budget'],
  },
  check(doc, ctx) {
    const t = doc.tables;
    const same = (
      table: BudgetTable,
      row: TableRow | undefined,
      column: number,
      other: BudgetTable | undefined,
      from: string,
    ) => {
      const expected = totalOf(other);
      if (!row || !other || expected === undefined) return;
      const where: Where = {
        table: table.key,
        against: other.key,
        row: row.name,
        column: table.columns[column]!,
        ...rowLine(row),
      };
      compare(ctx, {
        expected,
        actual: at(row, column),
        unit: table.unit,
        what: `${table.title}的${row.name}与${from}不一致`,
        where,
        anchor: rowAnchor(table, row, column),
      });
    };
    const totalOf = (table: BudgetTable | undefined) => {
      const row = table && totalRow(table);
      return row ? at(row, 0) : undefined;
    };
    if (t.income) same(t.income, totalRow(t.income), 0, t.expenditure, '支出总表合计');
    if (t.summary) {
      const income = summarySide(t.summary, 'income').total;
      if (income) same(t.summary, income, 0, t.income, '收入总表合计');
    }
    const fiscal = t['fiscal-summary'];
    if (fiscal) {
      const c = columnIndex(fiscal, '一般公共预算财政拨款');
      const subtotal = summarySide(fiscal, 'expenditure').subtotal;
      if (c >= 0) same(fiscal, subtotal, c, t['general-expenditure'], '一般公共预算财政拨款支出表合计');
    }
  },
};
