import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const identitySignals: Rule = {
  meta: {
    id: 'identity-signals',
    severity: 'warning',
    title: '文件类型与部门的识别依据一致',
    description:
      '文件的类型（预算、决算）与部门应在封面、表格标题、表头和列名中一致：表格标题既有预算表又有决算表、封面与表格类型不同、预算表列有决算数、表头的编制部门与标题中的部门不同时提示核实。',
    reason: '类型或部门相互矛盾，往往是套用了其他年度、其他部门或其他类型的模板，也决定了按哪一套规范检查。',
    example: '封面为“2024年度部门决算”，表格却是“部门收支预算总表”等预算表。',
    kinds: ['budget', 'performance', 'final'],
  },
  check(doc, ctx) {
    // The recogniser compared the signals (recognise/identity.ts); this reports what it found.
    for (const p of doc.problems.filter((x) => x.code.startsWith('identity-')))
      ctx.report({
        message: p.message,
        where: p.source ? lineOf(p.source) : {},
      });
  },
};
