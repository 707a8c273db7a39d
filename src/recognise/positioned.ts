// Tables read from a PDF with positions (src/read/pdf.ts): empty cells are not printed, but every
// printed cell keeps its box, so each amount goes to the column whose heading stands above it.
// The columns are the ones the document prints (regions print other sets), read from its header.
import { toDecimal } from '../model/decimal.ts';
import type { Amount, BudgetTable, MoneyUnit, Source, TableRow, TableSide } from '../model/document.ts';
import type { LayoutLine } from '../read/layout.ts';
import type { TableSpec } from './catalogue.ts';
import { compact } from './text.ts';

type Box = { x: number; y: number; width: number; height: number };
interface Cell {
  text: string;
  box: Box;
  /** OCR: the probability of the cell's least certain character. */
  confidence?: number;
}

export interface PositionedHeader {
  department?: string;
  departmentCode?: string;
  year?: number;
  unit?: MoneyUnit;
  source: { line: number; page?: number };
}

export interface PositionedResult {
  table: BudgetTable;
  header: PositionedHeader | null;
  next: number;
}

const amount = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+\.\d+$|^-?\d+$/;
/** A classification code (类 3 digits, 款 5, 项 7), which an amount pattern also matches. */
const codeLike = /^\d{3}(?:\d{2}){0,2}$/;
/** Heading words that name the row label columns, not an amount column. */
const labelHeading =
  /^(?:收入|支出)?项目$|^项目名称$|科目|编码|名称|^[类款项]$|^序号$|^栏次$|编制(?:部门|单位)|单位[：:]|截止/;

const cellsOf = (line: LayoutLine): Cell[] => {
  const texts = line.cells ?? [line.text];
  const boxes = line.boxes ?? [];
  return texts.map((text, i) => {
    const cell: Cell = { text: text.trim(), box: boxes[i] ?? { x: 0, y: 0, width: 0, height: 0 } };
    const confidence = line.confidence?.[i];
    if (confidence !== undefined) cell.confidence = confidence;
    return cell;
  });
};
const center = (b: Box) => b.x + b.width / 2;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const sourceOf = (line: LayoutLine): Source => {
  const source: Source = line.page === undefined ? { line: line.no } : { line: line.no, page: line.page };
  // Read by OCR: the line's least certain cell, so that a row keeps a doubt its amounts do not show (a
  // misread amount left out of them).
  if (line.confidence?.length) source.confidence = Math.min(...line.confidence);
  return source;
};

/** Each cell's amount in the column whose heading's centre is nearest to the cell's own, with its box. */
function placeAmounts(
  columns: Column[],
  cells: Cell[],
  line: LayoutLine,
  withBoxes: boolean,
): (Amount | null)[] {
  const placed: (Cell | null)[] = columns.map(() => null);
  for (const c of cells) placed[nearest(columns, center(c.box))] = c;
  return placed.map((c) => {
    const value = c === null ? null : toDecimal(c.text);
    if (c === null || value === null) return null;
    const source: Source = withBoxes ? { ...sourceOf(line), box: c.box } : sourceOf(line);
    // An amount read by OCR keeps how sure the reading was, for the rules to say when a finding may be its error.
    if (c.confidence !== undefined) source.confidence = c.confidence;
    return { value, source };
  });
}

export function isPositioned(lines: LayoutLine[], at: number): boolean {
  return lines[at]?.boxes !== undefined;
}

/** Whether a line is a table's 编制部门 / 单位 line. */
function readHeaderLine(line: LayoutLine): PositionedHeader | null {
  const text = (line.cells ?? [line.text]).join(' ');
  if (!/单位[：:]|预算年度|编制部门/.test(text)) return null;
  const header: PositionedHeader = { source: sourceOf(line) };
  const unit = /单位[：:]\s*(万元|元)/.exec(text);
  if (unit) header.unit = unit[1] as MoneyUnit;
  const year = /预算年度[：:]\s*(\d{4})/.exec(text);
  if (year) header.year = Number(year[1]);
  const department = /编制(?:部门|单位)[：:]\s*(\S+)/.exec(text);
  if (department && !/^单位/.test(department[1]!)) header.department = compact(department[1]!);
  else if (year && line.cells) {
    // The county layout (and yusuan's own workbook): 366乐亭县商务和投资促进局 | 预算年度：2025 | 单位：万元,
    // the department with its code in the cell before the 预算年度 one.
    const first = compact(line.cells[0] ?? '');
    const m = /^(\d{3,9})?(\D.*)$/.exec(first);
    if (m && !/预算年度|单位[：:]/.test(first)) {
      header.department = m[2]!;
      if (m[1]) header.departmentCode = m[1];
    }
  }
  return header;
}

