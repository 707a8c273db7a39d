// The HTTP API against embedded PGlite, and against PostgreSQL when DATABASE_URL is set (CI sets it).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';

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
      app = await buildServer({ store, webDir: '/nonexistent' });
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
      expect(job.results.map((r) => [r.file, r.ok])).toEqual([
        ['001_dc994fb7b72f807a.txt', true],
        ['002_fe23b3abf0dee3af.txt', true],
        ['junk.pdf', false],
      ]);
      // Another user cannot follow it; an anonymous one cannot start one.
      const admin = await session('editor');
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
        项目支出: '1485.00',
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
  });
}
