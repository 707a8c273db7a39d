import { projectAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const projectTarget: Rule = {
  meta: {
    id: 'project-target',
    severity: 'error',
    title: '项目有绩效目标和指标',
    description: '每个项目绩效目标表都要有绩效目标文字和绩效指标。',
    reason:
      '《项目支出绩效评价管理办法》（财预〔2020〕10号）与预算绩效管理要求：预算项目须同步设定绩效目标和指标。',
    example: '项目"2024年吸引外商投资奖励资金"只有预算数，没有绩效目标和指标。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      const missing = [
        p.target.trim() === '' ? '绩效目标' : '',
        p.indicators.length === 0 ? '绩效指标' : '',
      ].filter(Boolean);
      if (missing.length === 0) continue;
      ctx.report({
        message: `项目"${p.name}"没有${missing.join('和')}`,
        where: { project: p.code, ...lineOf(p.source) },
        anchor: projectAnchor(doc, p),
      });
    }
  },
};
