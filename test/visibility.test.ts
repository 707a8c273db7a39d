// Who sees what, enforced in the API: anonymous readers only approved versions (the latest approved one
// standing for its department, kind and year), a 填报 user only their own department, reviewers and
// admins everything; YUSUAN_PUBLIC_ON_UPLOAD keeps every upload public. Every document route as every role.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import type { Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { backends } from './backends.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const password = 'visibility-test-password';
// The first (approved) one has a 301 工资福利支出 row a new version can change.
const seedFiles = readdirSync(seeds)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .reverse();

for (const backend of backends)
  describe(`visibility on ${backend.name}`, () => {
    let store: Store;
    let cleanup: (() => Promise<void>) | undefined;
    let app: FastifyInstance;
    let publicApp: FastifyInstance;
    let base: string;
    let publicBase: string;
    const ids: number[] = [];
    let approved: number;
    let pending: number;
    let other: number;
    const sessions: Record<string, { cookie: string; csrf: string }> = {};

    const listen = async (a: FastifyInstance) => {
      await a.listen({ port: 0, host: '127.0.0.1' });
      const address = a.server.address();
      return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    };

    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      for (const name of seedFiles.slice(0, 3))
        ids.push((await importFile(store, new Uint8Array(readFileSync(join(seeds, name))), name)).id);
      [approved, pending, other] = ids as [number, number, number];
      await store
        .updateTable('document')
        .set({ review_state: 'approved' })
        .where('id', '=', approved)
        .execute();
      const department = (id: number) =>
        store.selectFrom('document').select('department_id').where('id', '=', id).executeTakeFirstOrThrow();
      const pendingDepartment = (await department(pending)).department_id;
      expect((await department(other)).department_id).not.toBe(pendingDepartment);
      await createUser(store, { name: 'admin', password, role: 'admin' });
      await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
      await createUser(store, { name: 'editor', password, role: 'editor', departmentId: pendingDepartment });
      app = await buildServer({ store, webDir: '/nonexistent', publicOnUpload: false });
      publicApp = await buildServer({ store, webDir: '/nonexistent', publicOnUpload: true });
      base = await listen(app);
      publicBase = await listen(publicApp);
      for (const name of ['admin', 'reviewer', 'editor']) {
        const response = await fetch(`${base}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name, password }),
        });
        expect(response.status).toBe(200);
        sessions[name] = {
          cookie: response.headers.get('set-cookie')!.split(';')[0]!,
          csrf: ((await response.json()) as { csrf: string }).csrf,
        };
      }
    });
    afterAll(async () => {
      await app?.close();
      await publicApp?.close();
      await store?.destroy();
      await cleanup?.();
    });

    const get = (as: string | null, path: string, at = base) =>
      fetch(at + path, { headers: as ? { cookie: sessions[as]!.cookie } : {} });
    const listed = async (as: string | null, at = base) =>
      ((await (await get(as, '/api/documents', at)).json()) as { id: number }[]).map((d) => d.id).sort();

    it('lists: anonymous only approved, the editor only their department, reviewers and admins all', async () => {
      expect(await listed(null)).toEqual([approved]);
      expect(await listed('editor')).toEqual([pending]);
      expect(await listed('reviewer')).toEqual([...ids].sort());
      expect(await listed('admin')).toEqual([...ids].sort());
      expect(await listed(null, publicBase)).toEqual([...ids].sort());
    });

    const routes = (id: number) => [
      `/api/documents/${id}`,
      `/api/documents/${id}/original`,
      `/api/documents/${id}/export?format=csv`,
      `/api/documents/${id}/export?format=json`,
      `/api/documents/${id}/render?format=html`,
      `/api/documents/${id}/score`,
      `/api/compare?ids=${id}`,
    ];
    const may: Record<string, (id: number) => boolean> = {
      anonymous: (id) => id === approved,
      editor: (id) => id === pending,
      reviewer: () => true,
      admin: () => true,
    };

    it('every document route as every role: 200 where visible, 404 otherwise', async () => {
      for (const [role, allowed] of Object.entries(may))
        for (const id of ids)
          for (const path of routes(id)) {
            const response = await get(role === 'anonymous' ? null : role, path);
            const expected = allowed(id) ? 200 : 404;
            expect(`${role} ${path} ${response.status}`).toBe(`${role} ${path} ${expected}`);
            if (expected === 404)
              expect(((await response.json()) as { error: string }).error).toBe('没有这个文档');
          }
    });

    it('a newer version under review leaves the approved one public; approving it makes it public', async () => {
      // The same department's document with one amount changed: a new version.
      const text = readFileSync(join(seeds, seedFiles[0]!), 'utf8').replace(
        /(\n\s*301\s+工资福利支出\s+)([\d,.]+)/,
        (_, head: string, amount: string) => `${head}${(Number(amount.replace(/,/g, '')) + 1).toFixed(2)}`,
      );
      const newer = (await importFile(store, new TextEncoder().encode(text), 'newer.txt')).id;
      expect(newer).not.toBe(approved);
      expect(await listed(null)).toEqual([approved]);
      expect((await get(null, `/api/documents/${newer}`)).status).toBe(404);
      const history = (await (await get(null, `/api/documents/${approved}`)).json()) as {
        history: { id: number }[];
      };
      expect(history.history.map((h) => h.id)).toEqual([approved]);
      await store.updateTable('document').set({ review_state: 'approved' }).where('id', '=', newer).execute();
      expect(await listed(null)).toEqual([newer]);
    });

    it('the departments list and the editor’s comments outside their department are refused', async () => {
      expect((await get(null, '/api/departments')).status).toBe(401);
      expect((await get('editor', '/api/departments')).status).toBe(403);
      expect((await get('reviewer', '/api/departments')).status).toBe(200);
      const response = await fetch(`${base}/api/documents/${other}/findings/comments`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: sessions.editor!.cookie,
          'x-csrf-token': sessions.editor!.csrf,
        },
        body: JSON.stringify({ key: 'x', text: '说明' }),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(/本部门/);
    });
  });
