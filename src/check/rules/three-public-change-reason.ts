import type { StatedAmount } from '../../model/document.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const threePublicChangeReason: Rule = {
  meta: {
    id: 'three-public-change-reason',
    severity: 'warning',
    title: '"三公"经费增减须说明原因',
    description:
      '情况说明写明"三公"经费比上年增加或减少时，必须同时说明增减变化的原因；每节报告一次，列出该节未说明原因的总额及各分项的增减。',
    reason: '部门预算公开要求"三公"经费预算说明增减变化原因（标题即"……预算情况及增减变化原因"）。',
    example: '"三公"经费比上年增加 10 万元，未说明原因。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    // One finding a section, naming the whole's change and each part's that it states without a reason.
    const bySection = new Map<string, StatedAmount[]>();
    for (const s of doc.statedAmounts) {
      if (s.subject !== 'three-public' && s.subject !== 'three-public-part') continue;
      if (!s.change || s.change.explained) continue;
      const list = bySection.get(s.section) ?? [];
      if (!list.some((x) => x.subject === s.subject && x.item === s.item)) list.push(s);
      bySection.set(s.section, list);
    }
    for (const [section, changes] of bySection) {
      // Parts alone, with no change of the whole stated: the parts' own sections give their reasons elsewhere.
      if (!changes.some((s) => s.subject === 'three-public')) continue;
      const words = changes.map((s) => {
        const rate = (doc.statedChanges ?? []).find((c) => c.section === section && c.change === s.value);
        return `${s.subject === 'three-public' ? '"三公"经费' : s.item}比上年${s.change!.direction === 'increase' ? '增加' : '减少'} ${s.value}${s.unit}${rate ? `（${rate.direction === 'increase' ? '增长' : '下降'} ${rate.percent}%）` : ''}`;
      });
      ctx.report({
        message: `${words.join('，')}，未说明增减变化的原因`,
        where: { section, ...lineOf(changes[0]!.source) },
      });
    }
  },
};
