// The one model every stage shares. Readers produce layouts, recognisers produce a Document,
// and everything downstream (check, export, store, render) reads only this.

/** 部门预算公开 (budget), 部门预算绩效文本 (performance), 部门决算公开 (final). */
export type DocumentKind = 'budget' | 'performance' | 'final';

/** The 单位 line of a document or table. */
export type MoneyUnit = '万元' | '元';

/** Where something stands in the source: 1-based line of the text (or layout), and PDF page when known. */
export interface Source {
  line: number;
  page?: number;
  /**
   * PDF: the box of the printed cell (amounts of tables read with positions), in points from the top left
   * of the page as displayed, y downwards — so that the original page can be shown with the cell marked.
   */
  box?: { x: number; y: number; width: number; height: number };
  /**
   * Read by OCR (a scanned page): the probability (0–1) of the least certain character of the cell, or of
   * the line for text without cells. Absent for what a text layer gives (certain).
   */
  confidence?: number;
}

/**
 * Below this confidence an OCR reading may be wrong: a finding resting on it is a warning that says so
 * (可能为识别误差). From bench/ocr.ts: amounts misread on degraded scans came out below it (or with their
 * separators out of place, which sets 0.3); correct ones fall below it mostly when a lone 0 in a cell.
 */
export const doubtfulConfidence = 0.6;

/** Whether a source was read by OCR with a character below `doubtfulConfidence`. */
export const isDoubtful = (s: Source | undefined): boolean =>
  s?.confidence !== undefined && s.confidence < doubtfulConfidence;

/**
 * An exact decimal as printed, normalised to plain digits ("1111.68", "1270", "-3.5").
 * Arithmetic goes through src/model/decimal.ts, never through binary floats.
 */
export type Decimal = string;

export interface Amount {
  value: Decimal;
  source: Source;
}

/** Keys of the budget tables (domain.md §2). */
export const budgetTableKeys = [
  'summary',
  'income',
  'expenditure',
  'fiscal-summary',
  'general-expenditure',
  'general-basic',
  'fund-expenditure',
  'capital-expenditure',
  'three-public',
  'procurement',
  'assets',
  // Regional additions (Jiangsu): 财政拨款支出预算表, 财政拨款基本支出预算表, 机关运行经费支出预算表.
  'fiscal-expenditure',
  'fiscal-basic',
  'operating-cost',
  // Final accounts (部门决算).
  'final-summary',
  'final-income',
  'final-expenditure',
  'final-fiscal-summary',
  'final-general-expenditure',
  'final-general-basic',
  'final-three-public',
  'final-fund',
  'final-capital',
] as const;
export type TableKey = (typeof budgetTableKeys)[number];

/** The standard (national) title of each table, for messages. */
export const tableNames: Record<TableKey, string> = {
  summary: '部门预算收支总表',
  income: '部门预算收入总表',
  expenditure: '部门预算支出总表',
  'fiscal-summary': '部门预算财政拨款收支总表',
  'general-expenditure': '一般公共预算财政拨款支出表',
  'general-basic': '一般公共预算财政拨款基本支出表',
  'fund-expenditure': '政府性基金预算财政拨款支出表',
  'capital-expenditure': '国有资本经营预算财政拨款支出表',
  'three-public': '财政拨款"三公"经费支出表',
  procurement: '部门政府采购预算表',
  assets: '部门固定资产占用情况表',
  'fiscal-expenditure': '财政拨款支出预算表',
  'fiscal-basic': '财政拨款基本支出预算表',
  'operating-cost': '机关运行经费支出预算表',
  'final-summary': '收入支出决算总表',
  'final-income': '收入决算表',
  'final-expenditure': '支出决算表',
  'final-fiscal-summary': '财政拨款收入支出决算总表',
  'final-general-expenditure': '一般公共预算财政拨款支出决算表',
  'final-general-basic': '一般公共预算财政拨款基本支出决算表',
  'final-three-public': '财政拨款"三公"经费支出决算表',
  'final-fund': '政府性基金预算财政拨款收入支出决算表',
  'final-capital': '国有资本经营预算财政拨款收入支出决算表',
};

/** 收支总表 and 财政拨款收支总表 print income (left) and expenditure (right) side by side. */
export type TableSide = 'income' | 'expenditure';

/**
 * What a row is (src/model/roles.ts): a total (合计, 总计), a summary side's 本年…合计 (subtotal), its numbered
 * items and carry-over lines, a 三公 part in the row layout, the final basic table's 人员经费/公用经费 合计.
 */
