import type { StatedChange } from '../../model/document.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

/**
 * A change of one of the document's totals (收支总计, 财政拨款收入, 一般公共预算支出…), not of a 类/款/项 or a
 * numbered item, whose amount may coincide with another's.
 */
const ofTotal = (c: StatedChange) =>
  /收支|收入|支出|财政拨款|一般公共预算/.test(c.name) &&
  !/[（(][类款项][）)]|^\d+[．.、]/.test(c.name.replace(/^其中[：:]?/, ''));

/** Income against income, spending against spending: a final account's 收入 and 支出 differ. */
const side = (c: StatedChange) =>
  /收支|收、支/.test(c.name) ? 'both' : /收入/.test(c.name) ? 'income' : 'spending';

/** Whether a total names the year's own figure (本年…合计) or the one with the carry-overs (…总计). */
const scope = (c: StatedChange) =>
  /本年|合计/.test(c.name) ? 'year' : /总计|总预算|总额/.test(c.name) ? 'all' : '';

export const textChangeTwice: Rule = {
  meta: {
    id: 'text-change-twice',
    severity: 'error',
    title: '同一总额的增减额前后一致',
    description:
      '情况说明在不同段落对同一个总额（同一金额的收支总计、财政拨款收入、一般公共预算支出等）写明比上年的增减额时，各处必须相同：本年数相同而增减额不同，意味着上年数前后不一，至少一处写错。决算的收入与支出分别比较。',
    reason:
      '同一数字在文中出现两次却给出两个增减额，读者无从判断哪一个对；常见于修改了一处说明而漏改另一处。',
    example:
      '"一般公共预算收入21940.96万元……增加3959.28万元"，后文"财政拨款收、支总预算21940.96万元……增加3958.98万元"。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const changes = (doc.statedChanges ?? []).filter(ofTotal);
    const reported = new Set<StatedChange>();
    for (const [i, a] of changes.entries()) {
      for (const b of changes.slice(i + 1)) {
        if (reported.has(b) || a.amount !== b.amount || a.unit !== b.unit || a.direction !== b.direction)
          continue;
        if (a.change === b.change || Number(a.amount) === 0) continue;
        if (doc.kind === 'final' && side(a) !== side(b) && side(a) !== 'both' && side(b) !== 'both') continue;
        // The year's own 本年收入合计 and the 收入总计 with the carry-over may be equal this year, not the year before.
        if (scope(a) !== scope(b) && scope(a) !== '' && scope(b) !== '') continue;
        reported.add(b);
        const word = a.direction === 'increase' ? '增加' : '减少';
        ctx.report({
          message: `情况说明两处所述同一金额 ${a.amount}${a.unit} 的比上年${word}额不一致：“${a.name}”${word} ${a.change}${a.unit}，“${b.name}”${word} ${b.change}${b.unit}`,
          where: { section: b.section, ...lineOf(b.source) },
          expected: Number(a.change),
          actual: Number(b.change),
        });
      }
    }
  },
};
