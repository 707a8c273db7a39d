// Tables copied from a web page lose their rows: each cell comes on a line of its own, or the whole table
// comes in one run of cells separated by spaces or tabs. Both are read here back into rows, by the table
// kind's structure only — codes (2xx/3xx/5xx) and total labels start rows in coded tables, each name starts
// a row in named and two-sided ones, amounts follow their row's name — and handed to `readTable` as the
// PDF-text rows it already reads (序号, code, name, amounts), where the amounts of a row whose empty cells were
// lost are placed into the kind's columns by its identities.
import type { TableSide } from '../model/document.ts';
import { isThreePublicRowName } from '../model/three-public.ts';
import type { TableSpec } from './catalogue.ts';
import { matchTableTitle } from './catalogue.ts';
import { amountToken } from './tables.ts';
import { chineseNumber, compact, type Line } from './text.ts';

export interface FlattenedTable {
  /** The title line, then the table as PDF-text lines (header, numbered rows, notes). */
  lines: Line[];
  /** Index of the first line after the table in the original lines. */
  end: number;
  /** The kind, with the columns as the header prints them when every row fills them (see `printedColumns`). */
  spec: TableSpec;
}

interface Token {
  text: string;
  line: Line;
}

const code = /^(?:[235]\d{2})(?:\d{2}){0,2}$/;
const totalLabel = /^(?:合计|总计|小计|本年收入合计|本年支出合计|收入总计|支出总计)$/;
const note = /^注[：:]/;
const meta = /单位[：:]|预算年度[：:]|截止时间|编制(?:部门|单位)[：:]/;
const prose = /[。；]/;
/** A heading of the narrative (二、部门预算安排的总体情况), not a row name such as 二、外交支出. */
const heading =
  /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、.*(?:情况|说明|概况|职责|职能|解释|目标|事项)[：:]?$)/;

const isAmount = (t: string) => amountToken.test(t);
const trailingBars = /\s*[|｜]+\s*$/;

/** Where a flattened table's lines stop: the next table, a part or narrative heading, prose. */
function stops(line: Line): boolean {
  const c = line.compact;
  return (
    matchTableTitle(c) !== undefined ||
    heading.test(c) ||
    c.endsWith('绩效目标表') ||
    // Prose, unless it is the note that ends a run of cells.
    (!note.test(c) && prose.test(c) && cellsOf(line).length === 1)
  );
}

/** The cells of a line as the flattened reader sees them: one cell, or a run split at its separators. */
function cellsOf(line: Line): string[] {
  if (line.cells) return line.cells.map((c) => c.trim()).filter(Boolean);
  // A page's cells one per line, each followed by the “|” the copy joins cells with (79 |, and || for the
  // empty cells of a header's second row): the cell without it, and none on a line of bars.
  if (trailingBars.test(line.text)) return [line.text.replace(trailingBars, '').trim()].filter(Boolean);
  const words = line.text.split(/\s+/).filter(Boolean);
  // A line with an amount among other words is a run (or a row) of cells; otherwise it is one cell, whose
  // inner spaces are the cell's own (项 目).
  return words.length > 1 && words.some((w, k) => isAmount(w) || (k > 0 && note.test(w)))
    ? words
    : [line.text.trim()];
}

/**
 * How many amounts a row of the kind holds at most: the kind's columns (both sides of a two-sided table).
 * A final account's tables have their columns as printed; a line of more than a dozen amounts is a run.
 */
function rowWidth(spec: TableSpec): number {
  if (spec.columns.length === 0) return 12;
  return spec.columns.length + (spec.rows === 'two-sided' ? (spec.incomeColumns?.length ?? 1) : 0);
}

/**
 * The table under the title at `start` when it is flattened: its lines are mostly single cells with
 * lone amounts among them, or one of them holds more amounts than a row can, or more than one coded row.
 * Undefined for a table laid out in rows, which `readTable` reads as it is.
 */
