import type { MoneyUnit } from '../../model/document.ts';
import { projectAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { convert, scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

/** Money units an indicator may print, as a factor of 元 or 万元. */
const moneyUnits: Record<string, { unit: MoneyUnit; factor: number }> = {
  元: { unit: '元', factor: 1 },
  千元: { unit: '元', factor: 1000 },
  万: { unit: '万元', factor: 1 },
  万元: { unit: '万元', factor: 1 },
  亿元: { unit: '万元', factor: 10000 },
};

export const projectCostCeiling: Rule = {
  meta: {
    id: 'project-cost-ceiling',
    severity: 'error',
    title: '成本指标不超过项目预算',
    description:
      '成本指标给出的金额（按元/万元换算到项目金额单位；不带单位时按项目单位）不能超过项目预算数。比率、百分比不比较。',
    reason: '成本指标是项目资金的控制上限，超过预算数说明指标或预算至少一个有误。',
    example: '预算数 10 万元的项目，成本指标"≤30"。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      if (!p.budget) continue;
      const budget = scaled(p.budget);
      for (const ind of p.indicators) {
        const v = ind.parsed;
        if (!/成本/.test(`${ind.level1}${ind.level2}`) || v.type !== 'quantity') continue;
        // A bare number is an amount in the project's unit, unless the words after it make it a rate.
        const unit = v.unit === '' && !/率|%|％|百分/.test(v.rest) ? p.unit : v.unit;
        const money = moneyUnits[unit];
        if (!money) continue;
        const ceiling = convert(scaled(v.number) * money.factor, money.unit, p.unit);
        if (ceiling <= budget) continue;
        compare(ctx, {
          expected: budget,
          actual: ceiling,
          unit: p.unit,
          what: `项目"${p.name}"的成本指标"${ind.value}"超过项目预算数`,
          where: { project: p.code, ...lineOf(ind.source) },
          anchor: projectAnchor(doc, p, { indicator: ind }),
        });
      }
    }
  },
};
