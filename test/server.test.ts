// The HTTP API against embedded PGlite, and against PostgreSQL when DATABASE_URL is set (CI sets it).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../src/check/types.ts';
import { big } from '../src/model/decimal.ts';
import type { Document } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import type { DocumentSummary } from '../src/store/queries.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const seed = (name: string) => new Uint8Array(readFileSync(join(seeds, name)));
const budget004 = '004_b9fc89043e8814d5.txt';
const budget000 = '000_fcc4ddfc57e18395.txt';
const password = 'correct horse battery';

interface Backend {
  name: string;
  open: () => Promise<{ store: Store; cleanup: () => Promise<void> }>;
}

const backends: Backend[] = [
  { name: 'PGlite', open: async () => ({ store: await openStore({}), cleanup: async () => {} }) },
];
const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  backends.push({
    name: 'PostgreSQL',
    open: async () => {
      // A schema of its own, so runs never see each other's data.
      const schema = `yusuan_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      const store = await openStore({ url: databaseUrl, schema });
      return {
        store,
        cleanup: async () => {
          await admin.query(`drop schema ${schema} cascade`);
          await admin.end();
        },
      };
    },
  });
}

for (const backend of backends) {
  describe(`API on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let base: string;
    let departmentOf004: number;

    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      const first = await importFile(store, seed(budget004), budget004);
      const dept = await store
        .selectFrom('document')
        .select('department_id')
        .where('id', '=', first.id)
        .executeTakeFirstOrThrow();
      departmentOf004 = dept.department_id;
      await createUser(store, { name: 'admin', password, role: 'admin' });
      await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
      await createUser(store, { name: 'editor', password, role: 'editor', departmentId: departmentOf004 });
      app = await buildServer({ store, webDir: '/nonexistent', publicOnUpload: true });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      await app?.close();
      await store?.destroy();
      await cleanup?.();
    });

    async function session(name: string) {
      const r = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      expect(r.status).toBe(200);
      const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
      const { csrf } = (await r.json()) as { csrf: string };
      return { cookie, csrf };
    }

    async function upload(
      files: { name: string; bytes: Uint8Array }[],
      auth?: { cookie: string; csrf: string },
    ) {
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([Buffer.from(f.bytes)]), f.name);
      const headers: Record<string, string> = {};
      if (auth) {
        headers.cookie = auth.cookie;
        headers['x-csrf-token'] = auth.csrf;
      }
      return fetch(`${base}/api/documents`, { method: 'POST', body: form, headers });
    }

    it('serves the overview and a document with its findings to anyone', async () => {
      const list = (await (await fetch(`${base}/api/documents`)).json()) as { id: number; errors: number }[];
      expect(list).toHaveLength(1);
      expect(list[0]!.errors).toBe(26);
      const doc = (await (await fetch(`${base}/api/documents/${list[0]!.id}`)).json()) as {
        document: { year: number };
        findings: { rule: string; expected?: number }[];
      };
      expect(doc.document.year).toBe(2024);
      expect(doc.findings).toHaveLength(47);
      expect(doc.findings.find((f) => f.rule === 'table-total-row')?.expected).toBe(221.53);
    });

    it('refuses changes without a session, without the CSRF token, and to the wrong role', async () => {
      expect((await upload([{ name: budget000, bytes: seed(budget000) }])).status).toBe(401);
      const reviewer = await session('reviewer');
      const noCsrf = await upload([{ name: budget000, bytes: seed(budget000) }], {
        cookie: reviewer.cookie,
        csrf: 'wrong',
      });
      expect(noCsrf.status).toBe(403);
      const users = await fetch(`${base}/api/users`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: reviewer.cookie,
          'x-csrf-token': reviewer.csrf,
        },
        body: JSON.stringify({ name: 'x', password: 'long enough', role: 'admin' }),
      });
      expect(users.status).toBe(403);
      expect((await fetch(`${base}/api/audit`, { headers: { cookie: reviewer.cookie } })).status).toBe(403);
      const editor = await session('editor');
      const other = await upload([{ name: budget000, bytes: seed(budget000) }], editor);
      expect(other.status).toBe(403);
      expect(((await other.json()) as { error: string }).error).toContain('只能上传本部门');
      const count = await store
        .selectFrom('document')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it('lets an admin create users and read the audit log', async () => {
      const admin = await session('admin');
      const created = await fetch(`${base}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        body: JSON.stringify({ name: 'reviewer2', password: 'long enough', role: 'reviewer' }),
      });
      expect(created.status).toBe(200);
      const audit = (await (
        await fetch(`${base}/api/audit`, { headers: { cookie: admin.cookie } })
      ).json()) as { action: string }[];
      expect(audit.map((a) => a.action)).toContain('create-user');
    });

    it('stores 20 concurrent uploads of one file exactly once', async () => {
      const reviewer = await session('reviewer');
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => upload([{ name: budget000, bytes: seed(budget000) }], reviewer)),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
      const results = await Promise.all(
        responses.map(
          async (r) => ((await r.json()) as { results: { result: { id: number } }[] }).results[0]!.result.id,
        ),
      );
      expect(new Set(results).size).toBe(1);
      const docs = await store
        .selectFrom('document')
        .select('id')
        .where('file_name', '=', budget000)
        .execute();
      expect(docs).toHaveLength(1);
      const cells = await store
        .selectFrom('cell')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('document_id', '=', docs[0]!.id)
        .executeTakeFirstOrThrow();
      expect(Number(cells.n)).toBeGreaterThan(100);
    });

    it('keeps the older document in history when a newer one for the same department and year arrives', async () => {
      const editor = await session('editor');
      // The same disclosure with one amount corrected: a new version of 004.
      const text = new TextDecoder().decode(seed(budget004)).replace('198.91', '198.90');
      const r = await upload([{ name: 'corrected-004.txt', bytes: new TextEncoder().encode(text) }], editor);
      expect(r.status).toBe(200);
      const result = ((await r.json()) as { results: { result: { version: number; status: string } }[] })
        .results[0]!.result;
      expect(result).toMatchObject({ version: 2, status: 'imported' });
      const current = (await (await fetch(`${base}/api/documents`)).json()) as {
        fileName: string;
        version: number;
      }[];
      expect(current.filter((d) => d.fileName.includes('004'))).toEqual([
        expect.objectContaining({ version: 2 }),
      ]);
      const all = (await (await fetch(`${base}/api/documents?history=1`)).json()) as { current: boolean }[];
      expect(all.filter((d) => !d.current)).toHaveLength(1);
    });

    it('answers a malformed upload with a clear error and stores nothing', async () => {
      const reviewer = await session('reviewer');
      const before = await store.selectFrom('document').select('id').execute();
      const r = await upload(
        [{ name: 'broken.pdf', bytes: new TextEncoder().encode('this is not a pdf') }],
        reviewer,
      );
      const body = (await r.json()) as { results: { ok: boolean; error: string }[] };
      expect(body.results[0]).toMatchObject({ ok: false });
      expect(body.results[0]!.error).toContain('broken.pdf');
      const notMultipart = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: reviewer.cookie,
          'x-csrf-token': reviewer.csrf,
        },
        body: '{}',
      });
      expect(notMultipart.status).toBe(400);
      expect(await store.selectFrom('document').select('id').execute()).toHaveLength(before.length);
    });

    it('imports many files as a background job whose progress can be followed', async () => {
      const reviewer = await session('reviewer');
      const form = new FormData();
      for (const name of ['001_dc994fb7b72f807a.txt', '002_fe23b3abf0dee3af.txt'])
        form.append('file', new Blob([Buffer.from(seed(name))]), name);
      form.append(
        'file',
        new Blob([Buffer.from('not a disclosure \u0000\u0001\u0002'.repeat(50))]),
        'junk.pdf',
      );
      const started = await fetch(`${base}/api/imports`, {
        method: 'POST',
        body: form,
        headers: { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrf },
      });
      expect(started.status).toBe(202);
      const { id, total } = (await started.json()) as { id: string; total: number };
      expect(total).toBe(3);
      let job: { state: string; done: number; results: { file: string; ok: boolean }[] };
      do {
        await new Promise((r) => setTimeout(r, 50));
        job = await (
          await fetch(`${base}/api/imports/${id}`, { headers: { cookie: reviewer.cookie } })
        ).json();
      } while (job.state === 'running');
      expect(job).toMatchObject({ state: 'finished', done: 3 });
      // One file per core at once: the results come in the order the files finished.
      expect(job.results.map((r) => [r.file, r.ok]).sort()).toEqual([
        ['001_dc994fb7b72f807a.txt', true],
        ['002_fe23b3abf0dee3af.txt', true],
        ['junk.pdf', false],
      ]);
      expect((job as unknown as { files: { file: string; stage: string }[] }).files).toEqual([
        { file: '001_dc994fb7b72f807a.txt', stage: 'finished' },
        { file: '002_fe23b3abf0dee3af.txt', stage: 'finished' },
        { file: 'junk.pdf', stage: 'finished' },
      ]);
      // The user's jobs are listed (a reopened page shows them); another user sees none of them and cannot
      // follow one; an anonymous one cannot start one.
      const mine = (await (
        await fetch(`${base}/api/imports`, { headers: { cookie: reviewer.cookie } })
      ).json()) as { id: string; userId?: number }[];
      expect(mine[0]?.id).toBe(id);
      expect(mine[0]).not.toHaveProperty('userId');
      const admin = await session('editor');
      const theirs = (await (
        await fetch(`${base}/api/imports`, { headers: { cookie: admin.cookie } })
      ).json()) as { id: string }[];
      expect(theirs.map((j) => j.id)).not.toContain(id);
      expect((await fetch(`${base}/api/imports/${id}`, { headers: { cookie: admin.cookie } })).status).toBe(
        404,
      );
      expect((await fetch(`${base}/api/imports`, { method: 'POST', body: form })).status).toBe(401);
    });

    it('compares documents from the stored cells', async () => {
      const list = (await (await fetch(`${base}/api/documents`)).json()) as {
        id: number;
        fileName: string;
      }[];
      const ids = list.map((d) => d.id).join(',');
      const rows = (await (await fetch(`${base}/api/compare?ids=${ids}`)).json()) as {
        department: string;
        figures: Record<string, string>;
      }[];
      const leting = rows.find((r) => r.department === '乐亭县商务和投资促进局')!;
      expect(leting.figures).toMatchObject({
        基本支出: '896.68',
        项目支出: '1485',
        '"三公"经费': '66.35',
      });
      expect((await fetch(`${base}/api/compare?ids=x`)).status).toBe(400);
    });

    it('exports a document and shows hostile document text as text in the HTML report', async () => {
      const admin = await session('admin');
      const hostile = new TextDecoder()
        .decode(seed(budget004))
        .replace('商务部门', '<script>alert(1)</script>商务部门');
      const r = await upload([{ name: 'hostile.txt', bytes: new TextEncoder().encode(hostile) }], admin);
      const id = ((await r.json()) as { results: { result: { id: number } }[] }).results[0]!.result.id;
      const html = await (await fetch(`${base}/api/documents/${id}/export?format=html`)).text();
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
      const csv = await (await fetch(`${base}/api/documents/${id}/export?format=csv`)).text();
      expect(csv.replace(/^\uFEFF/, '').startsWith('file,table,row_code,row_name')).toBe(true);
      const original = new Uint8Array(
        await (await fetch(`${base}/api/documents/${id}/original`)).arrayBuffer(),
      );
      expect(Buffer.from(original).equals(Buffer.from(new TextEncoder().encode(hostile)))).toBe(true);
    });

    type Stored = {
      summary: DocumentSummary;
      document: Document;
      findings: Finding[];
      history: DocumentSummary[];
    };
    const getDocument = async (id: number) =>
      (await (await fetch(`${base}/api/documents/${id}`)).json()) as Stored;
    async function patch(id: number, edits: unknown, auth?: { cookie: string; csrf: string }) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (auth) {
        headers.cookie = auth.cookie;
        headers['x-csrf-token'] = auth.csrf;
      }
      return fetch(`${base}/api/documents/${id}`, {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ edits }),
      });
    }
    const key = (f: Finding) => `${f.rule} ${JSON.stringify(f.where)} ${f.message}`;
    /** The findings as a set (the store keeps no order among findings of one line). */
    const keys = (findings: Finding[]) => findings.map(key).sort();
    /** 「301」's finding that a column is not the sum of its 301xx children. */
    const parentChildren = (f: Finding) =>
      f.rule === 'table-parent-children' && f.where.table === 'general-basic' && f.where.row === '301';

    it('corrects amounts as a new version: the findings go, the old version and the audit entry stay', async () => {
      const imported = await importFile(store, seed(budget000), budget000);
      const before = await getDocument(imported.id);
      // 301 is printed as more than its children in 合计 and 人员经费: raise its last child by the difference.
      const findings = before.findings.filter(parentChildren);
      expect(findings.map((f) => [f.severity, f.where.column])).toEqual([
        ['error', '合计'],
        ['error', '人员经费'],
      ]);
      const table = before.document.tables['general-basic']!;
      const child = [...table.rows].reverse().find((r) => r.code?.startsWith('301') && r.code.length === 5)!;
      const edits = findings.map((f) => {
        const column = table.columns.indexOf(f.where.column!);
        const value = big(child.amounts[column]!.value)
          .plus(big(String(f.actual)).minus(big(String(f.expected))))
          .toFixed(2);
        return { table: 'general-basic', row: child.code!, column: f.where.column!, value };
      });

      // Anonymous, without the CSRF token, an editor of another department: refused.
      expect((await patch(imported.id, edits)).status).toBe(401);
      const reviewer = await session('reviewer');
      expect((await patch(imported.id, edits, { ...reviewer, csrf: 'wrong' })).status).toBe(403);
      const editor = await session('editor');
      const foreign = await patch(imported.id, edits, editor);
      expect(foreign.status).toBe(403);
      expect(((await foreign.json()) as { error: string }).error).toContain('只能修改本部门');
      // A malformed amount, an unknown row: a clear 400.
      const malformed = await patch(imported.id, [edits[0], { ...edits[1], value: '1l.64' }], reviewer);
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as { error: string }).error).toBe(
        '第 2 处修改：「1l.64」不是有效的金额，应为数字，如 198.90',
      );
      const noRow = await patch(imported.id, [{ ...edits[0], row: '30198' }], reviewer);
      expect(noRow.status).toBe(400);
      expect(((await noRow.json()) as { error: string }).error).toContain('表中没有「30198」这一行');
      const unchanged = await getDocument(imported.id);
      expect(unchanged.summary.current).toBe(true);
      expect(unchanged.history).toHaveLength(1);

      // Previewed first: old → new of each cell and exactly the two findings cleared, nothing stored.
      const preview = await fetch(`${base}/api/documents/${imported.id}/preview`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: reviewer.cookie,
          'x-csrf-token': reviewer.csrf,
        },
        body: JSON.stringify({ edits }),
      });
      expect(preview.status).toBe(200);
      const previewed = (await preview.json()) as {
        applied: { before: string; after: string }[];
        added: Finding[];
        cleared: Finding[];
      };
      expect(previewed.applied.map((a) => a.after)).toEqual(edits.map((e) => e.value));
      expect(previewed.added).toEqual([]);
      const said = (list: Finding[]) => list.map((f) => `${f.rule} ${f.where.column} ${f.message}`).sort();
      expect(said(previewed.cleared)).toEqual(said(findings));
      expect((await getDocument(imported.id)).history).toHaveLength(1);

      const r = await patch(imported.id, edits, reviewer);
      expect(r.status).toBe(200);
      const result = (await r.json()) as { id: number; status: string; version: number; supersedes: number };
      expect(result).toMatchObject({
        status: 'edited',
        version: before.summary.version + 1,
        supersedes: imported.id,
      });
      const after = await getDocument(result.id);
      // Exactly the two findings are gone; nothing else changed.
      expect(keys(after.findings)).toEqual(keys(before.findings.filter((f) => !parentChildren(f))));
      expect(after.summary.errors).toBe(before.summary.errors - 2);
      expect(after.summary).toMatchObject({ current: true, editedFrom: imported.id });
      const editedRow = after.document.tables['general-basic']!.rows.find((row) => row.code === child.code)!;
      expect(editedRow.amounts.slice(0, 2).map((a) => a?.value)).toEqual(edits.map((e) => e.value));
      const cells = await store
        .selectFrom('cell')
        .select(['column_name', sql<string>`amount::text`.as('amount')])
        .where('document_id', '=', result.id)
        .where('table_key', '=', 'general-basic')
        .where('row_code', '=', child.code!)
        .orderBy('column_index')
        .execute();
      expect(cells).toEqual(edits.map((e) => ({ column_name: e.column, amount: e.value })));

      // The corrected version is kept whole in history; the same file imported again changes nothing.
      const old = await getDocument(imported.id);
      expect(old.summary.current).toBe(false);
      expect(keys(old.findings)).toEqual(keys(before.findings));
      expect(after.history.map((h) => [h.id, h.current])).toEqual([
        [result.id, true],
        [imported.id, false],
      ]);
      expect(await importFile(store, seed(budget000), budget000)).toMatchObject({
        id: imported.id,
        status: 'unchanged',
      });
      const original = new Uint8Array(
        await (await fetch(`${base}/api/documents/${result.id}/original`)).arrayBuffer(),
      );
      expect(Buffer.from(original).equals(Buffer.from(seed(budget000)))).toBe(true);
      // The superseded version cannot be edited any more.
      expect((await patch(imported.id, [{ ...edits[0], value: '1' }], reviewer)).status).toBe(409);

      const admin = await session('admin');
      const audit = (await (
        await fetch(`${base}/api/audit`, { headers: { cookie: admin.cookie } })
      ).json()) as {
        action: string;
        user_id: number;
        detail: { document: number; supersedes: number; edits: { before: string; after: string }[] };
      }[];
      const entry = audit.find((a) => a.action === 'edit' && a.detail.document === result.id)!;
      expect(entry.detail.supersedes).toBe(imported.id);
      expect(entry.detail.edits.map((e) => [e.before, e.after])).toEqual(
        edits.map((e, i) => [child.amounts[i]!.value, e.value]),
      );
      const reviewerId = await store
        .selectFrom('app_user')
        .select('id')
        .where('name', '=', 'reviewer')
        .executeTakeFirstOrThrow();
      expect(entry.user_id).toBe(reviewerId.id);
    });

    it('lets an editor correct an indicator value of their own department', async () => {
      const list = (await (await fetch(`${base}/api/documents`)).json()) as DocumentSummary[];
      const own = list.find((d) => d.departmentId === departmentOf004 && d.kind === 'budget')!;
      const before = await getDocument(own.id);
      const unmeasurable = (f: Finding) =>
        f.rule === 'project-indicator-value' && f.message.includes('≥99百分');
      const finding = before.findings.find(unmeasurable)!;
      const project = before.document.projects.find((p) => p.code === finding.where.project)!;
      const indicator = project.indicators.findIndex((i) => i.source.line === finding.where.line);
      expect(project.indicators[indicator]!.value).toBe('≥99百分');

      const editor = await session('editor');
      const r = await patch(own.id, [{ project: project.code, indicator, value: '≥99%' }], editor);
      expect(r.status).toBe(200);
      const after = await getDocument(((await r.json()) as { id: number }).id);
      const edited = after.document.projects.find((p) => p.code === project.code)!.indicators[indicator]!;
      expect(edited.value).toBe('≥99%');
      expect(edited.parsed).toMatchObject({ type: 'quantity', operator: '≥', number: '99', unit: '%' });
      expect(after.findings.filter((f) => f.where.project === project.code && unmeasurable(f))).toEqual([]);
      expect(after.summary.warnings).toBe(before.summary.warnings - 1);
      const bad = await patch(
        after.summary.id,
        [{ project: project.code, indicator: 999, value: '1' }],
        editor,
      );
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toContain('没有第 999 个指标');
      // Concurrent corrections of one version: one becomes the next version, the others are told to reload.
      const raced = await Promise.all(
        ['≥98%', '≥97%', '≥96%', '≥95%'].map((value) =>
          patch(after.summary.id, [{ project: project.code, indicator, value }], editor),
        ),
      );
      expect(raced.map((x) => x.status).sort()).toEqual([200, 409, 409, 409]);
      const versions = await store
        .selectFrom('document')
        .select(['version', 'superseded_by'])
        .where('department_id', '=', departmentOf004)
        .where('kind', '=', 'budget')
        .orderBy('version')
        .execute();
      expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
      expect(versions.filter((v) => v.superseded_by === null)).toHaveLength(1);
    });

    it('writes the corrected document out in every standard format', async () => {
      const list = (await (await fetch(`${base}/api/documents`)).json()) as DocumentSummary[];
      const edited = list.find((d) => d.fileName === budget000 && d.editedFrom !== null)!;
      const download = async (format: string) => {
        const r = await fetch(`${base}/api/documents/${edited.id}/render?format=${format}`);
        expect(r.status).toBe(200);
        expect(r.headers.get('content-disposition')).toContain(
          encodeURIComponent(`第${edited.version}版.${format}`),
        );
        return new Uint8Array(await r.arrayBuffer());
      };
      // The row the edit corrected, as the edited version holds it.
      const stored = (await getDocument(edited.id)) as Stored & { edits: { edit: { row: number } }[] };
      const row = stored.document.tables['general-basic']!.rows[stored.edits[0]!.edit.row]!;
      const amounts = row.amounts.slice(0, 2).map((a) => a!.value);
      expect(stored.edits).toHaveLength(2);
      const html = new TextDecoder().decode(await download('html'));
      expect(html).toContain(
        `<td class="code c">${row.code}</td><td>${row.name}</td>${amounts.map((a) => `<td class="n">${a}</td>`).join('')}`,
      );
      // XLSX and DOCX read back with the corrected amounts.
      for (const format of ['xlsx', 'docx']) {
        const back = await parseDocument(await download(format), `edited.${format}`);
        const read = back.tables['general-basic']!.rows.find((r) => r.code === row.code)!;
        expect(
          read.amounts.slice(0, 2).map((a) => a?.value),
          format,
        ).toEqual(amounts);
      }
      const dir = mkdtempSync(join(tmpdir(), 'yusuan-server-'));
      try {
        writeFileSync(join(dir, 'edited.pdf'), await download('pdf'));
        const text = spawnSync('pdftotext', ['-raw', join(dir, 'edited.pdf'), '-'], {
          encoding: 'utf8',
        }).stdout;
        expect(text.replace(/\s+/g, '')).toContain(`${row.code}${row.name}${amounts.join('')}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect((await fetch(`${base}/api/documents/${edited.id}/render?format=odt`)).status).toBe(400);
    });
  });
}
