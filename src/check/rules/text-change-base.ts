import Big from 'big.js';
import { deltaParts, type StatedDelta } from '../../model/document.ts';
import { halfUnit } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

/** The year before's amount a change and its rate imply (change ÷ rate), at its least and most as printed. */
function priorRange(d: StatedDelta): { low: Big; high: Big; value: Big } | undefined {
  if (d.percent === undefined || d.rateDirection !== d.direction) return undefined;
  const change = new Big(d.change);
  const rate = new Big(d.percent);
  if (change.lte(0) || rate.lte(0)) return undefined;
  const c = halfUnit(d.change);
  const p = halfUnit(d.percent);
  const value = change.times(100).div(rate);
  const low = change.minus(c).times(100).div(rate.plus(p));
  const high = rate.minus(p).gt(0) ? change.plus(c).times(100).div(rate.minus(p)) : undefined;
  return high ? { low, high, value } : undefined;
}

const word = (d: StatedDelta) => (d.direction === 'increase' ? '增加' : '减少');

export const textChangeBase: Rule = {
  meta: {
    id: 'text-change-base',
    severity: 'error',
    title: '情况说明中组成部分的增幅推算的上年数不超过总额的上年数',
    description:
      '情况说明写明基本支出（或"三公"经费）比上年增加（减少）C万元、增长（下降）P%，又写明其某一组成部分增加（减少）c万元、增长（下降）p%时，由增减额与幅度推算的上年数（c÷p）不能大于总额的上年数（C÷P）：部分不会大于整体。按所写数字的精度比较，末位四舍五入解释不了的才报告。',
    reason: '增减幅度是以上年数为基数计算的；推算出的部分上年数大于整体，说明增幅算错了基数或写错了数字。',
    example:
      '基本支出"较上年增17.1万元，增幅17.18%"（上年约 99.53 万元），对个人和家庭补助"增加0.11万元，增幅0.01%"（上年约 1100 万元）。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const deltas = doc.statedDeltas ?? [];
    deltas.forEach((whole, at) => {
      const wholePrior = priorRange(whole);
      if (!wholePrior) return;
      const parts = new Set(
        deltaParts
          .filter((s) => s.whole === whole.subject)
          .flatMap((s) => [...s.parts, ...(s.optional ?? [])]),
      );
      for (const part of deltas.slice(at + 1)) {
        if (part.section !== whole.section || part.subject === whole.subject) break;
        if (!parts.has(part.subject) || part.unit !== whole.unit) continue;
        const prior = priorRange(part);
        if (!prior || prior.low.lte(wholePrior.high)) continue;
        ctx.report({
          message: `情况说明所述${part.name}${word(part)}${part.change}${part.unit}、幅度${part.percent}%，推算上年数约 ${prior.value.toFixed(2)}${part.unit}，大于${whole.name}的上年数（${word(whole)}${whole.change}${whole.unit}、幅度${whole.percent}%，约 ${wholePrior.value.toFixed(2)}${whole.unit}）；部分不会大于整体，幅度或增减额有误`,
          where: { section: part.section, ...lineOf(part.source) },
          expected: Number(wholePrior.value.toFixed(2)),
          actual: Number(prior.value.toFixed(2)),
        });
      }
    });
  },
};
