// Text helpers shared by the recognisers.

import type { TableSide } from '../model/document.ts';
import { compact } from '../model/text.ts';
import type { LayoutLine } from '../read/layout.ts';

// The recognisers' text helpers include the domain's own comparison form.
export { compact };

/**
 * A layout line as the recognisers see it, with its compacted text computed once: they test it many
 * times (is it a table title, a note, the end of a table, a heading…).
 */
export interface Line {
  readonly no: number;
  readonly page: number | undefined;
  readonly text: string;
  readonly cells: string[] | null;
  readonly compact: string;
  /** The line as read, for any field not copied here. */
  readonly layout: LayoutLine;
  /** A row of a two-sided table rebuilt from flattened text (`flattened.ts`): the side it was read on. */
  readonly side?: TableSide;
}

export function toLine(line: LayoutLine): Line {
  // Fields copied one by one, not spread: `{ ...line }` gives objects of varied shapes, on which every
  // property read in the recognisers is several times slower.
  return {
    no: line.no,
    page: line.page,
    text: line.text,
    cells: line.cells,
    // The text is the cells joined by tabs (see LayoutLine), which compacting removes: joining the
    // cells without them leaves most rows with nothing to remove, which is cheaper than removing.
    compact: compact(line.cells ? line.cells.join('') : line.text),
    layout: line,
  };
}

/**
 * The line's cells, each compacted, in a new array. The compacted text is that of the cells together,
 * so when it is as long as they are, no cell has whitespace to remove.
 */
export function compactCells(line: Line): string[] {
  const cells = line.cells ?? [];
  let length = 0;
  for (const c of cells) length += c.length;
  return length === line.compact.length ? cells.slice() : cells.map(compact);
}

/** What `text.split(/\s+/)[0]` gives, without splitting the whole line. */
export function firstWord(text: string): string {
  return /^\S*/.exec(text)![0];
}

/** Integer digits, with any separators, ending the text before a comma: a number whose separator it is. */
const integerBefore = /(?:^|[^\d.])\d{1,3}(?:[,，]\d{3})*$/;

/**
 * The text without its numbers' thousands separators (3,958.67 → 3958.67): a comma after a number's integer
 * digits and before exactly three digits — not the comma between two amounts (4125.49,4143.91). The commas
 * before three digits are few, so the look back is made only for them.
 */
export const withoutThousands = (text: string): string =>
  text.replace(/[,，](?=\d{3}(?!\d))/g, (comma, at: number) =>
    integerBefore.test(text.slice(Math.max(0, at - 24), at)) ? '' : comma,
  );

/**
 * The text without whitespace and thousands separators (wrapped lines and 3,958.67 read as one), and the
 * line (counted from the section's first) each of its characters comes from. Line by line, with the
 * replacements the rest of the recogniser uses: a character loop was a tenth of a long document's reading.
 */
export function compacted(original: string): { text: string; lineAt: (at: number) => number } {
  const starts: number[] = [];
  let text = '';
  for (const line of original.split('\n')) {
    starts.push(text.length);
    text += withoutThousands(line.replace(/\s+/g, ''));
  }
  const lineAt = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { text, lineAt };
}

export { chineseNumber } from '../model/numbering.ts';
