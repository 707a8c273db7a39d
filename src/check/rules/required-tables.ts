import type { Rule } from '../types.ts';

const tableTitles: Record<string, string> = {
  summary: '部门预算收支总表',
  income: '部门预算收入总表',
  expenditure: '部门预算支出总表',
  'fiscal-summary': '部门预算财政拨款收支总表',
  'general-expenditure': '一般公共预算财政拨款支出表',
  'general-basic': '一般公共预算财政拨款基本支出表',
  'fund-expenditure': '政府性基金预算财政拨款支出表',
  'capital-expenditure': '国有资本经营预算财政拨款支出表',
  'three-public': '财政拨款"三公"经费支出表',
  procurement: '部门政府采购预算表',
  assets: '部门固定资产占用情况表',
};

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
        message: `缺少${tableTitles[key] ?? key}（规范：${ctx.profile.title}）`,
        where: { table: key },
      });
    }
  },
};
