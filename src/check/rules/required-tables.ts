import { tableNames, tablesInOrder } from '../../model/document.ts';
import type { Rule } from '../types.ts';

export const requiredTables: Rule = {
  meta: {
    id: 'required-tables',
    severity: 'error',
    title: '规定的表格齐全',
    description:
      '按所用规范（profile）检查必须公开的表格是否都已列示；绩效目标文本不要求预算表。识别出的规定表格不到一半时，视为节选（一节、一张表、几页）或版式未能识别，只给出一条提示，说明识别出了哪些部分，不逐一报缺表。',
    reason: '部门预算公开须完整公开规定的表格，即使无数据也应空表列示。',
    example: '缺少"政府性基金预算财政拨款支出表"。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const required = ctx.profile.requiredTables;
    const missing = required.filter((key) => !doc.tables[key]);
    if (missing.length === 0) return;
    const found = required.length - missing.length;
    // A fragment, or a layout the recogniser does not know: a list of missing tables would be mostly wrong.
    if (found * 2 < required.length) {
      const parts = [
        ...tablesInOrder(doc).map((t) => t.title || tableNames[t.key]),
        ...(doc.sections.length ? [`情况说明 ${doc.sections.length} 节`] : []),
        ...(doc.projects.length ? [`项目 ${doc.projects.length} 个`] : []),
      ];
      ctx.report({
        severity: 'info',
        message: `只识别出：${parts.length ? parts.join('、') : '无表格和说明'}；未检查完整性（规范要求的 ${required.length} 张表格识别出 ${found} 张，可能是节选或表格版式未能识别）`,
        where: {},
      });
      return;
    }
    for (const key of missing) {
      ctx.report({
        message: `缺少${tableNames[key]}（规范：${ctx.profile.title}）`,
        where: { table: key },
      });
    }
  },
};
