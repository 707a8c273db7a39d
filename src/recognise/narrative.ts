// Recognises the prose: top-level sections, amounts stated in the 情况说明, the 机构设置 table
// and the department-level performance text.

import { toDecimal } from '../model/decimal.ts';
import type {
  Decimal,
  MoneyUnit,
  OrgUnit,
  PerformanceText,
  Section,
  Source,
  StatedAmount,
  StatedShare,
  StatedSubject,
} from '../model/document.ts';
import { headingNumber } from '../model/numbering.ts';
import type { LayoutLine } from '../read/layout.ts';
import { sourceOf } from './tables.ts';
import { compact, type Line } from './text.ts';

const topHeading = /^(?:[一二三四五六七八九十]+、|\d+、(?=.{2,24}(?:情况|信息)$))/;

export function isTopHeading(line: Line): boolean {
  if (line.cells) return false;
  const c = line.compact;
  return topHeading.test(c) && c.length <= 40 && !/[。；]$/.test(c);
}

/**
 * Splits narrative lines into top-level sections. Headings must count up (一、二、… or 8、 after 七、);
 * a numbered line out of sequence is an item inside a section. Lines before the first heading are dropped.
 */
export interface SectionLines {
  section: Section;
  headingLine: Line;
  lines: Line[];
  /** The whole prose of a fragment without headings: read whatever it is about. */
  fragment?: true;
}

export interface SectionOptions {
  /** Headings of the parts' first pages (Shanghai budgets): they are the sections. */
  pageTitles?: Set<Line> | undefined;
  /**
   * The document is made of parts (第一部分 概况, 第二部分 表, 第三部分 情况说明, 第四部分 名词解释, as final
   * accounts are): numbering starts again in each part, a part without numbered headings is a section
   * of its own, and the 目录 listing them all is not read as headings.
   */
  parts?: boolean;
}

const partHeading = /^第[一二三四五六七八九十]+部分/;

export function readSections(all: Line[], options: SectionOptions = {}): SectionLines[] {
  const { pageTitles, parts } = options;
  if (pageTitles && pageTitles.size > 0) return sectionsUnder(all, pageTitles);
  const lines = parts ? withoutContents(all) : all;
  const out: SectionLines[] = [];
  const partSections = new Set<SectionLines>();
  let last = 0;
  let lastArabicItem = 0; // 1、2、… sub-items inside the current section
  let current: string | undefined; // the heading of the part the lines stand in
  for (const line of lines) {
    const c = line.compact;
    // Printed with a gap after 第X部分, a part heading reads as two cells.
    if (parts && (!line.cells || line.cells.length <= 2) && partHeading.test(c)) {
      const part: SectionLines = {
        section: { heading: c, text: '', source: sourceOf(line) },
        headingLine: line,
        lines: [],
      };
      out.push(part);
      partSections.add(part);
      current = c;
      last = 0;
      lastArabicItem = 0;
      continue;
    }
    const n = headingNumber(c) ?? -1;
    const arabic = /^\d/.test(c);
    // A term defined (一、财政拨款：指…, in 名词解释) is not a heading.
    if (
      isTopHeading(line) &&
      !/[，。]|[：:](?:是)?指/.test(c) &&
      n === last + 1 &&
      !(arabic && lastArabicItem === n - 1)
    ) {
      const section: SectionLines['section'] = { heading: c, number: n, text: '', source: sourceOf(line) };
      if (current) section.part = current;
      out.push({ section, headingLine: line, lines: [] });
      last = n;
      lastArabicItem = 0;
      continue;
    }
    const item = /^(\d+)[、.．](?!\d)/.exec(c); // not a decimal (206.4万元) at the start of a wrapped line
    if (item && !line.cells) lastArabicItem = Number(item[1]);
    if (out.length > 0) out[out.length - 1]!.lines.push(line);
  }
  // A part heading is a section only where the part has text and no numbered section of its own.
  const kept = out.filter(
    (s, i) =>
      !partSections.has(s) || (s.lines.length > 0 && (i + 1 >= out.length || partSections.has(out[i + 1]!))),
  );
  for (const s of kept)
    s.section.text = s.lines.map((l) => (l.cells ? l.cells.join('\t') : l.text)).join('\n');
  return kept;
}

