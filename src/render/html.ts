// The standard disclosure as HTML, from the model: title, department and code, 预算年度, 单位 line,
// the 栏次 row, the official columns, notes under the tables (空表列示 for an empty one), the
// 情况说明 sections and the project target tables. Chromium prints it to PDF (src/render/pdf.ts).
import {
  type BudgetTable,
  type Document,
  type OrgUnit,
  type Section,
  tableNames,
  tablesInOrder,
} from '../model/document.ts';
import { escapeHtml } from '../report/html.ts';
import { type Cell, standardProject, standardTable } from './layout.ts';

const kindTitles: Record<Document['kind'], string> = {
  budget: '部门预算公开',
  performance: '部门预算绩效目标',
  final: '部门决算公开',
};

const style = `
@page{size:A4 landscape;margin:14mm}
body{font-family:"WenQuanYi Micro Hei",sans-serif;color:#000;font-size:10.5pt}
h1{text-align:center;font-size:20pt;margin:30mm 0 8mm}
.cover p{text-align:center;font-size:13pt}
section.table{page-break-before:always}
h2{text-align:center;font-size:15pt;margin:0 0 3mm}
.meta{display:flex;justify-content:space-between;font-size:10pt;margin-bottom:2mm}
.meta .unit{text-align:right}
table{border-collapse:collapse;width:100%}
th,td{border:0.6pt solid #000;padding:1.5pt 4pt;line-height:1.25}
th{font-weight:normal;text-align:center}
th:nth-child(-n+2){white-space:nowrap}
td.n{text-align:right;white-space:nowrap}
td.code{white-space:nowrap}
td.c{text-align:center}
td.l{vertical-align:top;white-space:nowrap}
.note{font-size:9.5pt;margin-top:2mm}
section.text{page-break-before:always}
section.text h3{font-size:12pt;margin:4mm 0 2mm}
section.text p{text-indent:2em;line-height:1.7;margin:0 0 2mm}
table.inline{margin:2mm 0}
div.generated{border-left:2pt solid #1f6feb;padding-left:3mm}
section.project{page-break-before:always}
section.charts{page-break-before:always}
section.charts figure{margin:0 0 4mm}
section.charts figure+figure{page-break-before:always}
section.charts figcaption{text-align:center;font-size:12pt;margin-bottom:3mm}
section.charts svg{display:block;margin:0 auto;max-width:100%;height:auto}
`;

export interface HtmlOptions {
  /** An appendix after everything else: the 附图 of src/render/charts.ts (`render --charts`). */
  appendix?: string;
}

function cellClass(c: Cell): string {
  const names = [c.numeric && 'n', c.code && 'code', c.centred && 'c', c.label && 'l'].filter(Boolean);
  return names.length ? ` class="${names.join(' ')}"` : '';
}

/** Cells as HTML table cells: spans kept, a continuation of a cell spanning rows left out. */
function cellsHtml(cells: Cell[]): string {
  return cells
    .filter((c) => !c.below)
    .map((c) => {
      const attrs = `${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}${c.rows && c.rows > 1 ? ` rowspan="${c.rows}"` : ''}${cellClass(c)}`;
      return `<td${attrs}>${escapeHtml(c.text)}</td>`;
    })
    .join('');
}

// The meta line's parts stand apart by the flex layout; the whitespace between them (which flex does
// not show) keeps them apart for a reader of the page's text, yusuan's HTML reader among them.
function tableHtml(doc: Document, table: BudgetTable): string {
  const t = standardTable(doc, table);
  const [department, year, unit] = t.meta.map(escapeHtml);
  return `<section class="table"><h2>${escapeHtml(t.title || tableNames[table.key])}</h2>
<div class="meta"><span>${department}</span>
<span>${year}</span>
<span class="unit">${unit}</span></div>
<table><thead><tr>${t.headings.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>
${t.rows.map((r) => `<tr>${cellsHtml(r)}</tr>`).join('\n')}</tbody></table>${t.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}</section>`;
}

function projectHtml(doc: Document): string {
  return doc.projects
    .map((p, i) => {
      const { title, meta, rows } = standardProject(p, i);
      return `<section class="project"><h2>${escapeHtml(title)}</h2>
<div class="meta"><span>${escapeHtml(meta[0])}</span>
<span class="unit">${escapeHtml(meta[1])}</span></div>
<table><tbody>
${rows.map((r) => `<tr>${cellsHtml(r)}</tr>`).join('\n')}
</tbody></table></section>`;
    })
    .join('\n');
}

/**
 * A section's text: paragraphs; its tab-separated lines (a table in the text) as a table; and the
 * 机构设置 table (单位名称 单位性质 …, whatever separated its cells) as the table of the model's units.
 */
function textHtml(
  section: Pick<Section, 'text'> & Partial<Pick<Section, 'unitsTable'>>,
  units: OrgUnit[],
): string {
  const out: string[] = [];
  let rows: string[] = [];
  const row = (cells: string[]) =>
    `<tr>${cells.map((c) => `<td>${escapeHtml(c.trim())}</td>`).join('')}</tr>`;
  const flush = () => {
    if (rows.length) out.push(`<table class="inline"><tbody>${rows.join('')}</tbody></table>`);
    rows = [];
  };
  const lines = section.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === section.unitsTable?.line && units.length > 0) {
      flush();
      rows = [
        row(['单位名称', '单位性质', '单位规格', '经费保障形式']),
        ...units.map((u) => row([u.name, u.nature, u.rank, u.funding])),
      ];
      flush();
      i += section.unitsTable.rows;
      continue;
    }
    if (line.includes('\t')) {
      rows.push(row(line.split('\t')));
      continue;
    }
    flush();
    if (line.trim()) out.push(`<p>${escapeHtml(line)}</p>`);
  }
  flush();
  return out.join('');
}

export function renderHtml(doc: Document, options: HtmlOptions = {}): string {
  const name = escapeHtml(doc.department.name || '（未识别部门）');
  const year = doc.year ? `${doc.year}年` : '';
  // A generated section (render --generate-text) is marked for the editor by a rule beside it: a mark
  // without words, so that the printed text stays the disclosure's own.
  const sections = doc.sections
    .map((s) => {
      const body = `<h3>${escapeHtml(s.heading)}</h3>${textHtml(s, doc.units)}`;
      return s.generated ? `<div class="generated" title="由表格自动生成，请审核">${body}</div>` : body;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${name}${year}${kindTitles[doc.kind]}</title><style>${style}</style></head>
<body>
<div class="cover"><h1>${name}${year}${kindTitles[doc.kind]}</h1><p>单位：${doc.unit}</p></div>
${tablesInOrder(doc)
  .map((t) => tableHtml(doc, t))
  .join('\n')}
${sections ? `<section class="text">${sections}</section>` : ''}
${projectHtml(doc)}
${options.appendix ? `${options.appendix}\n` : ''}</body></html>
`;
}
