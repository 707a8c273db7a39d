// Where a finding is, in the document's words: the line (and page) of what it rests on.

/** The line, and the page when there is one, of a source. */
export function lineOf(source: { line: number; page?: number }): { line: number; page?: number } {
  return source.page === undefined ? { line: source.line } : { line: source.line, page: source.page };
}

/** The line (and page) a table row was read from. */
export const rowLine = (row: { source: { line: number; page?: number } }) => lineOf(row.source);