/**
 * Without the 目录: the lines from 目录 up to the first heading it listed that appears again, where the
 * body begins. Unchanged when there is no 目录 or nothing it lists appears again.
 */
function withoutContents(lines: Line[]): Line[] {
  const start = lines.findIndex((l) => l.compact === '目录');
  if (start < 0) return lines;
  const listed = new Set<string>();
  for (let i = start + 1; i < lines.length; i++) {
    const c = lines[i]!.compact;
    if (listed.has(c)) return [...lines.slice(0, start), ...lines.slice(i)];
    listed.add(c);
  }
  return lines;
}

// What the words before an amount say it is. Order matters: the first match wins.
const subjects: [RegExp, StatedSubject | 'unstated', string?][] = [
  [/出国/, 'three-public-part', '因公出国（境）费'],
  [/(?:公务用?|公)车购置及运[行维]*[护]?费?/, 'three-public-part', '公务用车购置及运维费'],
  [/(?:公务用?|公)车购置(?:费|支出)/, 'three-public-part', '公务用车购置费'],
  [
    /运维费|运行维护费|(?:用|车辆|公)车?运行费|用车运行(?:维护)?支出/,
    'three-public-part',
    '公务用车运行维护费',
  ],
  // Parts of 公务接待费 (国内公务接待，其中外宾接待), not the whole.
  [/国内公务接待|外宾接待|外事接待/, 'unstated'],
  [/公务接待费/, 'three-public-part', '公务接待费'],
  [/三公/, 'three-public'],
  [/运行经费/, 'operating-cost'],
  // The 财政拨款收支总表's 总计 (财政拨款收入支出总计, 财政拨款收支总预算), before 财政拨款收入 below takes it.
  [/财政拨款(?:收支|收入支出)(?:预算|决算)?总(?:计|额|预算)/, 'fiscal-total'],
  // Amounts the model has no subject for: by source of funds (财政拨款收入, 一般公共预算拨款支出, 事业收入…),
  // the final account's other incomes and spendings (经营支出, 上缴上级支出…), by 类/款/项 (“…（项）”科目
  // 43.83万元), by economic class (工资福利支出, 商品和服务支出…: parts of 基本支出 or 项目支出, not totals) and
  // the year's own 本年收入合计 (without the carry-overs, so not the 总计).
  // Named here so that the generic 收入/支出 below does not take them.
  [
    /拨款支出|财政拨款收入|事业收入|经营(?:收入|支出)|其他收入|上级补助收入|下级上解|上解收入|附属单位上缴收入|上缴上级支出|对附属单位补助支出|[（(][类款项][）)]|科目|本年收入合计|工资福利|商品和服务|对个人和家庭|资本性支出|对企业补助|债务利息/,
    'unstated',
  ],
  // A 类 of the functional classification (住房保障支出, 教育支出…): a part of the spending, not its total.
  [
    /(?:一般公共服务|外交|国防|公共安全|教育|科学技术|文化旅游体育与传媒|文化体育与传媒|社会保障和就业|卫生健康|医疗卫生与计划生育|医疗卫生|节能环保|城乡社区|农林水|交通运输|资源勘探(?:工业)?信息等|商业服务业等|金融|自然资源海洋气象等|住房保障|粮油物资储备|灾害防治及应急管理)支出/,
    'unstated',
  ],
  // The year's own spending, without the carry-overs: 基本支出 and 项目支出 (and 经营支出…) make it.
  [/本年支出合计/, 'year-expenditure'],
  // 一般公共预算财政拨款基本支出 is 基本支出, not 一般公共预算收入.
  [/基本支出/, 'basic'],
  // 一般公共预算拨款项目支出 likewise is 项目支出.
  [/项目支出/, 'project'],
  // 部门专项项目预算: the projects' spending, as some counties call it.
  [/专项项目/, 'project'],
  [/一般公共预算/, 'general-budget-income'],
  [/基金预算|政府性基金/, 'fund-income'],
  [/国有资本经营/, 'capital-income'],
  [/财政专户/, 'special-account-income'],
  [/单位资金/, 'unit-funds-income'],
  [/上年结转|结转结余/, 'carry-over'],
  [/人员/, 'personnel'],
  [/公用(?:经费|支出)/, 'public'],
  [/项目支出/, 'project'],
  [/预留机动经费/, 'reserve'],
  [/收入/, 'income-total'],
  [/支出|收支安排|收支预算/, 'expenditure-total'],
];

