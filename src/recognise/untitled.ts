// A table printed without its title line (a page that titles it only in its heading, 部门预算公开表, or not at
// all): found by its unit line and the rows under it, each kind by the rows only it has — a 收支总表 its
// 收入总计 and 支出总计 beside 一、一般公共预算…收入, a 三公 table its 合计 with 因公出国, 公务接待 and 公务用车.
import type { TableKey } from '../model/document.ts';
import { matchTableTitle, type TableSpec, tableSpecs } from './catalogue.ts';
import { compact, type Line } from './text.ts';

const unitLine = /^(?:金额)?单位[：:](?:万元|元)[|｜]*$/;
/** A row's name: its first cell (a table read as cells), or the line without its bars (cells one per line). */
const row = (line: Line) =>
  (line.cells ? compact(line.cells[0] ?? '') : line.compact.replace(/[|｜]/g, ''))
    .replace(/^其中[：:]?/, '')
    .replace(/^(?:(?:\d+|[一二三四五六七八九十]+)[、.．]|[（(](?:\d+|[一二三四五六七八九十]+)[）)])/, '');

/** What each kind's rows must show within the lines under the unit line. */
const signals: { key: TableKey; has: RegExp[] }[] = [
  { key: 'summary', has: [/^收入总计$/, /^支出总计$/, /^一般公共预算(?:拨款)?收入$/] },
  // The total may be the 三公 row itself (“三公”经费, above 其中：（一）因公出国（境）支出…).
  {
    key: 'three-public',
    has: [
      /^(?:合计|[“"]?三公[”"]?经费(?:合计|小计)?)$/,
      /^因公出国[（(]境[）)](?:费|经费|支出)/,
      /^公务接待(?:费|支出)/,
      /^公务用车/,
    ],
  },
];

/**
 * The kind of the untitled table whose unit line is `lines[at]`, when no title stands in the lines above it
 * and the rows below show the kind's signals; undefined otherwise.
 */
export function untitledSpecAt(lines: Line[], at: number): TableSpec | undefined {
  if (!unitLine.test(lines[at]!.compact)) return undefined;
  for (let k = Math.max(0, at - 4); k < at; k++) if (matchTableTitle(lines[k]!.compact)) return undefined;
  // A table copied one cell per line runs to hundreds of lines.
  const below = lines.slice(at + 1, at + 400);
  // Up to the next title or sentence (a row's cells may hold a sentence: its 增减原因).
  const end = below.findIndex(
    (l) => matchTableTitle(l.compact) !== undefined || (!l.cells && /。/.test(l.compact)),
  );
  const rows = (end < 0 ? below : below.slice(0, end)).map(row);
  const kind = signals.find((s) => s.has.every((re) => rows.some((r) => re.test(r))));
  return kind && tableSpecs.find((s) => s.key === kind.key);
}
