// Runs the rules of a profile over a Document. Rules report; the engine names the rule, applies the
// configured severity, and orders the findings by where they stand in the document.
import { type Document, isDoubtful, type Source, tablesInOrder } from '../model/document.ts';
import { chooseProfile, profiles } from './profiles.ts';
import { rules } from './rules/index.ts';
import type { Finding, ProfileName, Rule, Severity } from './types.ts';

/** yusuan.config.json: switch a rule off or change its severity; pin a profile. */
export interface CheckConfig {
  profile?: ProfileName;
  rules?: Record<string, 'off' | Severity>;
  /** The same department's document of the year before (the store supplies it). */
  previous?: Document;
  /** The department's units' own documents of the same year (the store supplies them). */
  units?: Document[];
}

/** Said after the message of a finding that rests on an amount OCR read with doubt. */
export const ocrDoubtNote = '（可能为识别误差）';

/** An amount OCR read with doubt, and where it stands, to tell the findings that rest on it. */
interface Doubt {
  table?: string;
  rowKeys: string[];
  /** Absent for a doubt on the row as a whole. */
  column?: string;
  /** NaN for a doubt on the row as a whole. */
  value: number;
  source: Source;
}

/** The document's amounts (table cells, stated in the text) that OCR read below the doubtful confidence. */
function doubtsOf(doc: Document): Doubt[] {
  const out: Doubt[] = [];
  for (const table of tablesInOrder(doc)) {
    // A code printed twice in a scanned table is one misread (2101101 read as 21011): both rows are doubtful.
    const seen = new Map<string, number>();
    for (const row of table.rows) if (row.code) seen.set(row.code, (seen.get(row.code) ?? 0) + 1);
    for (const row of table.rows) {
      if (row.code && (seen.get(row.code) ?? 0) > 1 && row.source.confidence !== undefined)
        out.push({ table: table.key, rowKeys: [row.code], value: Number.NaN, source: row.source });
      const rowKeys = [row.name, row.name.replace(/\s/g, ''), ...(row.code ? [row.code] : [])];
      // A doubt on the row's line: a misread amount may be missing from its amounts, or in another column.
      if (isDoubtful(row.source))
        out.push({ table: table.key, rowKeys, value: Number.NaN, source: row.source });
      const columns = row.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns;
      row.amounts.forEach((a, i) => {
        if (!a || !isDoubtful(a.source)) return;
        const column = columns[i];
        out.push({
          table: table.key,
          rowKeys,
          ...(column ? { column } : {}),
          value: Number(a.value),
          source: a.source,
        });
      });
    }
  }
  for (const s of [...doc.statedAmounts, ...(doc.statedChanges ?? [])]) {
    if (!isDoubtful(s.source)) continue;
    const value = 'value' in s ? s.value : s.amount;
    out.push({ rowKeys: [], value: Number(value), source: s.source });
  }
  return out;
}

/**
 * Whether a finding rests on a doubtful amount: one in its row, or in its column of its table, one printed on
 * its line, or one whose value is the figure it reports (expected or actual, also across 元/万元).
 */
function restsOnDoubt(f: Finding, doubts: Doubt[]): boolean {
  const { where } = f;
  const figures = [f.expected, f.actual].filter((n): n is number => n !== undefined && n !== 0);
  const same = (a: number, b: number) => Math.abs(a - b) < 0.005;
  return doubts.some((d) => {
    if (where.table !== undefined && where.table === d.table) {
      if (where.row !== undefined && d.rowKeys.includes(where.row)) return true;
      // A column's finding (a total of it) rests on every cell of the column, and on a row of unknown column.
      if (where.column !== undefined && (d.column === undefined || where.column === d.column)) return true;
    }
    if (where.line !== undefined && where.line === d.source.line) return true;
    return figures.some((n) => same(n, d.value) || same(n, d.value / 10_000) || same(n, d.value * 10_000));
  });
}

export function checkDocument(doc: Document, config: CheckConfig = {}, ruleSet: Rule[] = rules): Finding[] {
  const profile = config.profile ? profiles[config.profile] : chooseProfile(doc);
  const findings: Finding[] = [];
  const doubts = doubtsOf(doc);
  for (const rule of ruleSet) {
    const { meta } = rule;
    const setting = config.rules?.[meta.id];
    if (setting === 'off') continue;
    if (!meta.kinds.includes(doc.kind)) continue;
    if (meta.profiles && !meta.profiles.includes(profile.name)) continue;
    if (meta.needsHistory && !config.previous) continue;
    if (meta.needsUnits && !config.units?.length) continue;
    rule.check(doc, {
      profile,
      ...(config.previous ? { previous: config.previous } : {}),
      ...(config.units?.length ? { units: config.units } : {}),
      report(r) {
        let severity = r.severity ?? meta.severity;
        // A configured severity replaces the rule's; rounding stays info.
        if (setting && severity !== 'info') severity = setting;
        const finding: Finding = { rule: meta.id, severity, message: r.message, where: r.where };
        if (r.expected !== undefined) finding.expected = r.expected;
        if (r.actual !== undefined) finding.actual = r.actual;
        // A discrepancy that an OCR misreading could explain is a warning, and says so.
        if (doubts.length > 0 && severity !== 'info' && restsOnDoubt(finding, doubts)) {
          if (finding.severity === 'error') finding.severity = 'warning';
          finding.message += ocrDoubtNote;
        }
        findings.push(finding);
      },
    });
  }
  return findings.sort(
    (a, b) => (a.where.line ?? Number.MAX_SAFE_INTEGER) - (b.where.line ?? Number.MAX_SAFE_INTEGER),
  );
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
