// Tidy CSV: one line per table row — file, table, row_code, row_name, then the row's amounts in the
// table's column order. Amounts are written exactly as printed (decimal strings, never floats).
import { type BudgetTable, type Document, type TableRow, tablesInOrder } from '../model/document.ts';

/** One CSV record (unquoted fields) per table row of the document. */
export function toCsvRows(file: string, doc: Document): string[][] {
  const records: string[][] = [];
  for (const table of tablesInOrder(doc)) {
    if (!table) continue;
    for (const row of table.rows) {
      records.push([
        file,
        csvTableName(table, row),
        row.code ?? '',
        row.name,
        ...row.amounts.map((a) => a?.value ?? ''),
      ]);
    }
  }
  return records;
}

/**
 * The `table` field: the table key, or `key:income` / `key:expenditure` for the rows of a two-sided
 * table (收支总表, 财政拨款收支总表), whose two sides have different columns.
 */
export function csvTableName(table: BudgetTable, row: TableRow): string {
  return row.side ? `${table.key}:${row.side}` : table.key;
}

/**
 * RFC 4180: a field with a comma, a quote, CR or LF is quoted and its quotes doubled. Text that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or CR: a row name from a hostile
 * upload) gets a leading apostrophe; a number, negative or not, stays a number.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[-+]?\d+(?:\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: string[]): string {
  return fields.map(csvField).join(',');
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so that Excel recognises the encoding. */
  bom?: boolean;
}

/**
 * The whole CSV for one or more documents: a header line
 * `file,table,row_code,row_name,amount_1,…,amount_N` where N is the widest row, then one line per
 * table row, padded with empty fields to N amounts so that every line has the same number of fields.
 * Lines end with LF.
 */
export function toCsv(entries: { file: string; document: Document }[], options: CsvOptions = {}): string {
  const records = entries.flatMap((e) => toCsvRows(e.file, e.document));
  const width = Math.max(0, ...records.map((r) => r.length - 4));
  const header = ['file', 'table', 'row_code', 'row_name'];
  for (let i = 1; i <= width; i++) header.push(`amount_${i}`);
  const lines = [csvLine(header)];
  for (const r of records) {
    while (r.length < width + 4) r.push('');
    lines.push(csvLine(r));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\n')}\n`;
}
