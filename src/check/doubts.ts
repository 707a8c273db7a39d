// What OCR read with doubt (a scanned page's amounts below the doubtful confidence, rows whose line read
// unsurely, codes printed twice), and whether a finding rests on it: such a finding is a warning that says so.
import { type Document, isDoubtful, type Source, tablesInOrder } from '../model/document.ts';
import type { Finding } from './types.ts';

/** Said after the message of a finding that rests on an amount OCR read with doubt. */
export const ocrDoubtNote = '（可能为识别误差）';

/** An amount OCR read with doubt, and where it stands, to tell the findings that rest on it. */
export interface Doubt {
  table?: string;
  rowKeys: string[];
  /** Absent for a doubt on the row as a whole. */
  column?: string;
  /** NaN for a doubt on the row as a whole. */
  value: number;
  source: Source;
}

/** The document's amounts (table cells, stated in the text) that OCR read below the doubtful confidence. */
export function doubtsOf(doc: Document): Doubt[] {
  const out: Doubt[] = [];
  for (const table of tablesInOrder(doc)) {
    // A code printed twice in a scanned table is one misread (2101101 read as 21011): both rows are doubtful.
    const seen = new Map<string, number>();
    for (const row of table.rows) if (row.code) seen.set(row.code, (seen.get(row.code) ?? 0) + 1);
    for (const row of table.rows) {
      if (row.code && (seen.get(row.code) ?? 0) > 1 && row.source.confidence !== undefined)
        out.push({ table: table.key, rowKeys: [row.code], value: Number.NaN, source: row.source });
      const rowKeys = [row.name, row.name.replace(/\s/g, ''), ...(row.code ? [row.code] : [])];
      // A doubt on the row's line: a misread amount may be missing from its amounts, or in another column.
      if (isDoubtful(row.source))
        out.push({ table: table.key, rowKeys, value: Number.NaN, source: row.source });
      const columns = row.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns;
      row.amounts.forEach((a, i) => {
        if (!a || !isDoubtful(a.source)) return;
        const column = columns[i];
        out.push({
          table: table.key,
          rowKeys,
          ...(column ? { column } : {}),
          value: Number(a.value),
          source: a.source,
        });
      });
    }
  }
  for (const s of [...doc.statedAmounts, ...(doc.statedChanges ?? [])]) {
    if (!isDoubtful(s.source)) continue;
    const value = 'value' in s ? s.value : s.amount;
    out.push({ rowKeys: [], value: Number(value), source: s.source });
  }
  return out;
}

/**
 * Whether a finding rests on a doubtful amount: one in its row, or in its column of its table, one printed on
 * its line, or one whose value is the figure it reports (expected or actual, also across 元/万元).
 */
export function restsOnDoubt(f: Finding, doubts: Doubt[]): boolean {
  const { where } = f;
  const figures = [f.expected, f.actual].filter((n): n is number => n !== undefined && n !== 0);
  const same = (a: number, b: number) => Math.abs(a - b) < 0.005;
  return doubts.some((d) => {
    if (where.table !== undefined && where.table === d.table) {
      if (where.row !== undefined && d.rowKeys.includes(where.row)) return true;
      // A column's finding (a total of it) rests on every cell of the column, and on a row of unknown column.
      if (where.column !== undefined && (d.column === undefined || where.column === d.column)) return true;
    }
    if (where.line !== undefined && where.line === d.source.line) return true;
    return figures.some((n) => same(n, d.value) || same(n, d.value / 10_000) || same(n, d.value * 10_000));
  });
}
