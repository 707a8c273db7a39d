// Text as the domain compares it.

/**
 * With all whitespace removed: how names, titles and labels are compared and stored. The readers have
 * normalised the text already (src/read/normalise.ts), so only whitespace is left to remove.
 */
export function compact(text: string): string {
  return blank.test(text) ? text.replace(blanks, '') : text;
}

const blank = /\s/;
const blanks = /\s+/g;
