import { projectAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from './text-amount.ts';

export const projectIndicatorValue: Rule = {
  meta: {
    id: 'project-indicator-value',
    severity: 'warning',
    title: '指标值可衡量',
    description:
      '指标值应是"运算符 + 数字 + 单位"（如 ≥90%、≤3.96万元）、时限或公认的定性表述；空值、"是/否"以及数字后直接接文字（如"≥700按计划完成工作"）都无法衡量。',
    reason: '绩效指标须细化、量化、可衡量（财预〔2021〕101号），否则绩效自评无从判断是否完成。',
    example: '指标值"25完成25家企业的检查"。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      for (const ind of p.indicators) {
        const v = ind.parsed;
        let problem: string | undefined;
        if (v.type === 'empty') problem = '指标值为空';
        else if (v.type === 'qualitative' && /^(?:是|否|是\/否|是或否|是否)$/.test(v.text))
          problem = `指标值"${ind.value}"不是可衡量的值`;
        else if (v.type === 'quantity' && v.rest !== '')
          problem = `指标值"${ind.value}"的数字后接了文字，无法衡量`;
        if (!problem) continue;
        ctx.report({
          message: `项目"${p.name}"的指标"${ind.level3 || ind.description}"：${problem}`,
          where: { project: p.code, ...lineOf(ind.source) },
          anchor: projectAnchor(doc, p, { indicator: ind }),
        });
      }
    }
  },
};
