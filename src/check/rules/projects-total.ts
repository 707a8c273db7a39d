import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { convert, scaled } from '../money.ts';
import { at, columnIndex, totalRow } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const projectsTotal: Rule = {
  meta: {
    id: 'projects-total',
    severity: 'error',
    title: '项目绩效目标表预算合计与项目支出一致',
    description:
      '各项目绩效目标表的预算数之和应等于部门预算支出总表的项目支出合计：超过为错误，不足为警告（可能有项目未公开绩效目标）。',
    reason: '所有项目支出都应设定并公开绩效目标；项目预算之和超过项目支出说明数字有误。',
    example: '8 个项目预算合计 1485.00，支出总表项目支出 1485.00：一致。',
    kinds: ['budget'],
  },
  check(doc, ctx) {
    const table = doc.tables.expenditure;
    const total = table && totalRow(table);
    const c = table ? columnIndex(table, '项目支出') : -1;
    if (!table || !total || c < 0 || doc.projects.length === 0) return;
    const sum = doc.projects.reduce((s, p) => s + convert(scaled(p.budget), p.unit, table.unit), 0);
    const expected = at(total, c);
    compare(ctx, {
      expected,
      actual: sum,
      unit: table.unit,
      severity: sum > expected ? 'error' : 'warning',
      what: `${doc.projects.length} 个项目绩效目标表的预算数之和与支出总表项目支出合计不一致`,
      where: { table: 'expenditure', row: total.name, column: table.columns[c]!, ...rowLine(total) },
      anchor: rowAnchor(table, total, c),
    });
  },
};
