import type { StatedAmount, StatedSubject } from '../../model/document.ts';
import { compare } from '../compare.ts';
import { scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';
import { subjectNames } from './text-amount.ts';

/** A total's change, and the uses whose changes make it. */
const totals: { total: StatedSubject; uses: StatedSubject[] }[] = [
  { total: 'expenditure-total', uses: ['basic', 'project', 'reserve'] },
  { total: 'year-expenditure', uses: ['basic', 'project'] },
];

/** The one change the text states for a subject against a year (several equal statements are one), if any. */
function onlyChange(amounts: StatedAmount[], subject: StatedSubject, year: number | undefined) {
  const changes = amounts.filter(
    (a) => a.subject === subject && a.change && a.change.comparedYear === year && a.item === undefined,
  );
  const signed = new Set(changes.map((a) => `${a.change!.direction}${a.value}`));
  return changes.length > 0 && signed.size === 1 ? changes[0] : undefined;
}

/**
 * The total's change: the first the text states against that year, when no other change it gives the same
 * subject is larger (a 类's change read as of 支出 stands after the whole's and within it).
 */
function totalChange(amounts: StatedAmount[], subject: StatedSubject, year: number | undefined) {
  const changes = amounts.filter(
    (a) => a.subject === subject && a.change && a.change.comparedYear === year && a.item === undefined,
  );
  const first = changes[0];
  if (!first) return undefined;
  return changes.every((c) => scaled(c.value) <= scaled(first.value)) ? first : undefined;
}

/** The level a change is of: the amount of its subject its section states last before it. */
function levelOf(amounts: StatedAmount[], change: StatedAmount): StatedAmount | undefined {
  const at = amounts.indexOf(change);
  for (let k = at - 1; k >= 0; k--) {
    const a = amounts[k]!;
    if (a.section !== change.section) return undefined;
    if (a.subject === change.subject && !a.change) return a;
  }
  return undefined;
}

export const textChangeUses: Rule = {
  meta: {
    id: 'text-change-uses',
    severity: 'error',
    title: '情况说明中按用途的增减额之和与总增减额一致',
    description:
      '情况说明分处写明支出总额比上年增加（减少）C万元，又写明基本支出、项目支出（江苏另有预留机动经费）各自增减多少时，各用途的增减额（增为正、减为负）之和必须等于 C；总增减额取首次写明且不小于其他同类增减额的一处，各用途只写一次增减额时才核对，同一句中的分项由"情况说明中分项之和与总数一致"核对。',
    reason:
      '支出总额的变化就是各用途变化之和；不等说明总额或某一用途的增减额写错（常见于沿用上年说明中的数字）。',
    example:
      '"支出预算比上年减少745.91万元"，而基本支出"增加654万元"、项目支出"减少1994.21万元"，合计减少 1340.21 万元。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const { total, uses } of totals) {
      const years = new Set(doc.statedAmounts.filter((a) => a.change).map((a) => a.change!.comparedYear));
      for (const year of years) {
        const whole = totalChange(doc.statedAmounts, total, year);
        if (!whole) continue;
        const parts = uses.map((u) => onlyChange(doc.statedAmounts, u, year)).filter((p) => p !== undefined);
        // Both 基本支出 and 项目支出 stated, and not all in the total's own statement (text-parts-sum's case).
        if (!parts.some((p) => p.subject === 'basic') || !parts.some((p) => p.subject === 'project'))
          continue;
        if (parts.every((p) => p.statement === whole.statement)) continue;
        // The whole is the total only if its level holds the uses' levels (a 类's change read as of 支出 does
        // not): each level the one its section states last before the change.
        const levels = [whole, ...parts].map((c) => levelOf(doc.statedAmounts, c));
        if (levels.some((l) => l === undefined)) continue;
        const [wholeLevel, ...useLevels] = levels as StatedAmount[];
        const usesSum = useLevels.reduce((n, u) => n + scaled(u.value), 0);
        if (scaled(wholeLevel!.value) + 100 * useLevels.length < usesSum) continue;
        const sign = (a: StatedAmount) => (a.change!.direction === 'increase' ? 1 : -1);
        const sum = parts.reduce((n, p) => n + sign(p) * scaled(p.value), 0);
        compare(ctx, {
          expected: sign(whole) * scaled(whole.value),
          actual: sum,
          unit: whole.unit,
          parts: parts.length,
          where: { section: whole.section, ...lineOf(whole.source) },
          what: `情况说明中${subjectNames[total] ?? total}比上年${whole.change!.direction === 'increase' ? '增加' : '减少'}${whole.value}${whole.unit}，而${parts.map((p) => `${subjectNames[p.subject] ?? p.subject}${sign(p) > 0 ? '增加' : '减少'}${p.value}${p.unit}`).join('、')}，各用途增减额之和（增为正、减为负）与总增减额不符`,
        });
      }
    }
  },
};
