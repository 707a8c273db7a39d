// The standard disclosure as a Word document (.docx) with real tables, laid out as the county
// template prints it: a title paragraph, the department / 预算年度 / 单位 row, the column headings,
// the 栏次 row, the rows with 序号, the notes; then the 情况说明 and the project target tables.
import JSZip from 'jszip';
import type { BudgetTable, Document, Project } from '../model/document.ts';
import { printedLines } from './html.ts';

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
  const value = (v: { value: string } | null | undefined) => v?.value ?? '';
  const meta = [
    `${doc.department.unitCode ?? doc.department.code ?? ''}${doc.department.name}`,
    doc.year ? `预算年度：${doc.year}` : '',
    `单位：${t.unit}`,
  ];
  let rows: string[][];
  if (t.incomeColumns) {
    const inc = t.incomeColumns;
    rows = [
      ['序号', '收入项目', ...inc, '支出项目', ...t.columns],
      ['栏次', ...Array.from({ length: 2 + inc.length + t.columns.length }, (_, i) => String(i + 1))],
      ...printedLines(t).map(({ income: a, expenditure: b }, i) => [
        String(i + 1),
        a?.name ?? '',
        ...inc.map((_, c) => value(a?.amounts[c])),
        b?.name ?? '',
        ...t.columns.map((_, c) => value(b?.amounts[c])),
      ]),
    ];
  } else {
    const coded =
      t.key !== 'three-public' &&
      t.key !== 'procurement' &&
      t.key !== 'assets' &&
      !t.key.startsWith('final-three');
    rows = [
      ['序号', ...(coded ? ['科目编码', '科目名称'] : ['项目']), ...t.columns],
      ['栏次', ...Array.from({ length: (coded ? 2 : 1) + t.columns.length }, (_, i) => String(i + 1))],
      ...t.rows.map((r, i) => [
        String(i + 1),
        ...(coded ? [r.code ?? '', r.name] : [r.name]),
        ...t.columns.map((_, c) => value(r.amounts[c])),
      ]),
    ];
  }
  return paragraph(t.title, true) + table([meta]) + table(rows) + t.notes.map((n) => paragraph(n)).join('');
}

/** A project target table's rows of cells in the county template's layout (also `yusuan template`'s). */
export function projectRows(p: Project): string[][] {
  const plan =
    p.plan?.points.map((pt) =>
      pt.value === null ? '' : `${pt.value}${p.plan?.form === 'percent' ? '%' : ''}`,
    ) ?? [];
  return [
    p.unitCode ? [`${p.unitCode} ${p.unitName ?? ''}`, `单位：${p.unit}`] : [`单位：${p.unit}`],
    ['项目编码', p.code, '项目名称', p.name],
    [
      '预算规模及资金用途',
      '预算数',
      p.budget?.value ?? '',
      '其中：财政资金',
      p.fiscal?.value ?? '',
      '其他资金',
      p.other?.value ?? '',
    ],
    ['', p.purpose],
    ['资金支出计划（%）', '3月底', '6月底', '10月底', '12月底'],
    ['', ...plan],
    ['绩效目标', p.target],
    ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
    ...p.indicators.map((ind) => [ind.level1, ind.level2, ind.level3, ind.description, ind.value, ind.basis]),
  ];
}

function projectTable(p: Project, i: number): string {
  return paragraph(p.title || `${i + 1}、${p.name}绩效目标表`) + table(projectRows(p));
}

export async function renderDocx(doc: Document): Promise<Uint8Array> {
  const body = [
    paragraph(`${doc.department.name}${doc.year ?? ''}年部门预算公开`, true),
    ...Object.values(doc.tables).map((t) => budgetTable(doc, t)),
    ...doc.sections.flatMap((s) => [
      paragraph(s.heading, true),
      ...s.text
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => paragraph(p)),
    ]),
    ...doc.projects.map(projectTable),
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
