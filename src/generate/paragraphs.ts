// The standard paragraphs of the 情况说明 written from the Document's own tables, so that the text
// cannot disagree with them: 收入说明 and 支出说明 (with the project list), 机关运行经费, and "三公"经费
// with its parts and its 增减 against the prior year. The sentences take the shapes real disclosures
// use, which the narrative recogniser (src/recognise/narrative.ts) reads back amount by amount.

import Big from 'big.js';
import type { BudgetTable, Decimal, Document, MoneyUnit, Section, TableRow } from '../model/document.ts';
import { withRowRoles } from '../model/roles.ts';
import {
  type ThreePublicPartName,
  threePublicLayout,
  threePublicPartNames,
  threePublicParts,
  threePublicTerms,
} from '../model/three-public.ts';

export interface ParagraphOptions {
  /**
   * The same department's budget of the year before: the "三公" figures to compare with when the
   * 三公 table prints no 上年 column.
   */
  previous?: Document;
}

/** Titles of the generated sections, unnumbered: `withGeneratedSections` gives them their place. */
export const generatedTitles = {
  overall: '部门预算安排的总体情况',
  operatingCost: '机关运行经费安排情况',
  threePublic: '财政拨款“三公”经费预算情况及增减变化原因',
} as const;

/** Which existing heading a generated section replaces (the national template's sections 二, 三, 四). */
const replaces: Record<string, RegExp> = {
  [generatedTitles.overall]: /总体情况/,
  [generatedTitles.operatingCost]: /机关运行经费/,
  [generatedTitles.threePublic]: /三公/,
};

/**
 * Where a change of "三公" exists the reason is the editor's: this placeholder is what the
 * `placeholder` rule reports (an error) until it is replaced by the reason.
 */
export const reasonPlaceholder = '（填写增减变化原因）';

/** The standard sections, each marked `generated`. Throws a Chinese message for a document that is not a budget. */
export function generateParagraphs(input: Document, options: ParagraphOptions = {}): Section[] {
  // Roles as the recogniser sets them, for a model built otherwise (a hand-made or older file).
  const doc = withRowRoles(input);
  if (doc.kind !== 'budget') {
    const kind = doc.kind === 'final' ? '决算' : '绩效';
    throw new Error(`只能为部门预算公开文本生成情况说明，这份文件是${kind}文本`);
  }
  const previous = options.previous;
  if (previous && (doc.year === undefined || previous.year !== doc.year - 1)) {
    throw new Error(
      `上年文件的年度（${previous.year ?? '未知'}）不是本文件预算年度（${doc.year ?? '未知'}）的上一年`,
    );
  }
  const out: Section[] = [];
  // Line 0: a generated section stands nowhere in the source (withGeneratedSections gives it a place).
  const add = (heading: string, lines: string[]) => {
    if (lines.length > 0) out.push({ heading, text: lines.join('\n'), source: { line: 0 }, generated: true });
  };
  // 1、收入说明 and 2、支出说明, numbered as they are present.
  const overall = [
    ['收入说明', incomeText(doc)],
    ['支出说明', expenditureText(doc)],
  ].filter(([, text]) => text);
  add(
    generatedTitles.overall,
    overall.flatMap(([title, text], i) => [`${i + 1}、${title}`, text!]),
  );
  add(generatedTitles.operatingCost, operatingCostLines(doc));
  add(generatedTitles.threePublic, threePublicLines(doc, previous));
  return out;
}

/**
 * The document with the generated sections in place of its own: a section replaces the first one whose
 * heading names the same subject (keeping that heading and its place); the others are appended,
 * numbered after the last numbered heading. Amounts and shares read from the replaced text are dropped.
 */
export function withGeneratedSections(doc: Document, generated: Section[]): Document {
  const sections = [...doc.sections];
  const taken = new Set<number>(); // sections this call wrote
  const replaced = new Set<string>();
  let next = Math.max(0, ...sections.map((s) => headingNumber(s.heading)));
  for (const g of generated) {
    const pattern = replaces[g.heading];
    const at = pattern ? sections.findIndex((s, i) => !taken.has(i) && pattern.test(s.heading)) : -1;
    if (at >= 0) {
      const old = sections[at]!;
      replaced.add(old.heading);
      sections[at] = { ...g, heading: old.heading, source: old.source };
      taken.add(at);
    } else {
      next++;
      taken.add(sections.push({ ...g, heading: `${chineseNumeral(next)}、${g.heading}` }) - 1);
    }
  }
  return {
    ...doc,
    sections,
    statedAmounts: doc.statedAmounts.filter((s) => !replaced.has(s.section)),
    statedShares: doc.statedShares?.filter((s) => !replaced.has(s.section)),
  };
}

