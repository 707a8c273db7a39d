// A single self-contained HTML report (no scripts, no external files): per file, the findings with
// their rule's explanation, and every table with the cells the findings point at marked.
import { rules } from '../check/rules/index.ts';
import type { Finding, RuleMeta, Severity } from '../check/types.ts';
import { type BudgetTable, type TableRow, tablesInOrder } from '../model/document.ts';
import {
  type CheckedFile,
  countBySeverity,
  describeWhere,
  documentTitle,
  profileTitle,
  severities,
  severityNames,
} from './findings.ts';

const metaById = new Map<string, RuleMeta>(rules.map((r) => [r.meta.id, r.meta]));

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const style = `
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.25em;border-bottom:2px solid #ccc;margin-top:2em}h3{font-size:1.05em;margin-top:1.5em}
.counts span{display:inline-block;margin-right:1em;padding:0 .5em;border-radius:3px}
.error{background:#fde2e1}.warning{background:#fff3cd}.info{background:#e7f1ff}
.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#8a6100;font-weight:bold}.sev-info{color:#1f5fa8}
ol.findings li{margin:.4em 0}.where{color:#555;font-size:.9em}.rule{font-family:monospace;font-size:.85em;color:#555}
details{margin:.2em 0 .4em 0;font-size:.9em;color:#444}
table{border-collapse:collapse;margin:.5em 0 1em 0;font-size:.85em}
th,td{border:1px solid #bbb;padding:2px 6px}td.n{text-align:right;font-variant-numeric:tabular-nums}
td.mark-error{background:#f8b4b0;font-weight:bold}td.mark-warning{background:#ffe08a}td.mark-info{background:#cfe2ff}
.note{color:#555;font-size:.85em}
`;

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The worst severity of the findings that point at each table cell (row key + column) or whole row. */
function marksFor(findings: Finding[], table: BudgetTable): Map<string, Severity> {
  const marks = new Map<string, Severity>();
  for (const f of findings) {
    if (f.where.table !== table.key || f.where.row === undefined) continue;
    const key = `${f.where.row}\u0000${f.where.column ?? ''}`;
    const old = marks.get(key);
    if (!old || rank[f.severity] < rank[old]) marks.set(key, f.severity);
  }
  return marks;
}

function renderTable(table: BudgetTable, findings: Finding[]): string {
  const marks = marksFor(findings, table);
  const rowHtml = (row: TableRow, columns: string[]) => {
    const key = row.code ?? row.name;
    const whole = marks.get(`${key}\u0000`);
    const cells = columns.map((column, c) => {
      const mark = marks.get(`${key}\u0000${column}`) ?? whole;
      const value = row.amounts[c]?.value ?? '';
      return `<td class="n${mark ? ` mark-${mark}` : ''}">${escapeHtml(value)}</td>`;
    });
    const side = row.side ? `<td>${row.side === 'income' ? '收入' : '支出'}</td>` : '';
    return `<tr>${side}<td>${escapeHtml(row.code ?? '')}</td><td>${escapeHtml(row.name)}</td>${cells.join('')}</tr>`;
  };
  const twoSided = table.rows.some((r) => r.side);
  const width = Math.max(table.columns.length, table.incomeColumns?.length ?? 0);
  const columns = twoSided ? Array.from({ length: width }, (_, i) => table.columns[i] ?? '') : table.columns;
  const head = `<tr>${twoSided ? '<th>收/支</th>' : ''}<th>编码</th><th>名称</th>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = table.rows
    .map((r) => rowHtml(r, r.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns))
    .join('\n');
  const notes = table.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('');
  return `<h3>${escapeHtml(table.title)}（单位：${table.unit}）</h3>\n<table>${head}\n${body}</table>${notes}`;
}

function renderFinding(f: Finding): string {
  const meta = metaById.get(f.rule);
  const explanation = meta
    ? `<details><summary>${escapeHtml(meta.title)}</summary><p>${escapeHtml(meta.description)}</p><p>依据：${escapeHtml(meta.reason)}</p></details>`
    : '';
  return `<li><span class="sev-${f.severity}">${severityNames[f.severity]}</span> ${escapeHtml(f.message)}
<div class="where">${escapeHtml(describeWhere(f))} <span class="rule">${escapeHtml(f.rule)}</span></div>${explanation}</li>`;
}

function renderFile(f: CheckedFile, index: number): string {
  const counts = countBySeverity(f.findings);
  const list = [...f.findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const tables = tablesInOrder(f.document).map((t) => renderTable(t, f.findings));
  return `<section id="file-${index}">
<h2>${escapeHtml(f.file)}：${escapeHtml(documentTitle(f.document))}</h2>
<p class="counts">${severities.map((s) => `<span class="${s}">${severityNames[s]} ${counts[s]}</span>`).join('')} 规范：${escapeHtml(profileTitle(f.profile))}</p>
${list.length > 0 ? `<ol class="findings">\n${list.map(renderFinding).join('\n')}\n</ol>` : '<p>未发现问题。</p>'}
${tables.join('\n')}
</section>`;
}

export function toHtml(files: CheckedFile[]): string {
  const toc =
    files.length > 1
      ? `<ul>${files.map((f, i) => `<li><a href="#file-${i}">${escapeHtml(f.file)}</a>（错误 ${countBySeverity(f.findings).error}）</li>`).join('')}</ul>`
      : '';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>yusuan 检查报告</title><style>${style}</style></head>
<body><h1>yusuan 检查报告</h1>${toc}
${files.map(renderFile).join('\n')}
</body></html>
`;
}
