// Import jobs live in the database: a file whose server died is imported by the next one, and two server
// processes on one PostgreSQL share the queue without importing a file twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../src/demo/generate.ts';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import { openStore } from '../src/store/db.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const password = 'jobs-test-password';
/** Distinct generated disclosures (text), so that every file is a new document. */
function files(variant: number, count: number): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (let v = variant; out.length < count; v += 50)
    out.push(...demoDocuments(v).map((d) => ({ name: `v${v}-${d.name}`, text: d.text })));
  return out.slice(0, count);
}

async function logIn(base: string) {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password }),
  });
  expect(response.status).toBe(200);
  return {
    cookie: response.headers.get('set-cookie')!.split(';')[0]!,
    csrf: ((await response.json()) as { csrf: string }).csrf,
  };
}

async function startJob(
  base: string,
  session: { cookie: string; csrf: string },
  upload: { name: string; text: string }[],
) {
  const form = new FormData();
  for (const f of upload) form.append('file', new Blob([f.text]), f.name);
  const response = await fetch(`${base}/api/imports`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: form,
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

interface Job {
  state: string;
  done: number;
  total: number;
  results: { file: string; ok: boolean }[];
}
async function finished(base: string, cookie: string, id: string, timeoutMs: number): Promise<Job> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const job = (await (await fetch(`${base}/api/imports/${id}`, { headers: { cookie } })).json()) as Job;
    if (job.state === 'finished' || Date.now() > end) return job;
    await new Promise((done) => setTimeout(done, 200));
  }
}