interface Column {
  name: string;
  center: number;
  right: number;
}

/**
 * The amount columns: header labels with nothing under them. A heading wrapped inside its cell
 * (本年收入合 / 计, 因公 / 出国 / （境）费) is joined first; then each header cell belongs to the nearest cell
 * above it, and a label that something belongs to (收入预算 over 合计 … 其他收入) is a group heading, not a
 * column — unless an amount of the first data line stands right under it, which makes it a column.
 */
function columnsFrom(
  headerLines: LayoutLine[],
  firstData: LayoutLine | undefined,
  /** How far below, in lines of text, a fragment may stand and still continue the heading above. */
  spacing: number,
): Header {
  const gap = (a: Box, b: Box) => Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const cells: Cell[] = [];
  for (const line of headerLines)
    for (const c of cellsOf(line)) {
      // A fragment sits right under the previous one (no ruled line between), overlapping it (within a
      // point or two: wrapped lines are centred). Narrow Word cells print their lines up to about a blank
      // line apart, but so do tight headers their next row of cells: bestColumns tries each spacing.
      const below = Math.max(6, spacing * c.box.height);
      const head = cells.find(
        (u) => gap(u.box, c.box) <= 2 && c.box.y - (u.box.y + u.box.height) <= below && c.box.y > u.box.y,
      );
      if (!head) {
        cells.push({ text: c.text, box: { ...c.box } });
        continue;
      }
      head.text += c.text;
      const right = Math.max(head.box.x + head.box.width, c.box.x + c.box.width);
      head.box.x = Math.min(head.box.x, c.box.x);
      head.box.width = right - head.box.x;
      head.box.height = c.box.y + c.box.height - head.box.y;
    }
  const amounts = firstData
    ? cellsOf(firstData).filter((c) => amount.test(compact(c.text)) && !codeLike.test(compact(c.text)))
    : [];
  const hasAmountUnder = (h: Cell) =>
    amounts.some(
      (a) => Math.abs(center(a.box) - center(h.box)) <= Math.min(a.box.width, h.box.width) / 2 + 3,
    );
  const groups = new Set<Cell>();
  const owners = new Map<Cell, Cell>();
  for (const c of cells) {
    let owner: Cell | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const above of cells) {
      // Strictly above: a heading centred beside a two-row cell (本年收入 next to 小计) is not over it.
      if (above.box.y + above.box.height + 2 > c.box.y) continue;
      const d = gap(c.box, above.box);
      // Nearest across; on a tie, the label just above.
      if (d < best || (d === best && owner && above.box.y > owner.box.y)) {
        best = d;
        owner = above;
      }
    }
    // A heading beside the cell, higher up (合计 printed taller than the 小计 next to it), is no group when
    // an amount stands under it; a heading over the cell is.
    if (owner && (best === 0 || !hasAmountUnder(owner))) {
      groups.add(owner);
      owners.set(c, owner);
    }
  }
  const columns = cells
    .filter((c) => !groups.has(c) && c.text !== '' && !labelHeading.test(compact(c.text)))
    .map((c) => ({ name: compact(c.text), center: center(c.box), right: c.box.x + c.box.width }))
    .sort((a, b) => a.center - b.center);
  const labels = cells
    .filter((c) => !groups.has(c) && rowLabelHeading.test(compact(c.text)))
    .map((c) => {
      const group = owners.get(c);
      return group ? { ...c, group: compact(group.text) } : c;
    })
    .sort((a, b) => a.box.x - b.box.x);
  return { columns, labels };
}

/**
 * A header as read: its amount columns, and the headings of its row-label columns (项目名称, 功能科目名称)
 * with the group heading over each (功能分类, 支出用途).
 */
interface Header {
  columns: Column[];
  labels: (Cell & { group?: string })[];
}

const rowLabelHeading = /(?:项目|名称)$/;

/**
 * The header read with wrapped lines spaced tightly or loosely (see columnsFrom), whichever the first data line bears out better:
 * more of its amounts under a heading of their own, then fewer one-character headings (fragments of a
 * wrapped heading, 计 of 小 / 计).
 */
