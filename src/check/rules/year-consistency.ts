import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const yearConsistency: Rule = {
  meta: {
    id: 'year-consistency',
    severity: 'error',
    title: '年度前后一致',
    description: '封面、表头（预算年度）和标题中的年度必须与文件的预算年度一致。',
    reason: '套用上年模板时常漏改年度，读者会据此误判数据所属年度。',
    example: '2025 年部门预算的某张表表头写"预算年度：2024"。',
    kinds: ['budget', 'performance', 'final'],
  },
  check(doc, ctx) {
    if (doc.year === undefined) return;
    for (const seen of doc.yearsSeen) {
      if (seen.year === doc.year) continue;
      ctx.report({
        message: `${seen.context}中的年度 ${seen.year} 与文件年度 ${doc.year} 不一致`,
        where: lineOf(seen.source),
        expected: doc.year,
        actual: seen.year,
      });
    }
  },
};
