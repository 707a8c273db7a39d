import type { StatedAmount } from '../../model/document.ts';
import { compare } from '../compare.ts';
import { scaled } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

/** The one level the section states for a subject (several equal statements are one), if any. */
function onlyLevel(amounts: StatedAmount[], subject: StatedAmount['subject']): StatedAmount | undefined {
  const levels = amounts.filter((a) => a.subject === subject && !a.change && a.item === undefined);
  return levels.length > 0 && new Set(levels.map((a) => a.value)).size === 1 ? levels[0] : undefined;
}

export const textUsesSum: Rule = {
  meta: {
    id: 'text-uses-sum',
    severity: 'error',
    title: '情况说明中分句写明的基本支出与项目支出之和等于支出总数',
    description:
      '部门预算情况说明先写支出总数（支出总计），随后在另外的句子中分别写明基本支出和项目支出（各只写一个数）时，二者之和必须等于支出总数；同一节写到经营支出、预备费、预留机动经费、上缴上级或对附属单位补助的不核对，同一句中列出的分项由"情况说明中分项之和与总数一致"核对。',
    reason: '部门预算的支出只有基本支出和项目支出两类；分处写明的两类支出之和与总数不符，说明某个数字写错。',
    example:
      '"2018年部门预算支出总数8105563.00元……部门基本支出预算7031563.00元……部门专项项目预算74000.00元"，两者合计 7105563.00 元。',
    kinds: ['budget'],
  },
  check(doc, ctx) {
    const sections = new Map<string, StatedAmount[]>();
    for (const a of doc.statedAmounts) sections.set(a.section, [...(sections.get(a.section) ?? []), a]);
    for (const [heading, amounts] of sections) {
      const text = doc.sections.find((s) => s.heading === heading)?.text;
      if (text === undefined || /经营支出|预备费|预留机动|上缴上级|附属单位/.test(text)) continue;
      if (amounts.some((a) => a.subject === 'reserve')) continue;
      const total = onlyLevel(amounts, 'expenditure-total');
      const basic = onlyLevel(amounts, 'basic');
      const project = onlyLevel(amounts, 'project');
      if (!total || !basic || !project || basic.unit !== total.unit || project.unit !== total.unit) continue;
      // Stated after the total, and not in its own statement (text-parts-sum's case).
      if (basic.statement <= total.statement || project.statement <= total.statement) continue;
      compare(ctx, {
        expected: scaled(total.value),
        actual: scaled(basic.value) + scaled(project.value),
        unit: total.unit,
        parts: 2,
        where: { section: heading, ...lineOf(total.source) },
        what: `情况说明中支出总数${total.value}${total.unit}，而分句写明的基本支出${basic.value}${basic.unit}与项目支出${project.value}${project.unit}之和与之不符`,
      });
    }
  },
};
