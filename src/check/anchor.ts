// A finding's anchor: the model's indices of what it is about (types.ts `Anchor`). Rules that read a row
// give it by the row itself (`rowAnchor`); for the others the engine finds it from `where`, here and nowhere
// else, so the web app never guesses.
import type {
  BudgetTable,
  Document,
  Indicator,
  Project,
  Section,
  Source,
  TableRow,
} from '../model/document.ts';
import { compact, sentencesOf } from '../model/text.ts';
import type { Anchor, Where } from './types.ts';

/** The row (and, by index or name, the column) a rule has in hand. */
export function rowAnchor(table: BudgetTable, row: TableRow, column?: number | string): Anchor {
  const index = table.rows.indexOf(row);
  if (index < 0) return { kind: 'table', table: table.key };
  const c = typeof column === 'string' ? columnIndex(table, row, column) : column;
  return c === undefined || c < 0
    ? { kind: 'row', table: table.key, row: index }
    : { kind: 'cell', table: table.key, row: index, column: c };
}

function columnIndex(table: BudgetTable, row: TableRow, name: string): number {
  const columns = row.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns;
  const exact = columns.indexOf(name);
  return exact >= 0 ? exact : columns.findIndex((c) => compact(c) === compact(name));
}

/** The anchor of a finding whose rule gave only `where`: by code or name and line, as the rule printed it. */
export function anchorOf(doc: Document, finding: { where: Where; message: string }): Anchor {
  const w = finding.where;
  if (w.table) {
    const table = doc.tables[w.table];
    if (!table) return { kind: 'document' };
    if (w.row === undefined) return { kind: 'table', table: table.key };
    const wanted = compact(w.row);
    const indexed = table.rows.map((row, index) => ({ row, index }));
    const byCode = indexed.filter(
      ({ row }) => row.code === w.row || (!row.code && compact(row.name) === wanted),
    );
    const pool = byCode.length > 0 ? byCode : indexed.filter(({ row }) => compact(row.name) === wanted);
    const hit = pool.find(({ row }) => row.source.line === w.line) ?? pool[0];
    if (!hit) return { kind: 'table', table: table.key };
    return rowAnchor(table, hit.row, w.column);
  }
  if (w.project) {
    const project = doc.projects.findIndex((p) => p.code === w.project);
    if (project < 0) return { kind: 'document' };
    const month = /^(\d+)月底$/.exec(w.column ?? '')?.[1];
    if (month && doc.projects[project]!.plan) return { kind: 'project', project, month: Number(month) };
    const indicator = doc.projects[project]!.indicators.findIndex((i) => i.source.line === w.line);
    return indicator >= 0 ? { kind: 'project', project, indicator } : { kind: 'project', project };
  }
  if (w.section) {
    let section = doc.sections.findIndex(
      (s) => s.heading === w.section || compact(s.heading) === compact(w.section!),
    );
    if (section < 0 && w.line !== undefined)
      section = doc.sections.findLastIndex((s) => s.source.line <= w.line!);
    if (section < 0) return { kind: 'document' };
    const sentence = sentenceOf(doc, finding, section);
    return sentence === undefined ? { kind: 'section', section } : { kind: 'section', section, sentence };
  }
  return { kind: 'document' };
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
function sentenceOf(
  doc: Document,
  finding: { where: Where; message: string },
  section: number,
): number | undefined {
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

/** A project a rule has in hand, or one of its indicators or spending-plan months. */
export function projectAnchor(
  doc: Document,
  project: Project,
  at: { indicator?: Indicator; month?: number } = {},
): Anchor {
  const index = doc.projects.indexOf(project);
  if (index < 0) return { kind: 'document' };
  if (at.month !== undefined) return { kind: 'project', project: index, month: at.month };
  const indicator = at.indicator ? project.indicators.indexOf(at.indicator) : -1;
  return indicator >= 0
    ? { kind: 'project', project: index, indicator }
    : { kind: 'project', project: index };
}

/** A section a rule has in hand (its heading, not a sentence). */
export function sectionAnchor(doc: Document, section: Section): Anchor {
  const index = doc.sections.indexOf(section);
  return index < 0 ? { kind: 'document' } : { kind: 'section', section: index };
}
