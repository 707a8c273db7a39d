// Recognises one budget table: its header line (department, year, unit), its rows and its notes.
import { toDecimal } from '../model/decimal.ts';
import type { Amount, BudgetTable, MoneyUnit, Source, TableRow, TableSide } from '../model/document.ts';
import type { LayoutLine } from '../read/layout.ts';
import { matchTableTitle, type TableSpec } from './catalogue.ts';
import { candidatesFor, filled, type Placement, scaledOf } from './columns.ts';
import { compact, firstWord, type Line } from './text.ts';

export interface TableHeader {
  department?: string;
  departmentCode?: string;
  year?: number;
  unit?: MoneyUnit;
  source: Source;
}

export function sourceOf(line: LayoutLine): Source {
  const source: Source = line.page === undefined ? { line: line.no } : { line: line.no, page: line.page };
  // A line read by OCR: its least certain character, for amounts stated in its text.
  if (line.confidence?.length) source.confidence = Math.min(...line.confidence);
  return source;
}

/** The line under a table title that names department, 预算年度 and 单位 (or 截止时间). */
export function readTableHeader(line: Line): TableHeader | null {
  // A match in the text is one in the compacted text too, which is at hand: most lines stop here.
  if (!headerLabel.test(line.compact)) return null;
  const text = line.cells ? line.cells.join(' ') : line.text;
  if (!headerLabel.test(text)) return null;
  if (/项目编码|项目名称/.test(text)) return null;
  const header: TableHeader = { source: sourceOf(line) };
  const unit = /单位[：:]\s*(万元|元)/.exec(text);
  if (unit) header.unit = unit[1] as MoneyUnit;
  const year = /预算年度[：:]\s*(\d{4})/.exec(text);
  if (year) header.year = Number(year[1]);
  // The department, after its label when printed with one (部门：某市水务局  单位：万元).
  const head = text
    .split(/预算年度|(?:金额)?单位[：:]|截止时间/)[0]!
    .trim()
    .replace(/^(?:编制)?(?:部门|单位)[：:]\s*/, '');
  const m = /^(\d{3,9})?\s*(.*)$/.exec(head);
  // A name has Chinese in it (not the "?" of a page's empty corner cell).
  if (m?.[2] && /[\u4e00-\u9fff]/.test(m[2])) header.department = compact(m[2]);
  if (m?.[1]) header.departmentCode = m[1];
  return header;
}

const headerLabel = /预算年度|单位[：:]|截止时间/;

const spaces = /\s+/;
const digits = /^\d+$/;

export const amountToken = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;
const codeToken = /^\d{3}(?:\d{2}){0,2}$/;

/** Where the recogniser stops reading a table: the next table, a heading, a project table. */
export function endsTable(line: Line): boolean {
  if (line.cells) return false;
  const c = line.compact;
  // A numbered line ending with its amounts (一、“三公”经费合计 21.63 21.63) is a row printed without 序号.
  const heading = tableEnd.test(c) && !amountToken.test(/\S+$/.exec(line.text)?.[0] ?? '');
  return heading || c.endsWith('绩效目标表') || matchTableTitle(c) !== undefined;
}

/** A part (第二部分…), a numbered heading (三、…), or a numbered …情况/信息/表 line: one expression. */
const tableEnd = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\d+[、.．].*(?:情况|信息|表)$)/;

export function isNote(line: Line): boolean {
  return note.test(line.compact);
}

const note = /^注[：:]/;

interface RawRow {
  side?: TableSide;
  code?: string;
  name: string;
  amounts: (string | null)[] | string[];
  /** True when empty cells are not shown, so amounts must be placed into columns. */
  unplaced: boolean;
  source: Source;
}

export interface TableResult {
  table: BudgetTable;
  header: TableHeader | null;
  next: number;
  /** Rows read with more amounts than the table has columns (the extra ones are dropped). */
  overfull?: number;
  /** Rows whose amounts were placed into columns by the table's identities (empty cells not printed). */
  placed?: number;
}