function bestColumns(headerLines: LayoutLine[], firstData: LayoutLine | undefined): Header {
  const amounts = firstData
    ? cellsOf(firstData).filter((c) => amount.test(compact(c.text)) && !codeLike.test(compact(c.text)))
    : [];
  const score = ({ columns }: Header) => {
    const used = new Set(amounts.map((a) => (columns.length ? nearest(columns, center(a.box)) : -1)));
    return used.size * 100 - columns.filter((c) => c.name.length === 1).length;
  };
  // Tightest first: a looser reading replaces it only when the data bear it out better.
  let best = columnsFrom(headerLines, firstData, 0);
  for (const spacing of [1.2, 2, 2.5]) {
    const columns = columnsFrom(headerLines, firstData, spacing);
    if (score(columns) > score(best)) best = columns;
  }
  return best;
}

function nearest(columns: Column[], x: number): number {
  let best = 0;
  for (let i = 1; i < columns.length; i++)
    if (Math.abs(columns[i]!.center - x) < Math.abs(columns[best]!.center - x)) best = i;
  return best;
}

function isDataLine(line: LayoutLine, twoSided = false): boolean {
  const cells = cellsOf(line).map((c) => compact(c.text));
  if (
    cells.some((c) => amount.test(c) && !/^\d{3}(?:\d{2}){0,2}$/.test(c)) ||
    /^\d{3}(?:\d{2}){0,2}$/.test(cells[0] ?? '')
  )
    return true;
  // A summary's numbered items are its rows even when a blank template prints no amounts.
  if (twoSided && /^[一二三四五六七八九十]+、/.test(cells[0] ?? '')) return true;
  // A 合计 row without amounts (an empty table) — not a header line naming 合计 among its columns.
  return cells.length === 1 && /^(?:合计|总计)$/.test(cells[0] ?? '');
}

/** A note under a table: 注：…, or a bracketed remark that it is empty ((无政府性基金支出）). */
function isNoteText(compactText: string): boolean {
  return /^注[：:]/.test(compactText) || /^[（(][^（()）]*(?:无|空表)[^（()）]*[）)]$/.test(compactText);
}

/** One coded (or named) row from its cells; null when the cells only continue the previous row's name. */
function codedRow(
  cells: Cell[],
  columns: Column[],
  place: (columns: Column[], cells: Cell[], line: LayoutLine) => (Amount | null)[],
  line: LayoutLine,
  previous: TableRow | undefined,
  text: string,
  numbered = false,
): TableRow | null {
  const codeParts: string[] = [];
  let k = 0;
  if (/^\d{3}(?:\d{2}){0,2}$/.test(cells[0]!.text) && cells.length > 1) {
    // The code in one cell (2050205), or 类 / 款 / 项 in three.
    codeParts.push(cells[0]!.text);
    k = 1;
    // 款 and 项 are two digits; a slip may print one (30102 as 301 2): kept as printed.
    while (
      k < cells.length &&
      codeParts[0]!.length === 3 &&
      codeParts.length < 3 &&
      /^\d{1,2}$/.test(cells[k]!.text)
    )
      codeParts.push(cells[k++]!.text);
  }
  // The 类 款 项 heading cells can sit on the 合计 row's line.
  const rest = cells.slice(k).filter((c) => !/^[类款项]$/.test(compact(c.text)));
  const names = rest.filter((c) => !amount.test(compact(c.text)));
  const amounts = rest.filter((c) => amount.test(compact(c.text)));
  if (
    !numbered &&
    codeParts.length === 0 &&
    amounts.length === 0 &&
    previous &&
    // A name wrapped onto the next line; or the label of a row of amounts printed without one, set below
    // them (合计 centred in a tall cell, the 类 款 项 line between).
    (!/^(?:合计|总计)$/.test(text) || (previous.name === '' && !previous.code))
  ) {
    previous.name += compact(names.map((c) => c.text).join(''));
    return null;
  }
  const row: TableRow = {
    name: compact(names.map((c) => c.text).join('')),
    amounts: place(columns, amounts, line),
    source: sourceOf(line),
  };
  if (codeParts.length > 0) row.code = codeParts.join('');
  return row;
}

/**
 * Reads the table whose title is `lines[start]`. It ends at the next table title, at prose, or at a
 * page that does not go on with the table (a table's continuation starts with its repeated header).
 */
