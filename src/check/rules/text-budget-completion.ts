import Big from 'big.js';
import { halfUnit } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

/**
 * The budget a completion is stated against: printed (年初预算为B万元), or the 决算 amount less (more) the
 * difference it is said to exceed (fall short of) the budget by.
 */
function budgetOf(s: {
  amount: string;
  budget?: string;
  direction?: 'above' | 'below';
  difference?: string;
}) {
  // Prose drops a budget's trailing zeros (预算为1万元 beside 决算为0.53万元, the table printing 1 and 0.53): it
  // is as precise as the 决算 amount it is set against, not a figure rounded to the 万元.
  if (s.budget !== undefined) {
    const own = halfUnit(s.budget);
    const amount = halfUnit(s.amount);
    return { value: new Big(s.budget), error: own.lt(amount) ? own : amount };
  }
  if (s.direction && s.difference !== undefined) {
    const d = new Big(s.difference);
    return {
      value: s.direction === 'above' ? new Big(s.amount).minus(d) : new Big(s.amount).plus(d),
      error: halfUnit(s.amount).plus(halfUnit(s.difference)),
    };
  }
  return undefined;
}

export const textBudgetCompletion: Rule = {
  meta: {
    id: 'text-budget-completion',
    severity: 'error',
    title: '决算说明中的预算完成率与金额一致',
    description:
      '决算情况说明写明"支出决算A万元，完成年初预算的P%"并写明年初预算数B或"决算数大于（小于）预算数D万元"时，P 必须等于 A÷B（B = A∓D）；按所写数字的精度比较，金额与百分比各自末位四舍五入解释不了的差距即为错误。',
    reason:
      '完成率、预算数与决算数是同一组数字，互相矛盾说明至少一个有误；常见的是套用“完成年初预算100%”而决算数已超出或未达预算。',
    example: '"支出总计1741.75万元……完成年初预算100%，决算数大于预算数55.93万元"，按金额应为 103.32%。',
    kinds: ['final'],
  },
  check(doc, ctx) {
    for (const stated of doc.statedCompletions ?? []) {
      const budget = budgetOf(stated);
      if (!budget || budget.value.lte(0)) continue;
      const amount = new Big(stated.amount);
      const a = halfUnit(stated.amount);
      const printed = new Big(stated.percent);
      const p = halfUnit(stated.percent);
      // The extremes the printed figures allow: the rate grows with A and falls with B.
      const low = budget.value.plus(budget.error);
      const high = budget.value.minus(budget.error);
      const lowest = amount.minus(a).times(100).div(low);
      const highest = high.gt(0) ? amount.plus(a).times(100).div(high) : lowest;
      if (highest.gte(printed.minus(p)) && lowest.lte(printed.plus(p))) continue;
      const decimals = Math.max(2, (stated.percent.split('.')[1] ?? '').length);
      const expected = amount.times(100).div(budget.value).round(decimals, Big.roundHalfUp);
      const against =
        stated.budget !== undefined
          ? `年初预算${stated.budget}${stated.unit}`
          : `决算数${stated.direction === 'above' ? '大于' : '小于'}预算数${stated.difference}${stated.unit}（预算数 ${budget.value.toFixed()}${stated.unit}）`;
      ctx.report({
        message: `情况说明所述${stated.name}${stated.amount}${stated.unit}，完成年初预算${stated.percent}%，又称${against}；按金额计算完成率应为 ${expected.toFixed(decimals)}%`,
        where: {
          section: stated.section,
          ...lineOf(stated.source),
        },
        expected: Number(expected.toFixed(decimals)),
        actual: Number(stated.percent),
      });
    }
  },
};
