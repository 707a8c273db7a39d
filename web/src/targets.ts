// Where on the document page a finding points: a table cell, a whole row, a table, a project (its spending
// plan month or one indicator), or a section. Element ids are stable: built from table key and row index.

import type { Source, TableRow } from '../../src/model/document.ts';
import type { Document, Finding, Severity } from './api.ts';

export const cellId = (table: string, row: number, column: number | 'name') => `c-${table}-${row}-${column}`;
export const tableId = (table: string) => `t-${table}`;
export const projectId = (code: string) => `p-${code}`;
export const planId = (code: string, month: number) => `p-${code}-m${month}`;
export const indicatorId = (code: string, index: number) => `p-${code}-i${index}`;
export const sectionId = (index: number) => `s-${index}`;
export const sentenceId = (section: number, sentence: number) => `s-${section}-q${sentence}`;

/** A section's prose cut into sentences, each with the 。；！？ that ends it: together they are the text. */
export function sentencesOf(text: string): string[] {
  return text.match(/[^。；！？;!?]+[。；！？;!?]*|[。；！？;!?]+/g) ?? [];
}

/** A number as a canonical string: no thousands separators, no leading or trailing zeros ("1,270.00" → "1270"). */
const canonical = (n: string) =>
  n
    .replace(/[,，]/g, '')
    .replace(/^0+(?=\d)/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
const numbersIn = (text: string) =>
  (text.replace(/[,，\s]/g, '').match(/\d+(?:\.\d+)?/g) ?? []).map(canonical);

/** The pairs of Chinese characters in a text, to tell how much of a message a sentence speaks of. */
const bigrams = (text: string) => {
  const han = text.replace(/[^\u4e00-\u9fff]+/g, ' ');
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++)
    if (han[i] !== ' ' && han[i + 1] !== ' ') pairs.add(han.slice(i, i + 2));
  return pairs;
};

/**
 * The sentence of a section that states the amount a finding is about: among the sentences that print an
 * amount (or share) the text states on the finding's line, the one sharing most words with the message (a
 * total and its first part may print the same figure in two sentences).
 */
function sentenceOf(doc: Document, finding: Finding, section: number): number | undefined {
  const { line, page } = finding.where;
  if (line === undefined) return undefined;
  const onLine = (source: Source) => source.line === line && (page === undefined || source.page === page);
  const stated = new Set([
    ...doc.statedAmounts.filter((a) => onLine(a.source)).map((a) => canonical(a.value)),
    ...(doc.statedShares ?? []).filter((s) => onLine(s.source)).map((s) => canonical(s.percent)),
  ]);
  if (stated.size === 0) return undefined;
  const words = bigrams(finding.message);
  let best: { index: number; score: number } | undefined;
  sentencesOf(doc.sections[section]!.text).forEach((sentence, index) => {
    if (!numbersIn(sentence).some((n) => stated.has(n))) return;
    const own = bigrams(sentence);
    const score = [...words].filter((w) => own.has(w)).length;
    if (!best || score > best.score) best = { index, score };
  });
  return best?.index;
}

export interface Target {
  /** The element to scroll to and outline. */
  id: string;
  /** For a whole-row finding: the row to mark (table key and row index). */
  row?: { table: string; index: number };
  /** Where the element stands in the original file; for a PDF its page and, for amounts, the cell's box. */
  source?: Source;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function targetOf(doc: Document, finding: Finding): Target | null {
  const w = finding.where;
  if (w.table) {
    const table = doc.tables[w.table];
    if (!table) return null;
    if (w.row === undefined) return { id: tableId(table.key) };
    const wanted = squash(w.row);
    const candidates = table.rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => row.code === w.row || (!row.code && squash(row.name) === wanted));
    const fallback = table.rows
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => squash(row.name) === wanted);
    const pool = candidates.length > 0 ? candidates : fallback;
    const hit = pool.find(({ row }) => row.source.line === w.line) ?? pool[0];
    if (!hit) return { id: tableId(table.key), source: table.source };
    if (w.column !== undefined) {
      const columns = hit.row.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns;
      let c = columns.indexOf(w.column);
      if (c < 0) c = columns.findIndex((name) => squash(name) === squash(w.column!));
      if (c >= 0)
        return { id: cellId(table.key, hit.index, c), source: hit.row.amounts[c]?.source ?? hit.row.source };
    }
    return {
      id: cellId(table.key, hit.index, 'name'),
      row: { table: table.key, index: hit.index },
      source: rowSource(hit.row),
    };
  }
  if (w.project) {
    const project = doc.projects.find((p) => p.code === w.project);
    if (!project) return null;
    const month = /^(\d+)月底$/.exec(w.column ?? '')?.[1];
    if (month && project.plan)
      return { id: planId(project.code, Number(month)), source: project.plan.source };
    const indicator = project.indicators.findIndex((i) => i.source.line === w.line);
    if (indicator >= 0)
      return { id: indicatorId(project.code, indicator), source: project.indicators[indicator]!.source };
    return { id: projectId(project.code), source: project.source };
  }
  if (w.section) {
    let index = doc.sections.findIndex(
      (s) => s.heading === w.section || squash(s.heading) === squash(w.section!),
    );
    if (index < 0 && w.line !== undefined)
      index = doc.sections.findLastIndex((s) => s.source.line <= w.line!);
    if (index >= 0) {
      const sentence = sentenceOf(doc, finding, index);
      return { id: sentence === undefined ? sectionId(index) : sentenceId(index, sentence) };
    }
  }
  return null;
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
