// Reads extracted text (from PDF or DOCX) into a Layout. Knows encodings and layouts, not budgets.
import { Buffer, isUtf8, transcode } from 'node:buffer';
import { type Layout, type LayoutLine, ReadError } from './layout.ts';
import { isPlainText, normalise } from './normalise.ts';

export const maxTextBytes = 20 * 1024 * 1024;

/**
 * UTF-8 (with or without BOM) or GB18030/GBK, detected from the bytes. `plain`: the text is known to need
 * no normalising (see `isPlainText`).
 */
function decodeText(bytes: Uint8Array, file: string): { text: string; plain: boolean } {
  if (bytes.length === 0) throw new ReadError(file, 'empty', `${file}：文件为空`);
  if (bytes.length > maxTextBytes) {
    throw new ReadError(
      file,
      'too-large',
      `${file}：文件过大（${bytes.length} 字节），文本文件上限为 ${maxTextBytes} 字节`,
    );
  }
  let text: string;
  let plain = false;
  if (isUtf8(bytes)) {
    // Validated first, so this gives what a fatal TextDecoder would. Transcoding to UTF-16 and taking
    // that as the string is about ten times faster on Chinese text than decoding UTF-8 (Node 20).
    const start = bomLength(bytes);
    const utf8 = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start);
    text = transcode(utf8, 'utf8', 'ucs2').toString('ucs2');
    // Valid UTF-8 can still be binary (all ASCII controls are valid): counted on the characters, where
    // a regular expression does it faster than a loop over the bytes; plain text has none.
    plain = isPlainText(text);
    const sample = plain ? '' : text.length > sampleChars ? text.slice(0, sampleChars) : text;
    const controls = sample === '' ? 0 : (sample.match(controlChars)?.length ?? 0);
    if (controls > sample.length * 0.01) throw binary(file, controls);
  } else {
    const sample = bytes.subarray(0, 64 * 1024);
    const controls = countControls(sample);
    if (controls > sample.length * 0.01) throw binary(file, controls);
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ReadError(file, 'encoding', `${file}：无法识别的文字编码（既不是 UTF-8 也不是 GB18030/GBK）`);
    }
  }
  return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text, plain };
}

const sampleChars = 64 * 1024;
// Control characters other than tab, line breaks and ESC, the same set as `isControl` below.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const controlChars = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/g;

const binary = (file: string, controls: number) =>
  new ReadError(file, 'binary', `${file}：不是文本文件（含有 ${controls} 个控制字符），无法读取`);

/** Control bytes other than tab, line breaks and ESC: text has (almost) none, binary files many. */
function countControls(sample: Uint8Array): number {
  let controls = 0;
  for (let i = 0; i < sample.length; i++) controls += isControl[sample[i]!]!;
  return controls;
}

/** 1 for each control byte `countControls` counts (a table: the test runs on up to 64 KB per file). */
const isControl = Uint8Array.from({ length: 256 }, (_, b) =>
  b < 9 || (b > 13 && b < 32 && b !== 27) ? 1 : 0,
);

/**
 * Bytes of UTF-8 byte order mark to skip: the one we strip, plus one more if present, as the
 * TextDecoder this replaces also dropped a BOM at the start of what it was given.
 */
function bomLength(bytes: Uint8Array): number {
  const bomAt = (i: number) => bytes[i] === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf;
  if (!bomAt(0)) return 0;
  return bomAt(3) ? 6 : 3;
}

const bookmark = /\[bookmark: [^\]\n]*\]/g;

/** Which extraction produced the text: one cell per tab-indented line (DOCX), tab-separated rows, or spaces. */
export function detectStyle(lines: string[]): Layout['style'] {
  let oneCellLines = 0;
  let innerTabLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    // A tab after another character is an inner tab.
    if (tab > 0) innerTabLines++;
    else if (!line.includes('\t', 1)) oneCellLines++;
    else if (/[^\t]\t/.test(line)) innerTabLines++;
    // Decided once the lines left could not change the outcome (DOCX text: about half way).
    const left = lines.length - i - 1;
    if (oneCellLines - innerTabLines > left || innerTabLines - oneCellLines > left) break;
  }
  if (oneCellLines === 0 && innerTabLines === 0) return 'spaces';
  return oneCellLines >= innerTabLines ? 'docx' : 'tabs';
}

