// Changes the 情况说明 states with their rate: "…支出1895万元，与上年相比减少134万元，降幅6.60%". Read from
// the sections' text, whatever the section: many texts state them for every 类, 款 and 项, not only for the
// subjects the model names.
import Big from 'big.js';
import type { MoneyUnit, Section, StatedChange, StatedRateWords } from '../model/document.ts';
import { withoutThousands } from './text.ts';

// An amount, words that state no other amount (比上年, 与上年相比…各), the change and its rate.
// The change may open the next sentence (…基本支出3736.92万元，其中…。比上年增加654万元，增长9%), checked below;
// a share may stand between (…177.28万元，占29.67%，与上年相比…).
const changePattern =
  /(\d+(?:\.\d+)?)(万元|元)((?:(?!万元|元|[%％]).|占[^%％，,。；;\d]{0,14}(?:\d+(?:\.\d+)?)?[%％]){0,40}?)(增加|增长|减少|下降|增支|减支|增收|减收|增|减)?(\d+(?:\.\d+)?)(万元|元)[，,、]?(?:同比)?(增长|增幅|增加|上升|减少|下降|降幅|减幅|降低|增|减)了?(?:为)?(\d+(?:\.\d+)?)[%％]/g;

const up = /增|上升/;

/** A second comparison of the level a change was stated for, right after that change and its rate. */
const secondComparison =
  /^[ ，,]*(?:较|比|与)(?:年初|全年|调整)?预算数?(?:相比)?[，,]?(增加|增长|减少|下降|降低|增|减)了?(\d+(?:\.\d+)?)(万元|元)[，,、]?(增长|增幅|增加|上升|减少|下降|降幅|减幅|降低|增|减)了?(?:为)?(\d+(?:\.\d+)?)[%％]/;

/**
 * The rate before the change (…完成30161万元，同比增长14.6%，增收4376万元): the amount, comparison words, the rate
 * and then the change, with its own word (增收 and 减收 as the revenue reports say).
 */
const rateFirstPattern =
  /(\d+(?:\.\d+)?)(万元|元)[，,]?((?:同比|比上年|较上年|与上年相比)[，,]?)(增长|增加|上升|减少|下降|降低)了?(\d+(?:\.\d+)?)[%％][，,、]?(增收|减收|增支|减支|增加|减少|多|少)了?(\d+(?:\.\d+)?)(万元|元)?/g;

/** This year's amount from the year before's and the change, exactly (decimal strings, no float). */
function priorPlus(prior: string, change: string, increase: boolean): string {
  const p = new Big(prior);
  return (increase ? p.plus(change) : p.minus(change)).toFixed();
}

/**
 * The total a change belongs to when the amount before it ends a list after 其中 whose items state no
 * change of their own: “经费总预算X元，其中：基本支出A元，项目支出B元，同比增加C元，增长r%” rates X, the
 * sentence's subject, not B. Undefined when the amount is no such list's last item.
 */
function listSubject(text: string, at: number, unit: string): { name: string; amount: string } | undefined {
  const sentence =
    text
      .slice(0, at)
      .split(/[。；;]/)
      .pop() ?? '';
  const which = sentence.lastIndexOf('其中');
  if (which < 0) return undefined;
  const list = sentence.slice(which);
  // The list's earlier items (the last is the amount matched): at least one, none with a change of its own.
  if (!/\d(?:万元|元)/.test(list) || /增加|增长|减少|下降|持平|增支|减支|增收|减收/.test(list))
    return undefined;
  // A list that is a sentence of its own (…预算为3328万元。其中，…) lists the last amount of the one before.
  const before = text.slice(0, at - sentence.length).replace(/[。；;]$/, '');
  const own = sentence.slice(0, which);
  const head = /\d(?:万元|元)/.test(own) ? own : (before.split(/[。；;]/).pop() ?? '');
  const total = [...head.matchAll(/(\d+(?:\.\d+)?)(万元|元)/g)].pop();
  if (!total || total[2] !== unit) return undefined;
  const name =
    head
      .slice(0, total.index)
      .split(/[，,：:]/)
      .pop() ?? '';
  return { name, amount: total[1]! };
}

/**
 * A rate in brackets after its change (较上年减少1.5万元（42.86%）) written out with the change's word
 * (减少1.5万元，下降42.86%), as the patterns read it.
 */
const withRateWords = (text: string) =>
  text.replace(
    /(增加|增长|减少|下降|降低|增|减)(\d+(?:\.\d+)?)(万元|元)[（(](\d+(?:\.\d+)?)[%％][)）]/g,
    (_, word: string, change: string, unit: string, rate: string) =>
      `${word}${change}${unit}，${up.test(word) ? '增长' : '下降'}${rate}%`,
  );

