import { projectAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const projectSpendingPlan: Rule = {
  meta: {
    id: 'project-spending-plan',
    severity: 'error',
    title: '资金支出计划完整、递增并到年底支出完毕',
    description:
      '资金支出计划须填写 3月底、6月底、10月底、12月底四个累计进度，逐期不减少，12月底达到 100%（按金额填写时达到项目预算数）。',
    reason: '支出进度是预算执行监控的依据（累计进度不能倒退，年底应全部支出）。',
    example: '支出计划 25%、25%、25%、25%：12月底只有 25%。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      const plan = p.plan;
      if (!plan) continue;
      const where = (month: number) => ({ project: p.code, column: `${month}月底`, ...lineOf(plan.source) });
      let previous: number | undefined;
      for (const point of plan.points) {
        if (point.value === null) {
          ctx.report({
            message: `项目"${p.name}"的资金支出计划缺少${point.month}月底进度`,
            where: where(point.month),
            anchor: projectAnchor(doc, p, { month: point.month }),
          });
          continue;
        }
        const value = scaled(point.value);
        if (previous !== undefined && value < previous) {
          compare(ctx, {
            expected: previous,
            actual: value,
            unit: plan.form === 'percent' ? '%' : p.unit,
            what: `项目"${p.name}"的累计支出进度在${point.month}月底比上一期减少`,
            where: where(point.month),
            anchor: projectAnchor(doc, p, { month: point.month }),
          });
        }
        previous = value;
        if (point.month !== 12) continue;
        const target = plan.form === 'percent' ? 100 * 10000 : p.budget ? scaled(p.budget) : undefined;
        if (target === undefined) continue;
        compare(ctx, {
          expected: target,
          actual: value,
          unit: plan.form === 'percent' ? '%' : p.unit,
          what: `项目"${p.name}"的资金支出计划到12月底${plan.form === 'percent' ? '未达到 100%' : '不等于项目预算数'}`,
          where: where(12),
          anchor: projectAnchor(doc, p, { month: 12 }),
        });
      }
    }
  },
};