export function readPositionedTable(
  lines: LayoutLine[],
  start: number,
  spec: TableSpec,
  unit: MoneyUnit,
  isTitle: (line: LayoutLine, next: LayoutLine | undefined) => boolean,
  /**
   * cellBoxes: keep each amount's cell box in its source (real page positions, i.e. a PDF's).
   * pageGrids: each page is laid out on a grid of its own (text laid out in columns with spaces), so each page
   * places the columns by its own rows that fill them all.
   */
  options: { cellBoxes: boolean; pageGrids?: boolean },
): PositionedResult {
  // Whether lines[at] ends the table; the header loop and the rows loop may both ask of one line.
  const ends = (at: number) => {
    const line = lines[at]!;
    if (isTitle(line, lines[at + 1])) return true;
    const text = compact(line.text);
    // The next part of the document (第三部分 情况说明), whether printed in one cell or two.
    if (/^第[一二三四五六七八九十]+部分/.test(text)) return true;
    if (isNoteText(text)) return false;
    if (!line.cells && (/[。；]/.test(text) || text.length > 40)) return true;
    const newPage = line.page !== lines[at - 1]?.page;
    // A table goes on over the page with or without its header: a short fragment at the top (the rest of
    // a name wrapped over the page, 业支出) with rows right after it goes on too.
    const dataFollows = (k: number) =>
      text.length <= 12 &&
      [lines[k + 1], lines[k + 2]].some(
        (l) => l !== undefined && l.page === line.page && isDataLine(l, spec.rows === 'two-sided'),
      );
    return (
      newPage &&
      !line.cells &&
      !isDataLine(line, spec.rows === 'two-sided') &&
      !headerTexts.has(text) &&
      !readHeaderLine(line) &&
      !dataFollows(at)
    );
  };
  const title = lines[start]!;
  let header: PositionedHeader | null = null;
  const headerLines: LayoutLine[] = [];
  const headerTexts = new Set<string>();
  const notes: string[] = [];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (ends(i)) break;
    const meta = readHeaderLine(line);
    if (meta) {
      header ??= meta;
      continue;
    }
    if (/^栏次/.test(compact(line.text))) continue;
    if (isDataLine(line, spec.rows === 'two-sided')) break;
    if (isNoteText(compact(line.text))) break;
    headerLines.push(line);
    headerTexts.add(compact(line.text));
  }
  const twoSided = spec.rows === 'two-sided';
  const sequence = headerLines.flatMap(cellsOf).find((c) => compact(c.text) === '序号');
  const { columns: allColumns, labels } = bestColumns(headerLines, lines[i]);
  // Two-sided tables: the expenditure side begins at its own 项目 heading (the second one), or else at its
  // second row-label heading (项目名称 | 金额 | 功能科目名称 | 金额 …).
  const itemHeadings = headerLines
    .flatMap(cellsOf)
    .filter((c) => /^(?:收入|支出)?项目$/.test(compact(c.text)))
    .sort((a, b) => a.box.x - b.box.x);
  const split = !twoSided
    ? Number.POSITIVE_INFINITY
    : itemHeadings.length >= 2
      ? itemHeadings[1]!.box.x
      : labels.length >= 2
        ? labels[1]!.box.x
        : Number.POSITIVE_INFINITY;
  const incomeColumns = allColumns.filter((c) => c.center < split);
  const columns = twoSided ? allColumns.filter((c) => c.center >= split) : allColumns;
  // Names of the expenditure side start left of its heading: anything right of the income amounts.
  const sideBoundary = incomeColumns.length > 0 ? Math.max(...incomeColumns.map((c) => c.right)) : split;
  const spending =
    twoSided && itemHeadings.length < 2 ? spendingBlocks(labels, columns, split, sideBoundary) : null;
  const placed: Placed[] = [];

  const rows: TableRow[] = [];
  // A header that repeats its columns (决算数 | 决算数) prints the table in side-by-side blocks.
  const half = columns.length / 2;
  const blocks =
    spec.rows === 'coded' &&
    columns.length >= 2 &&
    columns.length % 2 === 0 &&
    columns.slice(0, half).every((c, i) => c.name === columns[half + i]!.name)
      ? [
          {
            from: Number.NEGATIVE_INFINITY,
            to: columns[half - 1]!.right + 5,
            columns: columns.slice(0, half),
          },
          { from: columns[half - 1]!.right + 5, to: Number.POSITIVE_INFINITY, columns: columns.slice(half) },
        ]
      : [{ from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY, columns }];
  const tableColumns = blocks[0]!.columns;
  const place = (cols: Column[], cells: Cell[], line: LayoutLine) =>
    placeAmounts(cols, cells, line, options.cellBoxes);
  const pageColumns = new Map<number | undefined, Column[]>();
  /**
   * The columns where a page prints them: on a page of its own grid, as its rows that fill every column show
   * (on the header's page too: a grid of characters narrows a heading of Chinese more than the amounts under it).
   */
  const columnsOn = (page: number | undefined, from: number): Column[] => {
    if (!options.pageGrids || blocks.length > 1) return tableColumns;
    let cols = pageColumns.get(page);
    if (!cols) {
      const full: Cell[][] = [];
      for (let k = from; k < lines.length && lines[k]!.page === page && !ends(k); k++) {
        // The amounts after the row's name (a code's 类 款 项 before it read as numbers too).
        const cells = cellsOf(lines[k]!);
        const name = cells.findLastIndex((c) => !amount.test(compact(c.text)));
        const amounts = name < 0 ? [] : cells.slice(name + 1);
        if (amounts.length === tableColumns.length) full.push(amounts);
      }
      cols =
        full.length === 0
          ? tableColumns
          : tableColumns.map((c, k) => ({
              name: c.name,
              center: median(full.map((a) => center(a[k]!.box))),
              right: Math.max(...full.map((a) => a[k]!.box.x + a[k]!.box.width)),
            }));
      pageColumns.set(page, cols);
    }
    return cols;
  };

  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (ends(i)) break;
    const text = compact(line.text);
    if (!line.cells && isNoteText(text)) {
      notes.push(text);
      continue;
    }
    if (notes.length > 0) break; // prose after the notes
    if (readHeaderLine(line) || headerTexts.has(text)) continue; // a header repeated on the next page
    if (/^栏次/.test(text)) continue; // the column numbers under the headings
    // The 序号 column numbers the rows; it is no amount, but it does start a row.
    const underSequence = (c: Cell) =>
      sequence !== undefined &&
      /^\d+$/.test(c.text) &&
      Math.abs(center(c.box) - center(sequence.box)) < sequence.box.width;
    const numbered = cellsOf(line).some(underSequence);
    const cells = cellsOf(line).filter((c) => c.text !== '' && !underSequence(c));
    if (cells.length === 0) continue;
    // The 类 款 项 line (a lone 款 is the end of a wrapped name instead).
    if (cells.length > 1 && cells.every((c) => labelHeading.test(compact(c.text)))) continue;
    if (twoSided) {
      const sides: { side: TableSide; cells: Cell[] }[] = [
        { side: 'income', cells: cells.filter((c) => c.box.x < sideBoundary) },
        { side: 'expenditure', cells: cells.filter((c) => c.box.x >= sideBoundary) },
      ];
      if (spending) {
        // Blocks of label and amount columns (功能分类 | 支出用途): their cells are gathered and assembled
        // into rows once the table is read, as names wrap over lines that the other blocks do not share.
        for (const c of cells) placed.push({ cell: c, line });
        continue;
      }
      for (const { side, cells: mine } of sides) {
        const names = mine.filter((c) => !amount.test(compact(c.text)));
        const amounts = mine.filter((c) => amount.test(compact(c.text)));
        if (names.length === 0 && amounts.length === 0) continue;
        // The rest of a name wrapped in its cell (…传媒支 / 出): no number of its own, no amounts.
        const name = compact(names.map((c) => c.text).join(''));
        const last = [...rows].reverse().find((r) => r.side === side);
        if (amounts.length === 0 && last && isWrappedRest(name)) {
          last.name += name;
          continue;
        }
        const cols = side === 'income' ? incomeColumns : columns;
        rows.push({
          side,
          name: compact(names.map((c) => c.text).join('')),
          amounts: cols.length > 0 ? place(cols, amounts, line) : [],
          source: sourceOf(line),
        });
      }
      continue;
    }
    // Side-by-side blocks (人员经费 codes on the left, 公用经费 on the right): one row per block.
    const blockCells = blocks.map((blk) => cells.filter((c) => c.box.x >= blk.from && c.box.x < blk.to));
    blockCells.forEach((mine, b) => {
      if (mine.length === 0) return;
      const cols = blocks.length > 1 ? blocks[b]!.columns : columnsOn(line.page, i);
      const row = codedRow(mine, cols, place, line, rows[rows.length - 1], text, numbered);
      if (row) rows.push(row);
    });
  }

  if (spending) {
    const income: SpendingBlock = {
      group: '',
      from: Number.NEGATIVE_INFINITY,
      to: sideBoundary,
      columns: incomeColumns,
    };
    rows.push(...blockRows(placed, income, spending, options.cellBoxes));
  }

  const table: BudgetTable = {
    key: spec.key,
    title: compact(title.text),
    columns: tableColumns.map((c) => c.name),
    rows,
    notes,
    notesSayEmpty: notes.some((n) => /空表|无[^，。；]*(?:预算|支出|收入|经费|情况|数据)|没有/.test(n)),
    unit: header?.unit ?? unit,
    source: sourceOf(title),
  };
  if (twoSided) table.incomeColumns = incomeColumns.map((c) => c.name);
  if (spending) table.columns = spending[0]!.columns.map((c) => c.name);
  return { table, header, next: i };
}

