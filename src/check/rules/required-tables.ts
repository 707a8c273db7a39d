import { tableNames } from '../../model/document.ts';
import type { Rule } from '../types.ts';

export const requiredTables: Rule = {
  meta: {
    id: 'required-tables',
    severity: 'error',
    title: '规定的表格齐全',
    description: '按所用规范（profile）检查必须公开的表格是否都已列示；绩效目标文本不要求预算表。',
    reason: '部门预算公开须完整公开规定的表格，即使无数据也应空表列示。',
    example: '缺少"政府性基金预算财政拨款支出表"。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const key of ctx.profile.requiredTables) {
      if (doc.tables[key]) continue;
      ctx.report({
        message: `缺少${tableNames[key]}（规范：${ctx.profile.title}）`,
        where: { table: key },
      });
    }
  },
};