export type RowRole =
  | 'total'
  | 'subtotal'
  | 'item'
  | 'carry-over'
  | 'personnel-total'
  | 'public-total'
  | 'three-public-total'
  | 'three-public-abroad'
  | 'three-public-car'
  | 'three-public-car-purchase'
  | 'three-public-car-running'
  | 'three-public-reception';

export interface TableRow {
  side?: TableSide;
  /** Set for the rows that have one; absent on an ordinary row (a 科目, a listed item). */
  role?: RowRole;
  /**
   * The block of its side the row stands in, when a side prints several (Jiangsu's 收支总表 lists spending
   * by 功能分类 and, beside it, by 支出用途): the block's heading.
   */
  group?: string;
  /** Functional (3/5/7 digits) or economic (3/5 digits) classification code, when the row has one. */
  code?: string;
  name: string;
  /** One entry per column of the row's side, in the table's column order; null for an empty cell. */
  amounts: (Amount | null)[];
  source: Source;
}

export interface BudgetTable {
  key: TableKey;
  /** The title as printed. */
  title: string;
  /** Amount columns (of the expenditure side for two-sided tables). */
  columns: string[];
  /** Amount columns of the income side, for two-sided tables only. */
  incomeColumns?: string[];
  rows: TableRow[];
  /** Notes printed under the table, e.g. 注：无政府性基金预算财政拨款预算，空表列示。 */
  notes: string[];
  /** A note declares the table empty (空表列示, 无…预算). */
  notesSayEmpty: boolean;
  /** The money unit of this table's header line (falls back to the document's). */
  unit: MoneyUnit;
  source: Source;
  /**
   * How sure the recogniser is of its reading, and why (src/recognise/confidence.ts). Rules that compare
   * amounts give no error from a 'low' table. Absent in documents stored before it was set.
   */
  confidence?: TableConfidence;
}

export interface TableConfidence {
  level: 'high' | 'medium' | 'low';
  /** The signals, each a short Chinese phrase: those found (表名, 表头列, 编码行, 合计行…) and those missing. */
  reasons: string[];
}

/** A row of the 机构设置 table. */
export interface OrgUnit {
  name: string;
  /** 单位性质: 行政 / 事业 / … as printed. */
  nature: string;
  /** 单位规格, e.g. 正科级. */
  rank: string;
  /** 经费保障形式, e.g. 财政拨款. */
  funding: string;
  source: Source;
}

export interface Section {
  /** The heading as printed, e.g. 二、部门预算安排的总体情况 */
  heading: string;
  /** The number the heading prints (二、 → 2), set by the recogniser; absent for an unnumbered heading. */
  number?: number;
  /** The prose under the heading, wrapped lines joined. */
  text: string;
  source: Source;
  /** Written by yusuan from the tables (src/generate), not by the department: for an editor to review. */
  generated?: true;
  /** The part (第二部分 …) it stands in, when the document is made of parts: numbering starts again in each. */
  part?: string;
  /**
   * Where the 机构设置 table (`Document.units`) is printed in the text: the index of its header line (单位名称
   * 单位性质 …) in `text.split('\n')`, and the number of unit lines under it.
   */
  unitsTable?: { line: number; rows: number };
}

/** What a narrative amount refers to. */
export type StatedSubject =
  | 'income-total' // 收入总计 / 预算收入
  | 'general-budget-income' // 一般公共预算收入
  | 'fund-income' // 政府性基金预算收入
  | 'capital-income' // 国有资本经营预算收入
  | 'special-account-income' // 财政专户核拨收入
  | 'unit-funds-income' // 单位资金收入
  | 'carry-over' // 上年结转（结余）
  | 'expenditure-total' // 支出总计 / 支出预算
  | 'year-expenditure' // 本年支出合计 (a final account's: without 结余分配 and 年末结转和结余)
  | 'fiscal-total' // 财政拨款收支总计 / 财政拨款收入支出总计 (the 财政拨款收支总表's 总计)
  | 'basic' // 基本支出
  | 'personnel' // 人员经费
  | 'public' // 公用经费
  | 'project' // 项目支出
  | 'reserve' // 预留机动经费 (Jiangsu's third use of spending, beside 基本支出 and 项目支出)
  | 'project-item' // one project the text lists (item = its name)
  | 'three-public' // "三公"经费
  | 'three-public-part' // a part of 三公 (item = 因公出国（境）费 / 公务用车购置及运维费 / 公务用车购置费 / 公务用车运行维护费 / 公务接待费)
  | 'operating-cost'; // 机关运行经费