/** Every change stated with its rate in the sections. */
export function readStatedChanges(sections: Section[]): StatedChange[] {
  const out: StatedChange[] = [];
  for (const section of sections) {
    // Whitespace and thousands separators out: wrapped lines and 3,958.67 read as one.
    const text = withRateWords(withoutThousands(section.text.replace(/\s+/g, '')));
    for (const m of text.matchAll(changePattern)) {
      const [, amount, amountUnit, , changeWord, change, changeUnit, rateWord, percent] = m;
      if (amountUnit !== changeUnit) continue;
      // The change's word may be left out where the comparison is named (与上年相比21.79万元，增加14.01%):
      // the rate's word gives the direction then.
      if (changeWord === undefined && !/(?:相比|比上年|较上年)$/.test(m[3]!)) continue;
      const increase = up.test(changeWord ?? rateWord!);
      // 增加…，降幅…: the words disagree; nothing to check.
      if (increase !== up.test(rateWord!)) continue;
      const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index);
      const name = before.split(/[，,。；;：:]/).pop() ?? '';
      // An amount that is itself a change (比预算增加0万元，比去年增加1.55万元，增长39.4%) is no level to rate.
      if (/(?:增加|减少|增长|下降|增减)了?(?:为)?$/.test(name)) continue;
      const subject = listSubject(text, m.index ?? 0, amountUnit!);
      // A change opening the next sentence is the level's when that sentence names nothing else before its
      // comparison (。比上年增加…; 。与2016年相比增加…), or names what the level is (…“三公”经费预算总额为2.7万元…。
      // 2018年“三公”经费预算数比2017年预算数减少…).
      const stops = (m[3]!.match(/[。；;]/g) ?? []).length;
      if (stops > 1) continue;
      if (stops === 1) {
        const next = m[3]!.slice(m[3]!.search(/[。；;]/) + 1).replace(/^\d{4}年度?/, '');
        const plain = (x: string) => x.replace(/[“”"‘’]/g, '').replace(/(?:预算|决算)数?/g, '');
        const own = plain(next.split(/[比与较同]/)[0] ?? '');
        if (own !== '' && !plain(subject?.name ?? name).includes(own)) continue;
      }
      // The amount of the year compared with (较2024年的2190万元减少221万元): this year's is it less the decrease.
      const base = /(?:[较比与]\d{4}年度?|[较比与]上年)(?:的|相比)?$/.test(name);
      const level = base ? priorPlus(amount!, change!, increase) : (subject?.amount ?? amount!);
      out.push({
        name: subject?.name ?? name,
        amount: level,
        change: change!,
        direction: increase ? 'increase' : 'decrease',
        percent: percent!,
        unit: amountUnit as MoneyUnit,
        section: section.heading,
        source: section.source,
      });
      // The same level set against a second figure right after (…较上年减少19万元，下降43.78%，较年初预算数减少
      // 4万元，下降2.2%): a change of its own, of the same amount.
      const second = secondComparison.exec(text.slice((m.index ?? 0) + m[0].length));
      if (second && second[3] === amountUnit && !base) {
        const [, word, by, , rate, of] = second;
        if (up.test(word!) === up.test(rate!))
          out.push({
            name: subject?.name ?? name,
            amount: level,
            change: by!,
            direction: up.test(word!) ? 'increase' : 'decrease',
            percent: of!,
            unit: amountUnit as MoneyUnit,
            against: 'budget',
            section: section.heading,
            source: section.source,
          });
      }
    }
    for (const m of text.matchAll(rateFirstPattern)) {
      const [, amount, amountUnit, , rateWord, percent, changeWord, change, changeUnit] = m;
      // The change's unit left out (增收4,376万 cut at 元) is the amount's.
      if (changeUnit !== undefined && changeUnit !== amountUnit) continue;
      const increase = up.test(rateWord!);
      if (increase !== /增|多/.test(changeWord!)) continue;
      const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index);
      out.push({
        name: before.split(/[，,。；;：:]/).pop() ?? '',
        amount: amount!,
        change: change!,
        direction: increase ? 'increase' : 'decrease',
        percent: percent!,
        unit: amountUnit as MoneyUnit,
        section: section.heading,
        source: section.source,
      });
    }
  }
  return out;
}

// A change and its rate, the words of each (较上年减0.04万元，增0.01%): no level needed.
const rateWordsPattern =
  /(增加|增长|减少|下降|降低|(?<!增)减|增(?!减))了?(\d+(?:\.\d+)?)(万元|元)[，,、]?(?:同比)?(增长|增幅|增加|上升|减少|下降|降幅|减幅|降低|(?<!增)减|增(?!减))了?(?:为)?(\d+(?:\.\d+)?)[%％]/g;

/** Every change stated with its rate in the sections, by the words they are stated with. */
export function readStatedRateWords(sections: Section[]): StatedRateWords[] {
  const out: StatedRateWords[] = [];
  for (const section of sections) {
    const text = withoutThousands(section.text.replace(/\s+/g, ''));
    for (const m of text.matchAll(rateWordsPattern)) {
      out.push({
        changeWord: m[1]!,
        change: m[2]!,
        unit: m[3] as MoneyUnit,
        rateWord: m[4]!,
        percent: m[5]!,
        section: section.heading,
        source: section.source,
      });
    }
  }
  return out;
}
