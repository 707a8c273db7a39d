// The OpenAPI description is hand-written beside the routes: every route the server registers is
// described, and every described operation is a route the server answers.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { openApi } from '../src/server/openapi.ts';
import type { Store } from '../src/store/db.ts';
import { openStore } from '../src/store/db.ts';

const source = readFileSync(new URL('../src/server/app.ts', import.meta.url), 'utf8');
/** `app.get('/api/x/:id', …)` in the server's source, as OpenAPI operations: "get /api/x/{id}". */
const registered = [...source.matchAll(/app\.(get|post|put|patch|delete)\(\s*'(\/api\/[^']*)'/g)].map(
  ([, method, path]) => `${method} ${path!.replace(/:(\w+)/g, '{$1}')}`,
);
const described = Object.entries(openApi.paths).flatMap(([path, operations]) =>
  Object.keys(operations as object).map((method) => `${method} ${path}`),
);

describe('OpenAPI description', () => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openStore({});
    app = await buildServer({ store, webDir: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  it('describes every route of the server', () => {
    expect(registered.length).toBeGreaterThan(15);
    expect(described.sort()).toEqual([...new Set(registered)].sort());
  });

  it('describes only routes the server answers', () => {
    for (const operation of described) {
      const [method, path] = operation.split(' ');
      const url = path!.replace(/\{(\w+)\}/g, ':$1');
      expect(app.hasRoute({ method: method!.toUpperCase() as 'GET', url }), operation).toBe(true);
    }
  });
});
