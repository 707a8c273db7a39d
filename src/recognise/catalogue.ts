// The budget tables a recogniser knows by their titles; their shapes (how rows are keyed, the columns,
// which columns are sums of others) are the model's (src/model/table-shapes.ts). Regions print other
// titles: a profile adds patterns, not renames.
import type { TableKey } from '../model/document.ts';
import { type TableShape, tableShapes } from '../model/table-shapes.ts';

/** A table kind as the recogniser knows it: its shape (src/model/table-shapes.ts) and how it is titled. */
export interface TableSpec extends TableShape {
  key: TableKey;
  titles: RegExp[];
}

// What may stand before a title's words, whatever the region: the numbering (表一, 表1, 表1-1, 公开01表：, 附表3, 1、,
// 4．, 一、, （一）), the budget year (2025年…, 2017年度…) and the discloser's own name before it, or when 部门 follows it
// (江苏省高级人民法院部门收支预算总表), or before 三公 (市国资委财政拨款“三公”经费预算表). The name is no digits and no
// punctuation, so a sentence is not a title.
// The year may be printed 2017-度; a name before it (岳阳县2017年度部门“三公”经费预算情况表) is tried by
// matchTableTitle, without it, where the title is not matched with it (a pattern for it here cost every line
// tested as much again).
const prefix =
  '^(?:(?:附表|表)[一二三四五六七八九十\\d]+(?:[-－]\\d+)?|公开\\d+表|\\d+[、.．]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[）)])?[：:]?(?:\\d{4}[年-](?:度)?)?(?:[^\\d，。；：:、“”"（）()]{2,30}?(?=部门|单位|(?:财政拨款)?三公))?';
/**
 * Who discloses: a department (部门), or one of its units (单位, 预算单位: 单位预算公开). Some regions print
 * the bare table name (收支预算总表, 公开01表：收入预算总表), so the word may be absent.
 */
const discloser = '(?:部门|预算单位|单位)?';
// The discloser may stand before any title (江苏省…部门一般公共预算支出预算表), not only where the national
// title prints it.
const title = (body: string) => new RegExp(`${prefix}${discloser}${body.replace(/部门/g, discloser)}$`);

const spec = (key: TableKey, titles: RegExp[]): TableSpec => ({ key, titles, ...tableShapes[key] });

// Shanghai: 部门一般公共预算支出功能分类预算表. Jiangsu: 一般公共预算支出预算表, 财政拨款政府性基金支出预算表 (the
// fund named before or after 财政拨款).
const fundExpenditure = (key: TableKey, fund: string) =>
  spec(key, [
    title(`(?:部门预算)?(?:财政拨款)?${fund}(?:财政拨款)?支出(?:预算)?表`),
    title(`部门${fund}支出功能分类预算表`),
  ]);

export const tableSpecs: TableSpec[] = [
  spec('final-summary', [title('收入支出决算总表')]),
  spec('final-fiscal-summary', [title('财政拨款收入支出决算总表')]),
  spec('final-income', [title('收入决算表')]),
  spec('final-expenditure', [title('支出决算表')]),
  spec('final-general-expenditure', [title('一般公共预算财政拨款支出决算表')]),
  spec('final-general-basic', [title('一般公共预算财政拨款基本支出决算表')]),
  spec('final-three-public', [
    // With 机关运行经费 (Shanghai's districts) or 会议费、培训费 beside it in one table.
    title('财政拨款"?三公"?经费(?:[、和及](?:机关运行经费|会议费|培训费))*支出决算表'),
    // A county's statistics of its 三公 决算: “三公”经费决算情况统计表, “三公”经费汇总情况决算表.
    title('(?:一般公共预算)?(?:财政拨款)?"?三公"?经费(?:支出)?(?:汇总)?(?:情况)?决算(?:情况)?(?:统计)?表'),
  ]),
  spec('final-fund', [title('政府性基金预算财政拨款收入支出决算表')]),
  spec('final-capital', [title('国有资本经营预算财政拨款收入支出决算表')]),
  spec('summary', [title('部门(?:预算)?收支(?:预算)?总表'), title('部门财务收支预算总表')]),
  spec('income', [title('部门(?:预算)?收入(?:预算)?总表')]),
  spec('expenditure', [title('部门(?:预算)?支出(?:预算)?总表')]),
  spec('fiscal-summary', [title('部门(?:预算)?财政拨款收支(?:预算)?总表')]),
  fundExpenditure('general-expenditure', '一般公共预算'),
  spec('general-basic', [
    title('(?:部门预算)?一般公共预算(?:财政拨款)?基本支出(?:预算)?表'),
    title('部门一般公共预算基本支出部门预算经济分类预算表'),
  ]),
  fundExpenditure('fund-expenditure', '政府性基金(?:预算)?'),
  fundExpenditure('capital-expenditure', '国有资本经营(?:预算)?'),
  spec('three-public', [
    // With the other controlled costs in one table: "三公"经费、会议费、培训费支出预算表 (Jiangsu).
    title(
      '(?:部门预算)?(?:一般公共预算)?(?:财政拨款)?"?三公"?经费(?:[、和及](?:会议费|培训费))*(?:预算)?(?:支出)?(?:预算)?(?:情况)?(?:统计)?表',
    ),
    // Shanghai prints 三公 with 机关运行经费 in one table.
    title('部门"?三公"?经费和机关运行经费预算表'),
  ]),
  spec('procurement', [title('(?:部门)?政府采购(?:支出)?预算(?:表)?')]),
  spec('assets', [title('(?:部门)?固定资产占用情况表')]),
  spec('fiscal-expenditure', [title('部门(?:预算)?财政拨款支出(?:预算)?表')]),
  spec('fiscal-basic', [title('部门(?:预算)?财政拨款基本支出(?:预算)?表')]),
  spec('operating-cost', [
    title('部门(?:预算)?(?:一般公共预算)?(?:财政拨款)?机关运行经费(?:支出)?(?:预算)?表'),
  ]),
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

/** A discloser's name standing before the year of a title (岳阳县2017年度…表). */
const nameBeforeYear = /^[^\d，。；：:、“”"（）()]{2,30}?(?=\d{4}[年-])/;

/** A sentence referring to a table (详见2017年度部门收支预算总表), not its title. */
const reference = /^(?:详见|参见|见)/;

export function matchTableTitle(compactLine: string): TableSpec | undefined {
  // Every title ends with 表 or 预算 (checked above); most lines do not. Quotes are dropped before
  // matching, so a line ending with one is left to the full test.
  if (compactLine.length > 60) return undefined;
  if (!titleEnds.has(compactLine.charCodeAt(compactLine.length - 1))) return undefined;
  const quoted = compactLine.replace(/["“”＂]/g, '');
  if (reference.test(quoted)) return undefined;
  let line = quoted;
  if (!anyTitle.test(line)) {
    // The discloser's name before the year, as some titles print it: the title is what follows it.
    const named = nameBeforeYear.exec(line);
    if (!named) return undefined;
    line = line.slice(named[0].length);
    if (!anyTitle.test(line)) return undefined;
  }
  return tableSpecs.find((spec) => spec.titles.some((t) => t.test(line)));
}
