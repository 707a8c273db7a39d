// Small builders for synthetic Documents: every required field filled, amounts as decimal strings,
// lines numbered so that a test can name where a finding stands.
import type {
  Amount,
  BudgetTable,
  Document,
  DocumentKind,
  Indicator,
  IndicatorValue,
  MoneyUnit,
  Month,
  Project,
  Section,
  SpendingPlan,
  StatedAmount,
  StatedShare,
  StatedSubject,
  TableKey,
  TableRow,
  TableSide,
} from '../../src/model/document.ts';
import { parseIndicatorValue } from '../../src/model/indicator-value.ts';

export function amount(value: string, line = 1): Amount {
  return { value, source: { line } };
}

/** A row before it has its place in a table: table() numbers it. */
export interface RowInput {
  code?: string;
  name: string;
  amounts: (string | null)[];
  side?: TableSide;
  line?: number;
}

export function row(
  code: string | null,
  name: string,
  amounts: (string | null)[],
  side?: TableSide,
): RowInput {
  const r: RowInput = { name, amounts };
  if (code !== null) r.code = code;
  if (side) r.side = side;
  return r;
}

export interface TableOptions {
  /** Line of the title; row i (0-based) stands on line + 1 + i. Default 10. */
  line?: number;
  unit?: MoneyUnit;
  notes?: string[];
  notesSayEmpty?: boolean;
  incomeColumns?: string[];
}

export function table(
  key: TableKey,
  title: string,
  columns: string[],
  rows: RowInput[],
  opts: TableOptions = {},
): BudgetTable {
  const line = opts.line ?? 10;
  const built: TableRow[] = rows.map((r, i) => {
    const at = r.line ?? line + 1 + i;
    const out: TableRow = {
      name: r.name,
      amounts: r.amounts.map((v) => (v === null ? null : amount(v, at))),
      source: { line: at },
    };
    if (r.code !== undefined) out.code = r.code;
    if (r.side !== undefined) out.side = r.side;
    return out;
  });
  const t: BudgetTable = {
    key,
    title,
    columns,
    rows: built,
    notes: opts.notes ?? [],
    notesSayEmpty: opts.notesSayEmpty ?? false,
    unit: opts.unit ?? '万元',
    source: { line },
  };
  if (opts.incomeColumns) t.incomeColumns = opts.incomeColumns;
  return t;
}

export interface DocInput extends Partial<Omit<Document, 'tables'>> {
  tables?: BudgetTable[];
}

export function doc(kind: DocumentKind, input: DocInput = {}): Document {
  const { tables = [], ...rest } = input;
  return {
    kind,
    department: { name: '某某县商务局' },
    year: 2025,
    unit: '万元',
    units: [],
    sections: [],
    statedAmounts: [],
    statedShares: [],
    projects: [],
    problems: [],
    placeholders: [],
    yearsSeen: [],
    ...rest,
    tables: Object.fromEntries(tables.map((t) => [t.key, t])),
  };
}

export const budgetDoc = (input: DocInput = {}): Document => doc('budget', input);
export const performanceDoc = (input: DocInput = {}): Document => doc('performance', input);
export const finalDoc = (input: DocInput = {}): Document => doc('final', input);

export function section(heading: string, line = 1, text = ''): Section {
  return { heading, text, source: { line } };
}

export interface StatedOptions {
  item?: string;
  unit?: MoneyUnit;
  change?: StatedAmount['change'];
  section?: string;
  statement?: number;
  line?: number;
}

export function stated(subject: StatedSubject, value: string, opts: StatedOptions = {}): StatedAmount {
  const s: StatedAmount = {
    subject,
    value,
    unit: opts.unit ?? '万元',
    section: opts.section ?? '二、部门预算安排的总体情况',
    statement: opts.statement ?? 1,
    source: { line: opts.line ?? 100 },
  };
  if (opts.item !== undefined) s.item = opts.item;
  if (opts.change !== undefined) s.change = opts.change;
  return s;
}

