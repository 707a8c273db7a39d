// Where on the document page a finding points: a table cell, a whole row, a table, a project (its spending
// plan month or one indicator), or a section or sentence, as the finding's anchor says. Element ids are
// stable: built from table key and row index.

import type { Source, TableRow } from '../../src/model/document.ts';
import { sentencesOf } from '../../src/model/text.ts';
import type { Document, Finding, Severity } from './api.ts';

export const cellId = (table: string, row: number, column: number | 'name') => `c-${table}-${row}-${column}`;
export const tableId = (table: string) => `t-${table}`;
export const projectId = (code: string) => `p-${code}`;
export const planId = (code: string, month: number) => `p-${code}-m${month}`;
export const indicatorId = (code: string, index: number) => `p-${code}-i${index}`;
export const sectionId = (index: number) => `s-${index}`;
export const sentenceId = (section: number, sentence: number) => `s-${section}-q${sentence}`;

export { sentencesOf };

export interface Target {
  /** The element to scroll to and outline. */
  id: string;
  /** For a whole-row finding: the row to mark (table key and row index). */
  row?: { table: string; index: number };
  /** Where the element stands in the original file; for a PDF its page and, for amounts, the cell's box. */
  source?: Source;
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The element a finding's anchor names (the check found it; nothing is guessed here). */
export function targetOf(doc: Document, finding: Finding): Target | null {
  const a = finding.anchor;
  switch (a.kind) {
    case 'table':
    case 'row':
    case 'cell': {
      const table = doc.tables[a.table];
      if (!table) return null;
      const row = a.kind === 'table' ? undefined : table.rows[a.row];
      if (a.kind === 'table' || !row) return { id: tableId(table.key), source: table.source };
      if (a.kind === 'cell')
        return {
          id: cellId(table.key, a.row, a.column),
          source: row.amounts[a.column]?.source ?? row.source,
        };
      return {
        id: cellId(table.key, a.row, 'name'),
        row: { table: table.key, index: a.row },
        source: rowSource(row),
      };
    }
    case 'project': {
      const project = doc.projects[a.project];
      if (!project) return null;
      if (a.month !== undefined && project.plan)
        return { id: planId(project.code, a.month), source: project.plan.source };
      const indicator = a.indicator === undefined ? undefined : project.indicators[a.indicator];
      if (indicator) return { id: indicatorId(project.code, a.indicator!), source: indicator.source };
      return { id: projectId(project.code), source: project.source };
    }
    case 'section':
      if (!doc.sections[a.section]) return null;
      return { id: a.sentence === undefined ? sectionId(a.section) : sentenceId(a.section, a.sentence) };
    case 'document':
      return null;
  }
}

/** A row's source with the box around all its printed amounts (when they have boxes). */
function rowSource(row: TableRow): Source {
  const boxes = row.amounts.flatMap((a) => (a?.source.box ? [a.source.box] : []));
  if (boxes.length === 0) return row.source;
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { ...row.source, box: { x: left, y: top, width: right - left, height: bottom - top } };
}

export interface Marks {
  /** Element id → worst severity and the messages pointing at it. */
  elements: Map<string, { severity: Severity; messages: string[] }>;
  /** `${table}-${rowIndex}` → worst severity, for findings on a whole row. */
  rows: Map<string, Severity>;
}

/** The target of every finding, and the marks of those at the indices `shown`. */
export function marksOf(
  doc: Document,
  findings: Finding[],
  shown: number[],
): { marks: Marks; targets: (Target | null)[] } {
  const marks: Marks = { elements: new Map(), rows: new Map() };
  const targets = findings.map((f) => targetOf(doc, f));
  for (const i of shown) {
    const f = findings[i];
    const target = targets[i];
    if (!f || !target) continue;
    const old = marks.elements.get(target.id);
    marks.elements.set(target.id, {
      severity: old && rank[old.severity] <= rank[f.severity] ? old.severity : f.severity,
      messages: [...(old?.messages ?? []), f.message],
    });
    if (target.row) {
      const key = `${target.row.table}-${target.row.index}`;
      const oldRow = marks.rows.get(key);
      if (!oldRow || rank[f.severity] < rank[oldRow]) marks.rows.set(key, f.severity);
    }
  }
  return { marks, targets };
}

/** 第 12 页第 797 行 · 支出总表 · 21011 · 合计 */
export function describeWhere(f: Finding, tableTitle: (key: string) => string): string {
  const w = f.where;
  const place = `${w.page !== undefined ? `第 ${w.page} 页` : ''}${w.line !== undefined ? `第 ${w.line} 行` : ''}`;
  return [place, w.table && tableTitle(w.table), w.row, w.column, w.project, w.section]
    .filter(Boolean)
    .join(' · ');
}