// Half-width ; and : too: web pages (and text copied from them) often print them.
const sentenceStops = ['。', '；', ';'];
const clauseStops = ['，', '、', '：', '；', ',', ';', ':'];

/** The last index in text[from, to) of any of `marks` (single characters), or -1. */
function lastOf(text: string, marks: string[], from: number, to: number): number {
  let last = -1;
  if (to <= from) return last;
  for (const mark of marks) {
    const at = text.lastIndexOf(mark, to - 1);
    if (at >= from && at > last) last = at;
  }
  return last;
}

const amountPattern = /(\d(?:[\d,]|\s(?=\d))*(?:\.\d+)?)\s*(万\s*元|元)/g;

export interface StatedOptions {
  /**
   * The 情况说明 of a final account (部门决算): every 决算 section and 其他重要事项 (机关运行经费) are read;
   * an amount is the 决算数, and the 年初预算数/预算数 printed beside it is not an amount of its subject.
   */
  final?: boolean;
}

const isSubHeading = (line: Line) =>
  !line.cells &&
  /^[（(][一二三四五六七八九十]+[）)]/.test(line.compact) &&
  line.compact.length <= 40 &&
  !/[，。；：,;:]/.test(line.compact);

/** A final account's budget figure beside the 决算数: 年初预算为…, 预算数为…, 调整预算… */
const budgetFigure = /年初预算|预算数|预算为|调整预算/;
/**
 * A 决算数 that names no subject of its own (支出决算为…, 决算数为…, …收入X万元，支出Y万元; the template's
 * 支出收入Y万元 too): the amount of what the sentence is about.
 */
const finalFigure = /^(?:(?:支出|收入){1,2}(?:决算数?)?|决算数?)[为是]?$/;

/**
 * A share right after an amount: ，占71.73%；（占比20.51%）；，占本年支出合计的100.00%；占…的比重为…%.
 * Group 1 is what it is a share of, when named; group 2 the percentage.
 */
