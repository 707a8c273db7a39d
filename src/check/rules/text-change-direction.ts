import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

const up = /增|上升/;

export const textChangeDirection: Rule = {
  meta: {
    id: 'text-change-direction',
    severity: 'error',
    title: '情况说明中增减额与增减幅度方向一致',
    description:
      '情况说明写明"比上年增加（减少）C万元，增长（下降）P%"时，金额与百分比必须说同一个方向：减少的金额配"增长…%"、增加的金额配"下降…%"是错误。金额为 0 或百分比为 0 的不算。',
    reason: '增减额与增减幅度描述的是同一个变化，方向词相反说明至少一处写错（常见于套用上一项的句式）。',
    example: '"商品和服务支出较上年减0.04万元，增0.01%"。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const s of doc.statedRateWords ?? []) {
      // No direction to disagree with: nothing changed.
      if (Number(s.change) === 0 || Number(s.percent) === 0) continue;
      if (up.test(s.changeWord) === up.test(s.rateWord)) continue;
      ctx.report({
        message: `情况说明所述“${s.changeWord}${s.change}${s.unit}，${s.rateWord}${s.percent}%”：金额说${up.test(s.changeWord) ? '增加' : '减少'}，百分比却说${up.test(s.rateWord) ? '增长' : '下降'}，方向相反`,
        where: { section: s.section, ...lineOf(s.source) },
      });
    }
  },
};