export interface StatedAmount {
  subject: StatedSubject;
  item?: string;
  value: Decimal;
  unit: MoneyUnit;
  /**
   * Present when the amount is a 比上年 change rather than a level; `explained` when the section
   * gives a reason (增减变化的主要原因…).
   */
  change?: { direction: 'increase' | 'decrease'; comparedYear?: number; explained: boolean };
  /** Heading of the section it stands in. */
  section: string;
  /** Ordinal of the sentence (up to 。) in the document: amounts of one statement share it. */
  statement: number;
  /** Ordinal of the clause run up to 。 or ；: amounts listed in one breath share it. */
  sentence?: number;
  /** An amount the model has no subject for (事业收入, 经营支出…) is stated after it in the same statement. */
  unstatedAfter?: true;
  source: Source;
}

/**
 * A share the text states beside an amount: 一般公共服务支出（类）2106.66万元，占71.73%; 一般公共预算财政拨款
 * 支出2940.05万元，占本年支出合计的100.00%.
 */
export interface StatedShare {
  /** The amount whose share is stated, and what the text calls it. */
  part: { name: string; value: Decimal; unit: MoneyUnit };
  /** The percentage as printed ("71.73"): its decimals are its precision. */
  percent: Decimal;
  /** What it is a share of, when the text names it after 占 (本年支出合计). */
  of?: string;
  /**
   * The whole as the text states it: the amount named after 占 stated before, or else the total whose parts
   * the sentence lists (本年支出合计2940.05万元，其中：…; …支出2940.05万元，主要用于以下方面：…). Absent when the
   * text states none.
   */
  whole?: { name: string; value: Decimal; unit: MoneyUnit; source: Source };
  /** Heading of the section it stands in. */
  section: string;
  /** Where the percentage is printed. */
  source: Source;
}

/**
 * A change stated with its rate beside the amount it changed: 收支预算总计21955.35万元，比上年增加3958.67万元，
 * 增长21.95%. The rate is the change over the year before's amount, which the text gives as amount ∓ change.
 */
export interface StatedChange {
  /** What the sentence names before the amount (…检察监督支出), for the message. */
  name: string;
  /** This year's amount, the change and the rate (percent) as printed: their decimals are their precision. */
  amount: Decimal;
  change: Decimal;
  direction: 'increase' | 'decrease';
  percent: Decimal;
  unit: MoneyUnit;
  /** Set against the year's budget (较年初预算数减少…), not the year before. */
  against?: 'budget';
  /** Heading of the section it stands in. */
  section: string;
  source: Source;
}

/**
 * A change stated with its rate, as words: 较上年减0.04万元，增0.01%. Read whether or not the level it changed is
 * stated, for the check that the two words say the same direction.
 */
export interface StatedRateWords {
  /** The change's word (增加, 减少, 增, 减…) and amount, and the rate's word (增长, 下降, 增幅…) and percentage. */
  changeWord: string;
  change: Decimal;
  unit: MoneyUnit;
  rateWord: string;
  percent: Decimal;
  section: string;
  source: Source;
}

/** What a change against the year before is of: 基本支出, its economic classes or 人员/公用经费, 三公 and its parts. */
export type StatedDeltaSubject =
  | 'basic'
  | 'wages'
  | 'goods-services'
  | 'households'
  | 'capital'
  | 'personnel'
  | 'public'
  | 'three-public'
  | 'abroad'
  | 'car'
  | 'reception';

/**
 * The parts whose changes make a whole's change, each set complete on its own: 基本支出 is its economic
 * classes (资本性支出 rarely among them, so not required) or 人员经费 and 公用经费; “三公”经费 its three parts.
 */
export const deltaParts: {
  whole: StatedDeltaSubject;
  parts: StatedDeltaSubject[];
  optional?: StatedDeltaSubject[];
}[] = [
  { whole: 'basic', parts: ['wages', 'goods-services', 'households'], optional: ['capital'] },
  { whole: 'basic', parts: ['personnel', 'public'] },
  { whole: 'three-public', parts: ['abroad', 'car', 'reception'] },
];

/**
 * A change against the year before stated with or without its level (基本支出预算较上年增17.1万元，增幅17.18%;
 * 工资福利支出较上年增18.67万元), of a subject whose parts' changes make it.
 */
export interface StatedDelta {
  subject: StatedDeltaSubject;
  /** The words naming it, as printed (工资福利支出). */
  name: string;
  direction: 'increase' | 'decrease';
  change: Decimal;
  unit: MoneyUnit;
  /** The rate stated with it, and the rate's own direction word. */
  percent?: Decimal;
  rateDirection?: 'increase' | 'decrease';
  /** Ordinal of the sentence (up to 。) in its section. */
  statement: number;
  section: string;
  source: Source;
}

