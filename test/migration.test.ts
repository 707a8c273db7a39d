// Upgrading: a data directory made by the release before the review workflow (commit 121290d, migrations
// 0001–0004; test/fixtures/README.md says how it was made) opened by this code. Every migration since is
// applied, in one transaction, once; no document, version, finding, user or file is lost, and each reads
// back as the old code stored it; the review's new columns start at their defaults; a version imported
// after the upgrade continues the old chain; opening the store again changes nothing; and the upgraded
// schema is the one a new store gets.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisclosure, demoDocuments } from '../src/demo/generate.ts';
import { tablesInOrder } from '../src/model/document.ts';
import { login } from '../src/server/auth.ts';
import { firstRun } from '../src/server/start.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { migrations } from '../src/store/migrations.ts';
import { PgliteDialect } from '../src/store/pglite-dialect.ts';
import { originalFile, overview, storedDocument } from '../src/store/queries.ts';
import { documentReview, moveReview, setFindingStatus } from '../src/store/reviews.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const fixture = new URL('./fixtures/store-0004.tar.br', import.meta.url);
const oldMigrations = ['0001-initial', '0002-edits', '0003-login-security', '0004-import-jobs'];

// What the old code stored, as test/fixtures/make-store-0004.ts printed it with that code.
const before = {
  departments: 7,
  documents: 17,
  current: 15,
  findings: 16,
  users: 3,
  sessions: 1,
  audit: 18,
  files: 16,
  cells: 2873,
  projects: 34,
  indicators: 135,
};
type Row = [
  id: number,
  department: string,
  year: number,
  version: number,
  current: boolean,
  editedFrom: number | null,
  counts: [errors: number, warnings: number, infos: number],
  rules: Record<string, number>,
  model: string,
  findings: string,
];
const none = '4f53cda18c2baa0c'; // no findings
const documents: Row[] = [
  [1, '示范县商务局', 2023, 1, true, null, [0, 0, 0], {}, '3ab2e72eef6f9a60', none],
  [2, '示范县商务局', 2024, 1, true, null, [0, 0, 0], {}, '40047e5eeddf2e4f', none],
  [
    3,
    '示范县商务局',
    2025,
    1,
    false,
    null,
    [4, 0, 0],
    { 'table-parent-children': 4 },
    'c9c8526970688694',
    'a24287cb04f723d1',
  ],
  [4, '示范县发展和改革局', 2023, 1, true, null, [0, 0, 0], {}, '44839ae66be54d01', none],
  [5, '示范县发展和改革局', 2024, 1, true, null, [0, 0, 0], {}, 'c4a852fc4b4d0b91', none],
  [
    6,
    '示范县发展和改革局',
    2025,
    1,
    false,
    null,
    [4, 0, 0],
    { 'text-amount': 1, 'text-parts-sum': 2, 'project-spending-plan': 1 },
    '85d674cd0f730e79',
    '5e38773e481ae681',
  ],
  [7, '示范县市场监督管理局', 2023, 1, true, null, [0, 0, 0], {}, '51cffc7c82d7c3f4', none],
  [8, '示范县市场监督管理局', 2024, 1, true, null, [0, 0, 0], {}, 'b288522b1c06e257', none],
  [
    9,
    '示范县市场监督管理局',
    2025,
    1,
    true,
    null,
    [1, 0, 0],
    { 'text-change-vs-prior': 1 },
    '47fdc42d44b3a714',
    '2bfcb1653058aac9',
  ],
  [10, '示范县文化广电和旅游局', 2023, 1, true, null, [0, 0, 0], {}, 'd3acbbc6e190ffa4', none],
  [11, '示范县文化广电和旅游局', 2024, 1, true, null, [0, 0, 0], {}, '4f3612873e4da5f6', none],
  [
    12,
    '示范县文化广电和旅游局',
    2025,
    1,
    true,
    null,
    [1, 1, 0],
    { 'note-empty-with-data': 1, 'project-indicator-coverage': 1 },
    'f21f9b4fdf9674cc',
    '960ca397fc1cfac4',
  ],
  [
    13,
    '示范县教育局',
    2025,
    1,
    true,
    null,
    [5, 0, 0],
    { 'department-units-total': 5 },
    '76e93c79efd19ccb',
    'b6d98a0398a6c45b',
  ],
  [14, '示范县教育局本级', 2025, 1, true, null, [0, 0, 0], {}, '1db12f3c08ba2ed4', none],
  [15, '示范县教育服务中心', 2025, 1, true, null, [0, 0, 0], {}, 'f92897ab051de120', none],
  // 示范县商务局 2025 corrected online (two amounts), 示范县发展和改革局 2025 uploaded again.
  [16, '示范县商务局', 2025, 2, true, 3, [0, 0, 0], {}, '3f3c543b462366c0', none],
  [17, '示范县发展和改革局', 2025, 2, true, null, [0, 0, 0], {}, '42aab92d6e02363c', none],
];