export function readFlattened(lines: Line[], start: number, spec: TableSpec): FlattenedTable | undefined {
  let end = start + 1;
  let notes = false;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (stops(line)) break;
    if (note.test(line.compact)) notes = true;
    else if (notes && !line.cells) break; // prose after the notes
  }
  const region = lines.slice(start + 1, end);
  let loneAmounts = 0;
  let multiAmounts = 0;
  let run = false;
  for (const line of region) {
    // The 栏次 row's numbers are no amounts.
    if (line.compact.startsWith('栏次')) continue;
    const cells = cellsOf(line);
    // Amounts after the row's first name: its 序号 and code stand before it.
    const named = cells.findIndex((c) => !isAmount(c));
    const amounts = cells.filter((c, k) => isAmount(c) && k > named).length;
    if (cells.length === 1 && isAmount(cells[0]!)) loneAmounts++;
    else if (amounts >= 2) multiAmounts++;
    const codes = cells.filter((c, k) => code.test(c) && cells[k + 1] && !isAmount(cells[k + 1]!)).length;
    // A name after an amount starts another row: a PDF-text row has at most two (序号 name …, two sides).
    const names = cells.filter((c, k) => k > 0 && !isAmount(c) && isAmount(cells[k - 1]!)).length;
    // A run also when a note follows the header in the same line (an empty table).
    const noted = cells.length > 1 && cells.slice(1).some((c) => note.test(c));
    // The header's column names and amounts in one line: the header and rows run together.
    const headed = amounts > 0 && cells.filter((c) => spec.columns.includes(compact(c))).length >= 2;
    // More amounts than a row of the kind holds (with one to spare), or the other signs of a run.
    if (amounts > rowWidth(spec) + 1 || codes >= 2 || names >= 3 || noted || headed) run = true;
  }
  // The header's column names one per line: an empty table's cells, one per line, have no amounts.
  const columnLines = region.filter((l) => spec.columns.includes(l.compact)).length;
  // A 三公 table's parts one per line, their amounts (some printed empty) on lines of their own.
  const partLines =
    spec.key === 'three-public' ? region.filter((l) => isThreePublicRowName(l.compact)).length : 0;
  const oneCellLines =
    (loneAmounts >= 3 && loneAmounts > multiAmounts) ||
    (columnLines >= 2 && multiAmounts === 0) ||
    (partLines >= 3 && loneAmounts >= 1 && multiAmounts === 0);
  if (!run && !oneCellLines) return undefined;

  const tokens: Token[] = [];
  for (const line of region) for (const text of cellsOf(line)) tokens.push({ text, line });
  const rebuilt = rebuild(tokens, spec);
  return { lines: [lines[start]!, ...rebuilt.lines], end, spec: rebuilt.spec };
}

/** The tokens of a flattened table as lines: the header's, one numbered line per row, then the notes. */
function rebuild(all: Token[], kind: TableSpec): { lines: Line[]; spec: TableSpec } {
  let spec = kind;
  const noteAt = all.findIndex((t) => note.test(compact(t.text)));
  const tokens = noteAt >= 0 ? all.slice(0, noteAt) : all;
  const notes = noteAt >= 0 ? all.slice(noteAt) : [];
  const out: Line[] = [];
  const metaTokens = tokens.filter((t) => meta.test(t.text));
  if (metaTokens.length > 0) out.push(lineOf(metaTokens.map((t) => t.text).join(' '), metaTokens[0]!.line));
  const body = withoutColumnNumbers(tokens.filter((t) => !meta.test(t.text)));
  const numbered = body.some((t) => compact(t.text) === '序号');
  const first = firstRow(body, spec, numbered);
  if (first > 0)
    out.push(
      lineOf(
        body
          .slice(0, first)
          .map((t) => compact(t.text))
          .join(' '),
        body[0]!.line,
      ),
    );
  // The header ends here (`readTable` reads PDF-text rows after the 栏次 line).
  out.push(lineOf('栏次', body[first]?.line ?? tokens[0]?.line ?? all[0]!.line));

  const rows: Row[] = [];
  let row: Row | undefined;
  let seq = 1;
  const isText = (t: Token | undefined) => t !== undefined && !isAmount(t.text);
  // A code stands under its parent (20113 under 201, 2011301 under 20113): a 5- or 7-digit number
  // that does not is an amount (2177200 after 2210399's amounts).
  const codes = new Set<string>();
  const isCode = (text: string, next: Token | undefined) =>
    code.test(text) && isText(next) && (text.length === 3 || codes.has(text.slice(0, text.length - 2)));
  for (let i = first; i < body.length; i++) {
    const t = body[i]!;
    const next = body[i + 1];
    const text = compact(t.text);
    // A 序号 the table prints: the next number, before a name or code.
    if (numbered && text === String(seq) && isText(next)) {
      seq++;
      row = undefined;
      continue;
    }
    if (spec.rows === 'coded' && isCode(text, next)) {
      codes.add(text);
      row = { code: text, name: [], amounts: [], line: t.line };
      rows.push(row);
      continue;
    }
    if (isAmount(text)) {
      if (!row) {
        row = { name: [], amounts: [], line: t.line };
        rows.push(row);
      }
      row.amounts.push(text);
      continue;
    }
    // A name: a coded row's own (or the rest of it), or the start of a row.
    if (row && spec.rows === 'coded' && row.code && row.amounts.length === 0 && !totalLabel.test(text)) {
      row.name.push(text);
      continue;
    }
    row = { name: [text], amounts: [], line: t.line };
    rows.push(row);
  }
  const oneLine = threePublicOneLine(body.slice(0, first), rows, spec);
  const printed = oneLine ?? printedColumns(body.slice(0, first), rows, spec);
  if (printed) spec = { ...spec, columns: printed, identities: [] };
  const sides = spec.rows === 'two-sided' ? sidesOf(rows.map((r) => r.name.join(''))) : [];
  rows.forEach((r, k) => {
    const parts = [String(k + 1), ...(r.code ? [r.code] : []), r.name.join('') || '—', ...r.amounts];
    out.push(lineOf(parts.join(' '), r.line, sides[k]));
  });
  // Each note from its 注： on (a run splits a note at its spaces).
  const grouped: Token[][] = [];
  for (const t of notes) {
    if (note.test(compact(t.text)) || grouped.length === 0) grouped.push([t]);
    else grouped[grouped.length - 1]!.push(t);
  }
  for (const g of grouped) out.push(lineOf(g.map((t) => t.text).join(''), g[0]!.line));
  return { lines: out, spec };
}