/** A year's figure the text sets an amount against: 较2021年决算数, 与2022年度预算相比. */
export interface ComparedFigure {
  year: number;
  figure: '预算' | '决算';
  /** The clause as printed (20123-民族事务156万元，与2022年决算数持平), for the message. */
  text: string;
  section: string;
  source: Source;
}

/** A total stated with 其中： and its parts listed under it, one numbered line each (1.财政拨款收入…万元). */
export interface StatedList {
  total: { name: string; value: Decimal; unit: MoneyUnit };
  /** Each item's name and amount, in the total's unit, and the line it stands on. */
  parts: { name: string; value: Decimal; line: number }[];
  section: string;
  source: Source;
}

/**
 * The two sides of the 收支总表 stated in one sentence: 收入总计 and 支出总计, or (a final account's) 收入总计 and
 * the spending side's parts, 本年支出 and 年末结转和结余 (`yearEnd`).
 */
export interface StatedBalance {
  income: Decimal;
  /** 支出总计, or 本年支出 where `yearEnd` is given beside it. */
  expenditure: Decimal;
  yearEnd?: Decimal;
  unit: MoneyUnit;
  section: string;
  source: Source;
}

/** A count stated with its parts: 共有车辆1辆，其中：一般公务用车0辆、…、其他用车0辆. */
export interface StatedCount {
  /** What is counted (车辆), the total, its unit (辆, 台, 个…) and the parts listed after 其中. */
  name: string;
  total: number;
  unit: string;
  parts: { name: string; count: number }[];
  /** The parts are the names counted, one each (设9个内设机构，分别为：A、B…): they must make the count. */
  enumerated?: true;
  section: string;
  source: Source;
}

/** A date the text gives its figures as of: 截至2022年12月31日, 截止时间：2024-12-31. */
export interface StatedDate {
  year: number;
  text: string;
  source: Source;
}

/**
 * A final account's rate of completion of the budget as the 情况说明 states it: “支出决算为A万元，完成年初预算的
 * P%” with the budget (年初预算为B万元) or the difference (决算数大于预算数D万元) that gives the rate.
 */
export interface StatedCompletion {
  /** What the sentence names before the amount, for the message. */
  name: string;
  /** The 决算 amount, the rate (percent) as printed. */
  amount: Decimal;
  percent: Decimal;
  /** The budget it is set against, when the sentence states it. */
  budget?: Decimal;
  /** 决算数大于/小于预算数 D: the side and, when printed, the difference. */
  direction?: 'above' | 'below';
  difference?: Decimal;
  unit: MoneyUnit;
  section: string;
  source: Source;
}

/**
 * An amount the 情况说明 states for a 科目 it names with its level: “人大事务行政运行（项）支出10528.33万元”,
 * “社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：…67.64万元”.
 */
export interface StatedClassItem {
  /** The names given, each with its level, outermost first; the last is the 科目 the amount is of. */
  levels: { level: '类' | '款' | '项'; name: string }[];
  amount: Decimal;
  unit: MoneyUnit;
  section: string;
  source: Source;
}

/** Department-level performance text (部门整体绩效目标). */
export interface PerformanceText {
  overall: string; // 总体绩效目标
  items: { title: string; text: string }[]; // 分项绩效目标
  measures: string; // 工作保障措施
}

export type Month = 3 | 6 | 10 | 12;

export interface SpendingPlan {
  /** Printed as cumulative percentages, or as amounts in the project's unit. */
  form: 'percent' | 'amount';
  points: { month: Month; value: Decimal | null }[];
  source: Source;
}

export type Operator = '≥' | '≤' | '=' | '>' | '<';

/** A 指标值 read into its parts. */
export type IndicatorValue =
  | { type: 'quantity'; operator?: Operator; number: Decimal; unit: string; rest: string }
  | { type: 'deadline'; text: string }
  | { type: 'qualitative'; text: string }
  | { type: 'empty' };

export interface Indicator {
  level1: string; // 一级指标
  level2: string; // 二级指标
  level3: string; // 三级指标
  description: string; // 绩效指标描述
  value: string; // 指标值 as printed
  parsed: IndicatorValue;
  basis: string; // 指标值确定依据
  /** 分值 (权重): the score the indicator carries, in tables that print one. */
  weight?: Decimal;
  /** 指标方向, where the table prints it: 正向 (more is better) or 反向 (less is better). */
  direction?: '正向' | '反向';
  /** 计量单位 printed in a column of its own (the scored layout), when it is not a unit (44,561). */
  unitCell?: string;
  source: Source;
}

