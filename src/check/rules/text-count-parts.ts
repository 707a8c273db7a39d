import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textCountParts: Rule = {
  meta: {
    id: 'text-count-parts',
    severity: 'error',
    title: '情况说明中的数量与其分项一致',
    description:
      '情况说明写明"共有X辆（台、套、处），其中：A辆、B辆……"时，所列分项之和不得超过总数；分项列到"其他"一类（即已列全）时必须等于总数。写明"设N个内设机构，分别为：A、B……"时，列出的名称个数必须等于N。人数不核对（女职工、党员等分类相互重叠）。',
    reason: '数量与分项是同一组数字，不符说明至少一个写错（常见于车辆数）。',
    example: '"共有公务用车0辆，其中：一般公务用车1辆"。',
    kinds: ['budget', 'final', 'performance'],
  },
  check(doc, ctx) {
    for (const c of doc.statedCounts ?? []) {
      const sum = c.parts.reduce((n, p) => n + p.count, 0);
      // A list that ends with the catch-all class (其他用车) names every class: it must make the total.
      const complete = c.enumerated || c.parts.some((p) => /其他|其它/.test(p.name));
      if (sum === c.total || (sum < c.total && !complete)) continue;
      if (c.enumerated) {
        ctx.report({
          message: `情况说明称${c.name}共 ${c.total} 个，随后列出的名称为 ${sum} 个（${c.parts.map((p) => p.name).join('、')}）`,
          where: { section: c.section, ...lineOf(c.source) },
          expected: c.total,
          actual: sum,
        });
        continue;
      }
      ctx.report({
        message: `情况说明所述${c.name || '总数'}共 ${c.total}${c.unit}，所列分项（${c.parts.map((p) => `${p.name}${p.count}${c.unit}`).join('、')}）合计 ${sum}${c.unit}，${sum > c.total ? '超过总数' : '与总数不符'}`,
        where: { section: c.section, ...lineOf(c.source) },
        expected: c.total,
        actual: sum,
      });
    }
  },
};
