// The server as an attacker tries it, over HTTP: parameters out of range or of the wrong type answer 4xx
// with a Chinese message (never a 500), exports never hand a spreadsheet a formula, headers and cookies
// hold behind a proxy, logins cannot be guessed or enumerated, and expensive renders cannot starve others.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const budget004 = '004_b9fc89043e8814d5.txt';

describe('server under attack', () => {
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let hostileId: number;
  beforeAll(async () => {
    store = await openStore({});
    // A document whose row name a spreadsheet would run: =HYPERLINK(...) in place of a 科目 name.
    const text = readFileSync(join(seeds, budget004), 'utf8').replace(
      /(\n\s*301\s+)工资福利支出/,
      '$1=HYPERLINK("http://evil.example/","点击")',
    );
    expect(text).toContain('=HYPERLINK');
    hostileId = (await importFile(store, new TextEncoder().encode(text), 'hostile.txt')).id;
    app = await buildServer({ store, webDir: '/nonexistent', publicOnUpload: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  it.each([
    ['/api/documents/3000000000', 404],
    ['/api/documents/99999999999999999999', 404],
    ['/api/documents/abc', 400],
    ['/api/documents/-1', 400],
    ['/api/documents/1.5', 400],
    ['/api/documents/3000000000/original', 404],
    ['/api/documents/3000000000/export?format=csv', 404],
    ['/api/documents?year=99999999999', 400],
    ['/api/documents?year=20x5', 400],
    ['/api/documents?kind=<script>', 400],
    ['/api/compare?ids=3000000000', 400],
    ['/api/compare?ids=1,abc', 400],
    ['/api/compare', 400],
    ['/api/documents/1/export?format=exe', 400],
    ['/api/documents/1/render?format=exe', 400],
    ['/api/documents?history=yes', 400],
    [`/api/documents?q=${'长'.repeat(300)}`, 400],
    ['/api/imports/not-a-job', 400],
  ])('%s answers %i with a Chinese message', async (path, status) => {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error?: string };
    expect(body.error).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a CSV export neutralises a cell a spreadsheet would run; negative amounts stay numbers', async () => {
    const csv = await (await fetch(`${base}/api/documents/${hostileId}/export?format=csv`)).text();
    const line = csv.split('\n').find((l) => l.includes('HYPERLINK'));
    expect(line).toBeDefined();
    const fields = line!.split(',');
    expect(fields.some((f) => /^"?=/.test(f))).toBe(false);
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example/""`);
    const { csvField } = await import('../src/export/csv.ts');
    expect(csvField('-1234.56')).toBe('-1234.56');
    expect(csvField('+5')).toBe('+5');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-cmd|calc')).toBe("'-cmd|calc");
    expect(csvField('\tx')).toBe("'\tx");
  });

  it('an XLSX export holds such a cell as text, never as a formula', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const response = await fetch(`${base}/api/documents/${hostileId}/export?format=xlsx`);
    expect(response.status).toBe(200);
    await workbook.xlsx.load(await response.arrayBuffer());
    const cells: import('exceljs').Cell[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (String(cell.value ?? '').includes('HYPERLINK') || cell.formula) cells.push(cell);
        });
      });
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });
});

const password = 'security-test-password';

/** A real server on a port of its own, over a fresh in-memory store. */
async function startServer(
  options: Omit<ServerOptions, 'store'> = {},
  prepare?: (store: Store) => Promise<void>,
) {
  const store = await openStore({});
  await createUser(store, { name: 'admin', password, role: 'admin' });
  await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
  await prepare?.(store);
  const app = await buildServer({ store, webDir: '/nonexistent', publicOnUpload: true, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    store,
    app,
    base,
    close: async () => {
      await app.close();
      await store.destroy();
    },
  };
}

const postJson = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

/** Logs in; the session cookie (name=value) and the CSRF token. */
async function logIn(base: string, name: string, pass = password, headers: Record<string, string> = {}) {
  const response = await postJson(`${base}/api/session`, { name, password: pass }, headers);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrf: string };
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, csrf: body.csrf, setCookie: response.headers.get('set-cookie')! };
}

const sessionName = async (base: string, cookie: string) =>
  (
    (await (await fetch(`${base}/api/session`, { headers: { cookie } })).json()) as {
      user: { name: string } | null;
    }
  ).user?.name ?? null;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

describe('behind an HTTPS proxy', () => {
  it('cookies are HttpOnly and SameSite always, Secure only on HTTPS per a trusted proxy; HSTS only on HTTPS', async () => {
    const direct = await startServer();
    const proxied = await startServer({ trustProxy: true });
    try {
      const https = { 'x-forwarded-proto': 'https' };
      // Not trusted: a client's own X-Forwarded-Proto changes nothing.
      const spoofed = await logIn(direct.base, 'admin', password, https);
      expect(spoofed.setCookie).toMatch(/HttpOnly/i);
      expect(spoofed.setCookie).toMatch(/SameSite=Strict/i);
      expect(spoofed.setCookie).not.toMatch(/Secure/i);
      expect(
        (await fetch(`${direct.base}/api/health`, { headers: https })).headers.get(
          'strict-transport-security',
        ),
      ).toBeNull();
      // Trusted proxy that says HTTPS: Secure cookie and HSTS.
      const secure = await logIn(proxied.base, 'admin', password, https);
      expect(secure.setCookie).toMatch(/; Secure/i);
      expect(secure.setCookie).toMatch(/HttpOnly/i);
      expect(secure.setCookie).toMatch(/SameSite=Strict/i);
      expect(
        (await fetch(`${proxied.base}/api/health`, { headers: https })).headers.get(
          'strict-transport-security',
        ),
      ).toMatch(/max-age=\d{7,}/);
      // Trusted proxy over plain HTTP: no Secure flag (the browser would drop the cookie), no HSTS.
      const plain = await logIn(proxied.base, 'admin');
      expect(plain.setCookie).not.toMatch(/Secure/i);
      expect((await fetch(`${proxied.base}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});

describe('security headers', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let documentId: number;
  beforeAll(async () => {
    // A built app stand-in: the headers must be on its HTML as on the API.
    const webDir = mkdtempSync(join(tmpdir(), 'yusuan-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>yusuan</title><div id="root"></div>');
    server = await startServer({ webDir }, async (store) => {
      documentId = (await importFile(store, readFileSync(join(seeds, budget004)), budget004)).id;
    });
  });
  afterAll(async () => server?.close());

  it.each(['/', '/documents/1', '/api/health', '/api/documents', '/api/documents/999'])(
    '%s carries the CSP and the other headers',
    async (path) => {
      const response = await fetch(server.base + path);
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')];
        }),
      );
      expect(directives['default-src']).toBe("'self'");
      expect(directives['script-src']).toBe("'self'");
      expect(directives['style-src']).toBe("'self'");
      expect(directives['frame-ancestors']).toBe("'none'");
      expect(directives['object-src']).toBe("'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    },
  );

  it('originals and exports are downloads with their own type, never a page of the app', async () => {
    for (const [path, type] of [
      [`/api/documents/${documentId}/original`, 'application/octet-stream'],
      [`/api/documents/${documentId}/export?format=html`, 'text/html; charset=utf-8'],
      [`/api/documents/${documentId}/export?format=csv`, 'text/csv; charset=utf-8'],
      [`/api/documents/${documentId}/render?format=html`, 'text/html; charset=utf-8'],
    ] as const) {
      const response = await fetch(server.base + path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
      expect(response.headers.get('content-disposition'), path).toMatch(/^attachment; filename\*=UTF-8''/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });
});

describe('logins', () => {
  it('failures are audited; after 5 the account is slowed, then locked with a Chinese message', async () => {
    const server = await startServer({ trustProxy: true, login: { slowMs: 400 } });
    try {
      const from = { 'x-forwarded-for': '203.0.113.7' };
      const statuses: number[] = [];
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const t = performance.now();
        const response = await postJson(
          `${server.base}/api/session`,
          { name: 'reviewer', password: 'wrong' },
          from,
        );
        times.push(performance.now() - t);
        statuses.push(response.status);
        if (response.status === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(60);
          expect(((await response.json()) as { error: string }).error).toMatch(/锁定.*分钟/);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      // The 3rd and 4th failures were slowed down, the first two were not.
      expect(Math.min(times[2]!, times[3]!)).toBeGreaterThanOrEqual(390);
      expect(Math.max(times[0]!, times[1]!)).toBeLessThan(390);
      // Locked even with the right password, from another address too (the account is locked).
      const right = await postJson(
        `${server.base}/api/session`,
        { name: 'reviewer', password },
        {
          'x-forwarded-for': '198.51.100.1',
        },
      );
      expect(right.status).toBe(429);
      // Another account from another address is not affected.
      expect(
        (await logIn(server.base, 'admin', password, { 'x-forwarded-for': '198.51.100.2' })).cookie,
      ).toMatch(/^yusuan_session=/);
      const failed = await server.store
        .selectFrom('audit')
        .select(['detail', 'at'])
        .where('action', '=', 'login-failed')
        .execute();
      expect(failed.length).toBe(7);
      expect(failed[0]!.detail).toMatchObject({ name: 'reviewer', address: '203.0.113.7' });
      // Recorded when it happened: within the last minute.
      expect(Date.now() - new Date(failed[0]!.at).getTime()).toBeLessThan(60_000);
    } finally {
      await server.close();
    }
  });

  it('an address guessing many names is locked', async () => {
    const server = await startServer({ trustProxy: true, login: { slowMs: 10 } });
    try {
      const from = { 'x-forwarded-for': '203.0.113.9' };
      const statuses: number[] = [];
      for (const name of ['a1', 'a2', 'a3', 'a4', 'a5', 'admin'])
        statuses.push((await postJson(`${server.base}/api/session`, { name, password: 'x' }, from)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await server.close();
    }
  });

  it('the answer takes as long for an unknown user as for a known one (median of 20, within 20 ms)', async () => {
    const server = await startServer({ trustProxy: true, login: { slowAfter: 1000, lockAfter: 1000 } });
    try {
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 20; i++) {
        // A fresh address each time: the route's per-address rate limit is not what is measured.
        for (const [name, into] of [
          ['reviewer', known],
          [`nobody-${i}`, unknown],
        ] as const) {
          const t = performance.now();
          const response = await postJson(
            `${server.base}/api/session`,
            { name, password: 'wrong-password' },
            { 'x-forwarded-for': `192.0.2.${into === known ? i : 100 + i}` },
          );
          into.push(performance.now() - t);
          expect(response.status).toBe(401);
        }
      }
      expect(Math.abs(median(known) - median(unknown))).toBeLessThanOrEqual(20);
    } finally {
      await server.close();
    }
  });

  it('a session ends after inactivity', async () => {
    const server = await startServer({ login: { idleMinutes: 1 / 60 } });
    try {
      const { cookie } = await logIn(server.base, 'reviewer');
      expect(await sessionName(server.base, cookie)).toBe('reviewer');
      await new Promise((done) => setTimeout(done, 1500));
      expect(await sessionName(server.base, cookie)).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('changing the password or disabling the user ends their sessions', async () => {
    const server = await startServer();
    try {
      const first = await logIn(server.base, 'reviewer');
      const second = await logIn(server.base, 'reviewer');
      const changed = await postJson(
        `${server.base}/api/session/password`,
        { oldPassword: password, newPassword: 'a-new-password' },
        { cookie: first.cookie, 'x-csrf-token': first.csrf },
      );
      expect(changed.status).toBe(200);
      const renewed = changed.headers.get('set-cookie')!.split(';')[0]!;
      expect(await sessionName(server.base, second.cookie)).toBeNull();
      expect(await sessionName(server.base, first.cookie)).toBeNull();
      expect(await sessionName(server.base, renewed)).toBe('reviewer');
      expect((await postJson(`${server.base}/api/session`, { name: 'reviewer', password })).status).toBe(401);
      const again = await logIn(server.base, 'reviewer', 'a-new-password');
      // A wrong old password changes nothing.
      const refused = await postJson(
        `${server.base}/api/session/password`,
        { oldPassword: 'not-it', newPassword: 'another-password' },
        { cookie: again.cookie, 'x-csrf-token': again.csrf },
      );
      expect(refused.status).toBe(403);

      const admin = await logIn(server.base, 'admin');
      const user = await server.store
        .selectFrom('app_user')
        .select('id')
        .where('name', '=', 'reviewer')
        .executeTakeFirstOrThrow();
      const disabled = await fetch(`${server.base}/api/users/${user.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        body: JSON.stringify({ disabled: true }),
      });
      expect(disabled.status).toBe(200);
      expect(await sessionName(server.base, again.cookie)).toBeNull();
      expect(await sessionName(server.base, renewed)).toBeNull();
      expect(
        (await postJson(`${server.base}/api/session`, { name: 'reviewer', password: 'a-new-password' }))
          .status,
      ).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('server errors', () => {
  it('a 500 answers with a request id that the log has, without the cookie or the password', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const server = await startServer({ log: { stream } });
    try {
      const { cookie } = await logIn(server.base, 'admin');
      // The database goes away under the running server.
      await server.store.destroy();
      const response = await fetch(`${server.base}/api/documents`, { headers: { cookie } });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: string; requestId: string };
      expect(body.error).toContain(body.requestId);
      expect(body.error).toMatch(/服务器内部错误/);
      const logged = lines.map(
        (l) => JSON.parse(l) as { reqId?: string; level: number; msg: string; err?: unknown },
      );
      const entry = logged.find((l) => l.reqId === body.requestId && l.level >= 50);
      expect(entry).toBeDefined();
      expect(entry!.err).toBeDefined();
      const all = lines.join('');
      expect(all).not.toContain(cookie.split('=')[1]);
      expect(all).not.toContain(password);
    } finally {
      await server.app.close();
    }
  });
});

describe('expensive requests', () => {
  it('20 concurrent PDF renders: a bounded queue, 429 with Retry-After, and other requests not queued behind them', async () => {
    let documentId = 0;
    const server = await startServer({ trustProxy: true }, async (store) => {
      documentId = (await importFile(store, readFileSync(join(seeds, budget004)), budget004)).id;
    });
    try {
      const started = performance.now();
      const renders = Array.from({ length: 20 }, (_, i) =>
        fetch(`${server.base}/api/documents/${documentId}/render?format=pdf`, {
          headers: { 'x-forwarded-for': `10.1.0.${i}` },
        }).then(async (r) => ({
          status: r.status,
          retryAfter: r.headers.get('retry-after'),
          size: (await r.arrayBuffer()).byteLength,
        })),
      );
      let rendering = true;
      const waits: number[] = [];
      const others = (async () => {
        while (rendering) {
          for (const path of ['/api/health', '/api/documents', `/api/documents/${documentId}`]) {
            const t = performance.now();
            expect((await fetch(server.base + path)).status).toBe(200);
            waits.push(performance.now() - t);
          }
          await new Promise((done) => setTimeout(done, 50));
        }
      })();
      const results = await Promise.all(renders);
      const batchMs = performance.now() - started;
      rendering = false;
      await others;
      const rendered = results.filter((r) => r.status === 200);
      const refused = results.filter((r) => r.status === 429);
      expect(rendered.length + refused.length).toBe(20);
      // 2 at once and 6 waiting by default: the rest refused at once, each told when to come back.
      expect(rendered.length).toBe(8);
      expect(refused.every((r) => Number(r.retryAfter) >= 1)).toBe(true);
      expect(rendered.every((r) => r.size > 10_000)).toBe(true);
      expect(waits.length).toBeGreaterThan(10);
      // A request queued behind the renders would wait for most of the batch; on a loaded machine the batch
      // itself slows down, so the bound is a quarter of it, never less than 1 s.
      expect(Math.max(...waits)).toBeLessThan(Math.max(1000, batchMs / 4));

      // One client may not hold more than 2 renders at once.
      const mine = await Promise.all(
        Array.from({ length: 4 }, () =>
          fetch(`${server.base}/api/documents/${documentId}/render?format=pdf`, {
            headers: { 'x-forwarded-for': '10.2.0.1' },
          }).then((r) => r.status),
        ),
      );
      expect(mine.filter((s) => s === 200).length).toBe(2);
      expect(mine.filter((s) => s === 429).length).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('uploads are limited per user per hour', async () => {
    const server = await startServer({ uploadsPerHour: 2 });
    try {
      const { cookie, csrf } = await logIn(server.base, 'reviewer');
      const upload = (names: string[]) => {
        const form = new FormData();
        for (const name of names) form.append('file', new Blob([readFileSync(join(seeds, name))]), name);
        return fetch(`${server.base}/api/documents`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf },
          body: form,
        });
      };
      expect((await upload([budget004, '000_fcc4ddfc57e18395.txt'])).status).toBe(200);
      const over = await upload(['001_dc994fb7b72f807a.txt']);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(((await over.json()) as { error: string }).error).toMatch(/每小时最多上传 2 个文件/);
      // Nothing of the refused upload was stored, nothing of the accepted one lost.
      const stored = await server.store.selectFrom('document').select('file_name').execute();
      expect(stored.map((d) => d.file_name).sort()).toEqual(['000_fcc4ddfc57e18395.txt', budget004]);
    } finally {
      await server.close();
    }
  });
});
