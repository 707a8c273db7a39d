// Recognises a 项目绩效目标表: header facts, spending plan, target text and indicators.
import { toDecimal } from '../model/decimal.ts';
import {
  blankProject,
  type Indicator,
  type MoneyUnit,
  type Month,
  type Project,
  type SpendingPlan,
} from '../model/document.ts';
import { parseIndicatorValue } from '../model/indicator-value.ts';
import type { LayoutLine } from '../read/layout.ts';
import { sourceOf } from './tables.ts';
import { compact, compactCells, firstWord, type Line } from './text.ts';

export const projectTitle = /绩效目标表?$/;
const level1Labels = /^(产出指标|效益指标|满意度指标|成本指标)$/;
const level2Labels =
  /^(数量指标|质量指标|时效指标|成本指标|经济效益指标|社会效益指标|生态效益指标|可持续影响指标|可持续效益指标|服务对象满意度指标|满意度指标|经济成本指标|社会成本指标|生态环境成本指标)$/;
const months: Month[] = [3, 6, 10, 12];

/**
 * Whether the line holds the 项目编码 row that opens a project table. A row's text is its cells joined
 * by tabs, so blank cells before 项目编码 leave only whitespace, which compacting removes.
 */
export function opensProject(line: Line): boolean {
  return line.compact.startsWith('项目编码');
}

const joined = (line: LayoutLine) => (line.cells ? line.cells.map((c) => c.trim()).join(' ') : line.text);
const nonEmpty = (line: LayoutLine) => (line.cells ?? []).map((c) => c.trim()).filter((c) => c !== '');

export interface ProjectResult {
  project: Project;
  next: number;
}

/**
 * Reads the project table whose 项目编码 row is `lines[codeAt]`. `heading` holds the title line and the
 * unit line(s) printed above that row (taken from the prose), or nothing. `next` is an index in `lines`.
 */