export function readText(bytes: Uint8Array, file: string): Layout {
  const { text, plain } = decodeText(bytes, file);
  const cleaned = clean(text);
  const raw = (plain ? cleaned : normalise(cleaned)).split('\n');
  // Without a tab anywhere, no line has cells.
  // A web page's tables as text often come with their cells joined by " | " (a row per line).
  if (!cleaned.includes('\t') && raw.filter((l) => pipeRow.test(l)).length >= 3)
    return { file, style: 'tabs', lines: pipeLines(raw) };
  const style = cleaned.includes('\t') ? detectStyle(raw) : 'spaces';
  if (style === 'spaces' && isAligned(raw)) return { file, style: 'aligned', ...alignedLines(raw) };
  const lines = style === 'docx' ? docxLines(raw) : style === 'tabs' ? tabLines(raw) : spaceLines(raw);
  return { file, style, lines };
}

/**
 * A line's cells as text laid out in columns with spaces prints them (a PDF saved as text, `pdftotext -layout`,
 * a table copied from a PDF viewer or typed with spaces): runs of words parted by single spaces, and parted by
 * two or more spaces from the next. In a line that has such a gap (a table's row), an amount with separators
 * or decimals is a cell of its own also after a single space; a line without one is prose, one cell.
 */
function alignedCells(line: string): { text: string; at: number }[] {
  const words = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }));
  const row = words.some((w, k) => k > 0 && w.at - (words[k - 1]!.at + words[k - 1]!.text.length) >= 2);
  const cells: { text: string; at: number }[] = [];
  for (const w of words) {
    const last = cells[cells.length - 1];
    const joined =
      last &&
      w.at === last.at + last.text.length + 1 &&
      (!row ||
        (!alignedAmount.test(w.text) && !alignedAmount.test(last.text) && !twoHeadings(last.text, w.text)));
    if (joined) last.text += ` ${w.text}`;
    else cells.push({ ...w });
  }
  return cells;
}

/**
 * Two words of Chinese, each of two characters or more, one space apart in a table's line: two cells whose
 * gap the text lost (基本支出 项目支出). A single character beside a space is a heading spaced out (合 计).
 */
const twoHeadings = (before: string, after: string) =>
  /[\u4e00-\u9fff]{2}$/.test(before) && /^[\u4e00-\u9fff]{2}/.test(after);

/** An amount printed with separators or decimals (a bare number may be part of a title: 公开 01 表). */
const alignedAmount = /^-?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)%?$/;

/**
 * Whether text is laid out in columns: at least eight lines hold an amount in a cell of its own that stands
 * three or more spaces from the cell before it, as table rows printed with spaces do (prose and a web page's
 * flattened cells do not).
 */
function isAligned(raw: string[]): boolean {
  let rows = 0;
  for (const line of raw) {
    if (!/\S {3,}-?\d/.test(line)) continue;
    const cells = alignedCells(line);
    const spaced = cells.some(
      (c, k) =>
        k > 0 && alignedAmount.test(c.text) && c.at - (cells[k - 1]!.at + cells[k - 1]!.text.length) >= 3,
    );
    if (spaced && ++rows >= 8) return true;
  }
  return false;
}

/** A page's number printed at its foot: a bare number (or - 3 -, 第 3 页) that is the page's last line. */
function isPageNumber(raw: string[], i: number, line: string): boolean {
  if (!/^\s*(?:[-—]\s*)?(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[-—])?\s*$/.test(line)) return false;
  for (let k = i + 1; k < raw.length; k++) {
    if (raw[k]!.startsWith('\f')) return true;
    if (raw[k]!.trim() !== '') return false;
  }
  return true;
}

/** Width of a character column and height of a line in the positions given to text laid out in columns. */
const columnWidth = 6;
const lineHeight = 14;

/**
 * Text laid out in columns as positioned lines, so that its tables are read by where their cells stand, as a
 * PDF's are: each character one column wide (as pdftotext prints), each line one line high, blank lines kept
 * as space between rows, a form feed (pdftotext's page break) starting a page.
 */
