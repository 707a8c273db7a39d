// The OpenAPI document is generated from the route schemas the server validates with: every route the
// server registers is described, every described operation is a route, and what the document says about a
// parameter is what the server enforces.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import type { Store } from '../src/store/db.ts';
import { openStore } from '../src/store/db.ts';

const source = readFileSync(new URL('../src/server/app.ts', import.meta.url), 'utf8');
/** `app.get('/api/x/:id', …)` in the server's source, as OpenAPI operations: "get /api/x/{id}". */
const registered = [...source.matchAll(/app\.(get|post|put|patch|delete)\(\s*'(\/api\/[^']*)'/g)].map(
  ([, method, path]) => `${method} ${path!.replace(/:(\w+)/g, '{$1}')}`,
);

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: { pattern?: string; enum?: string[] };
}
interface Operation {
  summary: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: { required?: string[] } }> };
  responses: Record<string, { description: string }>;
}
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>> };

describe('OpenAPI document', () => {
  let store: Store;
  let app: FastifyInstance;
  let doc: OpenApi;
  beforeAll(async () => {
    store = await openStore({});
    app = await buildServer({ store, webDir: '/nonexistent' });
    doc = (await app.inject({ url: '/api/openapi.json' })).json() as OpenApi;
  });
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, operation]) => ({
        key: `${method} ${path}`,
        path,
        method,
        operation,
      })),
    );

  it('describes exactly the routes of the server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(registered.length).toBeGreaterThan(15);
    expect(
      operations()
        .map((o) => o.key)
        .sort(),
    ).toEqual([...new Set(registered)].sort());
  });

  it('gives each operation a Chinese summary, its path parameters and its error answers', () => {
    for (const { key, path, operation } of operations()) {
      expect(operation.summary, key).toMatch(/[\u4e00-\u9fff]/);
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
        expect(parameter, `${key} ${name}`).toBeDefined();
        expect(parameter!.schema.pattern, key).toMatch(/^\^.+\$$/);
        expect(operation.responses['400']?.description, key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    const login = doc.paths['/api/session']!.post!;
    expect(login.requestBody!.content['application/json']!.schema.required).toEqual(['name', 'password']);
    expect(login.responses['429']!.description).toMatch(/锁定/);
  });

  it('what it says about a parameter is what the server enforces', async () => {
    const year = doc.paths['/api/documents']!.get!.parameters!.find((p) => p.name === 'year')!;
    const pattern = new RegExp(year.schema.pattern!);
    for (const value of ['2024', '1900', '2100', '20x5', '99999999999', '2101']) {
      const response = await app.inject({ url: `/api/documents?year=${value}` });
      expect(response.statusCode, value).toBe(pattern.test(value) ? 200 : 400);
      if (response.statusCode === 400) expect(response.json().error).toContain(year.description);
    }
    const kind = doc.paths['/api/documents']!.get!.parameters!.find((p) => p.name === 'kind')!;
    expect(kind.schema.enum).toContain('final');
    expect((await app.inject({ url: '/api/documents?kind=final' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/documents?kind=决算' })).statusCode).toBe(400);
    const missing = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toBe('缺少请求内容 password（密码）');
  });
});