export interface ShareOptions {
  /** What the text names after 占 (本年支出合计). */
  of?: string;
  wholeName?: string;
  unit?: MoneyUnit;
  wholeUnit?: MoneyUnit;
  section?: string;
  line?: number;
}

/** A share 占`percent`% of `part` out of `whole` (null: the text states no whole). */
export function share(
  name: string,
  part: string,
  percent: string,
  whole: string | null,
  opts: ShareOptions = {},
): StatedShare {
  const line = opts.line ?? 100;
  const s: StatedShare = {
    part: { name, value: part, unit: opts.unit ?? '万元' },
    percent,
    section: opts.section ?? '五、一般公共预算财政拨款支出决算情况说明',
    source: { line },
  };
  if (opts.of !== undefined) s.of = opts.of;
  if (whole !== null) {
    s.whole = {
      name: opts.wholeName ?? opts.of ?? '一般公共预算财政拨款支出',
      value: whole,
      unit: opts.wholeUnit ?? '万元',
      source: { line: line - 1 },
    };
  }
  return s;
}

export interface IndicatorInput {
  level1?: string;
  level2?: string;
  level3?: string;
  description?: string;
  value: string;
  /** Defaults to the recogniser's reading of `value`. */
  parsed?: IndicatorValue;
  line?: number;
}

export function indicator(i: IndicatorInput): Indicator {
  return {
    level1: i.level1 ?? '产出指标',
    level2: i.level2 ?? '数量指标',
    level3: i.level3 ?? '检查企业数',
    description: i.description ?? '',
    value: i.value,
    parsed: i.parsed ?? parseIndicatorValue(i.value),
    basis: '计划标准',
    source: { line: i.line ?? 210 },
  };
}

/** Three indicators covering 产出, 效益 and 满意度. */
export function fullIndicators(line = 210): Indicator[] {
  return [
    indicator({ level1: '产出指标', level2: '数量指标', level3: '检查企业数', value: '≥25家', line }),
    indicator({
      level1: '效益指标',
      level2: '社会效益指标',
      level3: '营商环境改善',
      value: '明显改善',
      line: line + 1,
    }),
    indicator({
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      level3: '企业满意度',
      value: '≥90%',
      line: line + 2,
    }),
  ];
}

export function plan(
  form: SpendingPlan['form'],
  values: [string | null, string | null, string | null, string | null],
  line = 205,
): SpendingPlan {
  const months: Month[] = [3, 6, 10, 12];
  return { form, points: months.map((month, i) => ({ month, value: values[i] ?? null })), source: { line } };
}

export interface ProjectInput {
  code?: string;
  name?: string;
  unit?: MoneyUnit;
  budget?: string | null;
  fiscal?: string | null;
  other?: string | null;
  plan?: SpendingPlan | null;
  target?: string;
  indicators?: Indicator[];
  line?: number;
}

/** A national (non-Hebei) 21-character project code. */
export const projectCode = '11010125P000000000001';

export function project(p: ProjectInput = {}): Project {
  const line = p.line ?? 200;
  const money = (v: string | null | undefined, fallback: string | null) => {
    const value = v === undefined ? fallback : v;
    return value === null ? null : amount(value, line + 1);
  };
  return {
    code: p.code ?? projectCode,
    name: p.name ?? '外贸企业安全检查经费',
    title: '项目支出绩效目标表',
    unit: p.unit ?? '万元',
    budget: money(p.budget, '10'),
    fiscal: money(p.fiscal, '10'),
    other: money(p.other, null),
    purpose: '开展外贸企业安全检查',
    plan: p.plan === undefined ? plan('percent', ['25', '50', '75', '100']) : p.plan,
    target: p.target ?? '完成 25 家外贸企业安全检查，营商环境明显改善。',
    indicators: p.indicators ?? fullIndicators(),
    source: { line },
  };
}
