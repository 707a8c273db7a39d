// Web pages (.html/.htm), as many counties publish their disclosures, read the way a browser shows them:
// parse5 builds the document tree, and the body is read in document order. Text outside tables gives a
// line per block (heading, paragraph, list item, <br>); each row of a data table gives one line whose
// cells are aligned on the table grid as in the Word reader (a cell spanning n columns is followed by
// n − 1 empty cells; the cells a rowspan covers below are empty). Scripts, styles, templates and
// elements marked hidden are not read. A table that lays out the page rather than holding data (it holds
// another table, a heading or a cell of many paragraphs) has its cells read as blocks, so that the
// tables inside it come out as tables.
import { Buffer, isUtf8 } from 'node:buffer';
import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { type Layout, type LayoutLine, ReadError } from './layout.ts';
import { normalise } from './normalise.ts';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

export const maxHtmlBytes = 20 * 1024 * 1024;
/** parse5 keeps every element in memory (about 400 bytes each): beyond this a page is refused. */
export const maxHtmlElements = 500_000;
/** Cells of all table grids together (rowspan and colspan can make a few bytes into many cells). */
export const maxHtmlCells = 2_000_000;

// ——— Bytes → string ———

/** The encoding a page declares in its first bytes (<meta charset>, http-equiv Content-Type, <?xml encoding>). */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  // As the HTML prescan does, only the start is looked at, as ASCII.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return (meta ?? xml)?.[1]?.toLowerCase();
}

/**
 * A TextDecoder for a declared label, or undefined for a label the platform does not know. The GB
 * family (gb2312, gbk, x-gbk, gb18030 …) is decoded as GB18030, which contains the others: pages
 * declared gb2312 often hold characters only GBK has.
 */
function decoderFor(label: string): TextDecoder | undefined {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
  if (encoding === 'gbk' || encoding === 'gb18030') encoding = 'gb18030';
  // A page cannot declare UTF-16 in its own bytes (the HTML standard reads such a declaration as UTF-8);
  // real UTF-16 pages carry a byte order mark, handled before.
  if (encoding.startsWith('utf-16')) encoding = 'utf-8';
  return new TextDecoder(encoding, { fatal: true });
}

/** Control bytes other than tab, line breaks, form feed and ESC: text has (almost) none, binary files many. */
function controlBytes(sample: Uint8Array): number {
  let n = 0;
  for (const b of sample) if (b < 9 || (b > 13 && b < 32 && b !== 27)) n++;
  return n;
}

const tryDecode = (decoder: TextDecoder | undefined, bytes: Uint8Array): string | undefined => {
  if (!decoder) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * The page as a string: by its byte order mark; else UTF-8 when the bytes are valid UTF-8, whatever the
 * page declares (GBK text is almost never valid UTF-8, while a page re-saved as UTF-8 by an editor often
 * keeps its old gb2312 declaration); else by the charset it declares, when its bytes are valid in it;
 * else GB18030, the encoding of Chinese pages that declare none or a wrong one.
 */
export function decodeHtml(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new ReadError(file, 'empty', `${file}：文件为空`);
  if (bytes.length > maxHtmlBytes) {
    throw new ReadError(
      file,
      'too-large',
      `${file}：文件过大（${bytes.length} 字节），网页文件上限为 ${maxHtmlBytes} 字节`,
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', file);
  const sample = bytes.subarray(0, 64 * 1024);
  const controls = controlBytes(sample);
  if (controls > sample.length * 0.01) throw binary(file, controls);
  const label = declaredCharset(bytes);
  const text = isUtf8(bytes)
    ? new TextDecoder('utf-8').decode(bytes)
    : (tryDecode(label ? decoderFor(label) : undefined, bytes) ??
      tryDecode(new TextDecoder('gb18030', { fatal: true }), bytes));
  if (text === undefined) {
    const declared = label ? `，网页声明的编码 ${label} 也不符` : '';
    throw new ReadError(
      file,
      'encoding',
      `${file}：无法识别的文字编码（既不是 UTF-8 也不是 GB18030/GBK${declared}）`,
    );
  }
  return text;
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  const text = tryDecode(new TextDecoder(encoding, { fatal: true }), bytes);
  if (text === undefined) throw new ReadError(file, 'encoding', `${file}：UTF-16 编码的网页含有无效字符`);
  return text;
}

const binary = (file: string, controls: number) =>
  new ReadError(file, 'binary', `${file}：不是网页文件（含有 ${controls} 个控制字符），无法读取`);

// ——— Document tree → lines ———

/** Elements whose content is never shown as text of the page. */
const unread = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'textarea',
  'button',
  'input',
  'img',
  'map',
  'canvas',
  'audio',
  'video',
]);

/** Elements that start and end a line (the HTML standard's block-level ones, and table parts). */
const blocks = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const isElement = (n: Node): n is Element => 'tagName' in n;

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** Not shown: the hidden attribute, or an inline display:none (how CMS pages hide their templates). */
function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== undefined) return true;
  const style = attr(el, 'style');
  return style !== undefined && /(^|;)\s*display\s*:\s*none/i.test(style);
}