interface Placed {
  cell: Cell;
  line: LayoutLine;
}

/** Where a cell stands down the document: pages one after the other. */
const down = (p: Placed) => (p.line.page ?? 0) * 100_000 + p.cell.box.y;

/**
 * A name fragment that begins a row of its own: a numbered item (一、 1. （一）), a total or a carry-over.
 * Not a bare 小计, which is often the wrapped end of one (当年收入 / 小计).
 */
const beginsRow =
  /^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)])|合计|总计|结转|结余|.小计$/;

/**
 * The rows of a two-sided table printed in blocks, from their cells gathered in reading order: per block
 * (the income side, then each spending block), a name is its fragments one wrapped line after another
 * (the block's tightest line spacing, and no new item) and an amount goes to the name it stands beside
 * (amounts are centred in their cell). An amount with no name in its block belongs to a name without
 * amounts on its left, at its height (a label centred across blocks: 当年支出小计).
 */
function blockRows(
  placed: Placed[],
  income: SpendingBlock,
  spending: SpendingBlock[],
  withBoxes: boolean,
): TableRow[] {
  interface Name {
    parts: Placed[];
    amounts: Placed[];
    block: SpendingBlock;
    side: TableSide;
  }
  const all: Name[] = [];
  const orphans: { a: Placed; block: number }[] = [];
  [income, ...spending].forEach((block, b) => {
    const mine = placed
      .filter((p) => p.cell.box.x >= block.from && p.cell.box.x < block.to)
      .sort((p, q) => down(p) - down(q));
    const isAmount = (p: Placed) => amount.test(compact(p.cell.text));
    const frags = mine.filter((p) => !isAmount(p));
    // The block's wrapped-line pitch: the tightest spacing between its name fragments.
    const steps = frags
      .slice(1)
      .map((p, k) => down(p) - down(frags[k]!))
      .filter((d) => d > 0);
    const pitch = steps.length ? Math.min(...steps) : 0;
    const names: Name[] = [];
    for (const f of frags) {
      const last = names[names.length - 1];
      const prev = last?.parts[last.parts.length - 1];
      const continues =
        last &&
        prev &&
        // The next wrapped line, or the rest of a name carried over to the next page (…等支 / 出).
        (prev.line.page === f.line.page
          ? down(f) - down(prev) <= pitch * 1.3
          : (f.line.page ?? 0) - (prev.line.page ?? 0) === 1 && compact(f.cell.text).length <= 3) &&
        !beginsRow.test(compact(f.cell.text)) &&
        !/合计|小计|总计/.test(compact(last.parts.map((x) => x.cell.text).join('')));
      if (continues) last.parts.push(f);
      else names.push({ parts: [f], amounts: [], block, side: b === 0 ? 'income' : 'expenditure' });
    }
    for (const a of mine.filter(isAmount)) {
      const y = down(a) + a.cell.box.height / 2;
      const span = (n: Name) => [down(n.parts[0]!), down(n.parts[n.parts.length - 1]!) + a.cell.box.height];
      const host =
        names.find((n) => {
          const [top, bottom] = span(n);
          return y >= top! - 2 && y <= bottom! + 2;
        }) ?? null;
      if (host) host.amounts.push(a);
      else orphans.push({ a, block: b });
    }
    all.push(...names);
  });
  for (const { a, block } of orphans) {
    const y = down(a) + a.cell.box.height / 2;
    const host = all.find(
      (n) =>
        n.block !== ([income, ...spending][block] ?? income) &&
        n.amounts.length === 0 &&
        Math.abs(down(n.parts[0]!) + n.parts[0]!.cell.box.height / 2 - y) <= a.cell.box.height,
    );
    if (host) host.amounts.push({ ...a, cell: { ...a.cell } });
  }
  return all
    .sort((m, n) => down(m.parts[0]!) - down(n.parts[0]!) || (m.side === 'income' ? -1 : 1))
    .map((n) => {
      const first = n.parts[0]!.line;
      const row: TableRow = {
        side: n.side,
        name: compact(n.parts.map((p) => p.cell.text).join('')),
        amounts: placeAmounts(
          n.block.columns,
          n.amounts.map((p) => p.cell),
          n.amounts[0]?.line ?? first,
          withBoxes,
        ),
        source: sourceOf(first),
      };
      if (n.side === 'expenditure') row.group = n.block.group;
      return row;
    });
}

