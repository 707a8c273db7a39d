import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textComparedYear: Rule = {
  meta: {
    id: 'text-compared-year',
    severity: 'error',
    title: '比上年增减与上一年度比较',
    description:
      '情况说明中的"比上年增加/减少"必须与预算年度的上一年比较；写成其他年份（如 2025 年预算与 2023 年比较）是错误。同一句已与上年比较、另与更早年份比较的（"比2019年（疫情前）减少"）不算。与本年度同类数字自身比较（2022 年决算"与2022年决算数持平"）同样是错误。',
    reason: '部门预算公开要求说明与上年预算相比的增减变化情况，比较基期是上一年度。',
    example: '2025 年预算收支"较 2023 年预算增加 659.12 万元"。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    if (doc.year === undefined) return;
    const year0 = doc.year - 1;
    // A statement that sets its amounts against the year before may add another comparison on purpose
    // (比上年增加…；比2019年（疫情前）减少…): the other year is no slip there.
    const key = (s: { section: string; statement: number }) => `${s.section}\u0000${s.statement}`;
    const againstPrior = new Set(
      doc.statedAmounts
        .filter((s) => s.change && (s.change.comparedYear === undefined || s.change.comparedYear === year0))
        .map(key),
    );
    let last: { section: string; year: number } | undefined;
    for (const stated of doc.statedAmounts) {
      const year = stated.change?.comparedYear;
      if (year === undefined) continue;
      if (year < year0 && againstPrior.has(key(stated))) continue;
      // A final account sets its 决算 against the same year's budget (与2021年度预算相比): no year compared.
      if (doc.kind === 'final' && year === doc.year) continue;
      // One finding per printed comparison, not per amount that inherits it.
      const same = last?.section === stated.section && last.year === year;
      last = { section: stated.section, year };
      if (same || year === doc.year - 1) continue;
      ctx.report({
        message: `${doc.year} 年${doc.kind === 'final' ? '决算' : '预算'}的增减变化应与 ${doc.year - 1} 年比较，情况说明却与 ${year} 年比较`,
        where: { section: stated.section, ...lineOf(stated.source) },
        expected: doc.year - 1,
        actual: year,
      });
    }
    // A figure set against its own kind of the document's own year (a 2022 决算 与2022年决算数持平): itself.
    const own = doc.kind === 'final' ? '决算' : doc.kind === 'budget' ? '预算' : undefined;
    for (const c of doc.comparedFigures ?? []) {
      if (c.year !== doc.year || c.figure !== own) continue;
      ctx.report({
        message: `${doc.year} 年${own}情况说明"${c.text}"：与本年${own}自身比较，应为与 ${doc.year - 1} 年比较`,
        where: { section: c.section, ...lineOf(c.source) },
        expected: doc.year - 1,
        actual: c.year,
      });
    }
  },
};