const childrenOf = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);

/** More paragraphs and line breaks than this in one cell: a column of the page, not a cell of data. */
const maxCellBlocks = 20;

/**
 * Whether a table lays out the page (old CMS pages put menu and article side by side in one) rather
 * than holding data: it holds another table or a heading, or a cell of it holds more paragraphs than a
 * cell of data does (a project's 年度绩效目标 runs to a few).
 */
function laysOutPage(table: Element): boolean {
  const stack: { node: Node; blocks: { n: number } | null }[] = childrenOf(table).map((node) => ({
    node,
    blocks: null,
  }));
  while (stack.length > 0) {
    const { node, blocks } = stack.pop()!;
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (tag === 'table' || /^h[1-6]$/.test(tag)) return true;
    let counter = blocks;
    if (tag === 'td' || tag === 'th') counter = { n: 0 };
    else if (
      counter &&
      (tag === 'p' || tag === 'div' || tag === 'br' || tag === 'li') &&
      ++counter.n > maxCellBlocks
    )
      return true;
    for (const child of childrenOf(node)) stack.push({ node: child, blocks: counter });
  }
  return false;
}

/** What a walk through the tree gives: text, line breaks, and data tables met on the way. */
interface Sink {
  text(s: string): void;
  lineBreak(): void;
  table(table: Element): void;
}

/**
 * Walks the content of `root` in document order (with a stack, not recursion: a page may nest
 * elements thousands deep). Whitespace is collapsed as a browser does, except inside <pre>.
 */
function walk(root: Node, sink: Sink): void {
  type Step = { node: Node } | { leave: Element };
  const stack: Step[] = childrenOf(root)
    .slice()
    .reverse()
    .map((node) => ({ node }));
  let pre = 0;
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('leave' in step) {
      if (step.leave.tagName === 'pre') pre--;
      if (blocks.has(step.leave.tagName)) sink.lineBreak();
      continue;
    }
    const n = step.node;
    if (n.nodeName === '#text') {
      const value = (n as DefaultTreeAdapterTypes.TextNode).value;
      if (pre > 0) {
        const parts = value.split(/\r\n?|\n/);
        parts.forEach((p, i) => {
          if (i > 0) sink.lineBreak();
          sink.text(p.replace(/[\t\f]/g, ' '));
        });
      } else sink.text(value.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (!isElement(n)) continue; // comments, doctype
    const tag = n.tagName;
    if (unread.has(tag) || isHidden(n)) continue;
    if (tag === 'br') {
      sink.lineBreak();
      continue;
    }
    if (tag === 'table' && !laysOutPage(n)) {
      sink.lineBreak();
      sink.table(n);
      continue;
    }
    if (blocks.has(tag)) sink.lineBreak();
    if (tag === 'pre') pre++;
    stack.push({ leave: n });
    const children = childrenOf(n);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]! });
  }
}

/** Zero-width characters and byte order marks that pages carry between characters. */
const invisible = /[\u200b-\u200d\u2060\ufeff]/g;

