// The standard disclosure as HTML, from the model: title, department and code, 预算年度, 单位 line,
// the 栏次 row, the official columns, notes under the tables (空表列示 for an empty one), the
// 情况说明 sections and the project target tables. Chromium prints it to PDF (src/render/pdf.ts).
import { type BudgetTable, type Document, type TableRow, tableNames } from '../model/document.ts';
import { escapeHtml } from '../report/html.ts';

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
th,td{border:0.6pt solid #000;padding:1.5pt 4pt}
th{font-weight:normal;text-align:center}
td.n{text-align:right;white-space:nowrap}
td.code{white-space:nowrap}
.note{font-size:9.5pt;margin-top:2mm}
section.text{page-break-before:always}
section.text h3{font-size:12pt;margin:4mm 0 2mm}
section.text p{text-indent:2em;line-height:1.7;margin:0 0 2mm}
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

const amount = (row: TableRow, c: number) => row.amounts[c]?.value ?? '';

/** A two-sided table's printed lines: the income and expenditure rows that stood on one line. */
export function printedLines(table: BudgetTable): { income?: TableRow; expenditure?: TableRow }[] {
  const lines: { income?: TableRow; expenditure?: TableRow; at: number }[] = [];
  for (const row of table.rows) {
    const side = row.side ?? 'expenditure';
    const last = lines[lines.length - 1];
    if (last && last.at === row.source.line && !last[side]) last[side] = row;
    else lines.push({ at: row.source.line, [side]: row });
  }
  return lines;
}

function tableHtml(doc: Document, table: BudgetTable): string {
  const header = `<div class="meta"><span>${escapeHtml(doc.department.code ?? '')}${escapeHtml(doc.department.name)}</span><span>${doc.year ? `预算年度：${doc.year}` : ''}</span><span class="unit">单位：${table.unit}</span></div>`;
  const twoSided = table.incomeColumns !== undefined;
  let head: string;
  let body: string;
  if (twoSided) {
    const inc = table.incomeColumns ?? [];
    head = `<tr><th>序号</th><th>收入项目</th>${inc.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}<th>支出项目</th>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
    const lines = printedLines(table).map(({ income: a, expenditure: b }, i) => {
      const cells = (row: TableRow | undefined, columns: string[]) =>
        columns.map((_, c) => `<td class="n">${row ? escapeHtml(amount(row, c)) : ''}</td>`).join('');
      return `<tr><td class="n">${i + 1}</td><td>${escapeHtml(a?.name ?? '')}</td>${cells(a, inc)}<td>${escapeHtml(b?.name ?? '')}</td>${cells(b, table.columns)}</tr>`;
    });
    body = lines.join('\n');
  } else {
    const coded = table.rows.some((r) => r.code);
    head = `<tr><th>序号</th>${coded ? '<th>科目编码</th><th>科目名称</th>' : '<th>项目</th>'}${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
    body = table.rows
      .map(
        (r, i) =>
          `<tr><td class="n">${i + 1}</td>${coded ? `<td class="code">${escapeHtml(r.code ?? '')}</td>` : ''}<td>${escapeHtml(r.name)}</td>${table.columns.map((_, c) => `<td class="n">${escapeHtml(amount(r, c))}</td>`).join('')}</tr>`,
      )
      .join('\n');
  }
  const columnCount = twoSided
    ? 3 + (table.incomeColumns?.length ?? 0) + table.columns.length
    : (table.rows.some((r) => r.code) ? 3 : 2) + table.columns.length;
  const laneRow = `<tr>${Array.from({ length: columnCount }, (_, i) => `<td class="n">${i === 0 ? '栏次' : i}</td>`).join('')}</tr>`;
  const empty = !table.rows.some((r) => r.amounts.some((a) => a !== null && Number(a.value) !== 0));
  const notes = table.notes.length > 0 ? table.notes : empty ? [`注：本表无数据，空表列示。`] : [];
  return `<section class="table"><h2>${escapeHtml(table.title || tableNames[table.key])}</h2>${header}
<table><thead>${head}</thead><tbody>${laneRow}
${body}</tbody></table>${notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}</section>`;
}

function projectHtml(doc: Document): string {
  return doc.projects
    .map((p) => {
      const plan =
        p.plan?.points
          .map(
            (pt) => `${pt.month}月底：${pt.value ?? ''}${p.plan?.form === 'percent' && pt.value ? '%' : ''}`,
          )
          .join('　') ?? '';
      const indicators = p.indicators
        .map(
          (i) =>
            `<tr><td>${escapeHtml(i.level1)}</td><td>${escapeHtml(i.level2)}</td><td>${escapeHtml(i.level3)}</td><td>${escapeHtml(i.description)}</td><td>${escapeHtml(i.value)}</td><td>${escapeHtml(i.basis)}</td></tr>`,
        )
        .join('\n');
      return `<section class="project"><h2>${escapeHtml(p.title || `${p.name}绩效目标表`)}</h2>
<div class="meta"><span>${escapeHtml(p.unitCode ?? '')}${escapeHtml(p.unitName ?? '')}</span><span class="unit">单位：${p.unit}</span></div>
<table><tbody>
<tr><th>项目编码</th><td>${escapeHtml(p.code)}</td><th>项目名称</th><td colspan="3">${escapeHtml(p.name)}</td></tr>
<tr><th>预算数</th><td class="n">${escapeHtml(p.budget?.value ?? '')}</td><th>其中：财政资金</th><td class="n">${escapeHtml(p.fiscal?.value ?? '')}</td><th>其他资金</th><td class="n">${escapeHtml(p.other?.value ?? '')}</td></tr>
<tr><th>资金用途</th><td colspan="5">${escapeHtml(p.purpose)}</td></tr>
<tr><th>资金支出计划</th><td colspan="5">${escapeHtml(plan)}</td></tr>
<tr><th>绩效目标</th><td colspan="5">${escapeHtml(p.target)}</td></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>绩效指标描述</th><th>指标值</th><th>指标值确定依据</th></tr>
${indicators}
</tbody></table></section>`;
    })
    .join('\n');
}

export function renderHtml(doc: Document, options: HtmlOptions = {}): string {
  const name = escapeHtml(doc.department.name || '（未识别部门）');
  const year = doc.year ? `${doc.year}年` : '';
  const sections = doc.sections
    .map(
      (s) =>
        `<h3>${escapeHtml(s.heading)}</h3>${s.text
          .split(/\n+/)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('')}`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${name}${year}${kindTitles[doc.kind]}</title><style>${style}</style></head>
<body>
<div class="cover"><h1>${name}${year}${kindTitles[doc.kind]}</h1><p>单位：${doc.unit}</p></div>
${Object.values(doc.tables)
  .map((t) => tableHtml(doc, t))
  .join('\n')}
${sections ? `<section class="text">${sections}</section>` : ''}
${projectHtml(doc)}
${options.appendix ? `${options.appendix}\n` : ''}</body></html>
`;
}
