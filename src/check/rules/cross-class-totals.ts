import { functionalClassByName } from '../../model/codes.ts';
import type { BudgetTable, TableRow } from '../../model/document.ts';
import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { at, bareName, columnIndex, summarySide, totalRow } from '../tables.ts';
import type { Context, Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const crossClassTotals: Rule = {
  meta: {
    id: 'cross-class-totals',
    severity: 'error',
    title: '收支总表各类支出与支出表一致',
    description:
      '部门预算收支总表上每一类支出等于部门预算支出总表该类的合计；财政拨款收支总表每一类的一般公共预算数等于一般公共预算财政拨款支出表该类的合计。',
    reason: '同一科目在不同表中的金额必须一致（表间勾稽）。',
    example: '收支总表 十、卫生健康支出 108.34，支出总表 210 合计 108.33。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const t = doc.tables;
    // Budgets and final accounts print the same pairs under their own keys.
    for (const [summaryKey, codedKey] of [
      ['summary', 'expenditure'],
      ['final-summary', 'final-expenditure'],
    ] as const) {
      const summary = t[summaryKey];
      const coded = t[codedKey];
      if (summary && coded) compareClasses(summary, 0, coded, ctx);
    }
    for (const [fiscalKey, generalKey] of [
      ['fiscal-summary', 'general-expenditure'],
      ['final-fiscal-summary', 'final-general-expenditure'],
    ] as const) {
      const fiscal = t[fiscalKey];
      const general = t[generalKey];
      const c = fiscal ? columnIndex(fiscal, '一般公共预算财政拨款') : -1;
      if (fiscal && general && c >= 0) compareClasses(fiscal, c, general, ctx);
    }
  },
};

/** Each 类 of a summary's expenditure side (column c) against the 合计 of that 类 in a coded table. */
function compareClasses(summary: BudgetTable, c: number, coded: BudgetTable, ctx: Context): void {
  const classes = new Map<string, TableRow>();
  for (const row of summarySide(summary, 'expenditure').items) {
    const code = functionalClassByName(bareName(row.name));
    if (code) classes.set(code, row);
  }
  const codedClasses = new Map(coded.rows.filter((r) => r.code?.length === 3).map((r) => [r.code!, r]));
  const codes = new Set([...classes.keys(), ...codedClasses.keys()]);
  if (!totalRow(coded) && codedClasses.size === 0) return;
  for (const code of codes) {
    const row = classes.get(code);
    if (!row) continue; // a 类 the summary does not print is a completeness question, not a sum
    const other = codedClasses.get(code);
    compare(ctx, {
      expected: other ? at(other, 0) : 0,
      actual: at(row, c),
      unit: summary.unit,
      what: `${summary.title}的「${row.name}」${c > 0 ? `（${summary.columns[c]}）` : ''}与${coded.title}的 ${code} 合计不一致`,
      where: {
        table: summary.key,
        against: coded.key,
        row: code,
        ...(c > 0 ? { column: summary.columns[c]! } : {}),
        ...rowLine(row),
      },
      anchor: rowAnchor(summary, row, c),
    });
  }
}
