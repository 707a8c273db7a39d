import { sectionAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from './text-amount.ts';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 11 → 十一, 20 → 二十. */
export function chineseNumeral(n: number): string {
  if (n <= 10) return numerals[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : numerals[tens - 1]}十${ones === 0 ? '' : numerals[ones - 1]}`;
}

/** The number a heading prints (一、 → 1, 十一、 → 11, 8、 → 8), if any. */
function headingNumber(heading: string): number | undefined {
  const arabic = /^(\d+)[、.．]/.exec(heading);
  if (arabic) return Number(arabic[1]);
  const m = /^([一二三四五六七八九十]+)、/.exec(heading);
  if (!m) return undefined;
  for (let n = 1; n <= 99; n++) if (chineseNumeral(n) === m[1]) return n;
  return undefined;
}

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
    if (!doc.sections.some((section) => headingNumber(section.heading) !== undefined)) return;
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
      const printed = headingNumber(section.heading);
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
