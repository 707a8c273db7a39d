// The two sides of a 收支总表 as the 情况说明 states them in one sentence: 收入总计 and 支出总计 (收、支总计各是A、B万元),
// and a final account's 支出 side as its parts (收入总计X万元，本年支出A万元，年末结转和结余B万元). Read so that the
// balance the table must keep is checked where the text alone gives it.
import type { MoneyUnit, Section, StatedBalance } from '../model/document.ts';
import { compacted } from './text.ts';

const money = '(\\d+(?:\\.\\d+)?)(万元|元)';
const incomeTotal = new RegExp(`收入(?:预算|决算)?总计(?:为|是)?${money}`);
const expenditureTotal = new RegExp(`支出(?:预算|决算)?总计(?:为|是)?${money}`);
/** 收、支总计各是A，B万元 (or 各为A万元、B万元). */
const bothTotals =
  /收[、,，]?支(?:预算|决算)?总计各(?:是|为)(\d+(?:\.\d+)?)(万元|元)?[,，、和](\d+(?:\.\d+)?)(万元|元)/;
const yearSpending = new RegExp(`本年支出(?:合计)?(?:为|是)?${money}`);
const yearEnd = new RegExp(`年末结转和?结余(?:为|是)?${money}`);
/** Other items of the spending side (结余分配, 用事业基金弥补…): the two named are then not all of it. */
const otherSpending = /结余分配|提取|专用基金|上缴|弥补/;

/**
 * Totals of a part of the money (财政拨款收入总计…，财政拨款支出总计…), which texts often give as the year's own
 * income and spending: only the whole's 总计 are held to balance when stated apart.
 */
const qualified = (sentence: string, ...totals: RegExpExecArray[]) =>
  totals.some((m) => /(?:财政拨款|一般公共预算|政府性基金|国有资本经营)$/.test(sentence.slice(0, m.index)));

/** Every balance stated in one sentence in the sections. */
export function readStatedBalances(sections: Section[]): StatedBalance[] {
  const out: StatedBalance[] = [];
  for (const section of sections) {
    const { text, lineAt } = compacted(section.text);
    let from = 0;
    for (const sentence of text.split('。')) {
      const at = from;
      from += sentence.length + 1;
      const source = { ...section.source, line: section.source.line + lineAt(at) };
      const both = bothTotals.exec(sentence);
      const income = incomeTotal.exec(sentence);
      const spending = expenditureTotal.exec(sentence);
      // 收、支总计各是A，B; or 收入总计A…支出总计B, of the whole's money.
      const totals =
        both && (both[2] ?? both[4]) === both[4]
          ? [both[1]!, both[3]!, both[4]!]
          : income && spending && income[2] === spending[2] && !qualified(sentence, income, spending)
            ? [income[1]!, spending[1]!, income[2]!]
            : undefined;
      if (totals) {
        const [incomeTotalValue, expenditureTotalValue, unit] = totals as [string, string, MoneyUnit];
        out.push({
          income: incomeTotalValue,
          expenditure: expenditureTotalValue,
          unit,
          section: section.heading,
          source,
        });
      }
      const spent = yearSpending.exec(sentence);
      const left = yearEnd.exec(sentence);
      if (
        income &&
        spent &&
        left &&
        !spending &&
        !otherSpending.test(sentence) &&
        spent[2] === income[2] &&
        left[2] === income[2]
      )
        out.push({
          income: income[1]!,
          expenditure: spent[1]!,
          yearEnd: left[1]!,
          unit: income[2] as MoneyUnit,
          section: section.heading,
          source,
        });
    }
  }
  return out;
}
