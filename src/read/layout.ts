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
  /** How the text was laid out: DOCX-extracted cells, tab-separated cells, or space-separated PDF text. */
  style: 'docx' | 'tabs' | 'spaces';
  lines: LayoutLine[];
}

/** A file that cannot be read at all. The message is Chinese and names the file and place. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'empty' | 'binary' | 'encoding' | 'too-large' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}
