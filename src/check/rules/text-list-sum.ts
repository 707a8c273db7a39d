import { compare } from '../compare.ts';
import { scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textListSum: Rule = {
  meta: {
    id: 'text-list-sum',
    severity: 'error',
    title: '情况说明中逐条列出的分项之和不超过总数',
    description:
      '情况说明写明总数"X万元，其中："后逐条编号列出各分项（1.…万元；2.…万元……）时，各分项之和不得超过总数（允许各分项四舍五入的误差）。所列未必是全部分项，少于总数不报告。',
    reason:
      '分项是总数的组成部分，合计超过总数说明总数或某一分项写错（常见的是总数漏计了上年结转或某项收入）。',
    example:
      '"收入总计为457.8161万元，其中：1.财政拨款收入364.6552万元……3.事业收入93.1608万元……5.上年结转和结余5.9219万元"，合计 463.7379 万元。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const list of doc.statedLists ?? []) {
      const sum = list.parts.reduce((n, p) => n + scaled(p.value), 0);
      const total = scaled(list.total.value);
      if (sum <= total) continue;
      compare(ctx, {
        expected: total,
        actual: sum,
        unit: list.total.unit,
        parts: list.parts.length,
        where: { section: list.section, ...lineOf(list.source) },
        what: `情况说明中${list.total.name}${list.total.value}${list.total.unit}，其下逐条列出的${list.parts.map((p) => `${p.name}${p.value}`).join('、')}合计超过总数`,
      });
    }
  },
};
