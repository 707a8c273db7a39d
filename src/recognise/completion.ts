// A final account's 情况说明 states how much of the budget was spent: “年初预算为B万元，支出决算为A万元，完成年初
// 预算的P%”, or “…A万元，完成年初预算100%，决算数大于预算数D万元”. Read from the sections' text, for the check that
// the rate agrees with the amounts it is stated with.
import type { MoneyUnit, Section, StatedCompletion } from '../model/document.ts';
import { compacted } from './text.ts';

const completion = /完成(?:年初|全年|调整)?预算(?:数)?的?(\d+(?:\.\d+)?)[%％]/g;
const amount = /(\d+(?:\.\d+)?)(万元|元)/g;
/** 决算数大于（小于）预算数D万元, after the rate in the same sentence. */
const side =
  /^[^。]{0,30}?决算数?(?:[大高]于|超过|超出|[小低]于)(?:年初)?预算数?(?:(\d+(?:\.\d+)?)(万元|元))?/;
/** Words before an amount that make it a change, not a level (与上年相比减少53.7万元). */
const changeWords = /(?:增加|减少|增长|下降|降低|节约|结余|增减|增支|减支|增收|减收)了?(?:为)?$/;
/** The budget named in the rate itself: …支出3758万元，…，为年初预算数4688万元的80.51%. */
const ofBudget = /为(?:年初|全年|调整)?预算数?(\d+(?:\.\d+)?)(万元|元)的(\d+(?:\.\d+)?)[%％]/g;

/** Every rate of completion stated with the amount it is of, in the sections. */
export function readStatedCompletions(sections: Section[]): StatedCompletion[] {
  const out: StatedCompletion[] = [];
  for (const section of sections) {
    const { text, lineAt } = compacted(section.text);
    for (const m of text.matchAll(completion)) {
      const at = m.index ?? 0;
      // The sentence up to the rate: the amounts it states, the last level one being the 决算 amount.
      // A part listed after 其中 (…年初预算为22万元，支出决算为8.77万元，完成预算的39.86%，其中：公务接待费决算为
      // 0.3万元，完成预算的3.75%；…) has its own budget, not the whole's: its sentence starts after 其中, or after
      // the ；that ends the part before it.
      const stop = text.lastIndexOf('。', at);
      const listed = text.lastIndexOf('其中', at);
      const clause =
        listed > stop ? Math.max(listed + 1, text.lastIndexOf('；', at), text.lastIndexOf(';', at)) : stop;
      const sentence = text.slice(clause + 1, at);
      const levels = [...sentence.matchAll(amount)].filter(
        (a) => !changeWords.test(sentence.slice(0, a.index)),
      );
      const actual =
        levels.filter((a) => /决算/.test(sentence.slice(Math.max(0, (a.index ?? 0) - 8), a.index))).pop() ??
        levels.pop();
      if (!actual) continue;
      const budget = levels.find(
        (a) =>
          a !== actual &&
          /预算(?:数)?(?:为|是)?$/.test(sentence.slice(Math.max(0, (a.index ?? 0) - 8), a.index)) &&
          !/决算/.test(sentence.slice(Math.max(0, (a.index ?? 0) - 8), a.index)),
      );
      const after = side.exec(text.slice(at + m[0].length));
      const unit = actual[2] as MoneyUnit;
      const name =
        sentence
          .slice(0, actual.index)
          .split(/[，,；;：:]/)
          .pop() ?? '';
      const stated: StatedCompletion = {
        name,
        amount: actual[1]!,
        percent: m[1]!,
        unit,
        section: section.heading,
        // The line the rate stands on, so that two rates of one section are two findings.
        source: { ...section.source, line: section.source.line + lineAt(at) },
      };
      if (budget && budget[2] === unit) stated.budget = budget[1]!;
      if (after) {
        stated.direction = /[小低]于/.test(after[0]) ? 'below' : 'above';
        if (after[1] && after[2] === unit) stated.difference = after[1];
      }
      out.push(stated);
    }
    for (const m of text.matchAll(ofBudget)) {
      const at = m.index ?? 0;
      // The level the rate is of: the last amount before it since the clause began that is no change.
      const start = Math.max(
        text.lastIndexOf('。', at),
        text.lastIndexOf('；', at),
        text.lastIndexOf('其中', at),
      );
      const sentence = text.slice(start + 1, at);
      const actual = [...sentence.matchAll(amount)]
        .filter((a) => !changeWords.test(sentence.slice(0, a.index)))
        .pop();
      if (!actual || actual[2] !== m[2]) continue;
      out.push({
        name:
          sentence
            .slice(0, actual.index)
            .split(/[，,；;：:。]|\d[%％]/)
            .pop() ?? '',
        amount: actual[1]!,
        budget: m[1]!,
        percent: m[3]!,
        unit: m[2] as MoneyUnit,
        section: section.heading,
        source: { ...section.source, line: section.source.line + lineAt(at) },
      });
    }
  }
  return out;
}
