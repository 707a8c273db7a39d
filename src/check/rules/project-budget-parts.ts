import { projectAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const projectBudgetParts: Rule = {
  meta: {
    id: 'project-budget-parts',
    severity: 'error',
    title: '项目预算数等于财政资金与其他资金之和',
    description: '项目绩效目标表的预算数 = 其中财政资金 + 其他资金。',
    reason: '预算数按资金来源拆分，两部分之和必须等于总数。',
    example: '预算数 50，财政资金 40，其他资金 0。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      if (!p.budget || (!p.fiscal && !p.other)) continue;
      compare(ctx, {
        expected: scaled(p.fiscal) + scaled(p.other),
        actual: scaled(p.budget),
        unit: p.unit,
        what: `项目"${p.name}"的预算数不等于财政资金与其他资金之和`,
        where: { project: p.code, ...lineOf(p.source) },
        anchor: projectAnchor(doc, p),
      });
    }
  },
};