export function readTable(lines: Line[], start: number, spec: TableSpec, unit: MoneyUnit): TableResult {
  const titleLine = lines[start]!;
  const raws: RawRow[] = [];
  const notes: string[] = [];
  let header: TableHeader | null = null;
  let i = start + 1;
  let inHeader = true; // column headings until 栏次 (or the first data row)
  let pending: PendingRow = null;
  let expectedSeq = 1;

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (endsTable(line)) break;
    if (isNote(line)) {
      pending = flushed(raws, spec, pending);
      notes.push(line.compact);
      continue;
    }
    if (notes.length > 0 && !line.cells) break; // prose after the notes
    const meta = readTableHeader(line);
    if (meta) {
      pending = flushed(raws, spec, pending);
      header ??= meta;
      inHeader = true;
      continue;
    }
    // Either test below for 栏次 implies the compacted line starts with it, which is cheaper to check.
    const mayBeColumnNumbers = line.compact.startsWith('栏次');
    if (line.cells) {
      const cells = line.cells.map((c) => c.trim());
      if (mayBeColumnNumbers && compact(cells[0] ?? '') === '栏次') {
        inHeader = false;
        continue;
      }
      const row = cellRow(spec, cells, sourceOf(line), inHeader);
      if (row) {
        raws.push(...row);
        inHeader = false;
      }
      continue;
    }
    // PDF text: a row starts with its 序号; wrapped names and amounts continue it.
    if (mayBeColumnNumbers && (/^栏次/.test(line.text) || compact(firstWord(line.text)) === '栏次')) {
      inHeader = false;
      continue;
    }
    if (inHeader && spec.rows !== 'named') continue;
    const tokens = line.text.split(spaces);
    // A named table printed without 序号 (a web page's 三公 table): a name followed by amounts is its first row.
    if (
      inHeader &&
      tokens.length >= 2 &&
      !digits.test(tokens[0]!) &&
      !amountToken.test(tokens[0]!) &&
      amountToken.test(tokens[tokens.length - 1]!)
    )
      inHeader = false;
    const seq = digits.test(tokens[0] ?? '') ? Number(tokens[0]) : Number.NaN;
    if (!Number.isNaN(seq) && (seq === expectedSeq || (pending && seq === pending.seq + 1))) {
      flushed(raws, spec, pending);
      inHeader = false;
      pending = { seq, parts: tokens.slice(1), source: sourceOf(line), side: line.side };
      expectedSeq = seq + 1;
    } else if (pending) {
      pending.parts.push(...tokens);
    } else if (!inHeader) {
      raws.push(...spaceRow(spec, tokens.filter(Boolean), sourceOf(line)));
    }
  }
  flushed(raws, spec, pending);

  // A column printed with the year before its name (2025年预留中小微企业份额) keeps the printed name.
  const headerText = lines
    .slice(start, i)
    .map((l) => l.compact)
    .join('');
  const columns = spec.columns.map((c) => yearPrefixed(headerText, c) ?? c);
  const options = raws.map((raw) => {
    const cols = raw.side === 'income' ? (spec.incomeColumns ?? columns) : columns;
    const identities = raw.side === 'income' ? [] : spec.identities;
    // Columns as printed (a final-account table's): every amount of the row is kept.
    const width = cols.length > 0 ? cols.length : raw.amounts.length;
    return raw.unplaced
      ? candidatesFor(raw.amounts as string[], width, identities)
      : [{ values: padTo(raw.amounts, width) }];
  });
  const rows: TableRow[] = raws.map((raw, r) => {
    const values = options[r]![0]!.values;
    const row: TableRow = {
      name: raw.name,
      amounts: values.map((v) => (v === null ? null : amountAt(v, raw.source))),
      source: raw.source,
    };
    if (raw.side) row.side = raw.side;
    if (raw.code) row.code = raw.code;
    return row;
  });
  if (raws.some((raw) => raw.unplaced) && spec.rows === 'coded') resolveByHierarchy(rows, options, spec);

  const table: BudgetTable = {
    key: spec.key,
    title: titleLine.compact,
    columns,
    rows,
    notes,
    notesSayEmpty: notes.some((n) => /空表|无[^，。；]*(?:预算|支出|收入|经费|情况|数据)|没有/.test(n)),
    unit: header?.unit ?? unit,
    source: sourceOf(titleLine),
  };
  if (spec.incomeColumns) table.incomeColumns = spec.incomeColumns;
  const widthOf = (raw: RawRow) => {
    const cols = raw.side === 'income' ? (spec.incomeColumns ?? columns) : columns;
    return cols.length > 0 ? cols.length : raw.amounts.length;
  };
  const overfull = raws.filter((raw) => raw.amounts.filter((a) => a !== null).length > widthOf(raw)).length;
  const placed = raws.filter((raw, r) => raw.unplaced && options[r]!.length > 1).length;
  return { table, header, next: i, overfull, placed };
}

