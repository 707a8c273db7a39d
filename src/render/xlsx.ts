// The standard disclosure as an Excel workbook, in the order a printed disclosure has it: the
// 机构设置 (when the department's units are known), one sheet per table, the 情况说明, then the project
// target tables. A table's sheet is laid out as printed — the title merged across, the department /
// 预算年度 / 单位 line, the column headings, the 栏次 row, then the rows with amounts as numbers shown
// with two decimals. Values first, merges last (exceljs loses values written into a range after it is
// merged). `yusuan template` writes its workbook with the same sheets.
import ExcelJS from 'exceljs';
import {
  type BudgetTable,
  type Document,
  type Section,
  tableNames,
  tablesInOrder,
} from '../model/document.ts';
import { type Cell, cellTexts, isCoded, standardProject, standardTable } from './layout.ts';

export interface WorkbookOptions {
  /** A workbook to fill in (`yusuan template`): a table without amounts is blank, not declared empty. */
  blank?: boolean;
}

const unitHeadings = ['单位名称', '单位性质', '单位规格', '经费保障形式'];
const unitCells = (doc: Document) => doc.units.map((u) => [u.name, u.nature, u.rank, u.funding]);

function addUnitsSheet(workbook: ExcelJS.Workbook, doc: Document): void {
  const sheet = workbook.addWorksheet('机构设置');
  sheet.addRow(['机构设置']).font = { bold: true, size: 14 };
  sheet.addRow(unitHeadings);
  for (const cells of unitCells(doc)) sheet.addRow(cells);
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 40 : 16;
  });
}

/** An amount cell as a number (shown with two decimals), an empty one as nothing; other cells as text. */
const cellValue = (c: Cell): string | number | null =>
  c.numeric ? (c.text === '' ? null : Number(c.text)) : c.text;

/** One table's sheet, in the standard layout. */
function addTableSheet(
  workbook: ExcelJS.Workbook,
  doc: Document,
  table: BudgetTable,
  options: WorkbookOptions,
): void {
  const sheet = workbook.addWorksheet(tableNames[table.key].slice(0, 31));
  const standard = standardTable(doc, table);
  const width = standard.headings.length;
  sheet.addRow([standard.title || tableNames[table.key]]);
  const [department, year, unit] = standard.meta;
  const meta = new Array<string>(width).fill('');
  meta[0] = department;
  if (year && width > 2) meta[Math.floor(width / 2)] = year;
  meta[width - 1] = unit;
  sheet.addRow(meta);
  sheet.addRow(standard.headings);
  const [lanes, ...body] = standard.rows;
  // 栏次 1, 2, … as numbers.
  sheet.addRow(lanes!.map((c, i) => (i === 0 ? c.text : Number(c.text))));
  for (const cells of body) {
    const row = sheet.addRow(cells.map(cellValue));
    row.eachCell((cell) => {
      if (typeof cell.value === 'number') cell.numFmt = '0.00';
    });
  }
  const notes = options.blank ? table.notes : standard.notes;
  for (const note of notes) sheet.addRow([note]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(1).alignment = { horizontal: 'center' };
  sheet.getColumn(width).alignment = { horizontal: 'right' };
  const nameColumn = isCoded(table) && !table.incomeColumns ? 2 : 1;
  sheet.columns.forEach((col, i) => {
    col.width = i === nameColumn ? 34 : 14;
  });
  sheet.mergeCells(1, 1, 1, width);
}

/**
 * A section's text as rows: each paragraph on its row, a tab-separated line (a table in the text) as
 * cells across the row, and the 机构设置 table (单位名称 单位性质 …, whatever separated its cells) as
 * the table of the model's units.
 */
export function sectionRows(
  section: Pick<Section, 'text'> & Partial<Pick<Section, 'unitsTable'>>,
  doc: Document,
): string[][] {
  const rows: string[][] = [];
  const lines = section.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === section.unitsTable?.line && doc.units.length > 0) {
      rows.push(unitHeadings, ...unitCells(doc));
      i += section.unitsTable.rows;
      continue;
    }
    if (line.includes('\t')) rows.push(line.split('\t').map((c) => c.trim()));
    else if (line.trim()) rows.push([line.trim()]);
  }
  return rows;
}

/**
 * The 情况说明 as headings and their texts. A performance text's 总体绩效目标, 分项绩效目标 and 工作保障措施
 * stand in its sections; a document that has the performance text without sections (edited as a
 * model) gets them as those three sections, each under a title naming the department as printed texts
 * have it (so that a short first line of the text is not taken for such a title).
 */
function narrative(
  doc: Document,
): (Pick<Section, 'heading' | 'text'> & Partial<Pick<Section, 'unitsTable'>>)[] {
  if (doc.sections.length > 0 || !doc.performance) return doc.sections;
  const { overall, items, measures } = doc.performance;
  const part = (number: string, name: string, text: string) => ({
    heading: `${number}、${name}`,
    text: `${doc.department.name || '部门'}${name}\n${text}`,
  });
  return [
    part('一', '总体绩效目标', overall),
    part('二', '分项绩效目标', items.map((i) => `${i.title}\n${i.text}`).join('\n')),
    part('三', '工作保障措施', measures),
  ];
}

function addNarrativeSheet(workbook: ExcelJS.Workbook, doc: Document): void {
  const sections = narrative(doc);
  if (sections.length === 0) return;
  const sheet = workbook.addWorksheet('情况说明');
  for (const s of sections) {
    sheet.addRow([s.heading]).font = { bold: true };
    for (const cells of sectionRows(s, doc)) sheet.addRow(cells);
  }
  sheet.getColumn(1).width = 100;
  sheet.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
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

/** The workbook of a document: `yusuan render --format xlsx`, and with `blank` `yusuan template`. */
export async function renderXlsx(doc: Document, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'yusuan';
  if (doc.units.length > 0) addUnitsSheet(workbook, doc);
  for (const table of tablesInOrder(doc)) addTableSheet(workbook, doc, table, options);
  addNarrativeSheet(workbook, doc);
  if (doc.projects.length > 0) addProjectsSheet(workbook, doc);
  if (workbook.worksheets.length === 0) workbook.addWorksheet('说明').addRow(['本文件没有可写出的内容']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
