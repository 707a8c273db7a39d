// What a reader produces: lines of text, each with its cells when the format shows cell boundaries.
// Readers know nothing about budgets.

export interface LayoutLine {
  /** 1-based line number in the source text (first line of a multi-line row). */
  no: number;
  page?: number;
  /** The line's text as printed (cells joined by a tab when cells are known). */
  text: string;
  /** Cell texts when the source shows cell boundaries (tabs, DOCX table cells); null for plain text. */
  cells: string[] | null;
}

export interface Layout {
  file: string;
  /**
   * Where the lines came from: extracted text (DOCX-extracted cells, tab-separated cells, space-separated
   * PDF text), or a PDF, Word or Excel file read directly.
   */
  style: 'docx' | 'tabs' | 'spaces' | 'pdf' | 'docx-file' | 'xlsx';
  lines: LayoutLine[];
}

export type ReadErrorReason =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too-large'
  | 'unsupported'
  /** PDF: password-protected. */
  | 'encrypted'
  /** Broken structure: a damaged PDF cross-reference table, a truncated zip, invalid XML. */
  | 'corrupt'
  /** PDF pages without a text layer (scans): the message names the pages that need OCR. */
  | 'no-text'
  /** A zip whose unpacked size or compression ratio is beyond the limits. */
  | 'zip-bomb'
  /** A macro-enabled workbook or document. */
  | 'macro'
  /** The extension names one format and the content is another. */
  | 'mismatch';

/** A file that cannot be read at all. The message is Chinese and names the file and place. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: ReadErrorReason,
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