/** A 项目绩效目标表. */
export interface Project {
  /** 项目编码, 21 characters, spaces removed. */
  code: string;
  name: string;
  title: string;
  unitCode?: string;
  unitName?: string;
  unit: MoneyUnit;
  budget: Amount | null; // 预算数
  fiscal: Amount | null; // 其中：财政资金
  other: Amount | null; // 其他资金
  purpose: string; // 资金用途
  plan: SpendingPlan | null; // 资金支出计划
  target: string; // 绩效目标
  indicators: Indicator[];
  /**
   * The scored layout (Inner Mongolia and others): no 项目编码, indicators with 指标性质, 指标方向, 目标值, 计量单位
   * and 分值, and the weights stated above them (权重分值90分，其中产出指标权重分值50分…).
   */
  scored?: {
    /** The total stated (90) and each 一级指标's (产出指标: 50), as printed. */
    total?: Decimal;
    levels: Record<string, Decimal>;
  };
  source: Source;
}

/** A project as a reader starts it: its title, money unit and source, nothing read yet. */
export function blankProject(title: string, unit: MoneyUnit, source: Source): Project {
  return {
    code: '',
    name: '',
    title,
    unit,
    budget: null,
    fiscal: null,
    other: null,
    purpose: '',
    plan: null,
    target: '',
    indicators: [],
    source,
  };
}

/** Something the recogniser could not read as expected; later reported as a finding. */
export interface RecognitionProblem {
  code: string;
  message: string;
  source?: Source;
}

export interface Document {
  kind: DocumentKind;
  /**
   * The department (部门) and its 3-digit code. `unitCode` is set when the document is one unit's own
   * disclosure (单位预算, e.g. 366001 for unit 001 of department 366), whose totals add up to the department's.
   */
  department: { name: string; code?: string; unitCode?: string };
  year?: number;
  unit: MoneyUnit;
  units: OrgUnit[];
  tables: Partial<Record<TableKey, BudgetTable>>;
  sections: Section[];
  statedAmounts: StatedAmount[];
  /** Shares (占…%) stated in the same sections; absent in documents stored before they were read. */
  statedShares?: StatedShare[];
  /** Changes stated with their rate (增加…万元，增长…%); absent in documents stored before they were read. */
  statedChanges?: StatedChange[];
  /** The words of each change stated with its rate; absent in documents stored before they were read. */
  statedRateWords?: StatedRateWords[];
  /** Changes of 基本支出, 三公 and their parts; absent in documents stored before they were read. */
  statedDeltas?: StatedDelta[];
  /** The years and figures the text compares with (较2021年决算数); absent in documents stored before. */
  comparedFigures?: ComparedFigure[];
  /** Totals with their parts listed one numbered line each; absent in documents stored before they were read. */
  statedLists?: StatedList[];
  /** Income and spending totals stated together; absent in documents stored before they were read. */
  statedBalances?: StatedBalance[];
  /** Counts stated with their parts (车辆, 单位, 人员); absent in documents stored before they were read. */
  statedCounts?: StatedCount[];
  /** Dates the figures are given as of (截至…); absent in documents stored before they were read. */
  statedDates?: StatedDate[];
  /** Amounts stated for 科目 named with their level (行政运行（项）支出…万元). */
  statedClassItems?: StatedClassItem[];
  /** Rates of completion of the budget a final account's 情况说明 states (完成年初预算的P%). */
  statedCompletions?: StatedCompletion[];
  performance?: PerformanceText;
  projects: Project[];
  problems: RecognitionProblem[];
  /** Leftover template text (XX, ××, 待填写) where it stands. */
  placeholders: { text: string; source: Source }[];
  /** Years printed on cover, table headers and headings, for the year-consistency rule. */
  yearsSeen: { year: number; source: Source; context: string }[];
  /** Pages that are scanned images without a text layer, read by OCR; absent when every page has text. */
  scannedPages?: number[];
}

/** Where a thing is printed, for ordering: page first (PDFs), then line. */
const printedAt = (s: Source) => (s.page ?? 0) * 1e7 + s.line;

/**
 * The tables in the order they are printed. `Document.tables` is keyed by kind, and a store's jsonb does
 * not keep key order: every consumer that lists tables takes them from here.
 */
export function tablesInOrder(doc: Pick<Document, 'tables'>): BudgetTable[] {
  return Object.values(doc.tables)
    .filter((t): t is BudgetTable => t !== undefined)
    .sort((a, b) => printedAt(a.source) - printedAt(b.source));
}

/** The document with its `tables` keyed in printed order (as read back from a store that reorders keys). */
export function withTablesInOrder(doc: Document): Document {
  return { ...doc, tables: Object.fromEntries(tablesInOrder(doc).map((t) => [t.key, t])) };
}