// ---- Reading the tables, in the document's unit, exactly ----

type Money = Big;

function inUnit(value: Decimal, from: MoneyUnit, to: MoneyUnit): Money {
  const v = new Big(value);
  if (from === to) return v;
  return from === '元' ? v.div(10000) : v.times(10000);
}

/** A row's amount in the document's unit; an empty cell of a printed row is 0. */
function money(row: TableRow | undefined, column: number, from: MoneyUnit, to: MoneyUnit): Money | undefined {
  if (!row || column < 0) return undefined;
  return inUnit(row.amounts[column]?.value ?? '0', from, to);
}

const numbering = /^(?:[一二三四五六七八九十]+、|\d+[.．、]|其中[：:])/;
const bare = (name: string) => name.replace(numbering, '').trim();

function column(table: BudgetTable, name: string | RegExp): number {
  return table.columns.findIndex((c) =>
    typeof name === 'string' ? c === name || c.endsWith(name) : name.test(c),
  );
}

/** A column's total: the 合计 row when printed, else the sum of the 类 rows (3-digit codes). */
function columnTotal(table: BudgetTable, c: number, to: MoneyUnit): Money | undefined {
  if (c < 0) return undefined;
  const total = table.rows.find((r) => r.role === 'total');
  if (total) return money(total, c, table.unit, to);
  const classes = table.rows.filter((r) => r.code?.length === 3);
  if (classes.length === 0) return undefined;
  return classes.reduce((acc, r) => acc.plus(money(r, c, table.unit, to)!), new Big(0));
}

const show = (value: Money, unit: MoneyUnit) => `${value.toFixed(2)}${unit}`;
const sum = (values: Money[]) => values.reduce((acc, v) => acc.plus(v), new Big(0));
/** Parts are stated under their total ("其中") only when they make it exactly. */
const addsUp = (total: Money, parts: Money[]) => sum(parts).eq(total);

function chineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : digits[tens]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
}

function headingNumber(heading: string): number {
  const m = /^(\d+|[一二三四五六七八九十]+)、/.exec(heading);
  if (!m) return 0;
  if (/^\d/.test(m[1]!)) return Number(m[1]);
  const s = m[1]!;
  const digit = (c: string | undefined) => (c ? '一二三四五六七八九'.indexOf(c) + 1 : 0);
  const ten = s.indexOf('十');
  if (ten < 0) return digit(s);
  return (ten === 0 ? 1 : digit(s[0])) * 10 + digit(s[ten + 1]);
}

const yearOf = (doc: Document) => (doc.year === undefined ? '' : `${doc.year}年`);

// ---- 收入说明 ----

/** The income sources of the 收支总表 under the names the national template gives them. */
const incomeSources: [RegExp, string][] = [
  [/一般公共预算/, '一般公共预算收入'],
  [/政府性基金/, '政府性基金预算收入'],
  [/国有资本经营/, '国有资本经营预算收入'],
  [/财政专户/, '财政专户管理资金收入'],
  // 单位资金 is everything a unit takes in besides 财政拨款 and 财政专户 (事业、经营、上级补助…其他收入).
  [/单位资金|事业收入|经营收入|上级补助|附属单位|其他收入/, '单位资金收入'],
];

function incomeText(doc: Document): string | undefined {
  const summary = doc.tables.summary;
  if (!summary) return undefined;
  const rows = summary.rows.filter((r) => r.side === 'income');
  const totalAt = rows.findIndex((r) => r.role === 'total');
  if (totalAt < 0) return undefined;
  const subtotalAt = rows.findIndex((r) => r.role === 'subtotal');
  const amount = (r: TableRow) => money(r, 0, summary.unit, doc.unit)!;
  const sources = rows.slice(0, subtotalAt < 0 ? totalAt : subtotalAt);
  const carry = rows.filter((r) => r.role === 'carry-over');
  // A source is stated when the table prints a row for it (an empty one is 0.00).
  const parts = [
    ...incomeSources.map(([pattern, label]) => ({
      label,
      rows: sources.filter((r) => pattern.test(bare(r.name))),
    })),
    { label: '上年结转结余', rows: carry },
  ]
    .filter((p) => p.rows.length > 0)
    .map((p) => ({ label: p.label, value: sum(p.rows.map(amount)) }));
  const total = amount(rows[totalAt]!);
  const stated = parts.map((p) => `${p.label}${show(p.value, doc.unit)}`).join('，');
  const lead = `${yearOf(doc)}部门预算收入总计${show(total, doc.unit)}`;
  const whole = addsUp(
    total,
    parts.map((p) => p.value),
  );
  return whole ? `${lead}，其中：${stated}。` : `${lead}。${stated}。`;
}

