// The front of the pipeline: bytes of a file → Layout (by format, detected from the content) → Document.
import type { Document } from './model/document.ts';
import { type Layout, ReadError } from './read/layout.ts';
import { readText } from './read/text.ts';
import { recognise } from './recognise/index.ts';

export function parseText(bytes: Uint8Array, file: string): Document {
  return recognise(readText(bytes, file));
}

export type FileFormat = 'pdf' | 'docx' | 'xlsx' | 'text';

/** The format the bytes are in, whatever the extension says. */
export function sniffFormat(bytes: Uint8Array): FileFormat | 'zip' {
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  return 'text';
}

const extensionFormats: Record<string, FileFormat> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.docm': 'docx',
  '.xlsx': 'xlsx',
  '.xlsm': 'xlsx',
  '.txt': 'text',
};

export const readableExtensions = Object.keys(extensionFormats);

const formatNames: Record<FileFormat, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', text: '文本' };

/** Where the reading of a file has got to: a PDF's pages as they are read. */
export type ReadProgress = { page: number; pages: number };

/** Reads any supported file into a Layout. Readers for PDF, DOCX and XLSX are loaded on demand. */
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
    return readPdf(bytes, file, onProgress ? { onPage: (page, pages) => onProgress({ page, pages }) } : {});
  }
  if (sniffed === 'zip') {
    const { readOfficeFile } = await import('./read/office.ts');
    const layout = await readOfficeFile(bytes, file);
    const actual: FileFormat = layout.style === 'xlsx' ? 'xlsx' : 'docx';
    if (claimed && claimed !== actual) throw mismatch(file, claimed, actual);
    return layout;
  }
  if (claimed && claimed !== 'text') throw mismatch(file, claimed, 'text');
  return readText(bytes, file);
}

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
  return recognise(await readLayout(bytes, file, onProgress));
}
