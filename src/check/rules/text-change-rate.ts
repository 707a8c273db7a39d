import Big from 'big.js';
import { halfUnit } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textChangeRate: Rule = {
  meta: {
    id: 'text-change-rate',
    severity: 'error',
    title: '情况说明中的增减幅度与金额一致',
    description:
      '情况说明写明"A万元，比上年增加（减少）C万元，增长（下降）P%"时，P 必须等于 C 除以上年数（A−C 或 A+C）；紧接着又写"较年初预算数增加（减少）…，增长（下降）…%"的，以预算数为基数同样核对。按所写数字的精度比较：金额与百分比各自末位四舍五入都解释不了的差距即为错误；按截断（而非四舍五入）得到的百分比只作提示；上年数为 0（增加额等于本年数）而写了增长率的，作警告。',
    reason: '增减幅度以上年数为基数；常见错误是以本年数为基数、漏写一位小数或沿用旧的百分比。',
    example: '"收支预算总计21955.35万元，比上年增加3958.67万元，增长21.95%"，按金额应为 22.00%。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const stated of doc.statedChanges ?? []) {
      const amount = new Big(stated.amount);
      const change = new Big(stated.change);
      const a = halfUnit(stated.amount);
      const c = halfUnit(stated.change);
      const p = halfUnit(stated.percent);
      const increase = stated.direction === 'increase';
      // The year before's amount, and the extremes the printed figures allow: the rate C / prior grows with C
      // and falls with A.
      const prior = (x: Big, y: Big) => (increase ? x.minus(y) : x.plus(y));
      const priorLow = prior(amount.minus(a), increase ? change.plus(c) : change.minus(c));
      const priorHigh = prior(amount.plus(a), increase ? change.minus(c) : change.plus(c));
      // Grown from nothing (50万元，增加50万元，增长100%): no rate of a zero base can be stated.
      if (increase && amount.eq(change) && amount.gt(0) && new Big(stated.percent).gt(0)) {
        ctx.report({
          severity: 'warning',
          message: `情况说明所述${stated.name}${stated.amount}${stated.unit}，比上年增加${stated.change}${stated.unit}，增长 ${stated.percent}%；上年数为 0，增长率无从计算（从无到有不应写成增长 ${stated.percent}%）`,
          where: { section: stated.section, ...lineOf(stated.source) },
        });
        continue;
      }
      if (priorLow.lte(0) || change.eq(0)) continue;
      const printed = new Big(stated.percent);
      const highest = change.plus(c).times(100).div(priorLow);
      const lowest = change.minus(c).times(100).div(priorHigh);
      if (highest.gte(printed.minus(p)) && lowest.lte(printed.plus(p))) continue;
      const decimals = (stated.percent.split('.')[1] ?? '').length;
      const exact = change.times(100).div(prior(amount, change));
      const truncated = exact.round(decimals, Big.roundDown).eq(printed);
      // Shown to two decimals at least (8.89%, where 2.2% was printed): the reviewer's figure to correct to.
      const shown = exact.round(Math.max(2, decimals), Big.roundHalfUp).toFixed(Math.max(2, decimals));
      const word = increase ? '增长' : '下降';
      ctx.report({
        ...(truncated ? { severity: 'info' as const } : {}),
        message: `情况说明所述${stated.name}${stated.amount}${stated.unit}，${stated.against === 'budget' ? '比预算' : '比上年'}${increase ? '增加' : '减少'}${stated.change}${stated.unit}，${word} ${stated.percent}%；按${stated.against === 'budget' ? '预算数' : '上年数'} ${prior(amount, change).toFixed()}${stated.unit} 计算应为 ${shown}%${truncated ? '（所写百分比为截断而非四舍五入）' : ''}`,
        where: {
          section: stated.section,
          ...lineOf(stated.source),
        },
        expected: Number(shown),
        actual: Number(stated.percent),
      });
    }
  },
};
