import { deltaParts, type StatedDelta } from '../../model/document.ts';
import { compare } from '../compare.ts';
import { convert, scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

const signed = (d: StatedDelta) => (d.direction === 'increase' ? 1 : -1) * scaled(d.change);
const word = (d: StatedDelta) => (d.direction === 'increase' ? '增加' : '减少');

/**
 * The parts' changes stated after a whole's in its section, up to the next change of that whole: one of each
 * part of a complete set (`deltaParts`), or undefined when the text lists no complete set.
 */
export function partsAfter(deltas: StatedDelta[], at: number): StatedDelta[] | undefined {
  const whole = deltas[at]!;
  const after: StatedDelta[] = [];
  for (const d of deltas.slice(at + 1)) {
    if (d.section !== whole.section || d.subject === whole.subject) break;
    after.push(d);
  }
  for (const set of deltaParts) {
    if (set.whole !== whole.subject) continue;
    const listed = [...set.parts, ...(set.optional ?? [])].map((p) => after.filter((d) => d.subject === p));
    // Each part once: a part stated twice (its level's change and a sub-item's) is not a plain list.
    if (listed.some((l) => l.length > 1)) continue;
    if (set.parts.every((_, k) => listed[k]!.length === 1)) return listed.flat();
  }
  return undefined;
}

export const textChangeParts: Rule = {
  meta: {
    id: 'text-change-parts',
    severity: 'error',
    title: '情况说明中各组成部分的增减额之和与总增减额一致',
    description:
      '情况说明写明基本支出（或"三公"经费）比上年增加（减少）C万元，随后逐项写明其组成部分——工资福利支出、商品和服务支出、对个人和家庭的补助（及资本性支出），或人员经费与公用经费，或因公出国（境）费、公务用车购置及运行维护费、公务接待费——各自的增减额时，各部分增减额（增为正、减为负）之和必须等于 C；组成部分须逐项写全才核对，允许各部分四舍五入的误差。',
    reason: '总额的变化就是其各组成部分变化之和；不等说明总增减额或某一部分的增减额写错。',
    example:
      '"基本支出预算较上年增17.1万元"，而工资福利支出增18.67万元、商品和服务支出减0.04万元、对个人和家庭补助支出增加0.11万元，合计增加 18.74 万元。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const deltas = doc.statedDeltas ?? [];
    deltas.forEach((whole, at) => {
      const parts = partsAfter(deltas, at);
      if (!parts) return;
      // Parts listed in the whole's own sentence are text-parts-sum's to check.
      if (parts.every((p) => p.statement === whole.statement)) return;
      const sum = parts.reduce((n, p) => n + convert(signed(p), p.unit, whole.unit), 0);
      compare(ctx, {
        expected: signed(whole),
        actual: sum,
        unit: whole.unit,
        parts: parts.length,
        where: { section: whole.section, ...lineOf(whole.source) },
        what: `情况说明中${whole.name}比上年${word(whole)}${whole.change}${whole.unit}，而${parts.map((p) => `${p.name}${word(p)}${p.change}${p.unit}`).join('、')}，各部分增减额之和（增为正、减为负）与总增减额不符`,
      });
    });
  },
};