/** The rest of a name wrapped in its cell (…传媒支 / 出): short, and no item or total of its own. */
function isWrappedRest(name: string): boolean {
  return name.length <= 4 && !/^[一二三四五六七八九十]+、|合计|总计|小计|结/.test(name);
}

interface SpendingBlock {
  /** The block's heading without its label words (功能分类, 支出用途). */
  group: string;
  from: number;
  to: number;
  columns: Column[];
}

/**
 * The expenditure side of a summary printed in blocks, each a row-label column with its amounts (Jiangsu:
 * 功能分类 名称 | 金额 beside 支出用途 名称 | 金额). Null when the side is one block, or when the blocks print
 * different columns (their rows could not share the table's).
 */
function spendingBlocks(
  labels: Header['labels'],
  columns: Column[],
  split: number,
  sideBoundary: number,
): SpendingBlock[] | null {
  const heads = labels.filter((l) => l.box.x >= split - 1);
  if (heads.length < 2) return null;
  // A block's amounts lie between its label heading and the next one; its names start right of the
  // previous block's amounts (a name is printed left of its centred heading).
  const amountsOf = (k: number) =>
    columns.filter(
      (c) => c.center >= heads[k]!.box.x && (k + 1 >= heads.length || c.center < heads[k + 1]!.box.x),
    );
  const blocks = heads.map((h, k) => {
    const before = k === 0 ? [] : amountsOf(k - 1);
    const from = before.length > 0 ? Math.max(...before.map((c) => c.right)) : sideBoundary;
    const next = k + 1 < heads.length ? amountsOf(k) : [];
    const to = next.length > 0 ? Math.max(...next.map((c) => c.right)) : Number.POSITIVE_INFINITY;
    return { group: h.group ?? compact(h.text), from, to, columns: amountsOf(k) };
  });
  const names = (b: SpendingBlock) => b.columns.map((c) => c.name).join('|');
  if (blocks.some((b) => b.columns.length === 0 || names(b) !== names(blocks[0]!))) return null;
  return blocks;
}