/** Headings of the row-label columns, not amount columns. */
const labelHeading =
  /^(?:项目|项目名称|科目编码|科目名称|(?:功能|经济)分类科目(?:编码|名称)?|(?:功能|经济)分类|编码|名称|序号|资金性质|类|款|项|科目)$/;

/**
 * The header's amount columns, when the header names them one per cell and every row with amounts prints
 * as many (zeros printed, as Shanghai's tables do): the columns as printed, each amount in its own. Where
 * empty cells were lost, rows print fewer, and the kind's columns and identities place them instead.
 */
function printedColumns(header: Token[], rows: Row[], spec: TableSpec): string[] | undefined {
  if (spec.rows === 'two-sided') return undefined;
  const names = header.map((t) => compact(t.text)).filter((c) => !labelHeading.test(c));
  const filled = rows.filter((r) => r.amounts.length > 0);
  if (names.length === 0 || filled.length === 0) return undefined;
  if (!filled.every((r) => r.amounts.length === names.length)) return undefined;
  // The kind's own columns, in full, are kept as they are (yearPrefixed names included).
  if (names.length === spec.columns.length && names.every((n, k) => n.endsWith(spec.columns[k]!)))
    return undefined;
  return names;
}

/**
 * A 三公 table printed as one line of totals under a header naming the parts (the national layout: “三公”经费
 * 合计 | 因公出国(境)费 | 公务用车购置及运行费 | 公务接待费, and under the 公务用车 group 小计 | 购置费 | 运行费).
 * Flattened, the header's two rows come one after the other and the amounts after them, so the one row read
 * is named by the header's last cell. The columns are the header's leaves in order — the group replaced by
 * its 小计 and parts — when there are as many as the line's amounts; the row is then the line of 合计.
 */
function threePublicOneLine(header: Token[], rows: Row[], spec: TableSpec): string[] | undefined {
  if (spec.key !== 'three-public' || rows.length !== 1 || rows[0]!.code) return undefined;
  const row = rows[0]!;
  const names = [...header.map((t) => compact(t.text)), ...row.name].filter(
    (c) => !labelHeading.test(c) && !/单位/.test(c),
  );
  const leaves = headerLeaves(names).map((n) => (/合计$/.test(n) ? '合计' : n));
  if (leaves.length !== row.amounts.length || leaves.length < 3) return undefined;
  if (!leaves.some((n) => /^因公出国/.test(n)) || !leaves.some((n) => /接待/.test(n))) return undefined;
  row.name = ['合计'];
  return leaves;
}

/**
 * The leaf columns of a two-row header read row after row: the top row's names, then a group's 小计 and
 * parts. The group is the top name its parts begin like (公务用车购置及运行费 over 公务用车购置费, 公务用车运行费).
 */
function headerLeaves(names: string[]): string[] {
  const at = names.indexOf('小计');
  if (at <= 0) return names;
  const top = names.slice(0, at);
  const parts = names.slice(at + 1);
  const shared = (a: string, b: string) => {
    let k = 0;
    while (k < a.length && k < b.length && a[k] === b[k]) k++;
    return k;
  };
  const score = (n: string) => Math.min(...parts.map((p) => shared(n, p)));
  const group = top.reduce((best, n, k) => (score(n) > score(top[best]!) ? k : best), 0);
  if (parts.length === 0 || score(top[group]!) < 2) return names;
  return [...top.slice(0, group), '小计', ...parts, ...top.slice(group + 1)];
}