export function readProject(
  lines: Line[],
  codeAt: number,
  heading: Line[],
  unit: MoneyUnit,
  isEnd: (line: Line) => boolean,
): ProjectResult {
  let end = codeAt + 1;
  while (end < lines.length && !isEnd(lines[end]!) && !opensProject(lines[end]!)) end++;
  // A following project's title and unit lines belong to it, not to this table.
  while (end - 1 > codeAt && !lines[end - 1]!.cells && end < lines.length && opensProject(lines[end]!)) end--;
  const body = lines.slice(codeAt, end);
  const headerLines = heading.slice(1);
  const title =
    heading.length > 0
      ? compact(
          heading
            .filter((l) => !l.cells && !/单位[：:]/.test(l.text) && !/^\d{6}/.test(l.text.trim()))
            .map((l) => l.text)
            .join(''),
        )
      : '';

  const project: Project = blankProject(title, unit, sourceOf(heading[0] ?? lines[codeAt]!));

  for (const l of [...headerLines, ...body.slice(0, 1)]) {
    const text = joined(l);
    const u = /单位[：:]\s*(万元|元)/.exec(text);
    if (u) project.unit = u[1] as MoneyUnit;
    const unitLine = /^(\d{6})\s*(\S[^\t]*?)(?:\s+单位[：:].*)?$/.exec(text.trim());
    if (unitLine && !/项目编码/.test(text)) {
      project.unitCode = unitLine[1]!;
      project.unitName = compact(unitLine[2]!);
    }
  }

  const codeLine = body[0]!;
  if (codeLine.cells) {
    const cells = nonEmpty(codeLine);
    const at = cells.findIndex((c) => compact(c) === '项目编码');
    const nameAt = cells.findIndex((c) => compact(c) === '项目名称');
    project.code = compact(cells.slice(at + 1, nameAt > at ? nameAt : at + 2).join(''));
    if (nameAt >= 0) project.name = compact(cells.slice(nameAt + 1).join(''));
  } else {
    const m = /项目编码\s*([0-9A-Za-z ]+?)\s*项目名称\s*(.*)$/.exec(codeLine.text);
    if (m) {
      project.code = m[1]!.replace(/\s+/g, '');
      project.name = m[2]!;
    }
  }

  let k = 1;
  // A long name may wrap onto the following plain lines.
  while (k < body.length && !body[k]!.cells && !/预算规模|预算数/.test(body[k]!.compact)) {
    project.name += body[k]!.text;
    k++;
  }
  project.name = compact(project.name);

  // 预算数 row. (A line's compacted text is that of its cells: its text is the cells joined by tabs.)
  for (; k < body.length; k++) {
    const text = body[k]!.compact;
    const m = /预算数([\d.,]*)其中[：:]?财政资金([\d.,]*)其他资金([\d.,]*)/.exec(text);
    if (m) {
      const src = sourceOf(body[k]!);
      project.budget = m[1] ? { value: toDecimal(m[1])!, source: src } : null;
      project.fiscal = m[2] ? { value: toDecimal(m[2])!, source: src } : null;
      project.other = m[3] ? { value: toDecimal(m[3])!, source: src } : null;
      k++;
      break;
    }
  }

  // 资金用途 until the spending plan.
  const purpose: string[] = [];
  for (; k < body.length; k++) {
    const text = body[k]!.compact;
    if (/^资金支出计|^\d+月底/.test(text)) break;
    purpose.push(text);
  }
  project.purpose = purpose.join('');

  // 资金支出计划: month labels and values matched by column (cells) or by order (plain text).
  const labels: PlanCell[] = [];
  const values: PlanCell[] = [];
  let planLine: LayoutLine | null = null;
  for (; k < body.length; k++) {
    const line = body[k]!;
    const text = line.compact;
    if (/^绩效目标/.test(text) || /^一级指标/.test(text)) break;
    planLine ??= line;
    const cells = line.cells
      ? compactCells(line)
      : line.text.split(/\s+(?=\d+\s*月底)|\s+(?=\d)/).map((c) => compact(c));
    cells.forEach((cell, col) => {
      const m = /^(\d+)月底$/.exec(cell);
      const month = m ? Number(m[1]) : 0;
      const isLabel = months.includes(month as Month);
      if (!isLabel && !/^-?\d+(?:\.\d+)?%?$/.test(cell)) return;
      // A PDF line of one cell has no cells, only its box.
      const box = line.cells
        ? line.layout.boxes?.[col]
        : cells.length === 1
          ? line.layout.boxes?.[0]
          : undefined;
      // Built field by field: object spreads here cost more than the rest of the loop.
      const at: PlanCell = { col: line.cells ? col : -1, line, value: isLabel ? '' : cell };
      if (box) at.x = [box.x, box.x + box.width];
      if (isLabel) {
        at.month = month as Month;
        labels.push(at);
      } else values.push(at);
    });
  }
  if (labels.length > 0) project.plan = spendingPlan(labels, values, planLine!);

  // 绩效目标 text until the indicator header.
  const target: string[] = [];
  for (; k < body.length; k++) {
    const line = body[k]!;
    if (/^一级指标/.test(line.compact)) break;
    const text = joined(line).trim();
    target.push(line.cells ? nonEmpty(line).join('\n') : text);
  }
  project.target = target.join('\n').replace(/^绩效目标\s*/, '');

  project.indicators = body[k]?.cells ? cellIndicators(body.slice(k)) : textIndicators(body.slice(k));
  return { project, next: end };
}

interface PlanCell {
  month?: Month;
  value: string;
  /** Index among the line's cells; -1 in plain text. */
  col: number;
  line: LayoutLine;
  /** PDF: the cell's left and right edge. */
  x?: readonly [number, number];
}

