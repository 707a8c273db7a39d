// The standard disclosure as a Word document (.docx) with real tables, laid out as the county
// template prints it: a title paragraph, the department / 预算年度 / 单位 row, the column headings,
// the 栏次 row, the rows with 序号, the notes; then the 情况说明 and the project target tables.
import JSZip from 'jszip';
import { type BudgetTable, type Document, type Project, tablesInOrder } from '../model/document.ts';
import { cellTexts, standardProject, standardTable } from './layout.ts';

const xml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const paragraph = (text: string, bold = false) =>
  `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
const cell = (text: string) =>
  `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${paragraph(text)}</w:tc>`;
const row = (cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
const table = (rows: string[][]) =>
  `<w:tbl><w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4"/>`).join('')}</w:tblBorders></w:tblPr>${rows.map(row).join('')}</w:tbl>`;

function budgetTable(doc: Document, t: BudgetTable): string {
  const standard = standardTable(doc, t);
  return (
    paragraph(standard.title, true) +
    table([standard.meta]) +
    table([standard.headings, ...cellTexts(standard.rows)]) +
    standard.notes.map((n) => paragraph(n)).join('')
  );
}

function projectTable(p: Project, i: number): string {
  const { title, meta, rows } = standardProject(p, i);
  return paragraph(title) + table([meta[0] ? meta : [meta[1]], ...cellTexts(rows)]);
}

export async function renderDocx(doc: Document): Promise<Uint8Array> {
  const body = [
    paragraph(`${doc.department.name}${doc.year ?? ''}年部门预算公开`, true),
    ...tablesInOrder(doc).map((t) => budgetTable(doc, t)),
    ...doc.sections.flatMap((s) => [
      paragraph(s.heading, true),
      ...s.text
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => paragraph(p)),
    ]),
    ...doc.projects.map(projectTable),
    // A body ends with a paragraph, as Word writes it: a table last before sectPr is not valid WordprocessingML,
    // and LibreOffice flattens such a table to text when it saves the document as .doc.
    '<w:p/>',
  ].join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:body></w:document>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
