// XLSX export with exceljs: one sheet per table (named by its key) and a `projects` sheet.
// Amounts stay exact decimal strings in the model; they become numbers only when written to a cell.
import ExcelJS from 'exceljs';
import {
  type Amount,
  type BudgetTable,
  budgetTableKeys,
  type Document,
  type TableRow,
} from '../model/document.ts';
import type { FileDocument } from './json.ts';

export const amountFormat = '0.00';

type CellValue = string | number | null;

/** A cell for an amount: a number formatted 0.00, or an empty cell. */
function amountCell(amount: Amount | null | undefined): CellValue {
  return amount ? Number(amount.value) : null;
}

interface SheetWriter {
  sheet: ExcelJS.Worksheet;
  header: string | null;
}

function writeHeader(w: SheetWriter, header: CellValue[]): void {
  const key = JSON.stringify(header);
  if (w.header === key) return;
  w.header = key;
  const row = w.sheet.addRow(header);
  row.font = { bold: true };
}

/** Writes a data row; number cells at the indexes `isAmount` accepts get the amount format. */
function writeData(w: SheetWriter, values: CellValue[], isAmount: (index: number) => boolean): void {
  const row = w.sheet.addRow(values);
  values.forEach((v, i) => {
    if (typeof v === 'number' && isAmount(i)) row.getCell(i + 1).numFmt = amountFormat;
  });
}

function isTwoSided(table: BudgetTable): boolean {
  return table.incomeColumns !== undefined || table.rows.some((r) => r.side !== undefined);
}

function pad<T>(values: T[], length: number, fill: T): T[] {
  const out = values.slice(0, length);
  while (out.length < length) out.push(fill);
  return out;
}

function rowCells(row: TableRow | undefined, width: number): CellValue[] {
  if (!row) return pad<CellValue>([], width + 2, null);
  return [row.code ?? null, row.name, ...pad(row.amounts.map(amountCell), width, null)];
}

/**
 * Writes one table of one file. Two-sided tables (收支总表) are laid out as printed: income rows on
 * the left, expenditure rows on the right, paired in order.
 */
function writeTable(w: SheetWriter, file: string | null, table: BudgetTable): void {
  const lead: CellValue[] = file === null ? [] : [file];
  const leadHeader: CellValue[] = file === null ? [] : ['文件'];
  if (!isTwoSided(table)) {
    writeHeader(w, [...leadHeader, '科目编码', '科目名称', ...table.columns]);
    for (const row of table.rows) {
      writeData(w, [...lead, ...rowCells(row, table.columns.length)], (i) => i >= lead.length + 2);
    }
    return;
  }
  const incomeColumns = table.incomeColumns ?? [];
  writeHeader(w, [
    ...leadHeader,
    '科目编码',
    '收入项目',
    ...incomeColumns,
    '科目编码',
    '支出项目',
    ...table.columns,
  ]);
  const income = table.rows.filter((r) => r.side === 'income');
  const expenditure = table.rows.filter((r) => r.side !== 'income');
  const incomeWidth = incomeColumns.length;
  const rightStart = lead.length + 2 + incomeWidth;
  for (let k = 0; k < Math.max(income.length, expenditure.length); k++) {
    writeData(
      w,
      [...lead, ...rowCells(income[k], incomeWidth), ...rowCells(expenditure[k], table.columns.length)],
      (i) => (i >= lead.length + 2 && i < rightStart) || i >= rightStart + 2,
    );
  }
}

function writeProjects(w: SheetWriter, file: string | null, doc: Document): void {
  const lead: CellValue[] = file === null ? [] : [file];
  const leadHeader: CellValue[] = file === null ? [] : ['文件'];
  writeHeader(w, [
    ...leadHeader,
    '项目编码',
    '项目名称',
    '预算数',
    '一级指标',
    '二级指标',
    '三级指标',
    '指标值',
  ]);
  const budgetIndex = lead.length + 2;
  for (const p of doc.projects) {
    const head: CellValue[] = [...lead, p.code, p.name, amountCell(p.budget)];
    if (p.indicators.length === 0) writeData(w, head, (i) => i === budgetIndex);
    for (const ind of p.indicators) {
      writeData(w, [...head, ind.level1, ind.level2, ind.level3, ind.value], (i) => i === budgetIndex);
    }
  }
}

function addSheet(workbook: ExcelJS.Workbook, name: string, widths: number[]): SheetWriter {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  return { sheet, header: null };
}

/** Builds the workbook. With several files, every sheet starts with a 文件 column. */
export function buildWorkbook(entries: FileDocument[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'yusuan';
  const several = entries.length > 1;
  const lead = several ? [24] : [];
  for (const key of budgetTableKeys) {
    const present = entries.filter((e) => e.document.tables[key]);
    if (present.length === 0) continue;
    const w = addSheet(workbook, key, [...lead, 10, 36, ...Array<number>(16).fill(14)]);
    for (const e of present) writeTable(w, several ? e.file : null, e.document.tables[key]!);
  }
  const withProjects = entries.filter((e) => e.document.projects.length > 0);
  if (withProjects.length > 0) {
    const w = addSheet(workbook, 'projects', [...lead, 24, 36, 12, 14, 18, 30, 18]);
    for (const e of withProjects) writeProjects(w, several ? e.file : null, e.document);
  }
  if (workbook.worksheets.length === 0) addSheet(workbook, 'empty', [20]).sheet.addRow(['没有识别出表格']);
  return workbook;
}

export async function toXlsxBuffer(entries: FileDocument[]): Promise<Uint8Array> {
  const data = await buildWorkbook(entries).xlsx.writeBuffer();
  return new Uint8Array(data as ArrayBuffer);
}

export async function writeXlsx(entries: FileDocument[], path: string): Promise<void> {
  await buildWorkbook(entries).xlsx.writeFile(path);
}
