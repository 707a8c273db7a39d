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
  /** XLSX: the worksheet the line comes from (its name as stored). */
  sheet?: string;
  /** XLSX: the address of each cell in `cells`, e.g. ["A5", "B5", …]. */
  cellRefs?: string[];
  /**
   * PDF: each cell's box (one box for a line without cells) in PDF points (1/72 inch), origin at the top
   * left of the page as displayed, y growing downwards (`Layout.pages[page - 1]` gives the page size).
   */
  boxes?: { x: number; y: number; width: number; height: number }[];
  /**
   * A scanned page read by OCR: each cell's confidence, the probability (0–1) of its least certain character.
   * Absent for text read from a text layer (certain).
   */
  confidence?: number[];
}

export interface Layout {
  file: string;
  /**
   * Where the lines came from: extracted text (DOCX-extracted cells, tab-separated cells, space-separated
   * PDF text, text laid out in columns with spaces and given positions by character), or a PDF, Word or Excel file or a web page (HTML) read directly.
   */
  style: 'docx' | 'tabs' | 'spaces' | 'aligned' | 'pdf' | 'docx-file' | 'xlsx' | 'html';
  lines: LayoutLine[];
  /** PDF: the size of each page as displayed (rotation applied), in points; index 0 is page 1. */
  pages?: { width: number; height: number }[];
  /**
   * PDF: pages (1-based) that show an image but have no text layer (scans), to be reported as needing OCR.
   * Only set when some other page has text; a PDF with no text at all is a 'no-text' ReadError.
   */
  pagesWithoutText?: number[];
  /** PDF: pages (1-based) with nothing to read at all — no text and no image (e.g. only table rules). */
  blankPages?: number[];
  /**
   * PDF: scanned pages read by OCR, with the mean confidence of their characters, the skew undone (degrees)
   * and whether the page was upside down. Their boxes are on the page once straightened.
   */
  ocrPages?: { page: number; confidence: number; angle: number; upsideDown: boolean }[];
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
  /** Scanned pages in which OCR found no text at all (blank scans). */
  | 'scan-blank'
  /** Scanned pages whose image cannot be decoded, or whose OCR reads nothing that is text (a photo, noise). */
  | 'scan-unreadable'
  /** Scanned pages need OCR, and its runtime or model files are not installed. */
  | 'ocr-unavailable'
  /** Every page is a scan, and what OCR read is not a budget or final-account disclosure. */
  | 'not-disclosure'
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
