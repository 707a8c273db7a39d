// npm run eval: yusuan on a corpus of real disclosures against hand-written annotations (eval/corpus.json).
// Per document and in total: identity right (kind, year, department), tables recognised with rows / tables
// printed, annotated defects found, and findings (not info) that match no annotated defect — false alarms.
// The annotations come from reading the documents (the golden parses and findings of the seeds and samples,
// written cell by cell; eval/annotations/*.json for the other documents), never from yusuan's output.
// `--out eval/RESULTS.md` also writes the figures there.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { disclosureVerdict } from '../src/check/disclosure.ts';
import { checkDocument } from '../src/check/engine.ts';
import type { Finding, Where } from '../src/check/types.ts';
import type { Document } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '..', 'shared');

/** A corpus entry: the file, and where its truth is written. */
interface Entry {
  file: string;
  /** A golden parse (test/golden): kind, year, department and the tables with their rows. */
  truth?: string;
  /** Golden findings: their non-info ones are the document's annotated defects. */
  defects?: string;
  /** An annotation written by reading the document (eval/annotations). */
  annotation?: string;
  /** A blank template: right when it is recognised as one. */
  template?: true;
}

interface Annotation {
  kind: string;
  year: number;
  department: string;
  tables: { key: string; empty?: boolean }[];
  /** `rule`: the rule that should report it; required for a defect with no figures (a blank left unfilled). */
  defects: { kind: string; table?: string; description: string; numbers: string[]; rule?: string }[];
  clean?: boolean;
}

interface Truth {
  kind: string;
  year: number;
  department: string;
  /** Tables printed in the document (those yusuan has a key for), and whether they print no rows. */
  tables: { key: string; empty: boolean }[];
  /** Tables printed that yusuan has no key for. */
  otherTables: number;
  defects: ((f: Finding) => boolean)[];
  defectNames: string[];
}

/** Documents kept in the repository (eval/pages, public web pages) by their path; the others in ../shared. */
const fileOf = (entry: Entry) => join(entry.file.startsWith('eval/') ? root : shared, entry.file);

const canonical = (n: string) =>
  n
    .replace(/[,，]/g, '')
    .replace(/^0+(?=\d)/, '')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
const numbersOf = (f: Finding) =>
  new Set(
    [
      ...(f.message.replace(/[,，]/g, '').match(/\d+(?:\.\d+)?/g) ?? []),
      ...[f.expected, f.actual].filter((n) => n !== undefined).map(String),
    ].map(canonical),
  );
/** A finding is at the annotated place when it agrees on every key the annotation gives. */
const atPlace = (found: Where, annotated: Where) =>
  Object.entries(annotated).every(([key, value]) => found[key as keyof Where] === value);

function truthOf(entry: Entry): Truth {
  if (entry.annotation) {
    const a = JSON.parse(readFileSync(join(root, entry.annotation), 'utf8')) as Annotation;
    const known = a.tables.filter((t) => !t.key.startsWith('other:'));
    return {
      kind: a.kind,
      year: a.year,
      department: a.department,
      tables: known.map((t) => ({ key: t.key, empty: t.empty === true })),
      otherTables: a.tables.length - known.length,
      defects: a.defects.map((d) => (f: Finding) => {
        if (d.rule !== undefined && f.rule !== d.rule) return false;
        // A defect with no figures to name (an unfilled blank) is matched by its rule alone, never by anything.
        if (d.numbers.length === 0) return d.rule !== undefined;
        const numbers = numbersOf(f);
        // The annotation lists the figures involved; a finding that names two of them (or the one) is about it.
        return d.numbers.filter((n) => numbers.has(canonical(n))).length >= Math.min(2, d.numbers.length);
      }),
      defectNames: a.defects.map((d) => d.description),
    };
  }
  const golden = JSON.parse(readFileSync(join(root, entry.truth!), 'utf8')) as {
    kind: string;
    year: number;
    department: { name: string };
    tables: Record<string, { rows: unknown[] }>;
  };
  const findings = entry.defects
    ? (JSON.parse(readFileSync(join(root, entry.defects), 'utf8')) as Finding[]).filter(
        (f) => f.severity !== 'info',
      )
    : [];
  return {
    kind: golden.kind,
    year: golden.year,
    department: golden.department.name,
    tables: Object.entries(golden.tables).map(([key, t]) => ({ key, empty: t.rows.length === 0 })),
    otherTables: 0,
    defects: findings.map((d) => (f: Finding) => f.rule === d.rule && atPlace(f.where, d.where)),
    defectNames: findings.map((d) => `${d.rule} ${JSON.stringify(d.where)}`),
  };
}

interface Result {
  file: string;
  identity: boolean;
  identityNote: string;
  tablesPresent: number;
  tablesRecognised: number;
  defects: number;
  defectsFound: number;
  falseAlarms: number;
  falseAlarmRules: string[];
  missed: string[];
}

