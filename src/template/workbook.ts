// The template as an Excel workbook, in yusuan's standard layout: the 机构设置 sheet (when the
// department's units are known), one sheet per table as `yusuan render --format xlsx` writes it, and
// the project target tables as the Word output lays them out. The filled workbook reads back through
// the XLSX reader and the recognisers like any other disclosure.
import ExcelJS from 'exceljs';
import type { Document } from '../model/document.ts';
import { cellTexts, standardProject } from '../render/layout.ts';
import { addTableSheet } from '../render/xlsx.ts';

const unitHeadings = ['单位名称', '单位性质', '单位规格', '经费保障形式'];

function addUnitsSheet(workbook: ExcelJS.Workbook, doc: Document): void {
  const sheet = workbook.addWorksheet('机构设置');
  sheet.addRow(['机构设置']).font = { bold: true, size: 14 };
  sheet.addRow(unitHeadings);
  for (const u of doc.units) sheet.addRow([u.name, u.nature, u.rank, u.funding]);
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 40 : 16;
  });
}

function addProjectsSheet(workbook: ExcelJS.Workbook, doc: Document): void {
  const sheet = workbook.addWorksheet('项目绩效目标表');
  doc.projects.forEach((p, i) => {
    if (i > 0) sheet.addRow([]);
    const { title, meta, rows } = standardProject(p, i);
    sheet.addRow([title]).font = { bold: true };
    for (const cells of [meta[0] ? meta : [meta[1]], ...cellTexts(rows)]) sheet.addRow(cells);
  });
  sheet.columns.forEach((col, i) => {
    col.width = i === 3 ? 30 : 18;
  });
}

export async function renderTemplate(doc: Document): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'yusuan';
  if (doc.units.length > 0) addUnitsSheet(workbook, doc);
  for (const table of Object.values(doc.tables)) addTableSheet(workbook, doc, table);
  if (doc.projects.length > 0) addProjectsSheet(workbook, doc);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