/**
 * A workbook's rows as positioned lines: each column is a slot of equal width, and each sheet a page,
 * so the tables are read the same way as a PDF's. A row with a single filled cell (a title, a unit
 * line) is a plain line; the sheet names and the template's "…" filler rows are not content.
 */
export function workbookAsPositions(lines: LayoutLine[]): LayoutLine[] {
  let sheet = 0;
  const out: LayoutLine[] = [];
  // Rows one below the other with a gap, so that no heading reads as wrapped into the next row's.
  const slot = (i: number) => ({ x: i * 100, y: out.length * 20, width: 100, height: 10 });
  for (const line of lines) {
    if (!line.cells) {
      if (line.sheet !== undefined) sheet++;
      else out.push({ ...line, page: sheet, boxes: [slot(0)] });
      continue;
    }
    const filled = line.cells
      .map((text, i) => ({ text: text.replace(/\s+/g, ''), i }))
      .filter((c) => c.text !== '' && !/^[…．.]+$/.test(c.text));
    if (filled.length === 0) continue;
    if (filled.length === 1)
      out.push({ ...line, page: sheet, text: filled[0]!.text, cells: null, boxes: [slot(filled[0]!.i)] });
    else
      out.push({
        ...line,
        page: sheet,
        cells: filled.map((c) => c.text),
        boxes: filled.map((c) => slot(c.i)),
      });
  }
  return out;
}
