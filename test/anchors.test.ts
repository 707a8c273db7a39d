// Every finding points at its place by index (issue 22, item 3): the anchor names an element of the model
// that is what the finding's words say, the rule's own row where it had one, and it survives the store.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { tableParentChildren } from '../src/check/rules/table-parent-children.ts';
import type { Finding } from '../src/check/types.ts';
import { toDecimal } from '../src/model/decimal.ts';
import type { Document } from '../src/model/document.ts';
import { compact, sentencesOf } from '../src/model/text.ts';
import { parseDocument } from '../src/parse.ts';
import { toFindingsJson } from '../src/report/json.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { storedDocument } from '../src/store/queries.ts';
import { parseSeed, seedBytes, seedFiles } from './helpers.ts';
import { run } from './rules/check.ts';

const pdfDir = fileURLToPath(new URL('../../shared/samples/pdf/', import.meta.url));
const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf') && !f.includes('template'));

/** What is wrong with a finding's anchor, or undefined when it names the place `where` describes. */
function misplaced(doc: Document, f: Finding): string | undefined {
  const a = f.anchor;
  const w = f.where;
  switch (a.kind) {
    case 'document':
      // Only a finding about the whole document, or about a table or project it does not have.
      if (w.table && doc.tables[w.table]) return 'a table the document has, anchored to the document';
      if (w.project && doc.projects.some((p) => p.code === w.project))
        return 'a project, anchored to the document';
      return undefined;
    case 'table':
    case 'row':
    case 'cell': {
      const table = doc.tables[a.table];
      if (!table) return `no table ${a.table}`;
      if (w.table && w.table !== a.table) return `where says ${w.table}`;
      if (a.kind === 'table') return undefined;
      const row = table.rows[a.row];
      if (!row) return `no row ${a.row}`;
      if (a.kind === 'cell') {
        const columns = row.side === 'income' ? (table.incomeColumns ?? table.columns) : table.columns;
        if (a.column >= columns.length) return `no column ${a.column}`;
        if (w.column !== undefined && compact(columns[a.column]!) !== compact(w.column))
          return `column ${columns[a.column]} for ${w.column}`;
      }
      if (w.line !== undefined && row.source.line !== w.line)
        return `row on line ${row.source.line}, where says ${w.line}`;
      return undefined;
    }
    case 'section': {
      const section = doc.sections[a.section];
      if (!section) return `no section ${a.section}`;
      if (a.sentence !== undefined && !sentencesOf(section.text)[a.sentence])
        return `no sentence ${a.sentence}`;
      if (w.section && compact(w.section) !== compact(section.heading) && w.line === undefined)
        return `section ${section.heading} for ${w.section}`;
      return undefined;
    }
    case 'project': {
      const project = doc.projects[a.project];
      if (!project) return `no project ${a.project}`;
      if (w.project !== project.code) return `project ${project.code} for ${w.project}`;
      if (a.indicator !== undefined && project.indicators[a.indicator]?.source.line !== w.line)
        return `indicator ${a.indicator} not on line ${w.line}`;
      if (a.month !== undefined && w.column !== `${a.month}月底`) return `month ${a.month} for ${w.column}`;
      return undefined;
    }
  }
}

describe('finding anchors', () => {
  it('name, in every seed and sample PDF, the element the finding is about', async () => {
    const docs: [string, Document][] = seedFiles.map((f) => [f, parseSeed(f)]);
    for (const f of pdfs) docs.push([f, await parseDocument(new Uint8Array(readFileSync(pdfDir + f)), f)]);
    let cells = 0;
    let sentences = 0;
    for (const [file, doc] of docs) {
      for (const finding of checkDocument(doc)) {
        expect(misplaced(doc, finding), `${file}: ${finding.rule} ${finding.message}`).toBeUndefined();
        if (finding.anchor.kind === 'cell') cells++;
        if (finding.anchor.kind === 'section' && finding.anchor.sentence !== undefined) sentences++;
      }
    }
    // The seeds' known discrepancies are in cells and in the text's sentences: both kinds occur.
    expect(cells).toBeGreaterThan(20);
    expect(sentences).toBeGreaterThan(5);
  });

  it('are the row the finding is about when a code is printed twice', () => {
    // A 款 printed twice (a table continued on the next page with its last row repeated), the second time
    // with an amount its 项 do not add up to: the finding is on the second row.
    const source = (line: number) => ({ line });
    const row = (code: string, name: string, amount: string, line: number) => ({
      code,
      name,
      amounts: [{ value: toDecimal(amount)!, source: source(line) }],
      source: source(line),
    });
    const doc = {
      ...parseSeed('004'),
      tables: {
        expenditure: {
          key: 'expenditure',
          title: '部门预算支出总表',
          columns: ['合计'],
          rows: [
            row('201', '一般公共服务支出', '10', 1),
            row('20101', '人大事务', '10', 2),
            row('2010101', '行政运行', '10', 3),
            row('20101', '人大事务', '12', 4),
          ],
          notes: [],
          notesSayEmpty: false,
          unit: '万元',
          source: source(1),
        },
      },
    } as unknown as Document;
    const findings = run(tableParentChildren, doc).filter((f) => f.where.row === '20101');
    expect(findings.map((f) => f.anchor)).toEqual([
      { kind: 'cell', table: 'expenditure', row: 3, column: 0 },
    ]);
  });

  it('are left out of the command line JSON, whose finding the architecture fixes', () => {
    const doc = parseSeed('000');
    const json = JSON.parse(
      toFindingsJson([
        { file: 'x.txt', document: doc, profile: 'hebei-county-budget', findings: checkDocument(doc) },
      ]),
    );
    const keys = new Set(json.files[0].findings.flatMap((f: object) => Object.keys(f)));
    expect([...keys].sort()).toEqual(['actual', 'expected', 'message', 'rule', 'severity', 'where']);
  });
});

describe('finding anchors in the store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({});
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('read back as the check gave them', async () => {
    const file = seedFiles.find((f) => f.startsWith('000'))!;
    const { id } = await importFile(store, seedBytes(file), file);
    const stored = (await storedDocument(store, id))!;
    const direct = checkDocument(stored.document);
    // jsonb keeps no key order: the place is compared with its keys sorted.
    const byPlace = (f: Finding) => JSON.stringify([f.rule, f.message, Object.entries(f.where).sort()]);
    const anchors = new Map(direct.map((f) => [byPlace(f), f.anchor]));
    expect(stored.findings.length).toBe(direct.length);
    for (const f of stored.findings) expect(f.anchor, f.message).toEqual(anchors.get(byPlace(f)));
  });
});
