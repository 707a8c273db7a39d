import type { Rule } from '../types.ts';

export const requiredSections: Rule = {
  meta: {
    id: 'required-sections',
    severity: 'warning',
    title: '规定的说明章节齐全',
    description:
      '按所用规范检查情况说明的章节：部门职责及机构设置、总体情况、机关运行经费、"三公"经费、政府采购、国有资产、名词解释等；绩效文本须有总体绩效目标、分项绩效目标和工作保障措施。规定章节较多（预算、决算）而识别出的不到一半时，或一个规定章节也没有识别出时（单独公开的项目绩效目标表），视为节选或标题未能识别，只给出一条提示。',
    reason: '部门预算公开的情况说明有规定的内容，缺少章节即缺少应公开的信息。',
    example: '情况说明中没有"国有资产信息"一节。',
    kinds: ['budget', 'performance', 'final'],
  },
  check(doc, ctx) {
    const required = ctx.profile.requiredSections;
    const missing = required.filter(
      (r) => !doc.sections.some((s) => r.keywords.some((k) => s.heading.includes(k))),
    );
    // Fewer than half of a long list found: a fragment, or headings the recogniser did not read as such.
    // A performance text's three are asked one by one, once one is there: with none, it is a project's
    // 绩效目标表 published on its own (a page of one table), not a 绩效文本 missing all its parts.
    const found = required.length - missing.length;
    if (missing.length > 0 && (found === 0 || (required.length > 3 && found * 2 < required.length))) {
      ctx.report({
        severity: 'info',
        message: `只识别出情况说明的 ${found} 个规定章节（共 ${required.length} 个）；未检查章节完整性，可能是节选或章节标题未能识别`,
        where: {},
      });
      return;
    }
    for (const required of missing) {
      ctx.report({
        message: `情况说明缺少"${required.name}"部分（规范：${ctx.profile.title}）`,
        where: { section: required.name },
      });
    }
  },
};
