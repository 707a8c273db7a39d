// Reads extracted text (from PDF or DOCX) into a Layout. Knows encodings and layouts, not budgets.
import { type Layout, type LayoutLine, ReadError } from './layout.ts';

export const maxTextBytes = 20 * 1024 * 1024;

/** UTF-8 (with or without BOM) or GB18030/GBK, detected from the bytes. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ReadError(file, 'empty', `${file}：文件为空`);
  if (bytes.length > maxTextBytes) {
    throw new ReadError(
      file,
      'too-large',
      `${file}：文件过大（${bytes.length} 字节），文本文件上限为 ${maxTextBytes} 字节`,
    );
  }
  const sample = bytes.subarray(0, 64 * 1024);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) controls++;
  }
  if (controls > sample.length * 0.01) {
    throw new ReadError(file, 'binary', `${file}：不是文本文件（含有 ${controls} 个控制字符），无法读取`);
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ReadError(file, 'encoding', `${file}：无法识别的文字编码（既不是 UTF-8 也不是 GB18030/GBK）`);
    }
  }
  return text.replace(/\r\n?/g, '\n');
}

const bookmark = /\[bookmark: [^\]]*\]/g;

/** Which extraction produced the text: one cell per tab-indented line (DOCX), tab-separated rows, or spaces. */
export function detectStyle(lines: string[]): Layout['style'] {
  let oneCellLines = 0;
  let innerTabLines = 0;
  for (const line of lines) {
    if (!line.includes('\t')) continue;
    if (/^\t[^\t]*$/.test(line)) oneCellLines++;
    else if (/[^\t]\t/.test(line)) innerTabLines++;
  }
  if (oneCellLines === 0 && innerTabLines === 0) return 'spaces';
  return oneCellLines >= innerTabLines ? 'docx' : 'tabs';
}

export function readText(bytes: Uint8Array, file: string): Layout {
  const raw = decodeText(bytes, file).split('\n');
  const style = detectStyle(raw);
  const lines = style === 'docx' ? docxLines(raw) : style === 'tabs' ? tabLines(raw) : spaceLines(raw);
  return { file, style, lines };
}

function clean(text: string): string {
  return text.replace(bookmark, '').replace(/\u3000/g, ' ');
}

/** DOCX-extracted text: a table row is a run of tab-indented cell lines ended by a blank line. */
function docxLines(raw: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let row: LayoutLine | null = null;
  raw.forEach((rawLine, i) => {
    const line = clean(rawLine);
    if (line.startsWith('\t')) {
      const cell = line.slice(1);
      if (row?.cells) row.cells.push(cell);
      else {
        row = { no: i + 1, text: '', cells: [cell] };
        out.push(row);
      }
      return;
    }
    if (line.trim() === '') {
      row = null;
      return;
    }
    if (row?.cells && row.cells.length > 0) {
      // A further paragraph of the same cell.
      row.cells[row.cells.length - 1] += `\n${line}`;
      return;
    }
    if (line.trim() === 'page number') return;
    out.push({ no: i + 1, text: line.trim(), cells: null });
  });
  for (const l of out) if (l.cells) l.text = l.cells.join('\t');
  return out;
}

/** PDF text with tab-separated cells, one row per line. */
function tabLines(raw: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  raw.forEach((rawLine, i) => {
    const line = clean(rawLine);
    if (line.trim() === '') return;
    out.push({ no: i + 1, text: line.trim(), cells: line.includes('\t') ? line.split('\t') : null });
  });
  return out;
}

/**
 * PDF text with space-separated cells. A line with a leading space starts a page; a bare page number
 * after blank lines ends one and is dropped.
 */
function spaceLines(raw: string[]): LayoutLine[] {
  const out: LayoutLine[] = [];
  let page = 1;
  let blanks = 0;
  let pageBreakPending = false;
  raw.forEach((rawLine, i) => {
    const line = clean(rawLine);
    if (line.trim() === '') {
      blanks++;
      return;
    }
    const pageNumber = blanks >= 2 && /^\s*\d{1,4}\s*$/.test(line);
    blanks = 0;
    if (pageNumber) {
      pageBreakPending = true;
      return;
    }
    if ((i > 0 && /^ \S/.test(line)) || pageBreakPending) page++;
    pageBreakPending = false;
    out.push({ no: i + 1, page, text: line.trim(), cells: null });
  });
  return out;
}
