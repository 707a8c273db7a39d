// The server as an attacker tries it, over HTTP: parameters out of range or of the wrong type answer 4xx
// with a Chinese message (never a 500), and a CSV export never hands a spreadsheet a formula.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
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
    app = await buildServer({ store, webDir: '/nonexistent' });
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
});
