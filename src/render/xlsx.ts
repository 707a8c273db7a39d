// The standard disclosure as an Excel workbook: one sheet per table, laid out as printed — the title
// merged across, the department / 预算年度 / 单位 line, the column headings, the 栏次 row, then the
// rows with amounts as numbers shown with two decimals. Values first, merges last (exceljs loses
// values written into a range after it is merged).
import ExcelJS from 'exceljs';
import { type BudgetTable, type Document, tableNames } from '../model/document.ts';
import { isCoded, printedLines } from './layout.ts';

/** One table's sheet, in the standard layout (also the layout of `yusuan template`). */
export function addTableSheet(workbook: ExcelJS.Workbook, doc: Document, table: BudgetTable): void {
  const sheet = workbook.addWorksheet(tableNames[table.key].slice(0, 31));
  const twoSided = table.incomeColumns !== undefined;
  const coded = isCoded(table);
  const headings = twoSided
    ? ['序号', '收入项目', ...(table.incomeColumns ?? []), '支出项目', ...table.columns]
    : ['序号', ...(coded ? ['科目编码', '科目名称'] : ['项目']), ...table.columns];
  const width = headings.length;
  sheet.addRow([table.title || tableNames[table.key]]);
  const meta = new Array<string>(width).fill('');
  meta[0] = `${doc.department.unitCode ?? doc.department.code ?? ''}${doc.department.name}`;
  if (doc.year && width > 2) meta[Math.floor(width / 2)] = `预算年度：${doc.year}`;
  meta[width - 1] = `单位：${table.unit}`;
  sheet.addRow(meta);
  sheet.addRow(headings);
  sheet.addRow(['栏次', ...Array.from({ length: width - 1 }, (_, i) => i + 1)]);
  const number = (v: string | undefined) => (v === undefined ? null : Number(v));
  if (twoSided) {
    printedLines(table).forEach(({ income: a, expenditure: b }, i) => {
      sheet.addRow([
        String(i + 1),
        a?.name ?? '',
        ...(table.incomeColumns ?? []).map((_, c) => number(a?.amounts[c]?.value)),
        b?.name ?? '',
        ...table.columns.map((_, c) => number(b?.amounts[c]?.value)),
      ]);
    });
  } else {
    table.rows.forEach((r, i) => {
      sheet.addRow([
        String(i + 1),
        ...(coded ? [r.code ?? '', r.name] : [r.name]),
        ...table.columns.map((_, c) => number(r.amounts[c]?.value)),
      ]);
    });
  }
  for (const note of table.notes) sheet.addRow([note]);
  sheet.eachRow((row, n) => {
    if (n <= 4) return;
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.numFmt = '0.00';
    });
  });
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.getColumn(width).alignment = { horizontal: 'right' };
  sheet.columns.forEach((col, i) => {
    col.width = i === (coded ? 2 : 1) ? 34 : 14;
  });
  sheet.mergeCells(1, 1, 1, width);
}

export async function renderXlsx(doc: Document): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'yusuan';
  for (const table of Object.values(doc.tables)) addTableSheet(workbook, doc, table);
  if (workbook.worksheets.length === 0) workbook.addWorksheet('说明').addRow(['本文件没有预算表格']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
