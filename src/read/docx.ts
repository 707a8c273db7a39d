// Word documents read directly: the body of word/document.xml in order. A paragraph is a line without
// cells; a table row is one line whose cells are the row's cell texts, aligned on the table grid
// (a cell spanning n grid columns is followed by n − 1 empty cells; a vertically merged continuation
// is an empty cell). Headers, footers, footnotes and comments are not read. Numbers and bullets that
// Word generates for lists (w:numPr) are not in the XML text and are lost.
import type { Layout, LayoutLine } from './layout.ts';
import { normalisedLine } from './normalise.ts';
import {
  attrOf,
  childrenOf,
  findElement,
  type SafeZip,
  tagOf,
  textOf,
  type XmlNode,
  xmlPart,
} from './zip.ts';

/** Elements whose content is never text of the document. */
const skipped = new Set([
  'pPr',
  'rPr',
  'tblPr',
  'tblGrid',
  'trPr',
  'tcPr',
  'sectPr',
  'sdtPr',
  'sdtEndPr',
  // Tracked deletions and moves away.
  'del',
  'moveFrom',
  'delText',
  'delInstrText',
  // Field codes (the field's result is read); form field data.
  'instrText',
  'fldData',
  'ffData',
  // Comments, footnote and endnote marks: their text lives elsewhere.
  'commentReference',
  'footnoteReference',
  'endnoteReference',
]);

/** Drawings and embedded objects: only the text of their text boxes is read. */
const drawings = new Set(['drawing', 'pict', 'object', 'AlternateContent']);

interface Reader {
  lines: LayoutLine[];
}

/** The text of one paragraph; text boxes met inside it are collected into `boxes`. */
function paragraphText(p: XmlNode, boxes: XmlNode[]): string {
  let out = '';
  const walk = (nodes: XmlNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === '#text') continue;
      if (skipped.has(tag)) continue;
      if (drawings.has(tag)) {
        // mc:AlternateContent repeats the same content in mc:Choice and mc:Fallback: read the first.
        const content = tag === 'AlternateContent' ? childrenOf(n).slice(0, 1) : [n];
        collectBoxes(content, boxes);
        continue;
      }
      switch (tag) {
        case 't':
          for (const c of childrenOf(n)) out += textOf(c);
          break;
        case 'tab':
        case 'ptab':
          out += ' ';
          break;
        case 'br': {
          const type = attrOf(n, 'type');
          if (type !== 'page' && type !== 'column') out += '\n';
          break;
        }
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        default:
          walk(childrenOf(n));
      }
    }
  };
  walk(childrenOf(p));
  return out;
}

function collectBoxes(nodes: XmlNode[], boxes: XmlNode[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'txbxContent') boxes.push(n);
    else if (tag === 'AlternateContent') collectBoxes(childrenOf(n).slice(0, 1), boxes);
    else if (tag !== '#text') collectBoxes(childrenOf(n), boxes);
  }
}

/** Block-level content (body, cell, text box, content control): paragraphs and tables in order. */
function readBlocks(nodes: XmlNode[], r: Reader): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'p') {
      const boxes: XmlNode[] = [];
      const text = paragraphText(n, boxes).trim();
      if (text !== '') r.lines.push({ no: r.lines.length + 1, text, cells: null });
      for (const box of boxes) readBlocks(childrenOf(box), r);
    } else if (tag === 'tbl') {
      for (const cells of tableRows(n)) {
        r.lines.push({ no: r.lines.length + 1, text: cells.join('\t'), cells });
      }
    } else if (tag === 'sdt') {
      readBlocks(
        childrenOf(n).filter((c) => tagOf(c) === 'sdtContent'),
        r,
      );
    } else if (tag === 'sdtContent' || tag === 'customXml' || tag === 'ins' || tag === 'moveTo') {
      readBlocks(childrenOf(n), r);
    }
  }
}

/** The text of a cell's content: its paragraphs (and flattened nested tables) joined by "\n". */
function blockText(nodes: XmlNode[]): string {
  const parts: string[] = [];
  const walk = (list: XmlNode[]) => {
    for (const n of list) {
      const tag = tagOf(n);
      if (tag === 'p') {
        const boxes: XmlNode[] = [];
        const text = paragraphText(n, boxes);
        if (text.trim() !== '') parts.push(text);
        for (const box of boxes) walk(childrenOf(box));
      } else if (tag === 'tbl') {
        // A nested table: each row's non-empty cells joined by a space, one row per line.
        for (const cells of tableRows(n)) {
          const row = cells.filter((c) => c.trim() !== '').join(' ');
          if (row !== '') parts.push(row);
        }
      } else if (tag === 'sdt') {
        walk(childrenOf(n).filter((c) => tagOf(c) === 'sdtContent'));
      } else if (tag === 'sdtContent' || tag === 'customXml' || tag === 'ins' || tag === 'moveTo') {
        walk(childrenOf(n));
      }
    }
  };
  walk(nodes);
  return parts.join('\n');
}

/** Elements of that tag, looking through content controls and custom XML wrappers. */
function wrapped(node: XmlNode, tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of childrenOf(node)) {
    const t = tagOf(c);
    if (t === tag) out.push(c);
    else if (t === 'sdt') {
      for (const content of childrenOf(c))
        if (tagOf(content) === 'sdtContent') out.push(...wrapped(content, tag));
    } else if (t === 'customXml' || t === 'ins' || t === 'moveTo') out.push(...wrapped(c, tag));
  }
  return out;
}

function intAttr(nodes: XmlNode[], tag: string): number {
  const el = nodes.find((n) => tagOf(n) === tag);
  const v = el ? Number.parseInt(attrOf(el, 'val') ?? '', 10) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? Math.min(v, 1000) : 0;
}

/** One array of cell texts per row, aligned on the table grid. */
function tableRows(tbl: XmlNode): string[][] {
  const rows: string[][] = [];
  for (const tr of wrapped(tbl, 'tr')) {
    const trPr = childrenOf(tr).find((c) => tagOf(c) === 'trPr');
    const rowProps = trPr ? childrenOf(trPr) : [];
    // A row deleted with tracked changes on.
    if (rowProps.some((c) => tagOf(c) === 'del')) continue;
    const cells: string[] = [];
    for (let i = intAttr(rowProps, 'gridBefore'); i > 0; i--) cells.push('');
    for (const tc of wrapped(tr, 'tc')) {
      const tcPr = childrenOf(tc).find((c) => tagOf(c) === 'tcPr');
      const props = tcPr ? childrenOf(tcPr) : [];
      const span = Math.max(1, intAttr(props, 'gridSpan'));
      const vMerge = props.find((c) => tagOf(c) === 'vMerge');
      const hMerge = props.find((c) => tagOf(c) === 'hMerge');
      const continued =
        (vMerge !== undefined && attrOf(vMerge, 'val') !== 'restart') ||
        (hMerge !== undefined && attrOf(hMerge, 'val') !== 'restart');
      cells.push(continued ? '' : blockText(childrenOf(tc)));
      for (let i = 1; i < span; i++) cells.push('');
    }
    for (let i = intAttr(rowProps, 'gridAfter'); i > 0; i--) cells.push('');
    rows.push(cells);
  }
  return rows;
}

export function readDocx(zip: SafeZip, part: string): Layout {
  const root = xmlPart(zip, part);
  const body = findElement(root, 'body');
  const r: Reader = { lines: [] };
  if (body) readBlocks(childrenOf(body), r);
  return { file: zip.file, style: 'docx-file', lines: r.lines.map(normalisedLine) };
}