async function evaluate(entry: Entry): Promise<Result> {
  const path = fileOf(entry);
  const doc: Document = await parseDocument(new Uint8Array(readFileSync(path)), entry.file);
  const base = { file: entry.file, missed: [], falseAlarmRules: [] };
  if (entry.template) {
    const verdict = disclosureVerdict(doc).is;
    return {
      ...base,
      identity: verdict === 'template',
      identityNote: verdict === 'template' ? '' : `识别为 ${verdict}`,
      tablesPresent: 0,
      tablesRecognised: 0,
      defects: 0,
      defectsFound: 0,
      falseAlarms: 0,
    };
  }
  const truth = truthOf(entry);
  const wrong = [
    doc.kind !== truth.kind && `类型 ${doc.kind}≠${truth.kind}`,
    doc.year !== truth.year && `年度 ${doc.year}≠${truth.year}`,
    doc.department.name !== truth.department && `部门 ${doc.department.name || '—'}≠${truth.department}`,
  ].filter(Boolean);
  const tables = doc.tables as Record<string, { rows: unknown[] } | undefined>;
  const recognised = truth.tables.filter(
    ({ key, empty }) => tables[key] !== undefined && (empty || (tables[key]?.rows.length ?? 0) > 0),
  );
  const findings = checkDocument(doc).filter((f) => f.severity !== 'info');
  const found = truth.defects.map((matches) => findings.some(matches));
  const alarms = findings.filter((f) => !truth.defects.some((matches) => matches(f)));
  return {
    ...base,
    identity: wrong.length === 0,
    identityNote: wrong.join('；'),
    tablesPresent: truth.tables.length + truth.otherTables,
    tablesRecognised: recognised.length,
    defects: truth.defects.length,
    defectsFound: found.filter(Boolean).length,
    falseAlarms: alarms.length,
    falseAlarmRules: alarms.map((f) => f.rule),
    missed: truth.defectNames.filter((_, i) => !found[i]),
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;

async function main(): Promise<void> {
  const entries = JSON.parse(readFileSync(join(root, 'eval', 'corpus.json'), 'utf8')) as Entry[];
  const results: Result[] = [];
  for (const entry of entries) {
    if (entry.annotation && !existsSync(join(root, entry.annotation))) continue;
    if (!existsSync(fileOf(entry))) {
      console.error(`跳过 ${entry.file}：文件不存在（../shared 未就位？）`);
      continue;
    }
    results.push(await evaluate(entry));
  }
  const sum = (f: (r: Result) => number) => results.reduce((n, r) => n + f(r), 0);
  const lines = [
    '| document | identity | tables recognised / printed | defects found / annotated | false alarms |',
    '|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.file} | ${r.identity ? 'right' : `**wrong** (${r.identityNote})`} | ${r.tablesRecognised} / ${r.tablesPresent} | ${r.defectsFound} / ${r.defects} | ${r.falseAlarms}${r.falseAlarms ? ` (${[...new Set(r.falseAlarmRules)].join(', ')})` : ''} |`,
    ),
    `| **total (${results.length})** | ${sum((r) => (r.identity ? 1 : 0))} / ${results.length} | ${sum((r) => r.tablesRecognised)} / ${sum((r) => r.tablesPresent)} (${percent(
      sum((r) => r.tablesRecognised),
      sum((r) => r.tablesPresent),
    )}) | ${sum((r) => r.defectsFound)} / ${sum((r) => r.defects)} (${percent(
      sum((r) => r.defectsFound),
      sum((r) => r.defects),
    )}) | ${sum((r) => r.falseAlarms)} (${(sum((r) => r.falseAlarms) / Math.max(1, results.length)).toFixed(2)} per document) |`,
  ];
  const missed = results.flatMap((r) => r.missed.map((m) => `- ${r.file}: ${m}`));
  const report = [
    ...lines,
    '',
    'Targets (issue 19): identity right on every document, ≥ 95% of printed tables recognised, ≥ 90% of annotated defects found, ≤ 1 false alarm per 5 documents.',
    ...(missed.length ? ['', 'Annotated defects not found:', ...missed] : []),
  ].join('\n');
  console.log(report);
  const out = process.argv.indexOf('--out');
  if (out >= 0 && process.argv[out + 1]) {
    const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
    const file = join(root, process.argv[out + 1]!);
    // The sections written by hand below the figures (## …, such as a held-out round's first run) are kept.
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const kept = previous.search(/^## /m);
    writeFileSync(
      file,
      `# Evaluation results\n\n\`npm run eval -- --out eval/RESULTS.md\`, ${new Date().toISOString().slice(0, 10)}, ${machine}.\n\n${report}\n${kept >= 0 ? `\n${previous.slice(kept)}` : ''}`,
    );
  }
}

await main();
