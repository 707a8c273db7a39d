// Recognises the prose: top-level sections, amounts stated in the 情况说明, the 机构设置 table
// and the department-level performance text.
import { toDecimal } from '../model/decimal.ts';
import type {
  MoneyUnit,
  OrgUnit,
  PerformanceText,
  Section,
  StatedAmount,
  StatedSubject,
} from '../model/document.ts';
import type { LayoutLine } from '../read/layout.ts';
import { sourceOf } from './tables.ts';
import { compact } from './text.ts';

const topHeading = /^(?:[一二三四五六七八九十]+、|\d+、(?=.{2,24}(?:情况|信息)$))/;

export function isTopHeading(line: LayoutLine): boolean {
  if (line.cells) return false;
  const c = compact(line.text);
  return topHeading.test(c) && c.length <= 40 && !/[。；]$/.test(c);
}

/** Splits narrative lines into top-level sections. Lines before the first heading are dropped. */
export function readSections(lines: LayoutLine[]): { section: Section; lines: LayoutLine[] }[] {
  const out: { section: Section; lines: LayoutLine[] }[] = [];
  for (const line of lines) {
    if (isTopHeading(line)) {
      out.push({ section: { heading: compact(line.text), text: '', source: sourceOf(line) }, lines: [] });
    } else if (out.length > 0) out[out.length - 1]!.lines.push(line);
  }
  for (const s of out) s.section.text = s.lines.map((l) => (l.cells ? l.cells.join('\t') : l.text)).join('\n');
  return out;
}

// What the words before an amount say it is. Order matters: the first match wins.
const subjects: [RegExp, StatedSubject, string?][] = [
  [/因公出国/, 'three-public-part', '因公出国（境）费'],
  [/公务用车购置及运[行维]*[护]?费?/, 'three-public-part', '公务用车购置及运维费'],
  [/公务用车购置费/, 'three-public-part', '公务用车购置费'],
  [/运维费|运行维护费/, 'three-public-part', '公务用车运行维护费'],
  [/公务接待费/, 'three-public-part', '公务接待费'],
  [/三公/, 'three-public'],
  [/运行经费/, 'operating-cost'],
  [/一般公共预算/, 'general-budget-income'],
  [/基金预算|政府性基金/, 'fund-income'],
  [/国有资本经营/, 'capital-income'],
  [/财政专户/, 'special-account-income'],
  [/单位资金/, 'unit-funds-income'],
  [/上年结转|结转结余/, 'carry-over'],
  [/基本支出/, 'basic'],
  [/人员/, 'personnel'],
  [/公用经费/, 'public'],
  [/项目支出/, 'project'],
  [/收入/, 'income-total'],
  [/支出|收支安排|收支预算/, 'expenditure-total'],
];

const amountPattern = /(\d(?:[\d,]|\s(?=\d))*(?:\.\d+)?)\s*(万元|元)/g;

/** Every amount stated in the budget sections (收支, 机关运行经费, 三公) of the 情况说明. */
export function readStatedAmounts(sections: { section: Section; lines: LayoutLine[] }[]): StatedAmount[] {
  const out: StatedAmount[] = [];
  for (const { section, lines } of sections) {
    if (!/总体情况|收支|机关运行经费|三公/.test(section.heading)) continue;
    // Join the section's lines, remembering where each starts, so an amount keeps its line.
    let text = '';
    const starts: { at: number; line: LayoutLine }[] = [];
    for (const line of lines) {
      starts.push({ at: text.length, line });
      text += `${line.cells ? line.cells.join(' ') : line.text} `;
    }
    const lineAt = (offset: number) => {
      let found = starts[0]!.line;
      for (const s of starts) if (s.at <= offset) found = s.line;
      return found;
    };
    let listing = false; // after 主要为/主要是 in a 项目支出 clause, amounts are projects
    let comparedYear: number | undefined;
    let sentenceStart = 0;
    for (const m of text.matchAll(amountPattern)) {
      const at = m.index ?? 0;
      const before = text.slice(sentenceStart, at);
      const lastStop = Math.max(...['。', '；'].map((p) => before.lastIndexOf(p)));
      if (lastStop >= 0) {
        sentenceStart += lastStop + 1;
        listing = false;
        comparedYear = undefined;
      }
      const sentence = text.slice(sentenceStart, at);
      const clauseStart = Math.max(...['，', '、', '：', '（', '('].map((p) => sentence.lastIndexOf(p)));
      const clause = compact(sentence.slice(clauseStart + 1));
      const compared = /较\s*(\d{4})\s*年|与\s*(\d{4})\s*年/.exec(sentence);
      if (compared) comparedYear = Number(compared[1] ?? compared[2]);
      const value = toDecimal(m[1]!);
      if (value === null) continue;
      const unit = m[2] as MoneyUnit;
      const direction = /增加|增长|上升|多/.test(clause) ? 'increase' : /减少|下降|降低|少/.test(clause) ? 'decrease' : null;
      let subject: StatedSubject | undefined;
      let item: string | undefined;
      if (listing && !subjects.some(([re]) => re.test(clause))) {
        subject = 'project-item';
        item = clause.replace(/^(?:主要[为是]|其中|包括)/, '');
      } else {
        for (const [re, s, name] of subjects) {
          if (re.test(clause)) {
            subject = s;
            item = name;
            break;
          }
        }
      }
      if (/项目支出/.test(clause) && /主要[为是]/.test(text.slice(at, at + 20))) listing = true;
      if (!subject) continue;
      const stated: StatedAmount = {
        subject,
        value,
        unit,
        section: section.heading,
        source: sourceOf(lineAt(at + m[0].indexOf(m[1]!))),
      };
      if (item) stated.item = item;
      if (direction) stated.change = comparedYear ? { direction, comparedYear } : { direction };
      out.push(stated);
    }
  }
  return out;
}