// ---- 支出说明, with the project list ----

function expenditureText(doc: Document): string | undefined {
  const unit = doc.unit;
  const summary = doc.tables.summary;
  const totalRow = summary?.rows.find((r) => r.side === 'expenditure' && r.role === 'total');
  const total = summary && money(totalRow, 0, summary.unit, unit);
  const spending = doc.tables.expenditure;
  const basic = spending && columnTotal(spending, column(spending, '基本支出'), unit);
  const project = spending && columnTotal(spending, column(spending, '项目支出'), unit);
  const basicTable = doc.tables['general-basic'];
  const personnel = basicTable && columnTotal(basicTable, column(basicTable, '人员经费'), unit);
  const publicCost = basicTable && columnTotal(basicTable, column(basicTable, '公用经费'), unit);

  const statements: string[] = [];
  let basicClause = basic ? `基本支出${show(basic, unit)}` : '';
  if (personnel && publicCost) {
    const both = `人员经费${show(personnel, unit)}和公用经费${show(publicCost, unit)}`;
    if (basic && addsUp(basic, [personnel, publicCost])) basicClause += `，包括${both}`;
    else statements.push(`${both}。`);
  }
  const projectClause = project ? `项目支出${show(project, unit)}${projectList(doc, project)}` : '';
  const lead = `${yearOf(doc)}部门预算支出总计`;
  let main: string[];
  if (total && basic && project && addsUp(total, [basic, project])) {
    main = [`${lead}${show(total, unit)}，其中：${basicClause}；${projectClause}。`];
  } else {
    main = [
      total ? `${lead}${show(total, unit)}。` : '',
      basicClause ? `${basicClause}。` : '',
      projectClause ? `${projectClause}。` : '',
    ].filter(Boolean);
  }
  return [...main, ...statements].join('') || undefined;
}

/**
 * "，主要为：甲项目安排 5.00万元、…" from the project target tables; what they leave of 项目支出 is
 * 其他项目, so that the list adds up. Projects adding to more than 项目支出 are listed all the same:
 * the tables disagree, and the text-parts-sum rule says so.
 */
function projectList(doc: Document, project: Money): string {
  const items = doc.projects
    .filter((p) => p.budget)
    .map((p) => ({ name: p.name, value: inUnit(p.budget!.value, p.unit, doc.unit) }));
  if (items.length === 0) return '';
  const rest = project.minus(sum(items.map((i) => i.value)));
  if (rest.gt(0)) items.push({ name: '其他项目', value: rest });
  // 安排 keeps a name ending in digits apart from its amount.
  return `，主要为：${items.map((i) => `${i.name}安排${show(i.value, doc.unit)}`).join('、')}`;
}

// ---- 机关运行经费 ----

/** Shanghai prints 机关运行经费 as a column of its 三公 table; elsewhere it is the 公用经费 (domain.md §4). */
function operatingCost(doc: Document): Money | undefined {
  const threePublic = doc.tables['three-public'];
  const c = threePublic ? column(threePublic, /机关运行经费/) : -1;
  if (threePublic && c >= 0) return money(threePublic.rows[0], c, threePublic.unit, doc.unit);
  const basic = doc.tables['general-basic'];
  return basic && columnTotal(basic, column(basic, '公用经费'), doc.unit);
}

function operatingCostLines(doc: Document): string[] {
  const value = operatingCost(doc);
  if (!value) return [];
  return [
    `${yearOf(doc) ? `${yearOf(doc)}，` : ''}本部门机关运行经费预算安排${show(value, doc.unit)}。机关运行经费是指为保障行政单位（包括参照公务员法管理的事业单位）运行，用于购买货物和服务的各项公用经费。`,
  ];
}

// ---- "三公"经费 ----

type Part = Exclude<ThreePublicPartName, 'total'>;
const parts = Object.fromEntries(
  threePublicPartNames.filter((p) => p !== 'total').map((p) => [p, threePublicTerms[p]]),
) as Record<Part, string>;
// The text names 公务用车 as 公务用车购置及运维费, as the national template does.
parts.car = '公务用车购置及运维费';
type ThreePublic = { total?: Money } & Partial<Record<Part, Money>>;

