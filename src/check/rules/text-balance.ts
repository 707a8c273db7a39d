import { compare } from '../compare.ts';
import { scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textBalance: Rule = {
  meta: {
    id: 'text-balance',
    severity: 'error',
    title: '情况说明中的收入总计与支出总计相等',
    description:
      '情况说明在同一句中写明收入总计和支出总计（"收、支总计各是A、B万元"）时，二者必须相等——收支总表的两边总计相等；决算说明写明"收入总计X万元，本年支出A万元，年末结转和结余B万元"（未写结余分配等其他支出项）时，X 必须等于 A + B。',
    reason:
      '收支总表收支平衡：支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 = 收入总计；文字写成不等，说明某个数字有误或漏计了一项。',
    example: '"2022年度收、支总计各是4125.49,4143.91万元"。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const b of doc.statedBalances ?? []) {
      if (b.yearEnd !== undefined && doc.kind !== 'final') continue;
      const spending = scaled(b.expenditure) + (b.yearEnd === undefined ? 0 : scaled(b.yearEnd));
      compare(ctx, {
        expected: scaled(b.income),
        actual: spending,
        unit: b.unit,
        ...(b.yearEnd === undefined ? {} : { parts: 2 }),
        where: { section: b.section, ...lineOf(b.source) },
        what:
          b.yearEnd === undefined
            ? `情况说明所述收入总计${b.income}${b.unit}与支出总计${b.expenditure}${b.unit}不相等`
            : `情况说明所述收入总计${b.income}${b.unit}，而本年支出${b.expenditure}${b.unit}与年末结转和结余${b.yearEnd}${b.unit}之和与之不符`,
      });
    }
  },
};
