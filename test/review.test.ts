import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import type { Store } from '../src/store/db.ts';
import { backends } from './backends.ts';
import { apiClient } from './http.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const password = 'review-test-password';
const original = readFileSync(join(seeds, '004_b9fc89043e8814d5.txt'), 'utf8');
// The version first submitted: one amount of the 基本支出 table off by 1, which the corrected version
// (the original text) no longer has.
const submitted = original.replace(
  /(\n\s*301\s+工资福利支出\s+)([\d,.]+)/,
  (_, head: string, amount: string) => `${head}${(Number(amount.replace(/,/g, '')) + 1).toFixed(2)}`,
);

interface Finding {
  rule: string;
  key: string;
  message: string;
  review: {
    status: string;
    reason: string | null;
    fixedIn: number | null;
    comments: { user: string; text: string }[];
  };
}
interface Stored {
  summary: { id: number; departmentId: number };
  findings: Finding[];
  review: { state: string; note: string | null };
  resolved: { key: string; rule: string; review: Finding['review'] }[];
}

for (const backend of backends) {
  describe(`review on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let base: string;
    const api = apiClient(() => base, password);

    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
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

    const { logIn, headers } = api;
    const post = (as: string | null, path: string, body: unknown) =>
      fetch(base + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...headers(as),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const upload = async (as: string, name: string, text: string) => {
      const form = new FormData();
      form.append('file', new Blob([text]), name);
      const response = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: headers(as),
        body: form,
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { results: { result: { id: number } }[] }).results[0]!.result.id;
    };
    const get = async (id: number) => (await (await fetch(`${base}/api/documents/${id}`)).json()) as Stored;
    const refusal = async (response: Response, status: number) => {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(/[\u4e00-\u9fff]/);
    };

    it('walks a document from 待审 through 退回修改 and a corrected version to 通过', async () => {
      await logIn('reviewer');
      const v1 = await upload('reviewer', 'submitted.txt', submitted);
      const first = await get(v1);
      expect(first.review.state).toBe('pending');
      expect(first.findings.every((f) => f.review.status === 'new')).toBe(true);
      // Editors of this department and of another one.
      await createUser(store, {
        name: 'editor',
        password,
        role: 'editor',
        departmentId: first.summary.departmentId,
      });
      const other = await store
        .insertInto('department')
        .values({ name: '另一个部门' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await createUser(store, { name: 'outsider', password, role: 'editor', departmentId: other.id });
      await logIn('editor');
      await logIn('outsider');

      const fixedLater = first.findings.find((f) => f.rule === 'table-row-sum')!;
      expect(fixedLater).toBeDefined();
      const [stays, dismissed] = first.findings.filter((f) => f.key !== fixedLater.key);
      const statusPath = `/api/documents/${v1}/findings/status`;
      expect((await post('reviewer', statusPath, { key: fixedLater.key, status: 'confirmed' })).status).toBe(
        200,
      );
      expect((await post('reviewer', statusPath, { key: stays!.key, status: 'confirmed' })).status).toBe(200);
      await refusal(await post('reviewer', statusPath, { key: dismissed!.key, status: 'dismissed' }), 400);
      expect(
        (
          await post('reviewer', statusPath, {
            key: dismissed!.key,
            status: 'dismissed',
            reason: '口径说明已在附注中',
          })
        ).status,
      ).toBe(200);
      // The editor answers in the thread; an editor of another department may not.
      const commentPath = `/api/documents/${v1}/findings/comments`;
      expect(
        (await post('editor', commentPath, { key: fixedLater.key, text: '已核对，下一版改正' })).status,
      ).toBe(200);
      await refusal(await post('outsider', commentPath, { key: fixedLater.key, text: '看看' }), 403);

      const reviewed = await get(v1);
      expect(reviewed.review.state).toBe('reviewing');
      const byKey = new Map(reviewed.findings.map((f) => [f.key, f.review]));
      expect(byKey.get(fixedLater.key)).toMatchObject({ status: 'confirmed' });
      expect(byKey.get(fixedLater.key)!.comments).toEqual([
        expect.objectContaining({ user: 'editor', text: '已核对，下一版改正' }),
      ]);
      expect(byKey.get(dismissed!.key)).toMatchObject({ status: 'dismissed', reason: '口径说明已在附注中' });

      // Only a reviewer returns; an approved or returned document is not returned again.
      await refusal(await post('editor', `/api/documents/${v1}/review`, { action: 'return' }), 403);
      const returned = await post('reviewer', `/api/documents/${v1}/review`, {
        action: 'return',
        reason: '请按意见修改',
      });
      expect(await returned.json()).toEqual({ state: 'returned' });
      await refusal(await post('reviewer', `/api/documents/${v1}/review`, { action: 'approve' }), 409);

      // The editor uploads the corrected version.
      const v2 = await upload('editor', 'corrected.txt', original);
      expect(v2).not.toBe(v1);
      const second = await get(v2);
      expect(second.review.state).toBe('pending');
      const now = new Map(second.findings.map((f) => [f.key, f.review]));
      expect(now.has(fixedLater.key)).toBe(false);
      expect(now.get(stays!.key)).toMatchObject({ status: 'confirmed' });
      expect(now.get(dismissed!.key)).toMatchObject({ status: 'dismissed', reason: '口径说明已在附注中' });
      expect(second.resolved).toEqual([
        expect.objectContaining({
          key: fixedLater.key,
          rule: 'table-row-sum',
          review: expect.objectContaining({ status: 'fixed', fixedIn: v2 }),
        }),
      ]);
      expect(second.resolved[0]!.review.comments.map((c) => c.text)).toEqual(['已核对，下一版改正']);
      // The old version is history: no more steps on it.
      await refusal(await post('reviewer', `/api/documents/${v1}/review`, { action: 'start' }), 409);

      // Open findings: approval needs an explicit override with a reason.
      const refused = await post('reviewer', `/api/documents/${v2}/review`, { action: 'approve' });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: string }).error).toMatch(/仍然通过/);
      await refusal(
        await post('reviewer', `/api/documents/${v2}/review`, { action: 'approve', override: true }),
        409,
      );
      const approved = await post('reviewer', `/api/documents/${v2}/review`, {
        action: 'approve',
        override: true,
        reason: '其余问题为模板口径，不影响公开',
      });
      expect(await approved.json()).toEqual({ state: 'approved' });
      expect((await get(v2)).review).toEqual({ state: 'approved', note: '其余问题为模板口径，不影响公开' });
      await refusal(await post('reviewer', `/api/documents/${v2}/review`, { action: 'return' }), 409);
      await refusal(
        await post('reviewer', `/api/documents/${v2}/findings/status`, { key: stays!.key, status: 'new' }),
        409,
      );

      const audit = await store.selectFrom('audit').select('action').execute();
      for (const action of ['finding-status', 'finding-comment', 'review'])
        expect(audit.map((a) => a.action)).toContain(action);
    });

    it('refuses bad input and steps a role may not take, changing nothing', async () => {
      const id = await upload(
        'reviewer',
        'another.txt',
        readFileSync(join(seeds, '000_fcc4ddfc57e18395.txt'), 'utf8'),
      );
      const before = await get(id);
      const key = before.findings[0]!.key;
      const statusPath = `/api/documents/${id}/findings/status`;
      await refusal(await post(null, statusPath, { key, status: 'confirmed' }), 401);
      await refusal(await post('editor', statusPath, { key, status: 'confirmed' }), 403);
      await refusal(await post('reviewer', statusPath, { key, status: 'bogus' }), 400);
      await refusal(await post('reviewer', statusPath, { key: 'no|such', status: 'confirmed' }), 404);
      await refusal(await post('reviewer', `/api/documents/${id}/review`, { action: 'publish' }), 400);
      await refusal(
        await post('reviewer', `/api/documents/${id}/findings/comments`, { key, text: '长'.repeat(5001) }),
        400,
      );
      await refusal(
        await post('reviewer', `/api/documents/${id}/findings/comments`, {
          key,
          text: 'x'.repeat(1024 * 1024),
        }),
        413,
      );
      await refusal(
        await post('reviewer', `/api/documents/${id}/findings/comments`, { key, text: '   ' }),
        400,
      );
      expect(await get(id)).toEqual(before);
    });
  });
}
