// Amounts the 情况说明 states for a 科目 named with its level (类, 款, 项), as the national wording has it
// (“行政运行（项）支出X万元”, and in final accounts “X（类）Y（款）Z（项）：支出决算为…”): read for the check
// against the coded row of the table of spending by function.
import type { MoneyUnit, Section, StatedClassItem } from '../model/document.ts';
import { withoutThousands } from './text.ts';

/** One or more names each followed by its level, then a few words and the amount. */
const pattern =
  /((?:[\u4e00-\u9fff、]{2,30}?[（(](?:类|款|项)[)）])+)(?:支出|经费)?[：:]?(?:年初预算为|支出决算为|预算为|预算|为)?(\d+(?:\.\d+)?)(万元|元)/g;
const level = /([\u4e00-\u9fff、]{2,30}?)[（(](类|款|项)[)）]/g;

export function readStatedClassItems(sections: Section[]): StatedClassItem[] {
  const out: StatedClassItem[] = [];
  for (const section of sections) {
    const text = withoutThousands(section.text.replace(/\s+/g, ''));
    for (const m of text.matchAll(pattern)) {
      const levels = [...m[1]!.matchAll(level)].map((l) => ({
        level: l[2] as '类' | '款' | '项',
        name: l[1]!,
      }));
      out.push({
        levels,
        amount: m[2]!,
        unit: m[3] as MoneyUnit,
        section: section.heading,
        source: section.source,
      });
    }
  }
  return out;
}