const sharePattern =
  /^\s*[，,（(]?\s*占\s*(?:比重|比例|比)?\s*(?:([^，。；、,;:：%％\d]{1,30}?)\s*的?\s*(?:比重|比例)?)?\s*(?:为|是)?\s*(\d+(?:\.\d+)?)\s*[%％]/;
/** A sentence that lists the parts of the total the one before stated (…2364万元。分项情况是：…). */
// Also the parts of 基本支出 when each is a sentence of its own, explained by what it includes (…其中：人员经费
// A元，主要包括：…。公用经费B元，主要包括：…).
const listContinues = /^\s*(?:分项情况|分项|具体情况|其中|(?:日常)?公用经费\s*\d)/;

/** Words after an amount that open the list of its parts: the total the parts' shares are of. */
const opensList = /^\s*[，,：:]?\s*(?:其中|主要用于|主要包括|包括|主要[为是]|分别[为是]|具体[为是])/;

interface StatedWhole {
  name: string;
  value: Decimal;
  unit: MoneyUnit;
  source: Source;
}

/** Every amount stated in the budget sections (收支, 机关运行经费, 三公) of the 情况说明. */
export function readStatedAmounts(sections: SectionLines[], options: StatedOptions = {}): StatedAmount[] {
  return readStated(sections, options).amounts;
}

/** The amounts stated in the budget sections of the 情况说明, and the shares (占…%) stated beside them. */
export function readStated(
  sections: SectionLines[],
  options: StatedOptions = {},
): { amounts: StatedAmount[]; shares: StatedShare[] } {
  const { final = false } = options;
  const shares: StatedShare[] = [];
  // Level amounts read so far, by what the text calls them: the whole a share names (占本年支出合计的…).
  const named: StatedWhole[] = [];
  const read = final
    ? /总体情况|收支|机关运行经费|三公|决算|其他重要事项/
    : // The sections on the 一般公共预算 and its 基本/项目支出, and on the year's changes, state amounts too,
      // and a budget's one section of figures however it is headed (二、预算情况说明).
      /总体情况|收支|机关运行经费|三公|编制说明|绩效目标设置|年度预算安排|一般公共预算(?:拨款)?(?:情况|支出)|基本支出|项目支出|增减|预算(?:安排)?(?:情况|的?说明)/;
  const out: StatedAmount[] = [];
  let statement = 0;
  let sentenceNo = 0;

  for (const { section, lines, fragment } of sections) {
    statement++;
    sentenceNo++;
    if (!fragment && !read.test(section.heading)) continue;
    // Sections that list projects with their amounts (Shanghai: 绩效目标设置情况 …其中：X费418.80万元;
    // 项目经费情况说明 六、年度预算安排), apart from their count, total and spending plan.
    const projectList = /绩效目标设置|年度预算安排/.test(section.heading);
    // Join the section's lines, remembering where each starts, so an amount keeps its line.
    let text = '';
    const starts: { at: number; line: LayoutLine }[] = [];
    for (const line of lines) {
      starts.push({ at: text.length, line });
      // A sub-heading (（二）政府采购支出情况) is not part of the sentence under it.
      text += `${line.cells ? line.cells.join(' ') : line.text}${isSubHeading(line) ? '。' : ''} `;
    }
    let listing = false; // after 主要为/主要是 in a 项目支出 clause, amounts are projects
    let comparedYear: number | undefined;
    let sentenceStart = 0;
    let lastAmountEnd = 0;
    let lastInSentence: { subject: StatedSubject; item?: string } | undefined;
    // What the sentence is about, even when the model has no subject for it (一般公共预算财政拨款支出
    // 年初预算为…，支出决算为…): a 决算数 without a name of its own is its amount.
    let sentenceSubject: { subject: StatedSubject | 'unstated'; item?: string } | undefined;
    let sentenceDirection: 'increase' | 'decrease' | null = null;
    // What the sentence is about (its first level amount's subject), and what the one before it was.
    let sentenceTopic: { subject: StatedSubject; item?: string } | undefined;
    // The sentence's last level amount has no subject of the model's.
    let afterUnstated = false;
    let topic: { subject: StatedSubject; item?: string } | undefined;
    // Whether the amounts now are a list of the parts of the sentence's last change.
    let changeListed = false;
    let scanned = 0;
    // The last amount followed by the list of its parts (…万元，其中：), and where it ends.
    let listTotal: (StatedWhole & { end: number }) | undefined;
    // The last level amount, whose list may open only after its change (…X万元，比上年增加C万元；其中：…).
    let lastLevel: (StatedWhole & { end: number }) | undefined;
    // The reason for a 三公 change is given in the same section (增减变化的主要原因是…).
    // (…决算大于上年决算数的主要情况：… states the reason as some provinces' template words it.)
    const explained =
      /原因|由于|因为|主要是|主要用于|(?:大于|小于|高于|低于|增加|减少|增减)[^。]{0,12}的主要情况/.test(text);
    // A fragment is about what its text names (a page of the 三公 section), when it names one of them only.
    const about = fragment ? (/三公/.test(text) === /机关运行经费/.test(text) ? '' : text) : section.heading;
    const sectionSubject: StatedSubject | undefined = /三公/.test(about)
      ? 'three-public'
      : /机关运行经费/.test(about)
        ? 'operating-cost'
        : undefined;
    for (const m of text.matchAll(amountPattern)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      for (; scanned < at; scanned++)
        if (text[scanned] === '。' && !listContinues.test(text.slice(scanned + 1, scanned + 12))) statement++;
      const lastStop = lastOf(text, sentenceStops, sentenceStart, at);
      if (lastStop >= 0) {
        topic = sentenceTopic;
        sentenceTopic = undefined;
        afterUnstated = false;
        sentenceNo++;
        sentenceStart = lastStop + 1;
        listing = false;
        sentenceDirection = null;
        lastInSentence = undefined;
        sentenceSubject = undefined;
      }
      const sentence = text.slice(sentenceStart, at);
      // A list opened after the sentence’s change (增加…，主要为…／其中：／主要原因是…) lists its parts.
      if (
        lastStop >= 0 ||
        /其中|主要[为是]|主要用于|包括|分别[为是]|原因|由于/.test(text.slice(lastAmountEnd, at))
      )
        changeListed = lastStop < 0 && sentenceDirection !== null;
      const from = Math.max(0, lastAmountEnd - sentenceStart);
      const clauseStart = Math.max(from - 1, lastOf(sentence, clauseStops, 0, sentence.length));
      const clause = compact(sentence.slice(clauseStart + 1));
      const compared = /[较比]\s*(\d{4})\s*年|与\s*(\d{4})\s*年/.exec(sentence);
      if (compared) comparedYear = Number(compared[1] ?? compared[2]);
      // A sentence set against the year before (比上年…) is not compared with a year named earlier (比2019年…).
      else if (/[较比与]\s*上一?年/.test(sentence)) comparedYear = undefined;
      const value = toDecimal(m[1]!);
      lastAmountEnd = end;
      if (value === null) continue;
      const unit = m[2]!.replace(/\s+/g, '') as MoneyUnit;
      // In a project list the words before an amount are a project's name (人员培训经费, 多元化…):
      // neither a subject nor a direction, which the sentence gave before 主要为.
      const own = listing
        ? null
        : /增加|增长|上升|多|增[支收]?[)）]?$/.test(clause)
          ? 'increase'
          : /减少|下降|降低|少|减[支收]?[)）]?$/.test(clause)
            ? 'decrease'
            : null;
      // Parts listed after a change (增加…，主要为…) are changes too; the next item stated with its own
      // level (…减少0.28万元，公务接待费30万元，…减少2万元) is not.
      const direction = own ?? (changeListed ? sentenceDirection : null);
      if (own) {
        sentenceDirection = own;
        changeListed = false;
      }
      let subject: StatedSubject | 'unstated' | undefined;
      let item: string | undefined;
      // The year compared with's own figure (较2017年部门预算收入总数8014212.00元增长1.13%): not this year's level.
      // (A heading run into the clause, 比上年增减情况2025年预算收支安排…, names this year's after the comparison.)
      const base = /^(?:\d{4}年度?)?(?:较|比|与)(?:上一?年度?|去年|\d{4}年度?)(.*)$/.exec(clause);
      const ofBase = !direction && base !== null && !/\d{4}年|情况|说明/.test(base[1]!);
      const ofBudget = (final && budgetFigure.test(clause) && !/决算/.test(clause)) || ofBase;
      if (final && finalFigure.test(clause)) {
        subject = sentenceSubject?.subject ?? 'unstated';
        item = sentenceSubject?.item;
      } else if (own && !subjects.some(([re]) => re.test(clause)) && afterUnstated) {
        // 工资福利支出716052.51元，同比减少148979.48元: the change of the amount just stated, which has no subject.
        subject = 'unstated';
      } else if (own && !subjects.some(([re]) => re.test(clause)) && (lastInSentence || sectionSubject)) {
        // 较2023年预算减少73.63万元: the change of what the sentence just stated (or of the section's subject).
        subject = lastInSentence?.subject ?? sectionSubject;
        item = lastInSentence?.item;
      } else if (
        own &&
        !subjects.some(([re]) => re.test(clause)) &&
        topic &&
        clause === compact(sentence) &&
        /^(?:\d{4}年度?)?(?:比|较|与|同比)/.test(clause)
      ) {
        // A sentence that opens with the change (…基本支出A万元，其中…。比上年增加C万元): of what the sentence
        // before was about.
        subject = topic.subject;
        item = topic.item;
      } else if (projectList) {
        subject = /用款计划|项目预算资金|项目共|\d+个/.test(clause) ? 'unstated' : 'project-item';
        item = clause.replace(/^(?:主要[为是]|其中|包括)/, '');
      } else if (listing) {
        subject = 'project-item';
        item = clause
          .replace(/^(?:主要[为是]|其中|包括)/, '')
          .replace(/安排$/, '')
          .replace(/(?<=[）)】])预算$/, '');
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
      if (subject) sentenceSubject = item ? { subject, item } : { subject };
      if (!direction && !ofBudget) {
        const name = clause.replace(/^(?:其中|主要[为是]|包括)/, '');
        const source = sourceOf(lineAt(starts, at + m[0].indexOf(m[1]!)));
        const share = sharePattern.exec(text.slice(end, end + 60));
        const gap = lastLevel ? text.slice(lastLevel.end, at) : '';
        if (
          lastLevel &&
          lastLevel !== listTotal &&
          !gap.includes('。') &&
          /其中|主要用于|主要包括|包括|主要[为是]|分别[为是]/.test(gap)
        )
          listTotal = lastLevel;
        if (share) {
          const of = share[1] ? compact(share[1]) : undefined;
          // A named whole is the amount stated under that name before; otherwise the sentence's list total.
          const whole = of
            ? [...named].reverse().find((w) => w.name.replace(/(?:为|是|达到?|共计?)$/, '').endsWith(of))
            : listTotal && !text.slice(listTotal.end, at).includes('。')
              ? listTotal
              : undefined;
          const percentAt = end + share[0].lastIndexOf(share[2]!);
          const stated: StatedShare = {
            part: { name, value, unit },
            percent: share[2]!,
            section: section.heading,
            source: sourceOf(lineAt(starts, percentAt)),
          };
          if (of) stated.of = of;
          if (whole) {
            stated.whole = { name: whole.name, value: whole.value, unit: whole.unit, source: whole.source };
          }
          shares.push(stated);
        } else if (opensList.test(text.slice(end, end + 20))) {
          listTotal = { name, value, unit, source, end };
        }
        if (name) named.push({ name, value, unit, source });
        lastLevel = listTotal?.end === end ? listTotal : { name, value, unit, source, end };
      }
      if (ofBudget) {
        lastInSentence = undefined;
        continue;
      }
      if (!direction) afterUnstated = subject === 'unstated';
      if (subject === 'unstated') {
        // The amounts stated before it in the statement have it listed with them (…其中：基本支出A；经营支出B).
        if (!direction)
          for (let k = out.length - 1; k >= 0 && out[k]!.statement === statement; k--)
            out[k]!.unstatedAfter = true;
        lastInSentence = undefined; // a 比上年 change after it is its change, not the last subject's
        continue;
      }
      if (!subject) continue;
      lastInSentence = item ? { subject, item } : { subject };
      if (!direction && !sentenceTopic) sentenceTopic = lastInSentence;
      const stated: StatedAmount = {
        subject,
        value,
        unit,
        section: section.heading,
        statement,
        sentence: sentenceNo,
        source: sourceOf(lineAt(starts, at + m[0].indexOf(m[1]!))),
      };
      if (item) stated.item = item;
      if (direction) {
        stated.change = comparedYear ? { direction, comparedYear, explained } : { direction, explained };
      }
      out.push(stated);
    }
  }
  return { amounts: out, shares };
}