type PendingRow = { seq: number; parts: string[]; source: Source; side?: TableSide | undefined } | null;

/** Adds the pending PDF-text row (if any) to `raws`; returns null, the new pending row. */
function flushed(raws: RawRow[], spec: TableSpec, pending: PendingRow): null {
  if (pending) raws.push(...spaceRow(spec, pending.parts.filter(Boolean), pending.source, pending.side));
  return null;
}

/** The first `2025年<column>` in the text, if any. Most tables have none: the literal test saves the regex. */
function yearPrefixed(text: string, column: string): string | undefined {
  if (!text.includes(`年${column}`)) return undefined;
  return new RegExp(`\\d{4}年${column}`).exec(text)?.[0];
}

function amountAt(value: string, source: Source): Amount {
  return { value, source };
}

function padTo(values: (string | null)[], n: number): (string | null)[] {
  const out = values.slice(0, n);
  while (out.length < n) out.push(null);
  return out;
}

function cellAmount(cell: string | undefined): string | null {
  // Empty cells are common and are no amount; toDecimal would find so more slowly.
  return cell === undefined || cell === '' ? null : toDecimal(cell);
}

/** A DOCX/tab row with real cells. Returns null for header rows. */
function cellRow(spec: TableSpec, cells: string[], source: Source, inHeader: boolean): RawRow[] | null {
  const first = cells[0] ?? '';
  const hasSeq = digits.test(first);
  if (spec.rows === 'two-sided') {
    if (!hasSeq) return null;
    // A final-account table's columns are as printed (none in the catalogue): the expenditure side
    // starts at the first cell after the income name that is text, not an amount.
    const nInc =
      spec.incomeColumns?.length ??
      Math.max(
        0,
        cells.slice(2).findIndex((c) => c.trim() !== '' && cellAmount(c) === null),
      );
    const incName = compact(cells[1] ?? '');
    const incAmounts = cells.slice(2, 2 + nInc).map(cellAmount);
    const expName = compact(cells[2 + nInc] ?? '');
    const expAmounts = cells.slice(3 + nInc).map(cellAmount);
    const out: RawRow[] = [];
    if (incName || incAmounts.some((a) => a !== null))
      out.push({ side: 'income', name: incName, amounts: incAmounts, unplaced: false, source });
    if (expName || expAmounts.some((a) => a !== null))
      out.push({ side: 'expenditure', name: expName, amounts: expAmounts, unplaced: false, source });
    return out;
  }
  if (spec.rows === 'coded') {
    if (!hasSeq) return null;
    const code = compact(cells[1] ?? '');
    const written = compact(cells[2] ?? '');
    if (!code && !written) return [];
    // A label merged across the 科目编码 and 科目名称 columns (合计, as Word and web tables often print
    // it) stands in the code's cell, the name's left empty: it is the row's name.
    const isCode = codeToken.test(code);
    const name = !written && !isCode ? code : written;
    const row: RawRow = { name, amounts: cells.slice(3).map(cellAmount), unplaced: false, source };
    if (isCode) row.code = code;
    return [row];
  }
  // Named rows (三公, assets, procurement): optional 序号, the name, then amounts.
  const rest = hasSeq ? cells.slice(1) : cells;
  const name = compact(rest[0] ?? '');
  if (!name) return hasSeq ? [] : null;
  if (inHeader && !hasSeq && rest.slice(1).every((c) => cellAmount(c) === null)) return null;
  return [{ name, amounts: rest.slice(1).map(cellAmount), unplaced: false, source }];
}

