import type { Rule } from '../types.ts';

export const requiredSections: Rule = {
  meta: {
    id: 'required-sections',
    severity: 'warning',
    title: '规定的说明章节齐全',
    description:
      '按所用规范检查情况说明的章节：部门职责及机构设置、总体情况、机关运行经费、"三公"经费、政府采购、国有资产、名词解释等；绩效文本须有总体绩效目标、分项绩效目标和工作保障措施。',
    reason: '部门预算公开的情况说明有规定的内容，缺少章节即缺少应公开的信息。',
    example: '情况说明中没有"国有资产信息"一节。',
    kinds: ['budget', 'performance', 'final'],
  },
  check(doc, ctx) {
    for (const required of ctx.profile.requiredSections) {
      if (doc.sections.some((s) => required.keywords.some((k) => s.heading.includes(k)))) continue;
      ctx.report({
        message: `情况说明缺少"${required.name}"部分（规范：${ctx.profile.title}）`,
        where: { section: required.name },
      });
    }
  },
};