/** The 机构设置 table: rows of 单位名称 / 单位性质 / 单位规格 / 经费保障形式. */
export function readOrgUnits(lines: LayoutLine[]): OrgUnit[] {
  const at = lines.findIndex((l) => compact(l.text).startsWith('单位名称单位性质'));
  if (at < 0) return [];
  const out: OrgUnit[] = [];
  for (const line of lines.slice(at + 1)) {
    const cells = line.cells ? line.cells.map((c) => c.trim()).filter(Boolean) : line.text.split(/\s+/);
    if (cells.length !== 4 || !/行政|事业|企业|参公/.test(cells[1]!)) break;
    out.push({
      name: compact(cells[0]!),
      nature: compact(cells[1]!),
      rank: compact(cells[2]!),
      funding: compact(cells[3]!),
      source: sourceOf(line),
    });
  }
  return out;
}

const prefixed = (body: string) =>
  new RegExp(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]、?)?${body}$`);
const isShortTitle = (c: string) => c.length <= 30 && !/[，。；：,;:]/.test(c.slice(0, -1));
const isItemTitle = (c: string) =>
  (/^(?:[（(][一二三四五六七八九十]+[)）]|\d+[、.．])/.test(c) && c.length < 60 && c.indexOf('。') >= c.length - 1) ||
  (c.length <= 20 && !/[，。；：,;:]/.test(c));

/** 总体绩效目标, 分项绩效目标 (each item) and 工作保障措施, wherever they stand. */
export function readPerformance(lines: LayoutLine[]): PerformanceText | undefined {
  const find = (re: RegExp, from = 0) =>
    lines.findIndex((l, k) => k >= from && !l.cells && re.test(compact(l.text)) && compact(l.text).length < 30);
  const overallAt = find(prefixed('总体(?:绩效)?目标'));
  if (overallAt < 0) return undefined;
  const itemsAt = find(prefixed('分项(?:绩效)?目标'), overallAt);
  const measuresAt = find(prefixed('(?:工作)?保障措施'), Math.max(itemsAt, overallAt));
  let end = measuresAt + 1;
  while (
    end < lines.length &&
    !isTopHeading(lines[end]!) &&
    !/^第[一二三四五六七八九十]+部分/.test(compact(lines[end]!.text))
  )
    end++;
  // The first line under a heading is often a title repeating it (工作保障措施, 某某局分项绩效目标).
  const body = (from: number, to: number) => {
    const part = lines.slice(from, to).filter((l) => !isTopHeading(l));
    if (part[0] && isShortTitle(compact(part[0].text))) part.shift();
    return part;
  };
  const textOf = (part: LayoutLine[]) => part.map((l) => (l.cells ? l.cells.join('') : l.text)).join('\n');
  const items: { title: string; text: string }[] = [];
  if (itemsAt >= 0) {
    for (const l of body(itemsAt + 1, measuresAt >= 0 ? measuresAt : end)) {
      const c = compact(l.text);
      if (!l.cells && isItemTitle(c)) items.push({ title: c, text: '' });
      else if (items.length > 0) items[items.length - 1]!.text += `${l.text}\n`;
    }
  }
  return {
    overall: textOf(body(overallAt + 1, itemsAt >= 0 ? itemsAt : measuresAt >= 0 ? measuresAt : end)),
    items,
    measures: measuresAt >= 0 ? textOf(body(measuresAt + 1, end)) : '',
  };
}