function alignedLines(raw: string[]): Pick<Layout, 'lines' | 'pages'> {
  const lines: LayoutLine[] = [];
  const pages: { width: number; height: number }[] = [];
  let page = 1;
  let top = 0; // the raw line where the page starts
  let widest = 0;
  const endPage = (end: number) => {
    pages.push({ width: Math.max(1, widest) * columnWidth, height: Math.max(1, end - top) * lineHeight });
    widest = 0;
  };
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    if (line.includes('\f')) {
      // A form feed that is not the first character of the text starts the next page.
      if (i > 0 || line.indexOf('\f') > 0) {
        endPage(i);
        page++;
        top = i;
      }
      line = line.replace(/\f/g, '');
    }
    widest = Math.max(widest, line.length);
    if (isPageNumber(raw, i, line)) continue;
    const cells = alignedCells(line);
    if (cells.length === 0) continue;
    const y = (i - top) * lineHeight;
    const boxes = cells.map((c) => ({
      x: c.at * columnWidth,
      y,
      width: c.text.length * columnWidth,
      height: lineHeight - 4,
    }));
    const texts = cells.map((c) => c.text);
    if (texts.length === 1) lines.push({ no: i + 1, page, text: texts[0]!, cells: null, boxes });
    else lines.push({ no: i + 1, page, text: texts.join('\t'), cells: texts, boxes });
  }
  endPage(raw.length);
  return { lines, pages };
}

/** Without DOCX bookmark markers, ideographic spaces as spaces; on the whole text, one pass each. */
function clean(text: string): string {
  const unmarked = text.includes('[bookmark: ') ? text.replace(bookmark, '') : text;
  return unmarked.includes('\u3000') ? unmarked.replace(/\u3000/g, ' ') : unmarked;
}

/** DOCX-extracted text (cleaned lines): a table row is a run of tab-indented cell lines ended by a blank line. */
function docxLines(raw: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let row: LayoutLine | null = null;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    if (line.startsWith('\t')) {
      const cell = line.slice(1);
      if (row?.cells) row.cells.push(cell);
      else {
        row = { no: i + 1, text: '', cells: [cell] };
        out.push(row);
      }
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === '') {
      row = null;
      continue;
    }
    if (row?.cells && row.cells.length > 0) {
      // A further paragraph of the same cell.
      row.cells[row.cells.length - 1] += `\n${line}`;
      continue;
    }
    if (trimmed === 'page number') continue;
    out.push({ no: i + 1, text: trimmed, cells: null });
  }
  for (const l of out) if (l.cells) l.text = l.cells.join('\t');
  return out;
}

const pipeRow = /\S \| \S.* \|\s*$/;

/** Rows whose cells are joined by " | " (and end with " |"): the cells, empty trailing ones dropped. */
function pipeLines(raw: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const trimmed = raw[i]!.trim();
    if (trimmed === '') continue;
    if (!trimmed.includes(' |')) {
      out.push({ no: i + 1, text: trimmed, cells: null });
      continue;
    }
    // A row may open with its bar too (| 单位名称 | 项目名称 |): no cell before it.
    const cells = trimmed
      .replace(/[\s|]+$/, '')
      .replace(/^\|\s+/, '')
      .split(/\s+\|\s*/)
      .map((c) => c.trim());
    if (cells.length === 1) out.push({ no: i + 1, text: cells[0]!, cells: null });
    else out.push({ no: i + 1, text: cells.join('\t'), cells });
  }
  return out;
}

/** PDF text (cleaned lines) with tab-separated cells, one row per line. */
function tabLines(raw: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    out.push({ no: i + 1, text: trimmed, cells: line.includes('\t') ? line.split('\t') : null });
  }
  return out;
}

/**
 * PDF text (cleaned lines) with space-separated cells. A line with a leading space starts a page; a bare page number
 * after blank lines ends one and is dropped.
 */
function spaceLines(raw: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let page = 1;
  let blanks = 0;
  let pageBreakPending = false;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const trimmed = line.trim();
    if (trimmed === '') {
      blanks++;
      continue;
    }
    const pageNumber = blanks >= 2 && /^\s*\d{1,4}\s*$/.test(line);
    blanks = 0;
    if (pageNumber) {
      pageBreakPending = true;
      continue;
    }
    // One space, then text: the regex only for lines that start with a space.
    if ((i > 0 && line.startsWith(' ') && /^ \S/.test(line)) || pageBreakPending) page++;
    pageBreakPending = false;
    out.push({ no: i + 1, page, text: trimmed, cells: null });
  }
  return out;
}