/** Text pieces (split at line breaks) normalised, trimmed, the empty ones dropped. */
function tidyParts(raw: string): string[] {
  return normalise(raw.replace(invisible, ''))
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A cell's text: its paragraphs and <br> lines joined by "\n", as the Word reader joins a cell's paragraphs. */
function cellText(cell: Element): string {
  let raw = '';
  walk(cell, {
    text: (s) => {
      raw += s;
    },
    lineBreak: () => {
      raw += '\n';
    },
    // A data table holds no table (see laysOutPage); kept for completeness: its text goes into the cell.
    table: (t) => {
      raw += `\n${cellText(t)}\n`;
    },
  });
  return tidyParts(raw).join('\n');
}

/** The rows of a table in display order: <thead> rows, body rows, then <tfoot> rows wherever written. */
function tableRowElements(table: Element): Element[] {
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  const groups: Record<string, Element[]> = { thead: head, tbody: body, tfoot: foot };
  for (const child of childrenOf(table)) {
    if (!isElement(child) || isHidden(child)) continue;
    if (child.tagName === 'tr') body.push(child);
    const group = groups[child.tagName];
    if (!group) continue;
    for (const tr of childrenOf(child))
      if (isElement(tr) && tr.tagName === 'tr' && !isHidden(tr)) group.push(tr);
  }
  return [...head, ...body, ...foot];
}

/** A span attribute as the HTML standard reads it: leading digits, clamped to 1…max; 1 when absent or invalid. */
function span(el: Element, name: 'colspan' | 'rowspan', max: number): number {
  const m = /^\s*(\d+)/.exec(attr(el, name) ?? '');
  const v = m ? Number(m[1]) : 1;
  if (name === 'rowspan' && v === 0) return max; // rowspan="0": to the end of the table
  return Math.min(Math.max(v, 1), max);
}

/** One array of cell texts per row, aligned on the table grid; rows without any text are left out. */
function tableGrid(table: Element, file: string, budget: { cells: number }): string[][] {
  const trs = tableRowElements(table);
  const grid: string[][] = trs.map(() => []);
  const use = (n: number) => {
    budget.cells -= n;
    if (budget.cells < 0) {
      throw new ReadError(file, 'too-large', `${file}：网页中的表格过大（超过 ${maxHtmlCells} 个单元格）`);
    }
  };
  trs.forEach((tr, r) => {
    const row = grid[r]!;
    let col = 0;
    for (const cell of childrenOf(tr)) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (row[col] !== undefined) col++; // taken by a rowspan from above
      const across = span(cell, 'colspan', 1000);
      const down = span(cell, 'rowspan', trs.length - r);
      use(across * down);
      const text = isHidden(cell) ? '' : cellText(cell);
      for (let dr = 0; dr < down; dr++) {
        const target = grid[r + dr]!;
        for (let dc = 0; dc < across; dc++) target[col + dc] = dr === 0 && dc === 0 ? text : '';
      }
      col += across;
    }
  });
  // A row keeps the length it is written with (a short row is not padded to the table's width: the
  // recognisers take a short row after a full one as its continuation, as they do in Word tables).
  return grid.map((row) => Array.from(row, (c) => c ?? '')).filter((row) => row.some((c) => c !== ''));
}

/** The lines of a parsed page: text lines and table rows in document order. */
function pageLines(root: Node, file: string): LayoutLine[] {
  const lines: LayoutLine[] = [];
  const budget = { cells: maxHtmlCells };
  let raw = '';
  const push = (text: string, cells: string[] | null) => lines.push({ no: lines.length + 1, text, cells });
  const flush = () => {
    for (const text of tidyParts(raw)) push(text, null);
    raw = '';
  };
  walk(root, {
    text: (s) => {
      raw += s;
    },
    lineBreak: () => {
      raw += '\n';
    },
    table: (table) => {
      flush();
      const caption = childrenOf(table).find((c) => isElement(c) && c.tagName === 'caption');
      if (caption) for (const text of tidyParts(cellText(caption as Element))) push(text, null);
      for (const cells of tableGrid(table, file, budget)) push(cells.join('\t'), cells);
    },
  });
  flush();
  return lines;
}

/** Elements in the page's source, counted on its start tags before parse5 builds them all. */
const countStartTags = (html: string): number => html.match(/<[A-Za-z]/g)?.length ?? 0;

export function readHtml(bytes: Uint8Array, file: string): Layout {
  const html = decodeHtml(bytes, file);
  const tags = countStartTags(html);
  if (tags > maxHtmlElements) {
    throw new ReadError(
      file,
      'too-large',
      `${file}：网页元素过多（约 ${tags} 个），网页文件上限为 ${maxHtmlElements} 个元素`,
    );
  }
  let lines: LayoutLine[];
  try {
    lines = pageLines(parse(html), file);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const detail = err instanceof Error ? err.message : String(err);
    throw new ReadError(file, 'corrupt', `${file}：网页无法解析（${detail}）`);
  }
  if (lines.length === 0) throw new ReadError(file, 'empty', `${file}：网页中没有可读取的文字`);
  return { file, style: 'html', lines };
}