/** A row of space-separated PDF text (序号 already removed), as its non-empty tokens. */
function spaceRow(spec: TableSpec, tokens: string[], source: Source, side?: TableSide): RawRow[] {
  let code: string | undefined;
  if (spec.rows === 'coded' && tokens[0] && codeToken.test(tokens[0]) && tokens.length > 1)
    code = tokens.shift();
  if (spec.rows === 'two-sided') return twoSidedRows(segmentsOf(tokens), source, side);
  if (tokens.length === 0) return [];
  // One row: its segments' names and amounts in order, as `segmentsOf` splits them — which comes to
  // amounts after the first name, or a leading amount; any other token is part of the name.
  const names: string[] = [];
  const amounts: string[] = [];
  for (const t of tokens) {
    if ((names.length > 0 || amounts.length === 0) && amountToken.test(t)) amounts.push(toDecimal(t)!);
    else names.push(t);
  }
  const row: RawRow = { name: compact(names.join('')), amounts, unplaced: true, source };
  if (code) row.code = code;
  return [row];
}

/**
 * The tokens as segments, each names then amounts. A leading amount opens a segment without a name;
 * an amount right after it starts the next segment's name.
 */
function segmentsOf(tokens: string[]): { name: string[]; amounts: string[] }[] {
  const segments: { name: string[]; amounts: string[] }[] = [];
  for (const t of tokens) {
    const last = segments[segments.length - 1];
    const isAmount = amountToken.test(t);
    if (isAmount && last && last.name.length > 0) last.amounts.push(toDecimal(t)!);
    else if (isAmount && !last) segments.push({ name: [], amounts: [toDecimal(t)!] });
    else if (last && last.amounts.length === 0) last.name.push(t);
    else segments.push({ name: [t], amounts: [] });
  }
  return segments;
}

const expenditureLabel = /^(?:本年支出合计|年终结转结余|年末.*结转.*|支出总计|结转下年)/;
const numberedItem = /^[一二三四五六七八九十]+、/;

/** `known`: the side of a one-segment row, when the reader knows it (a flattened table's row). */
function twoSidedRows(
  segments: { name: string[]; amounts: string[] }[],
  source: Source,
  known?: TableSide,
): RawRow[] {
  // Names without amounts between them run together: split where the expenditure side starts.
  const split: { name: string[]; amounts: string[] }[] = [];
  for (const s of segments) {
    const at = s.name.findIndex((t, k) => k > 0 && (numberedItem.test(t) || expenditureLabel.test(t)));
    if (at > 0) {
      split.push({ name: s.name.slice(0, at), amounts: [] });
      split.push({ name: s.name.slice(at), amounts: s.amounts });
    } else split.push(s);
  }
  const rows: RawRow[] = [];
  split.forEach((s, k) => {
    const name = compact(s.name.join(''));
    let side: TableSide;
    if (split.length >= 2) side = k === 0 ? 'income' : 'expenditure';
    else side = known ?? (isIncomeName(name) ? 'income' : 'expenditure');
    rows.push({ side, name, amounts: s.amounts, unplaced: true, source });
  });
  return rows;
}

function isIncomeName(name: string): boolean {
  if (expenditureLabel.test(name)) return false;
  return /收入|拨款|结转|结余|资金/.test(name) && !/支出/.test(name);
}

/**
 * In PDF text a row with fewer numbers than columns is ambiguous (20.00 20.00 may be 基本 or 项目).
 * Parents are the sum of their children, so place each level's ambiguous rows to fit its parent.
 */