/** Without the 栏次 row (栏次 1 2 3 …): its numbers are no amounts. */
function withoutColumnNumbers(tokens: Token[]): Token[] {
  const at = tokens.findIndex((t) => compact(t.text) === '栏次');
  if (at < 0) return tokens;
  let k = at + 1;
  for (let n = 1; k < tokens.length && compact(tokens[k]!.text) === String(n); n++) k++;
  return [...tokens.slice(0, at), ...tokens.slice(k)];
}

/**
 * Where the rows start, after the header's column names: at the first code followed by its name, the
 * first 序号, or the name before the first amount — whichever comes first.
 */
function firstRow(tokens: Token[], spec: TableSpec, numbered: boolean): number {
  for (let i = 0; i < tokens.length; i++) {
    const text = compact(tokens[i]!.text);
    const next = tokens[i + 1] && compact(tokens[i + 1]!.text);
    const nextIsText = next !== undefined && !isAmount(next);
    if (spec.rows === 'coded' && code.test(text) && nextIsText) return i;
    if (numbered && text === '1' && nextIsText) return i;
    if (isAmount(text)) return Math.max(0, i - 1);
  }
  // No amount: an empty table, whose 合计 row (a total label the header has named already) prints none.
  const last = tokens.length - 1;
  const label = tokens[last] && compact(tokens[last].text);
  if (label && totalLabel.test(label) && tokens.slice(0, last).some((t) => compact(t.text) === label))
    return last;
  return tokens.length;
}

type Row = { code?: string; name: string[]; amounts: string[]; line: Line };

const spending = /支出|^(?:年终|年末).*结转|结转下年|预备费/;
const receipts = /收入|拨款|资金|^上年结转|^年初结转/;
const numberOf = (name: string) => {
  const m = /^(?:([一二三四五六七八九十]+)、|(\d+)[.．、])/.exec(name);
  return m ? (m[1] ? chineseNumber(m[1]) : Number(m[2])) : null;
};

/**
 * The side of each row of a two-sided table, in the order the rows came (a printed row's income item,
 * then its spending item). Words decide (支出 and the closing spending labels; 收入, 拨款, 资金); a name
 * with neither (二、政府性基金, 预备费) is an income item when it numbers the next income item, and
 * otherwise stands on the side the row before did not.
 */
function sidesOf(names: string[]): TableSide[] {
  const sides: TableSide[] = [];
  let lastIncome = 0;
  for (const name of names) {
    const n = numberOf(name);
    const previous = sides[sides.length - 1];
    let side: TableSide;
    if (spending.test(name)) side = 'expenditure';
    else if (receipts.test(name)) side = 'income';
    else if (n !== null) side = n === lastIncome + 1 && previous !== 'income' ? 'income' : 'expenditure';
    else side = previous === 'income' ? 'expenditure' : 'income';
    if (side === 'income' && n !== null) lastIncome = n;
    sides.push(side);
  }
  return sides;
}

function lineOf(text: string, from: Line, side?: TableSide): Line {
  return {
    ...(side ? { side } : {}),
    no: from.no,
    page: from.page,
    text,
    cells: null,
    compact: compact(text),
    layout: { no: from.no, text, cells: null, ...(from.page === undefined ? {} : { page: from.page }) },
  };
}

/**
 * A line that runs a table's title into its cells (…“三公”经费预算表 金额单位：万元 项目 合计 21.63 …), as a page
 * flattened into text gives, split into the title and the run after it (and any text before it), so that
 * the title is read as one. Only where at least three amounts or the unit follow: a contents line (…收支总表 3)
 * stays.
 */
export function splitTitledRuns(lines: Line[]): Line[] {
  let out: Line[] | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const parts = line.cells || !line.text.includes('表') ? undefined : titledRun(line);
    if (parts) {
      out ??= lines.slice(0, n);
      out.push(...parts);
    } else out?.push(line);
  }
  return out ?? lines;
}

function titledRun(line: Line): Line[] | undefined {
  const words = line.text.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length - 1; i++) {
    if (!/(?:表|预算)$/.test(words[i]!)) continue;
    for (let j = i; j >= Math.max(0, i - 3); j--) {
      if (!matchTableTitle(compact(words.slice(j, i + 1).join('')))) continue;
      const rest = words.slice(i + 1);
      // Cells follow: amounts, or the table's unit first (an empty table's run).
      if (rest.filter(isAmount).length < 3 && !meta.test(rest[0]!)) return undefined;
      const before = words.slice(0, j);
      const after = splitTitledRuns([lineOf(rest.join(' '), line)]);
      return [
        ...(before.length > 0 ? [lineOf(before.join(' '), line)] : []),
        lineOf(words.slice(j, i + 1).join(''), line),
        ...after,
      ];
    }
  }
  return undefined;
}
