// A total stated with “其中：” and its parts listed under it one numbered line each (…收入总计为457.8161万元，
// 其中：／1.财政拨款收入364.6552万元，…／2.上级补助收入0万元，…): the parts of a list the sentence readers see as
// separate statements. Each item's own amount opens it, in its first clause; a list with an item without
// one (1.某某项目1个，分别是：1872万元) is not read.
import type { MoneyUnit, Section, StatedList } from '../model/document.ts';
import { chineseNumber, compact, withoutThousands } from './text.ts';

const opensList = /(\d+(?:\.\d+)?)(万元|元)[，,]?其中[:：]$/;
const amount = /(\d+(?:\.\d+)?)(万元|元)/;
/** An item's number in one of the styles lists use: 1. 1、 (1) （一）. */
const numbered = /^(?:(\d{1,2})[.．、](?!\d)|[（(](\d{1,2}|[一二三四五六七八九十]+)[)）])/;
/** A heading of the text (二、…, （二）…), which ends a list numbered in another style. */
const heading = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

function numberOf(line: string): { n: number; style: string } | undefined {
  const m = numbered.exec(line);
  if (!m) return undefined;
  if (m[1]) return { n: Number(m[1]), style: line.slice(m[1].length, m[1].length + 1) };
  const n = /\d/.test(m[2]!) ? Number(m[2]) : chineseNumber(m[2]!);
  return n === null ? undefined : { n, style: /\d/.test(m[2]!) ? '(1)' : '(一)' };
}

/** Every numbered list of parts under a total the sections state. */
export function readStatedLists(sections: Section[]): StatedList[] {
  const out: StatedList[] = [];
  for (const section of sections) {
    const lines = section.text.split('\n').map((l) => withoutThousands(compact(l)));
    for (let i = 0; i < lines.length; i++) {
      const m = opensList.exec(lines[i]!);
      if (!m) continue;
      const head = lines[i]!.slice(0, m.index);
      const name = head
        .split(/[，,。；;：:]/)
        .pop()!
        .replace(/(?:为|是)$/, '')
        .replace(numbered, '');
      const unit = m[2] as MoneyUnit;
      const parts: StatedList['parts'] = [];
      let style: string | undefined;
      let complete = true;
      let between = 0;
      for (let k = i + 1; k < lines.length && parts.length < 15 && between <= 3; k++) {
        const line = lines[k]!;
        const number = numberOf(line);
        if (number && number.n === parts.length + 1 && (style === undefined || number.style === style)) {
          style = number.style;
          const first = line.slice(numbered.exec(line)![0].length).split(/[，,。；;]/)[0]!;
          const a = amount.exec(first);
          if (!a || a[2] !== unit) {
            complete = false;
            break;
          }
          parts.push({ name: first.slice(0, a.index), value: a[1]!, line: section.source.line + k });
          between = 0;
          continue;
        }
        // An item's wrapped lines follow it; a heading, another number, the next total or prose end the list.
        if (parts.length === 0 || heading.test(line) || number || opensList.test(line)) break;
        between++;
      }
      if (!complete || parts.length < 2) continue;
      out.push({
        total: { name, value: m[1]!, unit },
        parts,
        section: section.heading,
        source: { ...section.source, line: section.source.line + i },
      });
    }
  }
  return out;
}
