// Changes the 情况说明 states of a whole and then of its parts, each against the year before, with or without
// its level: “基本支出预算较上年增17.1万元，增幅17.18%。1.工资福利支出较上年增18.67万元…2.商品和服务支出较上年减
// 0.04万元…”. Read for what is named (基本支出 and its economic classes or 人员经费/公用经费, “三公”经费 and its
// parts), so that the parts' changes can be set against the whole's.
import type {
  ComparedFigure,
  MoneyUnit,
  Section,
  StatedDelta,
  StatedDeltaSubject,
} from '../model/document.ts';
import { compacted } from './text.ts';

/**
 * A change against the year before (or a named year), its amount, and its rate where one follows; the word
 * may be bracketed (较上年(减少)16.23万元).
 */
const deltaPattern =
  /(?:(?:较|比|与)(?:上一?年度?|去年|同期|\d{4}年度?)(?:的?(?:预算|决算)数?)?(?:相比|同期)?|同比)[，,]?[（(]?(增加|增长|减少|下降|降低|增支|减支|增收|减收|(?<!增)减|增(?!减))[)）]?了?(\d+(?:\.\d+)?)(万元|元)(?:[，,、]?(?:同比)?(增长|增幅|增加|上升|减少|下降|降幅|减幅|降低|(?<!增)减|增(?!减))了?(?:为)?(\d+(?:\.\d+)?)[%％])?/g;

/** No change against the year before (与上年持平, 与上年预算数相比无变化): a change of nothing. */
const samePattern =
  /(?:较|比|与)(?:上一?年度?|去年|同期|\d{4}年度?)[^，,。；;\d]{0,8}?(?:持平|无变化|无增减|没有变化|保持不变|不变)/g;

/** What a change is of, from the words that name it (the clause before the comparison), first match wins. */
const subjects: [RegExp, StatedDeltaSubject | 'other'][] = [
  [/项目支出/, 'other'],
  [/工资福利/, 'wages'],
  [/商品和服务/, 'goods-services'],
  [/对个人和家庭/, 'households'],
  [/资本性支出/, 'capital'],
  [/人员经费/, 'personnel'],
  [/公用经费/, 'public'],
  [/基本支出/, 'basic'],
  [/因公出国/, 'abroad'],
  [/公务用车购置(?:及|和)运|公务用车(?:费|经费|支出)/, 'car'],
  // 公务用车购置费, 公务用车运行维护费: parts of the part, not set against 三公 here.
  [/公务用车/, 'other'],
  [/公务接待/, 'reception'],
  [/三公/, 'three-public'],
];

/** The words naming the change: the clause before it, or before that clause's own amount (…X万元，较上年…). */
function nameBefore(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 80), at);
  const clauses = head.split(/[，,。；;：:]/);
  let name = clauses.pop() ?? '';
  if (!/[\u4e00-\u9fff]{2}/.test(name.replace(/\d{4}年度?|预算|决算|数/g, ''))) {
    // 工资福利支出85.4万元，较上年增加…: the clause before, its amount (and any share) left out.
    const before = clauses.pop() ?? '';
    // …合计585.53万元（包括基本支出和项目支出安排的经费），同比减少…: the aside in brackets names no subject.
    name = before
      .replace(/[（(][^（()）]*[)）]$/, '')
      .replace(/(?:\d+(?:\.\d+)?(?:万元|元))?(?:占\S*[%％])?$/, '');
  }
  return (
    name
      // A sub-heading run into the sentence ((一)基本支出预算收支增减情况2018年基本支出…) is not its name.
      .replace(/^.*(?:情况|说明)(?=.)/, '')
      .replace(/^(?:\d+[.．、]|[（(]?[一二三四五六七八九十\d]+[)）、.．])/, '')
      .replace(/^(?:其中|\d{4}年度?)/, '')
  );
}

/** The unit the section's amounts are stated in, 万元 unless they are all in 元. */
const sectionUnit = (text: string): MoneyUnit => (/\d万元/.test(text) || !/\d元/.test(text) ? '万元' : '元');

/** Every change stated against a year before of a subject the model knows, in the sections' text. */
export function readStatedDeltas(sections: Section[]): StatedDelta[] {
  const out: StatedDelta[] = [];
  for (const section of sections) {
    const { text, lineAt } = compacted(section.text);
    const matches = [
      ...[...text.matchAll(deltaPattern)].map((m) => ({ m, same: false })),
      ...[...text.matchAll(samePattern)].map((m) => ({ m, same: true })),
    ].sort((a, b) => (a.m.index ?? 0) - (b.m.index ?? 0));
    for (const { m, same } of matches) {
      const at = m.index ?? 0;
      const name = nameBefore(text, at);
      const subject = subjects.find(([re]) => re.test(name))?.[1];
      if (!subject || subject === 'other') continue;
      const [, word, change, unit, rateWord, percent] = m;
      const delta: StatedDelta = {
        subject,
        name,
        direction: same || /增/.test(word!) ? 'increase' : 'decrease',
        change: same ? '0' : change!,
        // A change of nothing is one in any unit: the section's own (the whole's, when compared).
        unit: same ? sectionUnit(text) : (unit as MoneyUnit),
        statement: text.slice(0, at).split('。').length,
        section: section.heading,
        source: { ...section.source, line: section.source.line + lineAt(at) },
      };
      if (percent !== undefined && rateWord !== undefined) {
        delta.percent = percent;
        delta.rateDirection = /增|上升/.test(rateWord) ? 'increase' : 'decrease';
      }
      out.push(delta);
    }
  }
  return out;
}

/** Every year's 预算 or 决算 the sections set an amount against (较2021年决算数增加…, 与2022年度预算相比…). */
export function readComparedFigures(sections: Section[]): ComparedFigure[] {
  const out: ComparedFigure[] = [];
  for (const section of sections) {
    const { text, lineAt } = compacted(section.text);
    for (const m of text.matchAll(/(?:较|比|与)(\d{4})年度?(?:的)?(预算|决算)数?(?:相比|比较)?/g)) {
      // The words around it, for the message: the amount compared and what is said of it.
      const at = m.index ?? 0;
      const before =
        text
          .slice(Math.max(0, at - 30), at)
          .split(/[。；;]/)
          .pop() ?? '';
      const after = text.slice(at + m[0].length, at + m[0].length + 16).split(/[，,。；;]/)[0] ?? '';
      out.push({
        year: Number(m[1]),
        figure: m[2] as ComparedFigure['figure'],
        text: `${before.replace(/^[^，,]*[，,](?=[^，,]*[，,])/, '')}${m[0]}${after}`,
        section: section.heading,
        source: { ...section.source, line: section.source.line + lineAt(m.index ?? 0) },
      });
    }
  }
  return out;
}