/** The line the joined text's `offset` falls in: the last one starting at or before it (the first if none). */
function lineAt(starts: { at: number; line: LayoutLine }[], offset: number): LayoutLine {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]!.at <= offset) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo]!.line;
}

/** Sections headed by the given lines (a PDF's page titles), each running to the next. */
function sectionsUnder(lines: Line[], headings: Set<Line>): SectionLines[] {
  const out: SectionLines[] = [];
  for (const line of lines) {
    if (headings.has(line)) {
      out.push({
        section: { heading: line.compact, text: '', source: sourceOf(line) },
        headingLine: line,
        lines: [],
      });
      continue;
    }
    if (out.length > 0) out[out.length - 1]!.lines.push(line);
  }
  for (const s of out)
    s.section.text = s.lines.map((l) => (l.cells ? l.cells.join('\t') : l.text)).join('\n');
  return out;
}

/** The 机构设置 table: rows of 单位名称 / 单位性质 / 单位规格 / 经费保障形式. */
export function readOrgUnits(lines: Line[]): { units: OrgUnit[]; header?: Line } {
  const at = lines.findIndex((l) => l.compact.startsWith('单位名称单位性质'));
  if (at < 0) return { units: [] };
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
  return { units: out, header: lines[at]! };
}

const prefixed = (body: string) =>
  new RegExp(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]、?)?${body}$`);
const overallHeading = prefixed('总体(?:绩效)?目标');
const itemsHeading = prefixed('分项(?:绩效)?目标');
const measuresHeading = prefixed('(?:工作)?保障措施');
const isShortTitle = (c: string) =>
  c.length <= 30 &&
  !/[，。；：,;:]/.test(c.slice(0, -1)) &&
  !/^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．])/.test(c);
const isItemTitle = (c: string) =>
  (/^(?:[（(][一二三四五六七八九十]+[)）]|\d+[、.．]|[一二三四五六七八九十]+、)/.test(c) &&
    c.length < 100 &&
    (c.indexOf('。') < 0 || c.indexOf('。') === c.length - 1)) ||
  (c.length <= 20 && !/[，。；：,;:]/.test(c));

/**
 * 总体绩效目标, 分项绩效目标 (each item) and 工作保障措施, wherever they stand. A document may print the
 * 分项 and 保障措施 blocks more than once; every block is kept.
 */
export function readPerformance(lines: Line[], headings: Set<LayoutLine>): PerformanceText | undefined {
  const kindOf = (l: Line): 'overall' | 'items' | 'measures' | null => {
    if (l.cells) return null;
    const c = l.compact;
    if (c.length >= 30) return null;
    if (overallHeading.test(c)) return 'overall';
    if (itemsHeading.test(c)) return 'items';
    if (measuresHeading.test(c)) return 'measures';
    return null;
  };
  const blocks: { kind: 'overall' | 'items' | 'measures'; lines: Line[] }[] = [];
  let open = false;
  for (const l of lines) {
    const kind = kindOf(l);
    const previous = blocks[blocks.length - 1];
    if (kind && !(previous && previous.kind === kind && previous.lines.length === 0)) {
      blocks.push({ kind, lines: [] });
      open = true;
    } else if (kind)
      continue; // the heading printed twice in a row
    else if (headings.has(l) || /^第[一二三四五六七八九十]+部分/.test(l.compact)) open = false;
    else if (open) blocks[blocks.length - 1]!.lines.push(l);
  }
  if (!blocks.some((b) => b.kind === 'overall')) return undefined;
  // The first line under a heading is often a title repeating it (工作保障措施, 某某局分项绩效目标).
  const body = (part: Line[]) => {
    const out = [...part];
    if (out[0] && isShortTitle(out[0].compact)) out.shift();
    return out;
  };
  const textOf = (part: LayoutLine[]) => part.map((l) => (l.cells ? l.cells.join('') : l.text)).join('\n');
  const items: { title: string; text: string }[] = [];
  for (const b of blocks.filter((x) => x.kind === 'items')) {
    for (const l of body(b.lines)) {
      const c = l.compact;
      if (!l.cells && isItemTitle(c)) items.push({ title: c, text: '' });
      else if (items.length > 0) items[items.length - 1]!.text += `${l.text}\n`;
    }
  }
  const join = (kind: 'overall' | 'measures') =>
    blocks
      .filter((b) => b.kind === kind)
      .map((b) => textOf(body(b.lines)))
      .join('\n');
  return { overall: join('overall'), items, measures: join('measures') };
}
