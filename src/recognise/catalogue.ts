// The budget tables a recogniser knows: how each is titled, which amount columns it prints, how its
// rows are keyed, and which columns are sums of others (used to place numbers in PDF text where
// empty cells are not printed). Regions print other titles: a profile adds patterns, not renames.
import type { TableKey } from '../model/document.ts';

export interface TableSpec {
  key: TableKey;
  titles: RegExp[];
  /** How a row is keyed: by classification code, by name only, or two sides (income | expenditure). */
  rows: 'coded' | 'named' | 'two-sided';
  columns: string[];
  incomeColumns?: string[];
  /** [total, parts]: column `total` = sum of columns `parts`. */
  identities: [number, number[]][];
}

// What may stand before a title's words, whatever the region: the numbering (表一, 表1, 公开01表：, 附表3, 1、,
// 4．, 一、, （一）), the budget year (2025年…, 2017年度…) and the discloser's own name when 部门 follows it
// (江苏省高级人民法院部门收支预算总表), or before 三公 (市国资委财政拨款“三公”经费预算表). The name is no digits and no
// punctuation, so a sentence is not a title.
const prefix =
  '^(?:(?:附表|表)[一二三四五六七八九十\\d]+|公开\\d+表|\\d+[、.．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[）)])?[：:]?(?:\\d{4}年(?:度)?)?(?:[^\\d，。；：:、“”"（）()]{2,30}?(?=部门|单位|(?:财政拨款)?三公))?';
/**
 * Who discloses: a department (部门), or one of its units (单位, 预算单位: 单位预算公开). Some regions print
 * the bare table name (收支预算总表, 公开01表：收入预算总表), so the word may be absent.
 */
const discloser = '(?:部门|预算单位|单位)?';
// The discloser may stand before any title (江苏省…部门一般公共预算支出预算表), not only where the national
// title prints it.
const title = (body: string) => new RegExp(`${prefix}${discloser}${body.replace(/部门/g, discloser)}$`);

/** The three 财政拨款支出表 (一般公共预算, 政府性基金, 国有资本经营) share one shape. */
function fundExpenditureTable(key: TableKey, fund: string): TableSpec {
  return {
    key,
    // Shanghai: 部门一般公共预算支出功能分类预算表.
    // Jiangsu: 一般公共预算支出预算表, 财政拨款政府性基金支出预算表 (the fund named before or after 财政拨款).
    titles: [
      title(`(?:部门预算)?(?:财政拨款)?${fund}(?:财政拨款)?支出(?:预算)?表`),
      title(`部门${fund}支出功能分类预算表`),
    ],
    rows: 'coded',
    columns: ['合计', '基本支出', '项目支出'],
    identities: [[0, [1, 2]]],
  };
}

/** A final-account table (决算): read by position, its columns as printed. */
function finalTable(key: TableKey, body: string, rows: TableSpec['rows']): TableSpec {
  return { key, titles: [title(body)], rows, columns: [], identities: [] };
}

