import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const threePublicChangeReason: Rule = {
  meta: {
    id: 'three-public-change-reason',
    severity: 'warning',
    title: '"三公"经费增减须说明原因',
    description: '情况说明写明"三公"经费比上年增加或减少时，必须同时说明增减变化的原因。',
    reason: '部门预算公开要求"三公"经费预算说明增减变化原因（标题即"……预算情况及增减变化原因"）。',
    example: '"三公"经费比上年增加 10 万元，未说明原因。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const seen = new Set<string>();
    for (const s of doc.statedAmounts) {
      if (s.subject !== 'three-public' || !s.change || s.change.explained || seen.has(s.section)) continue;
      seen.add(s.section);
      ctx.report({
        message: `"三公"经费比上年${s.change.direction === 'increase' ? '增加' : '减少'} ${s.value}${s.unit}，未说明增减变化的原因`,
        where: { section: s.section, ...lineOf(s.source) },
      });
    }
  },
};
