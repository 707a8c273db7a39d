import { compare } from '../compare.ts';
import { tableFigure } from '../figures.ts';
import { convert, scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';
import { subjectNames } from './text-amount.ts';

export const textChangeVsPrior: Rule = {
  meta: {
    id: 'text-change-vs-prior',
    severity: 'error',
    title: '比上年增减额与上年文件一致',
    description:
      '情况说明中"比上年增加/减少 X"的金额，应等于本年表格数减去同一部门上年公开文件中的对应数（仅当数据库中存有上年文件时检查）。',
    reason: '增减额是本年与上年数字之差；与上年公开数据不符，说明增减额或其中一年的数字有误。',
    example:
      '2025 年支出总计 2381.68 万元，2024 年公开为 1722.56 万元，情况说明写"增加 600 万元"（应为 659.12 万元）。',
    kinds: ['budget', 'final'],
    needsHistory: true,
  },
  check(doc, ctx) {
    const previous = ctx.previous;
    if (!previous) return;
    for (const stated of doc.statedAmounts) {
      if (!stated.change || stated.subject === 'project-item') continue;
      if (stated.change.comparedYear !== undefined && stated.change.comparedYear !== previous.year) continue;
      const now = tableFigure(doc, stated);
      const before = tableFigure(previous, stated);
      if (!now || !before) continue;
      const expected = now.value - convert(before.value, before.unit, now.unit);
      const sign = stated.change.direction === 'increase' ? 1 : -1;
      const actual = sign * convert(scaled(stated.value), stated.unit, now.unit);
      compare(ctx, {
        expected,
        actual,
        unit: now.unit,
        what: `情况说明所述${stated.item ?? subjectNames[stated.subject] ?? stated.subject}比上年${sign > 0 ? '增加' : '减少'}额与上年文件（${previous.year} 年）的差额不符（负数为减少）`,
        where: { section: stated.section, ...lineOf(stated.source) },
      });
    }
  },
};