export const tableSpecs: TableSpec[] = [
  finalTable('final-summary', '收入支出决算总表', 'two-sided'),
  finalTable('final-fiscal-summary', '财政拨款收入支出决算总表', 'two-sided'),
  finalTable('final-income', '收入决算表', 'coded'),
  finalTable('final-expenditure', '支出决算表', 'coded'),
  finalTable('final-general-expenditure', '一般公共预算财政拨款支出决算表', 'coded'),
  finalTable('final-general-basic', '一般公共预算财政拨款基本支出决算表', 'coded'),
  finalTable('final-three-public', '财政拨款"?三公"?经费支出决算表', 'named'),
  finalTable('final-fund', '政府性基金预算财政拨款收入支出决算表', 'coded'),
  finalTable('final-capital', '国有资本经营预算财政拨款收入支出决算表', 'coded'),
  {
    key: 'summary',
    titles: [title('部门(?:预算)?收支(?:预算)?总表'), title('部门财务收支预算总表')],
    rows: 'two-sided',
    incomeColumns: ['预算数'],
    columns: ['预算数'],
    identities: [],
  },
  {
    key: 'income',
    titles: [title('部门(?:预算)?收入(?:预算)?总表')],
    rows: 'coded',
    columns: [
      '合计',
      '小计',
      '财政拨款收入',
      '财政专户收入',
      '事业收入',
      '经营收入',
      '上级补助收入',
      '附属单位上缴收入',
      '其他收入',
      '上年结转',
    ],
    identities: [
      [0, [1, 9]],
      [1, [2, 3, 4, 5, 6, 7, 8]],
    ],
  },
  {
    key: 'expenditure',
    titles: [title('部门(?:预算)?支出(?:预算)?总表')],
    rows: 'coded',
    columns: ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
    identities: [[0, [1, 2, 3, 4, 5]]],
  },
  {
    key: 'fiscal-summary',
    titles: [title('部门(?:预算)?财政拨款收支(?:预算)?总表')],
    rows: 'two-sided',
    incomeColumns: ['金额'],
    columns: ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    identities: [[0, [1, 2, 3]]],
  },
  fundExpenditureTable('general-expenditure', '一般公共预算'),
  {
    key: 'general-basic',
    titles: [
      title('(?:部门预算)?一般公共预算(?:财政拨款)?基本支出(?:预算)?表'),
      title('部门一般公共预算基本支出部门预算经济分类预算表'),
    ],
    rows: 'coded',
    columns: ['合计', '人员经费', '公用经费'],
    identities: [[0, [1, 2]]],
  },
  fundExpenditureTable('fund-expenditure', '政府性基金(?:预算)?'),
  fundExpenditureTable('capital-expenditure', '国有资本经营(?:预算)?'),
  {
    key: 'three-public',
    titles: [
      // With the other controlled costs in one table: "三公"经费、会议费、培训费支出预算表 (Jiangsu).
      title(
        '(?:部门预算)?(?:一般公共预算)?(?:财政拨款)?"?三公"?经费(?:[、和及](?:会议费|培训费))*(?:预算)?(?:支出)?(?:预算)?(?:情况)?(?:统计)?表',
      ),
      // Shanghai prints 三公 with 机关运行经费 in one table.
      title('部门"?三公"?经费和机关运行经费预算表'),
    ],
    rows: 'named',
    columns: ['合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
    identities: [[0, [1, 2, 3]]],
  },
  {
    key: 'procurement',
    titles: [title('(?:部门)?政府采购(?:支出)?预算(?:表)?')],
    rows: 'named',
    columns: [
      '预算资金',
      '数量',
      '单价',
      '合计',
      '一般公共预算拨款',
      '基金预算拨款',
      '国有资本经营预算拨款',
      '财政专户核拨',
      '单位资金',
      '上年结转结余',
      '预留中小微企业份额',
    ],
    identities: [],
  },
  {
    key: 'assets',
    titles: [title('(?:部门)?固定资产占用情况表')],
    rows: 'named',
    columns: ['数量', '价值'],
    identities: [],
  },
  // Tables some regions add to the national set (Jiangsu): all 财政拨款 spending by function and its basic
  // spending by economic class, whatever the fund, and the 机关运行经费 by economic class.
  {
    key: 'fiscal-expenditure',
    titles: [title('部门(?:预算)?财政拨款支出(?:预算)?表')],
    rows: 'coded',
    columns: ['合计', '基本支出', '项目支出'],
    identities: [[0, [1, 2]]],
  },
  {
    key: 'fiscal-basic',
    titles: [title('部门(?:预算)?财政拨款基本支出(?:预算)?表')],
    rows: 'coded',
    columns: ['合计', '人员经费', '公用经费'],
    identities: [[0, [1, 2]]],
  },
  {
    key: 'operating-cost',
    titles: [title('部门(?:预算)?(?:一般公共预算)?(?:财政拨款)?机关运行经费(?:支出)?(?:预算)?表')],
    rows: 'coded',
    columns: ['合计'],
    identities: [],
  },
];

/** 表, the 算 of 预算, and the quotes dropped before matching: the last character of any title line. */
const titleEnds = new Set([...'表算"“”＂'].map((c) => c.charCodeAt(0)));

/** Any title of any table, in one expression: one test rejects the usual line instead of dozens. */
const anyTitle = (() => {
  // Every title is the prefix then a body: the prefix is matched once, the bodies as alternatives.
  const head = new RegExp(prefix).source;
  const bodies = tableSpecs.flatMap((spec) => spec.titles.map((t) => t.source));
  if (!bodies.every((b) => b.startsWith(head) && b.endsWith('$')))
    throw new Error('表名模式须以统一前缀开头');
  // matchTableTitle rejects lines on their last characters: a new title must keep to that.
  if (!bodies.every((b) => b.endsWith('表$') || b.endsWith('预算(?:表)?$')))
    throw new Error('表名模式须以“表”或“预算”结尾');
  return new RegExp(`${head}(?:${bodies.map((b) => b.slice(head.length, -1)).join('|')})$`);
})();

/**
 * A title wrapped over two lines (“三公”经费、会议费、培训费支出预算 / 表): the spec, and how many lines the title
 * takes. The second line must be short and the two together a title; a line that is a title alone is one.
 */
export function matchWrappedTitle(
  compactLine: string,
  compactNext: string | undefined,
): { spec: TableSpec; lines: 1 | 2 } | undefined {
  const one = matchTableTitle(compactLine);
  if (one) return { spec: one, lines: 1 };
  if (!compactNext || compactNext.length > 12 || compactLine.length < 4) return undefined;
  const two = matchTableTitle(compactLine + compactNext);
  return two ? { spec: two, lines: 2 } : undefined;
}

export function matchTableTitle(compactLine: string): TableSpec | undefined {
  // Every title ends with 表 or 预算 (checked above); most lines do not. Quotes are dropped before
  // matching, so a line ending with one is left to the full test.
  if (compactLine.length > 60) return undefined;
  if (!titleEnds.has(compactLine.charCodeAt(compactLine.length - 1))) return undefined;
  const line = compactLine.replace(/["“”＂]/g, '');
  if (!anyTitle.test(line)) return undefined;
  return tableSpecs.find((spec) => spec.titles.some((t) => t.test(line)));
}
