import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDisclosure, demoDocuments, demoUnitDocuments } from '../src/demo/generate.ts';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import type { Store } from '../src/store/db.ts';
import { backends } from './backends.ts';
import { apiClient } from './http.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const password = 'worklist-test-password';

interface Summary {
  id: number;
  department: string;
  departmentId: number;
  errors: number;
  reviewState: string;
  parentDepartmentId: number | null;
}
interface Stored {
  summary: Summary;
  findings: { key: string; severity: string; review: { status: string } }[];
}
interface Worklist {
  review: { summary: Summary; unreviewedErrors: number; unreviewed: number }[];
  returned: { summary: Summary; note: string | null; confirmed: number }[];
  threads: { summary: Summary; key: string; rule: string; last: { user: string; text: string } }[];
}

for (const backend of backends) {
  describe(`worklist on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let base: string;
    const api = apiClient(() => base, password);

    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
      app = await buildServer({ store, webDir: '/nonexistent' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      await logIn('reviewer');
    });
    afterAll(async () => {
      await app?.close();
      await store?.destroy();
      await cleanup?.();
    });

    const { logIn } = api;
    const { headers } = api;
    const post = (as: string, path: string, body: unknown) =>
      fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers(as) },
        body: JSON.stringify(body),
      });
    const get = async <T>(as: string, path: string): Promise<T> => {
      const response = await fetch(base + path, { headers: headers(as) });
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    };
    const upload = async (as: string, files: { name: string; text: string }[]) => {
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([f.text]), f.name);
      const response = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: headers(as),
        body: form,
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { results: { result: { id: number } }[] }).results.map(
        (r) => r.result.id,
      );
    };

    it('lists what each user has to do, and groups units under their department', async () => {
      // Three demo departments of 2025 (their planted mistakes differ), a department with two units,
      // a real disclosure whose 机构设置 table names a unit, and that unit's own disclosure without a code.
      const demo2025 = demoDocuments().filter((d) => d.name.endsWith('-2025.txt'));
      const seed000 = readFileSync(join(seeds, '000_fcc4ddfc57e18395.txt'), 'utf8');
      const unitName = '乐亭县商务和投资促进局投资促进中心';
      expect(seed000).toContain(unitName);
      const ids = await upload('reviewer', [
        ...demo2025,
        ...demoUnitDocuments(),
        { name: 'seed-000.txt', text: seed000 },
        {
          name: 'named-unit.txt',
          text: demoDisclosure({ code: '908', name: unitName, year: 2025, scale: 1, mistakes: [] }),
        },
      ]);
      const all = await get<Summary[]>('reviewer', '/api/documents');
      expect(all).toHaveLength(ids.length);

      // Units under their department: the two coded units under 示范县教育局, the named one under the seed's.
      const byName = new Map(all.map((d) => [d.department, d]));
      const education = byName.get('示范县教育局')!;
      expect(education.parentDepartmentId).toBeNull();
      expect(byName.get('示范县教育局本级')!.parentDepartmentId).toBe(education.departmentId);
      expect(byName.get('示范县教育服务中心')!.parentDepartmentId).toBe(education.departmentId);
      expect(byName.get(unitName)!.parentDepartmentId).toBe(
        byName.get('乐亭县商务和投资促进局')!.departmentId,
      );
      expect(all.filter((d) => d.parentDepartmentId !== null)).toHaveLength(3);

      // The reviewer's list: every pending version, the most unreviewed errors first, each count as the
      // document's own findings give it.
      let list = await get<Worklist>('reviewer', '/api/worklist');
      expect(list.review.map((t) => t.summary.id).sort((a, b) => a - b)).toEqual(
        [...ids].sort((a, b) => a - b),
      );
      const errorsOf = async (id: number) =>
        (await get<Stored>('reviewer', `/api/documents/${id}`)).findings.filter(
          (f) => f.severity === 'error',
        );
      for (const task of list.review) {
        expect(task.unreviewedErrors).toBe((await errorsOf(task.summary.id)).length);
        expect(task.unreviewedErrors).toBe(task.summary.errors);
      }
      const counts = list.review.map((t) => t.unreviewedErrors);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(counts[0]).toBeGreaterThan(counts.at(-1)!);

      // Confirming one error of the top document lowers its count; approving a document takes it off.
      const top = list.review[0]!;
      const [first] = await errorsOf(top.summary.id);
      expect(
        (
          await post('reviewer', `/api/documents/${top.summary.id}/findings/status`, {
            key: first!.key,
            status: 'confirmed',
          })
        ).status,
      ).toBe(200);
      const clean = list.review.find((t) => t.unreviewed === 0 && t.summary.errors === 0)!;
      expect(clean).toBeDefined();
      expect(
        (await post('reviewer', `/api/documents/${clean.summary.id}/review`, { action: 'approve' })).status,
      ).toBe(200);
      list = await get<Worklist>('reviewer', '/api/worklist');
      expect(list.review.find((t) => t.summary.id === top.summary.id)!.unreviewedErrors).toBe(
        top.unreviewedErrors - 1,
      );
      expect(list.review.find((t) => t.summary.id === top.summary.id)!.summary.reviewState).toBe('reviewing');
      expect(list.review.some((t) => t.summary.id === clean.summary.id)).toBe(false);

      // The overview by state.
      const approved = await get<Summary[]>('reviewer', '/api/documents?state=approved');
      expect(approved.map((d) => d.id)).toEqual([clean.summary.id]);
      const reviewing = await get<Summary[]>('reviewer', '/api/documents?state=reviewing');
      expect(reviewing.map((d) => d.id)).toEqual([top.summary.id]);
      expect(
        (await fetch(`${base}/api/documents?state=bogus`, { headers: headers('reviewer') })).status,
      ).toBe(400);

      // The department's 填报 user: the returned document with its confirmed finding, and the thread the
      // reviewer wrote in, until they answer it. An editor of another department sees neither.
      await createUser(store, {
        name: 'editor',
        password,
        role: 'editor',
        departmentId: top.summary.departmentId,
      });
      const otherDepartment = all.find((d) => d.departmentId !== top.summary.departmentId)!.departmentId;
      await createUser(store, { name: 'other', password, role: 'editor', departmentId: otherDepartment });
      await logIn('editor');
      await logIn('other');
      expect(await get<Worklist>('editor', '/api/worklist')).toEqual({
        review: [],
        returned: [],
        threads: [],
      });

      const commentPath = `/api/documents/${top.summary.id}/findings/comments`;
      expect((await post('reviewer', commentPath, { key: first!.key, text: '请核对该数' })).status).toBe(200);
      expect(
        (
          await post('reviewer', `/api/documents/${top.summary.id}/review`, {
            action: 'return',
            reason: '请修改',
          })
        ).status,
      ).toBe(200);
      const editorList = await get<Worklist>('editor', '/api/worklist');
      expect(editorList.review).toEqual([]);
      expect(editorList.returned.map((r) => [r.summary.id, r.note, r.confirmed])).toEqual([
        [top.summary.id, '请修改', 1],
      ]);
      expect(editorList.threads.map((t) => [t.summary.id, t.key, t.last.user, t.last.text])).toEqual([
        [top.summary.id, first!.key, 'reviewer', '请核对该数'],
      ]);
      expect(await get<Worklist>('other', '/api/worklist')).toEqual({
        review: [],
        returned: [],
        threads: [],
      });

      expect(
        (await post('editor', commentPath, { key: first!.key, text: '已核对，下一版改正' })).status,
      ).toBe(200);
      expect((await get<Worklist>('editor', '/api/worklist')).threads).toEqual([]);
      // The returned document left the reviewer's list.
      expect(
        (await get<Worklist>('reviewer', '/api/worklist')).review.some(
          (t) => t.summary.id === top.summary.id,
        ),
      ).toBe(false);
      expect((await fetch(`${base}/api/worklist`)).status).toBe(401);
    });
  });
}