function resolveByHierarchy(rows: TableRow[], rowOptions: Placement[][], spec: TableSpec): void {
  const n = spec.columns.length;
  // The placement each row's amounts now come from: the first option until settled below.
  const current = rows.map(() => 0);
  const parentOf = parentFinder(rows);
  // Parent row index → its children's row indexes, in the order the parents are first met.
  const groups = new Map<number, number[]>();
  rows.forEach((r, i) => {
    const p = parentOf(r.code);
    if (p === undefined) return;
    const list = groups.get(p);
    if (list) list.push(i);
    else groups.set(p, [i]);
  });
  // Top-down: a parent is settled before its children.
  const order = [...groups.keys()].sort(
    (a, b) => (rows[a]!.code?.length ?? 0) - (rows[b]!.code?.length ?? 0),
  );
  for (const parent of order) {
    const children = groups.get(parent)!;
    const options = children.map((c) => rowOptions[c]!);
    const combos = options.reduce((acc, o) => acc * o.length, 1);
    if (combos <= 1 || combos > 20000) continue;
    // Exact integer ten-thousandths: the search below runs for every combination.
    const target = scaledOf(rowOptions[parent]![current[parent]!]!);
    const scaled = options.map((o) => o.map(scaledOf));
    const best = closestCombination(scaled, target, n);
    children.forEach((c, ci) => {
      current[c] = best[ci]!;
      const chosen = options[ci]![best[ci]!]!;
      const row = rows[c]!;
      row.amounts = chosen.values.map((v) => (v === null ? null : amountAt(v, row.source)));
    });
  }
}

/**
 * Finds a row's parent (its index in `rows`): 7 digits → its first 5, 5 → its first 3, 3 → the
 * 合计/总计 row. Looked up in maps built once, not by searching the rows for each child.
 */
function parentFinder(rows: TableRow[]): (code: string | undefined) => number | undefined {
  const byCode = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.code && !byCode.has(r.code)) byCode.set(r.code, i); // the first row with the code, as find() gave
  });
  let total: number | undefined | null = null; // null: not looked for yet
  return (code) => {
    if (!code) return undefined;
    if (code.length === 3) {
      if (total === null) {
        const at = rows.findIndex((r) => !r.code && /合计|总计/.test(r.name));
        total = at >= 0 ? at : undefined;
      }
      return total;
    }
    return byCode.get(code.length === 7 ? code.slice(0, 5) : code.slice(0, 3));
  };
}

/**
 * The choice of one placement per child (an index into each child's options) whose column sums are
 * closest to `target` (sum of absolute differences); the first in lexicographic order on ties.
 * Column sums are kept for each depth of the search, so a combination costs one pass over the
 * columns rather than one over the columns of every child.
 */
function closestCombination(scaled: number[][][], target: number[], n: number): number[] {
  const depth = scaled.length;
  // sums[k]: column sums of the placements picked for children 0..k-1 (sums[0] is all zeros).
  const sums: number[][] = [];
  for (let k = 0; k <= depth; k++) sums.push(filled(n, 0));
  const search: Search = {
    scaled,
    target,
    n,
    sums,
    pick: filled(depth, 0),
    best: [],
    bestScore: Infinity,
    growing: scaled.every((options) => options.every((p) => p.every((v) => v >= 0))),
  };
  search.best = search.pick.slice();
  visit(search, 0);
  return search.best;
}

interface Search {
  scaled: number[][][];
  target: number[];
  n: number;
  sums: number[][];
  pick: number[];
  best: number[];
  bestScore: number;
  /** No placement has a negative value, so a column sum past its target only moves further off. */
  growing: boolean;
}

function visit(s: Search, k: number): void {
  const { n, sums } = s;
  if (k === s.scaled.length) {
    const total = sums[k]!;
    let score = 0;
    for (let col = 0; col < n; col++) score += Math.abs(total[col]! - s.target[col]!);
    if (score < s.bestScore) {
      s.bestScore = score;
      s.best = s.pick.slice();
    }
    return;
  }
  const before = sums[k]!;
  const after = sums[k + 1]!;
  const options = s.scaled[k]!;
  for (let p = 0; p < options.length; p++) {
    // Only a strictly lower score replaces the best: nothing beats an exact fit, nor a bound as high.
    if (s.bestScore === 0) return;
    const placement = options[p]!;
    let overshoot = 0;
    for (let col = 0; col < n; col++) {
      const sum = before[col]! + placement[col]!;
      after[col] = sum;
      if (sum > s.target[col]!) overshoot += sum - s.target[col]!;
    }
    if (s.growing && overshoot >= s.bestScore) continue;
    s.pick[k] = p;
    visit(s, k + 1);
  }
}