function spendingPlan(labels: PlanCell[], values: PlanCell[], first: LayoutLine): SpendingPlan {
  const form = values.some((v) => v.value.endsWith('%')) ? 'percent' : 'amount';
  const byPosition = [...labels, ...values].every((c) => c.x);
  const byCol = labels.every((l) => l.col >= 0);
  const points = months.map((month) => ({ month, value: null as string | null }));
  const used = new Set<number>();
  labels.forEach((label, idx) => {
    let v: PlanCell | undefined;
    if (byPosition) {
      // A PDF prints no empty cell, and aligns text within its cell: a value belongs to the label whose
      // column it stands in, the last label starting left of the value's middle.
      v = take(values, used, (x) => x.line !== label.line && columnOf(labels, x) === label);
    } else if (byCol) {
      // The value under the label: the same column on a later line, else the next cell on the same line.
      v =
        take(values, used, (x) => x.col === label.col) ??
        take(values, used, (x) => x.line === label.line && x.col === label.col + 1);
    } else v = values[idx];
    const point = points.find((p) => p.month === label.month)!;
    if (v) point.value = v.value.replace('%', '');
  });
  return { form, points, source: { line: first.no, ...(first.page ? { page: first.page } : {}) } };
}

/** The first value not yet `used` that passes `test`, now marked used. */
function take(values: PlanCell[], used: Set<number>, test: (v: PlanCell) => boolean): PlanCell | undefined {
  const i = values.findIndex((v, j) => !used.has(j) && test(v));
  if (i < 0) return undefined;
  used.add(i);
  return values[i];
}

/** The label whose column a PDF cell stands in: the last label starting left of the cell's middle. */
function columnOf(labels: PlanCell[], cell: PlanCell): PlanCell | undefined {
  const middle = (cell.x![0] + cell.x![1]) / 2;
  const starts = labels.filter((l) => l.x![0] <= middle);
  return starts.length ? starts.reduce((a, b) => (b.x![0] > a.x![0] ? b : a)) : undefined;
}

const indicatorFields = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];
const indicatorHeader = compact(indicatorFields.join(''));

function cellIndicators(lines: Line[]): Indicator[] {
  const rows = joinWrappedParts(lines);
  const header = compactCells(rows[0]!);
  const positions = indicatorFields.map((f) => header.indexOf(f));
  const out: Indicator[] = [];
  let level1 = '';
  let level2 = '';
  const width = header.length;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (!row.cells) break;
    const cells = compactCells(row);
    // A blank paragraph inside a cell splits a row in two: join the parts while they fit the header.
    while (cells.length < width && rows[r + 1]?.cells && cells.length + rows[r + 1]!.cells!.length <= width) {
      cells.push(...compactCells(rows[r + 1]!));
      r++;
    }
    if (cells.every((c) => c === '')) continue;
    if (isIndicatorHeader(cells)) continue; // the header repeated
    const level1Cell = fieldAt(cells, positions, 0);
    const level2Cell = fieldAt(cells, positions, 1);
    if (level1Cell) level1 = level1Cell;
    if (level2Cell) level2 = level2Cell;
    const value = fieldAt(cells, positions, 4);
    out.push({
      level1,
      level2,
      level3: fieldAt(cells, positions, 2),
      description: fieldAt(cells, positions, 3),
      value,
      parsed: parseIndicatorValue(value),
      basis: fieldAt(cells, positions, 5),
      source: sourceOf(row),
    });
  }
  return out;
}

/** Whether the (compacted) cells spell the indicator header; most rows are ruled out by length alone. */
function isIndicatorHeader(cells: string[]): boolean {
  let length = 0;
  for (const c of cells) length += c.length;
  return length === indicatorHeader.length && cells.join('') === indicatorHeader;
}

/** The cell of indicator field `f` (an index into `indicatorFields`), '' where the header lacks it. */
function fieldAt(cells: string[], positions: number[], f: number): string {
  const at = positions[f]!;
  return at >= 0 ? (cells[at] ?? '') : '';
}

/**
 * PDF: several cells of one indicator row wrapped onto a further line, printed above or below the row's
 * other cells, which the reader keeps as a line of its own. Such a line overlaps its row on the page, and
 * each of its parts lies in the column of one of the row's cells: the parts are joined to those cells.
 */
function joinWrappedParts(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const joined = prev && (wrappedInto(prev, line, 'after') ?? wrappedInto(line, prev, 'before'));
    if (joined) out[out.length - 1] = joined;
    else out.push(line);
  }
  return out;
}

