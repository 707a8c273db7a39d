// Only disclosures become documents: a file in which none is recognised and a blank template are refused
// with a message saying why; the same disclosure again is no new version; a first start killed half-way
// finishes its import at the next start.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments, demoUnitDocuments } from '../src/demo/generate.ts';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import { firstRun } from '../src/server/start.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile, NotADisclosure } from '../src/store/documents.ts';
import { seedBytes, seedFile, seedText } from './helpers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const pdfDir = fileURLToPath(new URL('../../shared/samples/pdf/', import.meta.url));
const pdf = (name: string) => new Uint8Array(readFileSync(join(pdfDir, name)));
const text = (s: string) => new TextEncoder().encode(s);

const notDisclosures: [string, Uint8Array][] = [
  [
    'news.html',
    text(
      '<!doctype html><html><head><title>新闻</title></head><body><h1>今日天气</h1><p>晴。</p></body></html>',
    ),
  ],
  ['logo.svg', text('<svg xmlns="http://www.w3.org/2000/svg"><text x="0" y="10">合计 100</text></svg>')],
  ['notes.txt', text('会议纪要\n一、关于办公用房的安排\n合计 100\n请各科室于下周前报送。\n')],
];

describe('only disclosures become documents', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({});
  });
  afterAll(async () => {
    await store?.destroy();
  });
  const count = async () => (await store.selectFrom('document').select('id').execute()).length;

  it.each(notDisclosures)('refuses %s, saying what is missing, and stores nothing', async (name, bytes) => {
    const error = await importFile(store, bytes, name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotADisclosure);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).toContain('未识别出公开文本');
    expect(message).toContain('部门或单位名称');
    expect(message).toContain('收支总表');
    expect(await count()).toBe(0);
    expect(await store.selectFrom('department').select('id').execute()).toEqual([]);
    expect(await store.selectFrom('file').select('hash').execute()).toEqual([]);
  });

  it('recognises a blank template and refuses it as a disclosure', async () => {
    const name = 'final-accounts-template-2024.pdf';
    const error = await importFile(store, pdf(name), name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotADisclosure);
    expect((error as NotADisclosure).template).toBe(true);
    expect((error as Error).message).toContain('空白的填报模板');
    expect(await count()).toBe(0);
  });

  it('stores a fragment with a table of amounts even without a department name', async () => {
    // Only the 三公 table of seed 004, cut out of the document.
    const lines = seedText('004').split('\n');
    const start = lines.findIndex((l) => /部门预算财政拨款“三公”经费支出表/.test(l));
    const end = lines.findIndex((l, i) => i > start && /^注：/.test(l));
    const fragment = lines.slice(start, end + 1).join('\n');
    const r = await importFile(store, text(fragment), 'three-public.txt');
    expect(r.status).toBe('imported');
  });

  it('takes the same content again, with trailing bytes or under another name, as the same version', async () => {
    const name = seedFile('001');
    const first = await importFile(store, seedBytes('001'), name);
    const padded = new Uint8Array([...seedBytes('001'), 0x0a, 0x0a, 0x20, 0x0a]);
    const again = await importFile(store, padded, 'renamed.txt');
    expect(again).toMatchObject({ id: first.id, status: 'unchanged', version: 1 });
    // A real change is a new version.
    const changed = text(seedText('001').replace(/。/, '。补充说明。'));
    const next = await importFile(store, changed, 'changed.txt');
    expect(next).toMatchObject({ status: 'imported', version: 2 });
  });
});

describe('uploading what is not a disclosure', () => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    store = await openStore({});
    await createUser(store, { name: 'admin', password: 'refusal-test-pw', role: 'admin' });
    app = await buildServer({ store, webDir: '/nonexistent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  it('answers with the reason and lists no document named 未识别部门', async () => {
    const login = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: 'refusal-test-pw' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf } = (await login.json()) as { csrf: string };
    const form = new FormData();
    for (const [name, bytes] of notDisclosures) form.append('file', new Blob([Buffer.from(bytes)]), name);
    const r = await fetch(`${base}/api/documents`, {
      method: 'POST',
      body: form,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    const body = (await r.json()) as { results: { file: string; ok: boolean; error?: string }[] };
    expect(body.results.map((x) => [x.file, x.ok])).toEqual(notDisclosures.map(([name]) => [name, false]));
    for (const x of body.results) expect(x.error).toContain('未识别出公开文本');
    expect(await (await fetch(`${base}/api/documents`)).json()).toEqual([]);
  });
});

describe('a first start killed while importing the samples', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yusuan-first-run-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finishes the import at the next start, each file once', async () => {
    const data = join(tmp, 'data');
    const child = spawn(process.execPath, ['bin/yusuan.js', 'serve', '--data', data, '--port', '0'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/导入示例 4\//.test(chunk.toString()) && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const demos = [...demoDocuments(), ...demoUnitDocuments()].map((d) => d.name);
    const samples = [
      ...readdirSync(fileURLToPath(new URL('../../shared/seeds/', import.meta.url))).filter((n) =>
        n.endsWith('.txt'),
      ),
      ...readdirSync(pdfDir).filter((n) => n.endsWith('.pdf') && !n.includes('template')),
    ];
    const store = await openStore({ dataDir: data });
    try {
      const names = async () =>
        (await store.selectFrom('document').select('file_name').execute()).map((d) => d.file_name).sort();
      const before = await names();
      expect(before.length).toBeGreaterThanOrEqual(3);
      expect(before.length).toBeLessThan(demos.length + samples.length);
      const log: string[] = [];
      await firstRun(store, (line) => log.push(line));
      expect(await names()).toEqual([...demos, ...samples].sort());
      expect(log.some((l) => l.includes('空白的填报模板'))).toBe(true);
      // Done once: a later start imports nothing again.
      const later: string[] = [];
      await firstRun(store, (line) => later.push(line));
      expect(later).toEqual([]);
    } finally {
      await store.destroy();
    }
  }, 120_000);

  it('a first start to the end imports everything (in a worker thread), then serves it', async () => {
    const data = join(tmp, 'complete');
    const child = spawn(process.execPath, ['bin/yusuan.js', 'serve', '--data', data, '--port', '0'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const log: string[] = [];
      child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const started = /yusuan 已启动：(\S+)/.exec(chunk.toString());
          if (started) resolve(started[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${log.join('')}`)));
      });
      expect(log.join('')).toMatch(/首次启动：\d+ 个演示文档和 \d+ 个真实样本已就绪/);
      const listed = (await (await fetch(`${url}api/documents`)).json()) as { fileName: string }[];
      const demos = [...demoDocuments(), ...demoUnitDocuments()];
      expect(listed.length).toBeGreaterThan(demos.length);
      expect(listed.some((d) => d.fileName === 'putuo-finance-bureau-2024-final-accounts.pdf')).toBe(true);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
