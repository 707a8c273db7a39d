// Counts the 情况说明 states with their parts (共有车辆1辆，其中：一般公务用车0辆、…), and the dates it gives its
// figures as of (截至2022年12月31日): read for the checks that the parts make the count and that the date is
// the year the document's figures belong to.
import type { Section, StatedCount, StatedDate } from '../model/document.ts';
import { chineseNumber } from '../model/numbering.ts';
import { sourceOf } from './tables.ts';
import type { Line } from './text.ts';

// Things counted by class, each in one class only (车辆 by use, 设备 by kind). Not people: 其中女职工…，党员…
// overlap.
const unitWord = '(辆|台|套|处)';
/** 共有车辆1辆，其中：… — the total, then the list up to the end of the sentence. */
const countPattern = new RegExp(
  `(?:共有|现有|实有|保有量?为?|共计)([^\\d，,。；;：:、]{0,10}?)(\\d+)${unitWord}[，,]?其中[：:]?([^。；;]*)`,
  'g',
);
const partPattern = new RegExp(`([^\\d，,、；;：:。]{2,16}?)(\\d+)${unitWord}`, 'g');

export function readStatedCounts(sections: Section[]): StatedCount[] {
  const out: StatedCount[] = [];
  for (const section of sections) {
    const text = section.text.replace(/\s+/g, '');
    for (const m of text.matchAll(countPattern)) {
      const unit = m[3]!;
      // A list within the list (…其中：A辆（其中B辆…）) is not more of its parts.
      const list = m[4]!.split(/其中|[（(]/)[0]!;
      const parts = [...list.matchAll(partPattern)]
        .filter((p) => p[3] === unit)
        .map((p) => ({ name: p[1]!.replace(/^(?:其中|包括)[：:]?/, ''), count: Number(p[2]) }));
      if (parts.length < 2) continue;
      out.push({
        name: m[1]!,
        total: Number(m[2]),
        unit,
        parts,
        section: section.heading,
        source: section.source,
      });
    }
    out.push(...readEnumerations(section, text));
  }
  return out;
}

// A count followed by the names it counts: 设9个内设机构，分别为：办公室、…、项目服务股。 / 内设机构7个：A、B…。
const count = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})个';
const thing = '([^\\d，,。；;：:、（(]{2,10}?)';
const enumerations = [
  new RegExp(`${count}${thing}[，,]?(?:分别为|分别是|具体为|即)[：:]?([^。；;]+)[。；;]`, 'g'),
  new RegExp(`${thing}${count}[，,]?(?:分别为|分别是|具体为|即)?[：:]([^。；;]+)[。；;]`, 'g'),
];

function readEnumerations(section: Section, text: string): StatedCount[] {
  const out: StatedCount[] = [];
  for (const [i, pattern] of enumerations.entries()) {
    for (const m of text.matchAll(pattern)) {
      const [number, name] = i === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
      const total = /^\d/.test(number) ? Number(number) : chineseNumber(number.replace('两', '二'));
      const items = m[3]!.split('、');
      // Only a plain list of names: none cut short by 等, none holding figures or clauses of its own.
      if (total === null || items.length < 2 || /等$/.test(m[3]!)) continue;
      if (items.some((item) => !/^[^\d，,：:]{2,20}$/.test(item))) continue;
      out.push({
        name,
        total,
        unit: '个',
        parts: items.map((item) => ({ name: item, count: 1 })),
        enumerated: true,
        section: section.heading,
        source: section.source,
      });
    }
  }
  return out;
}

/** 截至2022年12月31日, 截止2024年8月31日, 截止时间：2024-12-31. */
const datePattern = /截[至止](?:时间)?[：:]?(\d{4})(?:年|-)(\d{1,2})(?:月|-)(\d{1,2})日?/g;

export function readStatedDates(lines: Line[]): StatedDate[] {
  const out: StatedDate[] = [];
  for (const l of lines) {
    if (!l.compact.includes('截')) continue;
    for (const m of l.compact.matchAll(datePattern)) {
      out.push({ year: Number(m[1]), text: m[0], source: sourceOf(l.layout) });
    }
  }
  return out;
}