/** `row` with the parts of `parts` (a line just `where` it) joined to its cells, if they are its wrapped parts. */
function wrappedInto(row: Line, parts: Line, where: 'before' | 'after'): Line | undefined {
  const [rowBoxes, partBoxes] = [row.layout.boxes, parts.layout.boxes];
  if (!row.cells || !parts.cells || !rowBoxes || !partBoxes || parts.cells.length >= row.cells.length) return;
  const [upper, lower] = where === 'after' ? [rowBoxes, partBoxes] : [partBoxes, rowBoxes];
  const bottom = Math.max(...upper.map((b) => b.y + b.height));
  const top = Math.min(...lower.map((b) => b.y));
  if (top >= bottom) return; // a row of its own, below
  const columns = partBoxes.map((p) => rowBoxes.findIndex((b) => b.x < p.x + p.width && p.x < b.x + b.width));
  if (columns.some((c) => c < 0) || new Set(columns).size !== columns.length) return;
  const cells = [...row.cells];
  columns.forEach((c, i) => {
    cells[c] = where === 'after' ? cells[c]! + parts.cells![i]! : parts.cells![i]! + cells[c]!;
  });
  const text = cells.join('\t');
  return { ...row, cells, text, compact: compact(text) };
}

/**
 * PDF text: one indicator per 二级 label. A space between two Chinese characters (or before ≥ ≤, or
 * before a number glued to text) separates cells; a space around a number inside a cell does not.
 * The 依据 cell is last and wraps into short lines; it is usually the same for every row of a
 * project, so the wrapped tail that recurs most is taken as 依据.
 */
function textIndicators(lines: Line[]): Indicator[] {
  let k = 0;
  const headerText: string[] = [];
  while (k < lines.length && !level1Labels.test(compact(firstWord(lines[k]!.text)))) {
    headerText.push(lines[k]!.compact);
    k++;
    if (headerText.join('').includes('依据')) break;
  }
  const records: { level1: string; lines: Line[] }[] = [];
  let level1 = '';
  for (; k < lines.length; k++) {
    const line = lines[k]!;
    const first = firstWord(line.text);
    if (/^一级指标/.test(line.compact)) {
      // Header repeated after a page break.
      while (k + 1 < lines.length && !lines[k]!.compact.endsWith('依据')) k++;
      continue;
    }
    if (level1Labels.test(line.compact)) {
      level1 = line.compact;
      continue;
    }
    const tokens = level1Labels.test(first) ? line.text.trim().split(/\s+/) : null;
    if (tokens && tokens.length > 1 && level2Labels.test(tokens[1]!)) {
      // 满意度指标 服务对象满意度指标 …: the 一级 cell printed on the row's own line.
      level1 = first;
      const text = tokens.slice(1).join(' ');
      records.push({ level1, lines: [{ ...line, text, compact: compact(text) }] });
    } else if (level2Labels.test(first)) records.push({ level1, lines: [line] });
    else records[records.length - 1]?.lines.push(line);
  }
  const tails = records.map((r) => basisCandidates(r.lines));
  const frequency = new Map<string, number>();
  for (const t of tails) for (const c of t) frequency.set(c.text, (frequency.get(c.text) ?? 0) + 1);
  return records.map((r, ri) => {
    // The most frequent tail, the longest of those, the first of those.
    let best: { text: string; count: number } | undefined;
    let bestSeen = 0;
    for (const c of tails[ri]!) {
      const seen = frequency.get(c.text) ?? 0;
      if (!best || seen > bestSeen || (seen === bestSeen && c.text.length > best.text.length)) {
        best = c;
        bestSeen = seen;
      }
    }
    const bodyLines = best ? r.lines.slice(0, r.lines.length - best.count) : r.lines;
    const cells = mergeWrapped(
      bodyLines.map((l) => splitCells(l.text)),
      4,
    );
    const [level2 = '', level3 = '', description = '', ...rest] = cells;
    const value = compact(rest.join(''));
    return {
      level1: r.level1,
      level2,
      level3,
      description,
      value,
      parsed: parseIndicatorValue(value),
      basis: best?.text ?? '',
      source: sourceOf(r.lines[0]!),
    };
  });
}

