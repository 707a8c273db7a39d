import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textDateYear: Rule = {
  meta: {
    id: 'text-date-year',
    severity: 'error',
    title: '"截至"日期与文件年度相符',
    description:
      '情况说明中"截至某年某月某日"（资产、车辆等情况）的年份：决算应为决算年度（如 2023 年决算截至 2023 年 12 月 31 日）；预算编制时本年尚未结束，应为上一年度（如 2024 年预算截至 2023 年 12 月 31 日或 8 月 31 日）。',
    reason: '日期年份与文件年度不符，多为沿用往年文本未改年份，所说的数字可能也是往年的。',
    example: '2024 年部门决算写"截至2022年12月31日，本部门共有车辆3辆"。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    if (doc.year === undefined) return;
    const expected = doc.kind === 'final' ? doc.year : doc.year - 1;
    for (const d of doc.statedDates ?? []) {
      if (d.year === expected) continue;
      ctx.report({
        message: `“${d.text}”的年份与${doc.year}年${doc.kind === 'final' ? '决算' : '预算'}不符：应为 ${expected} 年`,
        where: lineOf(d.source),
        expected,
        actual: d.year,
      });
    }
  },
};