describe('import jobs in the store', () => {
  it('a file left running by a server that died is imported by the next server (PGlite)', async () => {
    const store = await openStore({});
    const userId = await createUser(store, { name: 'admin', password, role: 'admin' });
    const [first, second] = files(7, 2);
    // As a server killed with -9 leaves it: the first file claimed, its heartbeat stopped long ago.
    await store
      .insertInto('import_job')
      .values({ id: '00000000-0000-4000-8000-000000000001', user_id: userId, total: 2 })
      .execute();
    await store
      .insertInto('import_job_file')
      .values([
        {
          job_id: '00000000-0000-4000-8000-000000000001',
          position: 0,
          name: first!.name,
          bytes: new TextEncoder().encode(first!.text),
          state: 'running',
          claimed_by: 'a dead server',
          heartbeat_at: new Date(Date.now() - 3600_000),
        },
        {
          job_id: '00000000-0000-4000-8000-000000000001',
          position: 1,
          name: second!.name,
          bytes: new TextEncoder().encode(second!.text),
          state: 'waiting',
        },
      ])
      .execute();
    const app = await buildServer({ store, webDir: '/nonexistent', jobs: { pollMs: 100 } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const { cookie } = await logIn(base);
      const job = await finished(base, cookie, '00000000-0000-4000-8000-000000000001', 30_000);
      expect(job.state).toBe('finished');
      expect(job.results.map((r) => [r.file, r.ok]).sort()).toEqual([
        [first!.name, true],
        [second!.name, true],
      ]);
      const stored = await store.selectFrom('document').select('file_name').execute();
      expect(stored.map((d) => d.file_name).sort()).toEqual([first!.name, second!.name].sort());
      // The uploaded bytes are dropped once imported: the document keeps its own copy.
      const left = await store.selectFrom('import_job_file').select('bytes').execute();
      expect(left.every((f) => f.bytes === null)).toBe(true);
    } finally {
      await app.close();
      await store.destroy();
    }
  });

  it('a full queue refuses an upload with 429 and Retry-After, and queues nothing of it', async () => {
    const store = await openStore({});
    await createUser(store, { name: 'admin', password, role: 'admin' });
    const app = await buildServer({ store, webDir: '/nonexistent', maxQueuedFiles: 3 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const session = await logIn(base);
      const form = new FormData();
      for (const f of files(21, 4)) form.append('file', new Blob([f.text]), f.name);
      const response = await fetch(`${base}/api/imports`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        body: form,
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(((await response.json()) as { error: string }).error).toMatch(/导入队列已满/);
      expect(await store.selectFrom('import_job_file').select('name').execute()).toEqual([]);
      // Within the limit it is queued and imported.
      const id = await startJob(base, session, files(21, 3));
      expect((await finished(base, session.cookie, id, 30_000)).done).toBe(3);
    } finally {
      await app.close();
      await store.destroy();
    }
  });

  const databaseUrl = process.env.DATABASE_URL;
  describe.runIf(databaseUrl)('two server processes on one PostgreSQL', () => {
    const database = `yusuan_jobs_${randomBytes(5).toString('hex')}`;
    const url = new URL(databaseUrl ?? 'postgres://localhost/x');
    url.pathname = `/${database}`;
    const children: ChildProcess[] = [];
    afterAll(async () => {
      for (const child of children) child.kill('SIGKILL');
      await new Promise((done) => setTimeout(done, 500));
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${database} with (force)`);
      await admin.end();
    });

    const serve = () =>
      new Promise<{ child: ChildProcess; base: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['bin/yusuan.js', 'serve', '--port', '0'], {
          cwd: root,
          env: {
            ...process.env,
            DATABASE_URL: url.href,
            YUSUAN_ADMIN_PASSWORD: password,
            YUSUAN_JOB_STALE_SECONDS: '3',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        children.push(child);
        let err = '';
        child.stderr!.on('data', (chunk: Buffer) => {
          err += chunk.toString();
        });
        child.stdout!.on('data', (chunk: Buffer) => {
          const started = /yusuan 已启动：http:\/\/([^/\s]+)\//.exec(chunk.toString());
          if (started) resolve({ child, base: `http://${started[1]}` });
        });
        child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
      });

    it('imports 20 files through both, each once; a server killed with -9 mid-job is taken over', async () => {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`create database ${database}`);
      await admin.end();
      const a = await serve();
      const b = await serve();
      const [sessionA, sessionB] = [await logIn(a.base), await logIn(b.base)];
      const uploads = files(11, 20);
      expect(uploads.length).toBe(20);
      const [jobA, jobB] = [
        await startJob(a.base, sessionA, uploads.slice(0, 10)),
        await startJob(b.base, sessionB, uploads.slice(10)),
      ];
      // Each server answers for the job it queued, whoever imported its files.
      for (const [base, session, id] of [
        [a.base, sessionA, jobA],
        [b.base, sessionB, jobB],
      ] as const) {
        const job = await finished(base, session.cookie, id, 90_000);
        expect(job.state).toBe('finished');
        expect(job.results.length).toBe(10);
        expect(job.results.every((r) => r.ok)).toBe(true);
      }
      const db = new pg.Client({ connectionString: url.href });
      await db.connect();
      try {
        const names = uploads.map((u) => u.name);
        const stored = await db.query<{ file_name: string; n: string }>(
          'select file_name, count(*) as n from document where file_name = any($1) group by file_name',
          [names],
        );
        expect(stored.rows.length).toBe(20);
        expect(stored.rows.every((r) => r.n === '1')).toBe(true);
        const claimers = await db.query<{ n: string }>(
          'select count(distinct claimed_by) as n from import_job_file where job_id = any($1)',
          [[jobA, jobB]],
        );
        expect(Number(claimers.rows[0]!.n)).toBe(2);

        // B is killed with -9 while the queue holds a job; A finishes it, each file once.
        const more = files(12, 12);
        const jobC = await startJob(b.base, sessionB, more);
        const end = Date.now() + 30_000;
        while (Date.now() < end) {
          const running = await db.query<{ n: string }>(
            "select count(*) as n from import_job_file where job_id = $1 and state = 'finished'",
            [jobC],
          );
          if (Number(running.rows[0]!.n) >= 1) break;
          await new Promise((done) => setTimeout(done, 20));
        }
        const atKill = await db.query<{ n: string }>(
          "select count(*) as n from import_job_file where job_id = $1 and state = 'finished'",
          [jobC],
        );
        b.child.kill('SIGKILL');
        expect(Number(atKill.rows[0]!.n)).toBeLessThan(12);
        const job = await finished(a.base, sessionA.cookie, jobC, 60_000).catch(() => undefined);
        // jobC is B's user's job: the admin on A sees it too.
        expect(job?.state).toBe('finished');
        expect(job!.results.length).toBe(12);
        expect(job!.results.every((r) => r.ok)).toBe(true);
        const once = await db.query<{ n: string }>(
          'select count(*) as n from document where file_name = any($1)',
          [more.map((m) => m.name)],
        );
        expect(Number(once.rows[0]!.n)).toBe(12);
      } finally {
        await db.end();
      }
    }, 240_000);
  });
});
