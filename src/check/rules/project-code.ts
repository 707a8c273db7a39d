import { projectAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const projectCode: Rule = {
  meta: {
    id: 'project-code',
    severity: 'error',
    title: '项目编码为 21 位',
    description: '项目编码（项目库统一编码）应为 21 位字母和数字。',
    reason: '项目编码是项目在预算管理一体化系统中的唯一标识，位数不对无法与项目库对应。',
    example: '项目编码"13022525P00HHX61001"只有 19 位。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      if (/^[0-9A-Z]{21}$/.test(p.code)) continue;
      // The scored layout prints no 项目编码 at all: nothing to check.
      if (p.scored && p.code === '') continue;
      ctx.report({
        message:
          p.code.length === 21
            ? `项目"${p.name}"的项目编码"${p.code}"含有大写字母和数字以外的字符`
            : `项目"${p.name}"的项目编码"${p.code}"应为 21 位，实为 ${p.code.length} 位`,
        where: { project: p.code, ...lineOf(p.source) },
        anchor: projectAnchor(doc, p),
        expected: 21,
        actual: p.code.length,
      });
    }
  },
};
