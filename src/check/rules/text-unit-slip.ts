import type { StatedAmount } from '../../model/document.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';
import { subjectNames } from './text-amount.ts';

export const textUnitSlip: Rule = {
  meta: {
    id: 'text-unit-slip',
    severity: 'error',
    title: '同一金额的单位前后一致',
    description:
      '情况说明把同一事项的同一数字先后写成不同单位（"公务接待费1.58元"，随后"公务接待费为1.58万元"）时，其中一处单位写错。',
    reason: '元与万元相差一万倍，同一数字配两个单位必有一处错误，读者无从判断哪一个是真实金额。',
    example: '"2015年公务接待费1.58元，经核查，……支出公务接待费为1.58万元"。',
    kinds: ['budget', 'final', 'performance'],
  },
  check(doc, ctx) {
    // The same figure of the same subject in both units: the first in each unit, by subject and digits.
    const seen = new Map<string, StatedAmount>();
    const reported = new Set<string>();
    for (const s of doc.statedAmounts) {
      // A zero is the same in any unit, and a change may well be stated in another unit than its level.
      if (s.change || Number(s.value) === 0) continue;
      const key = `${s.subject}\u0000${s.item ?? ''}\u0000${s.value}`;
      const other = seen.get(key);
      if (!other) {
        seen.set(key, s);
        continue;
      }
      if (other.unit === s.unit || reported.has(key)) continue;
      reported.add(key);
      const name = s.item ?? subjectNames[s.subject] ?? s.subject;
      const yuan = other.unit === '元' ? other : s;
      ctx.report({
        message: `情况说明中${name}先后写作 ${other.value}${other.unit} 与 ${s.value}${s.unit}：同一数字配了元与万元两个单位，其中一处单位有误`,
        where: { section: yuan.section, ...lineOf(yuan.source) },
      });
    }
  },
};