/** Unpacks the fixture (a ustar archive, brotli-compressed) into a new temporary directory. */
function unpack(): string {
  const into = mkdtempSync(join(tmpdir(), 'yusuan-store-0004-'));
  const tar = brotliDecompressSync(readFileSync(fixture));
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => {
      const bytes = header.subarray(start, start + length);
      const end = bytes.indexOf(0);
      return bytes.subarray(0, end < 0 ? length : end).toString('utf8');
    };
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const mode = Number.parseInt(field(100, 8).trim(), 8);
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const path = join(into, name);
    if (type === '5') mkdirSync(path, { recursive: true, mode });
    else if (type === '0' || type === '') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, tar.subarray(at + 512, at + 512 + size), { mode });
    } else throw new Error(`store-0004.tar.br: unexpected entry ${name} (type ${type})`);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return into;
}

const countOf = async (store: Store, table: keyof typeof tables) =>
  Number(
    (
      await store
        .selectFrom(tables[table])
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const tables = {
  departments: 'department',
  documents: 'document',
  findings: 'finding',
  users: 'app_user',
  sessions: 'session',
  audit: 'audit',
  files: 'file',
  cells: 'cell',
  projects: 'project',
  indicators: 'indicator',
} as const;
async function counts(store: Store) {
  const out: Record<string, number> = { current: (await overview(store)).length };
  for (const table of Object.keys(tables) as (keyof typeof tables)[])
    out[table] = await countOf(store, table);
  return out;
}

const applied = async (db: Kysely<unknown> | Store) =>
  (
    await sql<{
      name: string;
      timestamp: string;
    }>`select name, timestamp from kysely_migration order by name`.execute(db)
  ).rows;

/** The public schema: columns, constraints and indexes, for comparing an upgraded store with a new one. */
async function schemaOf(store: Store) {
  const columns = await sql`select table_name, column_name, data_type, is_nullable, column_default
    from information_schema.columns where table_schema = 'public' order by table_name, column_name`.execute(
    store,
  );
  const constraints =
    await sql`select conrelid::regclass::text as on_table, conname, pg_get_constraintdef(oid) as def
    from pg_constraint where connamespace = 'public'::regnamespace order by 1, 2`.execute(store);
  const indexes = await sql`select tablename, indexname, indexdef from pg_indexes
    where schemaname = 'public' order by 1, 2`.execute(store);
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a data directory of the release before the review (migrations 0001–0004)', () => {
  let dataDir: string;
  let store: Store;
  let reviewerOf: { id: number; role: string } | undefined;
  beforeAll(async () => {
    dataDir = unpack();
    dirs.push(dataDir);
    // The fixture is what it says: the old release's four migrations and nothing of the review.
    const lite = new PGlite(dataDir);
    const raw = new Kysely<unknown>({ dialect: new PgliteDialect(lite) });
    expect((await applied(raw)).map((m) => m.name)).toEqual(oldMigrations);
    await raw.destroy();
    store = await openStore({ dataDir });
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('gets every migration up to the latest, the old ones untouched', async () => {
    expect(Object.keys(migrations).sort().slice(0, 4)).toEqual(oldMigrations);
    const rows = await applied(store);
    expect(rows.map((m) => m.name)).toEqual(Object.keys(migrations).sort());
    // The old ones keep the time they were applied; the new ones were applied together, now.
    const old = rows.slice(0, 4).map((m) => new Date(m.timestamp).getTime());
    const added = rows.slice(4).map((m) => new Date(m.timestamp).getTime());
    expect(Math.max(...old)).toBeLessThan(Math.min(...added));
  });

  it('keeps every department, document, version, finding, user, file and table row', async () => {
    expect(await counts(store)).toEqual(before);
  });

  it('reads each document, its versions and its findings as the old code stored them', async () => {
    const all = (await overview(store, { history: true })).sort((a, b) => a.id - b.id);
    expect(all.map((d) => d.id)).toEqual(documents.map((d) => d[0]));
    for (const [
      id,
      department,
      year,
      version,
      current,
      editedFrom,
      [errors, warnings, infos],
      rules,
      model,
      findings,
    ] of documents) {
      const summary = all.find((d) => d.id === id)!;
      expect({
        ...summary,
        importedAt: undefined,
        fileName: undefined,
        departmentId: undefined,
      }).toMatchObject({
        id,
        department,
        year,
        kind: 'budget',
        version,
        current,
        editedFrom,
        errors,
        warnings,
        infos,
      });
      const stored = (await storedDocument(store, id))!;
      expect(stored.document.year).toBe(year);
      expect(stored.findings).toHaveLength(errors + warnings + infos);
      const byRule: Record<string, number> = {};
      for (const f of stored.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      expect(byRule, `document ${id}`).toEqual(rules);
      // The model and the findings (without the review's additions) are the very ones the old code read.
      // The old code gave the tables in the store's jsonb key order (by length, then bytes); this one
      // gives them in printed order, so they are put back in jsonb order to compare.
      expect(Object.keys(stored.document.tables)).toEqual(tablesInOrder(stored.document).map((t) => t.key));
      const jsonbOrder = ([a]: [string, unknown], [b]: [string, unknown]) =>
        a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
      // The rows' roles are set on read (the old models have none): without them, the model is the old one.
      const withoutRoles = Object.entries(stored.document.tables).map(([key, t]) => [
        key,
        { ...t, rows: t!.rows.map(({ role: _role, ...row }) => row) },
      ]) as [string, unknown][];
      const asOldCodeRead = {
        ...stored.document,
        tables: Object.fromEntries(withoutRoles.sort(jsonbOrder)),
      };
      expect(sha256(JSON.stringify(asOldCodeRead)), `model of ${id}`).toBe(model);
      const plain = stored.findings.map(({ key: _key, review: _review, anchor: _anchor, ...f }) =>
        JSON.stringify(f),
      );
      expect(sha256(JSON.stringify(plain.sort())), `findings of ${id}`).toBe(findings);
      // The old code stored no anchors: each is found from the finding's place when read.
      for (const f of stored.findings) {
        if (f.where.table && stored.document.tables[f.where.table]) {
          expect(['table', 'row', 'cell']).toContain(f.anchor.kind);
          const named =
            f.where.row !== undefined &&
            stored.document.tables[f.where.table]!.rows.some(
              (r) => r.code === f.where.row || r.name.replace(/\s+/g, '') === f.where.row,
            );
          if (named) expect(f.anchor.kind, f.message).not.toBe('table');
        } else if (f.where.section) expect(f.anchor.kind, f.message).toBe('section');
      }
      // Every version of the chain is in its history, newest first.
      const chain = documents.filter((d) => d[1] === department && d[2] === year).map((d) => d[0]);
      expect(stored.history.map((d) => d.id)).toEqual(chain.reverse());
    }
    // The online correction keeps what it changed.
    expect((await storedDocument(store, 16))!.edits.map((e) => e.target)).toEqual([
      '部门预算支出总表「20113 商贸事务」合计',
      '部门预算支出总表「20113 商贸事务」项目支出',
    ]);
  });

  it('fills the unit code column from each stored model, so units still find their department', async () => {
    const rows = await store.selectFrom('document').select(['id', 'unit_code', 'model']).execute();
    const coded = rows.filter((r) => r.unit_code !== null);
    expect(coded.length).toBeGreaterThan(0);
    for (const r of rows) {
      const model = (typeof r.model === 'string' ? JSON.parse(r.model) : r.model) as {
        department: { unitCode?: string };
      };
      expect(r.unit_code).toBe(model.department.unitCode ?? null);
    }
    const units = (await overview(store)).filter((d) => d.parentDepartmentId !== null);
    expect(units.map((d) => d.department).sort()).toEqual(['示范县教育局本级', '示范县教育服务中心']);
  });

  it('keeps the uploaded files byte for byte', async () => {
    const demo = demoDocuments()[0]!;
    const file = (await originalFile(store, 1))!;
    expect(file.name).toBe(demo.name);
    expect(new TextDecoder().decode(file.bytes)).toBe(demo.text);
  });

  it('keeps what was public public: every version stored before the review is 通过, every finding 待核实 with no thread', async () => {
    const states = await store.selectFrom('document').select(['review_state', 'review_note']).execute();
    expect(states).toHaveLength(before.documents);
    for (const s of states) expect(s).toEqual({ review_state: 'approved', review_note: null });
    // The anonymous readers' overview still lists every current document.
    expect(await overview(store, { visible: { approvedOnly: true } })).toHaveLength(before.current);
    expect(await store.selectFrom('finding_review').selectAll().execute()).toEqual([]);
    expect(await store.selectFrom('finding_comment').selectAll().execute()).toEqual([]);
    for (const [id] of documents) {
      const stored = (await storedDocument(store, id))!;
      expect(stored.summary.reviewState).toBe('approved');
      expect(stored.review).toEqual({ state: 'approved', note: null });
      expect(stored.resolved).toEqual([]);
      for (const f of stored.findings)
        expect(f.review).toEqual({ status: 'new', reason: null, fixedIn: null, comments: [] });
    }
    const users = await store.selectFrom('app_user').select(['name', 'must_change_password']).execute();
    expect(users.map((u) => u.must_change_password)).toEqual([false, false, false]);
  });

  it("keeps the old users' passwords; an old, approved version is closed to the review", async () => {
    const outcome = await login(store, 'reviewer', 'yusuan-demo', '127.0.0.1');
    expect(outcome.ok).toBe(true);
    const reviewer = await store
      .selectFrom('app_user')
      .select(['id', 'role'])
      .where('name', '=', 'reviewer')
      .executeTakeFirstOrThrow();
    // An approved version is closed to the review; the next version of its chain is reviewed (below).
    const finding = (await storedDocument(store, 9))!.findings[0]!;
    await expect(
      setFindingStatus(store, 9, { key: finding.key, status: 'confirmed' }, reviewer),
    ).rejects.toThrow(/已通过审核/);
    reviewerOf = reviewer;
  });

  it('continues an old chain with a version imported after the upgrade', async () => {
    const scale = 1 + 0.37 + 2 * 0.08;
    const text = demoDisclosure({
      code: '402',
      name: '示范县发展和改革局',
      year: 2025,
      scale: scale * 1.01,
      previousScale: 1 + 0.37 + 0.08,
      mistakes: [],
    });
    const result = await importFile(store, new TextEncoder().encode(text), 'demo-402-2025-v3.txt');
    expect(result).toMatchObject({
      status: 'imported',
      department: '示范县发展和改革局',
      year: 2025,
      version: 3,
    });
    const chain = await store
      .selectFrom('document')
      .select(['id', 'version', 'superseded_by'])
      .where('id', 'in', [6, 17, result.id])
      .orderBy('id')
      .execute();
    expect(chain).toEqual([
      { id: 6, version: 1, superseded_by: 17 },
      { id: 17, version: 2, superseded_by: result.id },
      { id: result.id, version: 3, superseded_by: null },
    ]);
    const stored = (await storedDocument(store, result.id))!;
    expect(stored.history.map((d) => d.id)).toEqual([result.id, 17, 6]);
    expect(stored.review.state).toBe('pending');
    // The new version is reviewed as any other; the approved one stays public meanwhile.
    expect(await moveReview(store, result.id, { action: 'start' }, reviewerOf!)).toBe('reviewing');
    expect((await documentReview(store, result.id)).state).toBe('reviewing');
    const anonymous = await overview(store, { visible: { approvedOnly: true } });
    expect(anonymous.map((d) => d.id)).toContain(17);
    expect(anonymous.map((d) => d.id)).not.toContain(result.id);
  });

  it("is a started store to the server's first start: it imports nothing and creates no user", async () => {
    const was = await counts(store);
    await firstRun(store, () => {});
    expect(await counts(store)).toEqual(was);
    // The demo accounts still on the public demo password must now change it; the editor need not.
    const users = await store
      .selectFrom('app_user')
      .select(['name', 'must_change_password'])
      .orderBy('id')
      .execute();
    expect(users.map((u) => [u.name, u.must_change_password])).toEqual([
      ['admin', true],
      ['reviewer', true],
      [users[2]!.name, false],
    ]);
  });

  it('is opened again without any migration or change', async () => {
    const migrated = await applied(store);
    const was = await counts(store);
    expect(was).toMatchObject({ documents: before.documents + 1, files: before.files + 1 });
    await store.destroy();
    store = await openStore({ dataDir });
    expect(await applied(store)).toEqual(migrated);
    expect(await counts(store)).toEqual(was);
    const again = new Migrator({ db: store, provider: { getMigrations: async () => migrations } });
    expect(await again.migrateToLatest()).toEqual({ results: [] });
  });

  it('has the schema a new store gets', async () => {
    const newDir = mkdtempSync(join(tmpdir(), 'yusuan-store-new-'));
    dirs.push(newDir);
    const fresh = await openStore({ dataDir: newDir });
    try {
      expect(await schemaOf(store)).toEqual(await schemaOf(fresh));
    } finally {
      await fresh.destroy();
    }
  });
});

describe('a migration that fails on the old data directory', () => {
  it('leaves it as it was: the migrations run in one transaction', async () => {
    const dataDir = unpack();
    dirs.push(dataDir);
    const db = new Kysely<unknown>({ dialect: new PgliteDialect(new PGlite(dataDir)) });
    const failing = {
      ...migrations,
      '9999-fails': {
        async up() {
          throw new Error('planted failure');
        },
      },
    };
    const migrator = new Migrator({ db, provider: { getMigrations: async () => failing } });
    const { error, results } = await migrator.migrateToLatest();
    expect(String(error)).toContain('planted failure');
    expect(results?.at(-1)).toMatchObject({ migrationName: '9999-fails', status: 'Error' });
    // 0005 and 0006 ran before the failure, and were rolled back with it.
    expect((await applied(db)).map((m) => m.name)).toEqual(oldMigrations);
    const reviewTables = await sql`select table_name from information_schema.tables
      where table_schema = 'public' and table_name like 'finding_%'`.execute(db);
    expect(reviewTables.rows).toEqual([]);
    const reviewColumns = await sql`select column_name from information_schema.columns
      where table_schema = 'public' and column_name in ('review_state', 'must_change_password')`.execute(db);
    expect(reviewColumns.rows).toEqual([]);
    await db.destroy();
    // The directory is still the old one, whole: the real migrations then bring it forward.
    const store = await openStore({ dataDir });
    try {
      expect(await counts(store)).toEqual(before);
      expect((await applied(store)).map((m) => m.name)).toEqual(Object.keys(migrations).sort());
    } finally {
      await store.destroy();
    }
  });
});