/** Joins of the record's trailing short lines (at most 8 characters each), shortest first. */
function basisCandidates(lines: Line[]): { text: string; count: number }[] {
  const out: { text: string; count: number }[] = [];
  let text = '';
  for (let i = lines.length - 1; i >= 1; i--) {
    const c = lines[i]!.compact;
    if (c.length > 8 || splitCells(lines[i]!.text).length > 1) break;
    text = c + text;
    out.push({ text, count: lines.length - i });
  }
  return out;
}

/**
 * Lines of cells → the four cells 二级, 三级, 描述, 指标值. A one-cell line that is no longer than the
 * one-cell line before it is that cell wrapped; with too few cells, a number standing between
 * Chinese text starts the 指标值 (which usually repeats the 描述 after its number).
 */
function mergeWrapped(lines: string[][], want: number): string[] {
  const cells: string[] = [];
  let total = lines.reduce((n, l) => n + l.length, 0);
  lines.forEach((line, li) => {
    const prev = lines[li - 1];
    if (
      total > want &&
      li > 1 &&
      line.length === 1 &&
      prev?.length === 1 &&
      prev[0]!.length >= line[0]!.length &&
      !/^[≥≤<>=\d]/.test(line[0]!)
    ) {
      cells[cells.length - 1] += line[0]!;
      lines[li] = [prev[0]!]; // the merged line is as wide as the one it continues
      total--;
      return;
    }
    cells.push(...line);
  });
  while (cells.length < want && cells.length > 1) {
    const last = cells[cells.length - 1]!;
    const split = weakSplit(last, cells[cells.length - 2]!);
    if (!split) break;
    cells.splice(cells.length - 1, 1, ...split);
  }
  return cells.map((c) => compact(c));
}

/** Splits "发展电子商务企业 20 发展电子商务企业" before a number between Chinese text. */
function weakSplit(cell: string, before: string): [string, string] | null {
  const points: number[] = [];
  for (let m = blankRun.exec(cell); m; m = blankRun.exec(cell)) {
    textEnd.lastIndex = m.index - 1;
    numberStart.lastIndex = m.index + m[0].length;
    if (m.index > 0 && textEnd.test(cell) && numberStart.test(cell)) points.push(m.index);
  }
  if (points.length === 0) return null;
  const options = points.map((p) => [cell.slice(0, p), cell.slice(p)] as [string, string]);
  const repeats = options.find(([l, r]) => {
    const left = compact(l);
    return compact(r).replace(/^[≥≤]?\d+(?:\.\d+)?/, '') === left || left === compact(before);
  });
  return repeats ?? options[options.length - 1]!;
}

function splitCells(text: string): string[] {
  const line = text.trim();
  const cells: string[] = [];
  let start = 0;
  // The whitespace runs that stand between two cells (see `cellEnd` and `cellStart`).
  for (let m = blankRun.exec(line); m; m = blankRun.exec(line)) {
    const at = m.index;
    const end = at + m[0].length;
    cellEnd.lastIndex = at - 1;
    cellStart.lastIndex = end;
    if (at > 0 && cellEnd.test(line) && cellStart.test(line)) {
      cells.push(line.slice(start, at));
      start = end;
    }
  }
  cells.push(line.slice(start));
  return cells.filter((c) => c.trim() !== '');
}

const blankRun = /\s+/g;
/** Before and after a space where `weakSplit` may split: text, then a number. */
const textEnd = /[\u4e00-\u9fff%）]/y;
const numberStart = /[≥≤]?\d/y;
/** The character before a space between cells. */
const cellEnd = /[\u4e00-\u9fff，。、；：）】”%]/y;
/** What follows a space between cells: Chinese text, ≥ ≤, a number glued to text, or a last number. */
const cellStart = /[\u4e00-\u9fff（【“≥≤]|\d+(?:\.\d+)?[\u4e00-\u9fff]|\d+(?:\.\d+)?$/y;
