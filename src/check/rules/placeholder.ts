import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    severity: 'error',
    title: '残留模板占位符',
    description:
      '正文或表格中残留"XX""××""待填写"等模板占位文字，或模板要求填写的数字空着（"占 %，比上年减少 万元"）。',
    reason: '占位符或空着的数字说明文本未填写完整就公开了。',
    example: '"XX 局 2025 年部门预算"。',
    kinds: ['budget', 'performance', 'final'],
  },
  check(doc, ctx) {
    for (const p of doc.placeholders) {
      ctx.report({ message: `残留模板占位符"${p.text}"`, where: lineOf(p.source) });
    }
  },
};
