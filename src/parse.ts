// The front of the pipeline: bytes of a file → Layout (by format, detected from the content) → Document.

import type { Document } from './model/document.ts';
import { type Layout, ReadError } from './read/layout.ts';
import type { OcrTimes } from './read/ocr.ts';

// The error of a file that cannot be read, for the stages that call the pipeline (CLI, server).
export { ReadError };

import { isOleFile, legacyKindOf } from './read/legacy.ts';
import { readText } from './read/text.ts';
import { recognise } from './recognise/index.ts';

export function parseText(bytes: Uint8Array, file: string): Document {
  return recognise(readText(bytes, file));
}

/** The formats read; xls and doc are the older office formats (and WPS's .et, .wps), converted first. */
export type FileFormat = 'pdf' | 'docx' | 'xlsx' | 'xls' | 'doc' | 'html' | 'text';

/** The format the bytes are in, whatever the extension says (an OLE container: xls or doc, or 'ole'). */
export function sniffFormat(bytes: Uint8Array): FileFormat | 'zip' | 'ole' {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  if (isOleFile(bytes)) {
    const kind = legacyKindOf(bytes);
    return kind === 'workbook' ? 'xls' : kind === 'document' ? 'doc' : 'ole';
  }
  if (looksLikeHtml(bytes)) return 'html';
  return 'text';
}

/**
 * The start of an HTML page as the MIME Sniffing standard recognises one (§7.1): after whitespace,
 * one of its tags (<!DOCTYPE HTML, <HTML, <HEAD, <BODY, <TABLE, <P, <DIV, <!-- …) followed by a space
 * or ">". Also after an XML declaration, which XHTML pages begin with. A UTF-16 page is looked at
 * through its byte order mark.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const first = bytes.subarray(0, 512);
  const utf16 =
    first[0] === 0xff && first[1] === 0xfe
      ? 'utf-16le'
      : first[0] === 0xfe && first[1] === 0xff
        ? 'utf-16be'
        : '';
  const head = utf16 ? new TextDecoder(utf16).decode(first) : new TextDecoder('latin1').decode(first);
  return htmlStart.test(head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, ''));
}

const htmlStart =
  /^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\s>]/i;

const extensionFormats: Record<string, FileFormat> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.docm': 'docx',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.xls': 'xls',
  '.et': 'xls',
  '.doc': 'doc',
  '.wps': 'doc',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
};

export const readableExtensions = Object.keys(extensionFormats);

const formatNames: Record<FileFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  xlsx: 'Excel',
  xls: '旧版 Excel/WPS 表格',
  doc: '旧版 Word/WPS 文字',
  html: '网页（HTML）',
  text: '文本',
};

/** Where the reading of a file has got to: a PDF's pages as they are read (a scanned one with its OCR's times). */
export type ReadProgress = { page: number; pages: number; ocr?: OcrTimes };

