// Text normalisation, applied by every reader to what it reads (the text form itself is the model's:
// src/model/text.ts).
import { normalise } from '../model/text.ts';
import type { LayoutLine } from './layout.ts';

export { isPlainText, normalise } from '../model/text.ts';

/** The line with its text and cells normalised (the same object when nothing changes). */
export function normalisedLine(line: LayoutLine): LayoutLine {
  const text = normalise(line.text);
  const cells = line.cells?.map(normalise) ?? null;
  if (text === line.text && (cells === null || cells.every((c, i) => c === line.cells![i]))) return line;
  return { ...line, text, cells };
}
