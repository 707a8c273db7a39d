import type { Section } from '../../model/document.ts';
import { chineseNumeral, headingNumber } from '../../model/numbering.ts';
import { sectionAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

/** The number the recogniser read from the heading (a model built otherwise: read here the same way). */
const numberOf = (section: Section) => section.number ?? headingNumber(section.heading);

export { chineseNumeral };

export const sectionNumbering: Rule = {
  meta: {
    id: 'section-numbering',
    severity: 'warning',
    title: '章节序号连续',
    description:
      '情况说明的一级标题应按"一、二、三……"连续编号（决算分为"第一部分……第四部分"时，每一部分重新编号）；序号跳号、重复或改用阿拉伯数字属于排版错误。',
    reason: '标题序号错乱影响阅读和引用，也常说明文本由不同模板拼接而成。',
    example: '"七、"之后是"8、政府采购预算情况"。',
    kinds: ['budget', 'performance', 'final'],
  },
  check(doc, ctx) {
    // Each heading follows the one before it, so a single gap is reported once.
    let previous = 0;
    let part: string | undefined;
    // Parts titled without numbers (Shanghai's page titles) have no sequence to keep.
    if (!doc.sections.some((section) => numberOf(section) !== undefined)) return;
    for (const section of doc.sections) {
      // The first section of another part (its heading left out of the sections) numbers afresh.
      if (section.part !== part) {
        part = section.part;
        previous = 0;
      }
      // A part (第三部分 情况说明) numbers its sections afresh; a part heading itself has no number.
      if (/^第[一二三四五六七八九十]+部分/.test(section.heading)) {
        previous = 0;
        continue;
      }
      const printed = numberOf(section);
      if (doc.kind === 'final' && printed === 1) previous = 0;
      const expected = `${chineseNumeral(previous + 1)}、`;
      previous = printed ?? previous + 1;
      if (section.heading.startsWith(expected)) continue;
      ctx.report({
        message: `一级标题"${section.heading}"的序号应为"${expected}"`,
        where: { section: section.heading, ...lineOf(section.source) },
        anchor: sectionAnchor(doc, section),
      });
    }
  },
};