/** Reads any supported file into a Layout. Readers for PDF, DOCX, XLSX and HTML are loaded on demand. */
export async function readLayout(
  bytes: Uint8Array,
  file: string,
  onProgress?: (progress: ReadProgress) => void,
): Promise<Layout> {
  const sniffed = sniffFormat(bytes);
  const ext = /\.[^./\\]+$/.exec(file)?.[0]?.toLowerCase() ?? '';
  const claimed = extensionFormats[ext];
  if (sniffed === 'pdf') {
    if (claimed && claimed !== 'pdf') throw mismatch(file, claimed, 'pdf');
    const { readPdf } = await import('./read/pdf.ts');
    return readPdf(
      bytes,
      file,
      onProgress
        ? { onPage: (page, pages, ocr) => onProgress(ocr ? { page, pages, ocr } : { page, pages }) }
        : {},
    );
  }
  if (sniffed === 'zip') {
    const { readOfficeFile } = await import('./read/office.ts');
    const layout = await readOfficeFile(bytes, file);
    const actual: FileFormat = layout.style === 'xlsx' ? 'xlsx' : 'docx';
    // An .xls or .doc that is really the newer format (WPS saves so) is read as what it is.
    if (claimed && claimed !== actual && claimed !== olderFormat[actual])
      throw mismatch(file, claimed, actual);
    return layout;
  }
  if (sniffed === 'xls' || sniffed === 'doc' || sniffed === 'ole') {
    // A container with neither a workbook nor a document stream is damaged or something else: LibreOffice
    // would open it as text and make cells of its bytes.
    if (sniffed === 'ole')
      throw new ReadError(
        file,
        'corrupt',
        `${file}：是 Office 复合文档，但其中没有表格或文档内容（文件可能已损坏），无法读取`,
      );
    const actual = sniffed;
    if (claimed && claimed !== actual) throw mismatch(file, claimed, actual);
    const [{ convertLegacy }, { readOfficeFile }] = await Promise.all([
      import('./read/legacy.ts'),
      import('./read/office.ts'),
    ]);
    const converted = await convertLegacy(bytes, file, actual === 'xls' ? 'workbook' : 'document');
    const layout = await readOfficeFile(converted, file);
    // LibreOffice opens a damaged container as an empty one rather than failing.
    if (!layout.lines.some((l) => l.text.trim() !== ''))
      throw new ReadError(file, 'corrupt', `${file}：文件已损坏或为空，转换后没有可读取的内容`);
    return layout;
  }
  // A page saved as .txt is still a page (read as text its tags would hide the tables); a .html file
  // may hold a fragment that starts with none of the sniffed tags, or plain text, which the HTML
  // reader reads as a browser would show it.
  if (sniffed === 'html' || claimed === 'html') {
    // Many systems export "Excel" files that are web pages: an .xls holding HTML is read as a page.
    if (claimed && !['html', 'text', 'xls', 'doc'].includes(claimed)) throw mismatch(file, claimed, 'html');
    const { readHtml } = await import('./read/html.ts');
    return readHtml(bytes, file);
  }
  if (claimed && claimed !== 'text') throw mismatch(file, claimed, 'text');
  return readText(bytes, file);
}

/** The older format a newer one replaced: .xls for .xlsx, .doc for .docx. */
const olderFormat: Partial<Record<FileFormat, FileFormat>> = { xlsx: 'xls', docx: 'doc' };

function mismatch(file: string, claimed: FileFormat, actual: FileFormat): ReadError {
  return new ReadError(
    file,
    'mismatch',
    `${file}：扩展名表明是${formatNames[claimed]}文件，内容却是${formatNames[actual]}格式，请确认文件是否正确`,
  );
}

export async function parseDocument(
  bytes: Uint8Array,
  file: string,
  onProgress?: (progress: ReadProgress) => void,
): Promise<Document> {
  const layout = await readLayout(bytes, file, onProgress);
  const doc = recognise(layout);
  if (isOcrNonDisclosure(layout, doc)) {
    const pages = layout.ocrPages!.map((p) => p.page);
    const { pageRanges } = await import('./read/pdf.ts');
    throw new ReadError(
      file,
      'not-disclosure',
      `${file}：第 ${pageRanges(pages)} 页是扫描件，文字识别读出的内容不是部门预算或决算公开文本（没有识别出任何表格、章节或项目）`,
    );
  }
  return doc;
}

/**
 * A PDF of scans only whose OCR gives nothing a disclosure has: no table, section or project. Refused, so that
 * what a photo or an unrelated scan reads as is not taken for an (empty) disclosure. A text-layer document
 * that is not a disclosure is read as it is: its text is what it prints, not a guess.
 */
function isOcrNonDisclosure(layout: Layout, doc: Document): boolean {
  const ocr = layout.ocrPages?.length ?? 0;
  if (ocr === 0 || layout.lines.some((l) => !layout.ocrPages!.some((p) => p.page === l.page))) return false;
  return Object.keys(doc.tables).length === 0 && doc.sections.length === 0 && doc.projects.length === 0;
}