/** Columns of a 三公 table that print this year's and the year before's figures side by side. */
function yearColumns(table: BudgetTable, year: number | undefined): { now: number; before: number } {
  const before = table.columns.findIndex(
    (c) =>
      (/上年/.test(c) || (year !== undefined && c.includes(`${year - 1}年`))) && !/增减|比上年|变动/.test(c),
  );
  const own = table.columns.findIndex(
    (c) => /本年/.test(c) || (year !== undefined && c.includes(`${year}年`)),
  );
  const now = own >= 0 ? own : table.columns.findIndex((_, i) => i !== before);
  return { now, before };
}

/** Each part the table prints, in `unit` (an empty cell of a printed part is 0); a part not printed is absent. */
function threePublicFigures(table: BudgetTable, c: number, unit: MoneyUnit): ThreePublic {
  const out: ThreePublic = {};
  if (c < 0 && threePublicLayout(table) === 'rows') return out;
  for (const [name, part] of Object.entries(threePublicParts(table, c)))
    out[name as ThreePublicPartName] = inUnit(part.amount ?? '0', table.unit, unit);
  return out;
}

function threePublicLines(doc: Document, previous: Document | undefined): string[] {
  const table = doc.tables['three-public'];
  if (!table) return [];
  const unit = doc.unit;
  const columns = yearColumns(table, doc.year);
  const now = threePublicFigures(table, columns.now, unit);
  if (!now.total) return [];
  const priorTable = previous?.tables['three-public'];
  const before =
    columns.before >= 0
      ? threePublicFigures(table, columns.before, unit)
      : priorTable
        ? threePublicFigures(priorTable, yearColumns(priorTable, previous?.year).now, unit)
        : undefined;
  const year = yearOf(doc);
  return [
    `${year ? `${year}，` : ''}本部门${levelsSentence(now, unit)}`,
    changeSentence(now, before, doc.year === undefined ? '上年' : `${doc.year - 1}年`, unit),
  ];
}

function levelsSentence(now: ThreePublic, unit: MoneyUnit): string {
  const total = now.total!;
  const at = (p: Part) => (now[p] ? `${parts[p]}${show(now[p], unit)}` : '');
  const { car, carPurchase, carRunning } = now;
  const carParts = [at('carPurchase'), at('carRunning')].filter(Boolean).join('，');
  const nested = Boolean(car && carPurchase && carRunning && addsUp(car, [carPurchase, carRunning]));
  const listed = [at('abroad'), nested ? `${at('car')}（其中：${carParts}）` : at('car'), at('reception')]
    .filter(Boolean)
    .join('；');
  const carDetail = nested ? '' : carParts;
  const three = [now.abroad, now.car, now.reception];
  const lead = `财政拨款“三公”经费预算安排${show(total, unit)}`;
  const whole = three.every(Boolean) && addsUp(total, three as Money[]);
  return [
    whole ? `${lead}，其中：${listed}。` : `${lead}。${listed ? `${listed}。` : ''}`,
    carDetail ? `${carDetail}。` : '',
  ].join('');
}

/** "较2024年预算增加10.00万元" or "持平", for the total and each part both years print. */
function changeSentence(
  now: ThreePublic,
  before: ThreePublic | undefined,
  prior: string,
  unit: MoneyUnit,
): string {
  if (!before?.total) return `（填写与${prior}预算相比的增减变化情况及原因）`;
  const words = (d: Big) => (d.eq(0) ? '持平' : `${d.gt(0) ? '增加' : '减少'}${show(d.abs(), unit)}`);
  const partChange = (p: Part) => {
    const a = now[p];
    const b = before[p];
    return a && b ? `${parts[p]}${words(a.minus(b))}` : '';
  };
  let car = partChange('car');
  const carParts = [partChange('carPurchase'), partChange('carRunning')].filter(Boolean);
  if (car && carParts.length > 0) car += `（其中：${carParts.join('，')}）`;
  const listed = [partChange('abroad'), car, partChange('reception')].filter(Boolean);
  const d = now.total!.minus(before.total);
  const total = d.eq(0) ? `与${prior}预算持平` : `较${prior}预算${words(d)}`;
  const keys = ['total', ...Object.keys(parts)] as (keyof ThreePublic)[];
  const changed = keys.some((k) => now[k] && before[k] && !now[k].eq(before[k]));
  return [
    `“三公”经费预算${total}${listed.length > 0 ? `，其中：${listed.join('，')}` : ''}。`,
    changed ? `增减变化的主要原因是${reasonPlaceholder}。` : '',
  ].join('');
}
