// The review works the same for every kind of disclosure: a performance text and a final account, like a
// budget, go 待审 → 审核中 (a finding confirmed) → 退回修改 with an opinion letter naming the finding →
// 通过 (with an override while it is open), and only then does an anonymous reader see them.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import type { Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { backends } from './backends.ts';
import { docxText } from './docx-text.ts';
import { seedBytes, seedFile } from './helpers.ts';

const password = 'review-kinds-password';
const finalPdf = new URL(
  '../../shared/samples/pdf/putuo-finance-bureau-2024-final-accounts.pdf',
  import.meta.url,
);
const compact = (s: string) => s.replace(/\s+/g, '');

for (const backend of backends)
  describe(`the review of each kind of document on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let base: string;
    let session: { cookie: string; csrf: string };
    const ids: Record<string, number> = {};

    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
      ids.performance = (await importFile(store, seedBytes('001'), seedFile('001'))).id;
      ids.final = (await importFile(store, new Uint8Array(readFileSync(finalPdf)), 'final.pdf')).id;
      app = await buildServer({ store, webDir: '/nonexistent' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const login = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'reviewer', password }),
      });
      session = {
        cookie: login.headers.get('set-cookie')!.split(';')[0]!,
        csrf: ((await login.json()) as { csrf: string }).csrf,
      };
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.destroy();
      await cleanup?.();
    });

    const call = (method: string, path: string, body?: unknown) =>
      fetch(base + path, {
        method,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    for (const [kind, name] of [
      ['performance', '绩效目标'],
      ['final', '决算'],
    ] as const)
      it(`a ${kind} document: confirmed, returned with its letter, approved, then public`, async () => {
        const id = ids[kind]!;
        expect((await fetch(`${base}/api/documents/${id}`)).status).toBe(404);
        const stored = (await (await call('GET', `/api/documents/${id}`)).json()) as {
          document: { kind: string };
          findings: { key: string; severity: string; message: string }[];
        };
        expect(stored.document.kind).toBe(kind);
        const finding = stored.findings.find((f) => f.severity !== 'info')!;
        expect(finding).toBeDefined();
        expect(
          (
            await call('POST', `/api/documents/${id}/findings/status`, {
              key: finding.key,
              status: 'confirmed',
            })
          ).status,
        ).toBe(200);
        expect(
          (await call('POST', `/api/documents/${id}/review`, { action: 'return', reason: '请修改' })).status,
        ).toBe(200);
        const letter = await call('GET', `/api/documents/${id}/opinion?format=docx`);
        expect(letter.status).toBe(200);
        const text = await docxText(new Uint8Array(await letter.arrayBuffer()));
        expect(text).toContain(name);
        expect(text).toContain(compact(finding.message));
        // A returned version is approved only through a new one: the reviewer's override on the next.
        expect((await call('POST', `/api/documents/${id}/review`, { action: 'approve' })).status).toBe(409);
        await store.updateTable('document').set({ review_state: 'reviewing' }).where('id', '=', id).execute();
        expect((await call('POST', `/api/documents/${id}/review`, { action: 'approve' })).status).toBe(409);
        expect(
          (
            await call('POST', `/api/documents/${id}/review`, {
              action: 'approve',
              override: true,
              reason: '已说明',
            })
          ).status,
        ).toBe(200);
        expect((await fetch(`${base}/api/documents/${id}`)).status).toBe(200);
      });
  });
