// The score in the server: a document's score as the review left its findings, the dates a reviewer enters
// for 及时性, the region's ranking, and the summary workbook's score column. On PGlite and PostgreSQL.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentScore } from '../src/score/index.ts';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import type { Store } from '../src/store/db.ts';
import type { RankedDocument } from '../src/store/scores.ts';
import { backends } from './backends.ts';
import { seedBytes, seedFile } from './helpers.ts';
import { apiClient } from './http.ts';

const password = 'score-test-password';
const pdf = fileURLToPath(
  new URL('../../shared/samples/pdf/putuo-finance-bureau-2025-budget.pdf', import.meta.url),
);

for (const backend of backends) {
  describe(`the score on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let api: ReturnType<typeof apiClient>;
    let seed: number;
    let shanghai: number;

    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
      await createUser(store, { name: 'admin', password, role: 'admin' });
      app = await buildServer({ store, webDir: '/nonexistent' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      api = apiClient(
        `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
        password,
      );
      await api.logIn('reviewer');
      await api.logIn('admin');
      seed = await api.upload('admin', seedFile('004'), seedBytes('004'));
      shanghai = await api.upload(
        'admin',
        'putuo-finance-bureau-2025-budget.pdf',
        new Uint8Array(readFileSync(pdf)),
      );
    });
    afterAll(async () => {
      await app?.close();
      await store?.destroy();
      await cleanup?.();
    });

    const score = async (id: number) => {
      const response = await api.request('reviewer', 'GET', `/api/documents/${id}/score`);
      expect(response.status).toBe(200);
      return (await response.json()) as DocumentScore & { dates: { approvedOn: string | null } };
    };
    const item = (s: DocumentScore, id: string) => s.items.find((i) => i.id === id)!;

    it('scores a stored document, and hides an unapproved one from anonymous readers', async () => {
      const s = await score(seed);
      expect(s.items).toHaveLength(17);
      expect(item(s, 'timely').status).toBe('not-applicable');
      expect(item(s, 'tables-present').status).toBe('earned');
      expect((await api.request(null, 'GET', `/api/documents/${seed}/score`)).status).toBe(404);
    });

    it('leaves out the findings a reviewer dismissed', async () => {
      const before = item(await score(seed), 'no-inconsistencies');
      expect(before.status).toBe('lost');
      // Every error a consistency rule reported, dismissed as 不是问题: the item is earned.
      const stored = (await (await api.request('reviewer', 'GET', `/api/documents/${seed}`)).json()) as {
        findings: { key: string; severity: string; rule: string }[];
      };
      const errors = stored.findings.filter(
        (f) => f.severity === 'error' && f.rule !== 'note-empty-with-data',
      );
      for (const f of stored.findings.filter((x) => x.severity === 'error'))
        expect(
          (
            await api.request('reviewer', 'POST', `/api/documents/${seed}/findings/status`, {
              key: f.key,
              status: 'dismissed',
              reason: '测试：核实后不是问题',
            })
          ).status,
        ).toBe(200);
      expect(errors.length).toBeGreaterThan(0);
      expect(item(await score(seed), 'no-inconsistencies').status).toBe('earned');
    });

    it('takes the 批复 and publication dates from a reviewer, and refuses bad ones', async () => {
      const put = (as: string, body: unknown) =>
        api.request(as, 'PUT', `/api/documents/${shanghai}/dates`, body);
      expect((await put('reviewer', { approvedOn: '2025-01-20', publishedOn: '2025-02-03' })).status).toBe(
        200,
      );
      const s = await score(shanghai);
      expect(s.dates).toEqual({ approvedOn: '2025-01-20', publishedOn: '2025-02-03' });
      expect(item(s, 'timely')).toMatchObject({ status: 'earned' });
      expect(item(s, 'timely').evidence).toContain('相隔 14 天');
      expect((await put('reviewer', { approvedOn: '2025-01-20', publishedOn: '2025-03-03' })).status).toBe(
        200,
      );
      expect(item(await score(shanghai), 'timely').status).toBe('lost');
      const refused = await put('reviewer', { approvedOn: '2025-02-30', publishedOn: null });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toContain('没有这一天');
      expect((await put('reviewer', { approvedOn: '2025-03-01', publishedOn: '2025-02-01' })).status).toBe(
        400,
      );
      expect((await put('reviewer', { approvedOn: '20250301', publishedOn: null })).status).toBe(400);
      expect(
        (
          await api.request(null, 'PUT', `/api/documents/${shanghai}/dates`, {
            approvedOn: null,
            publishedOn: null,
          })
        ).status,
      ).toBe(401);
      // The dates stayed as last set.
      expect((await score(shanghai)).dates.approvedOn).toBe('2025-01-20');
    });

    it('ranks the documents best first, with the items each lost', async () => {
      const response = await api.request('reviewer', 'GET', '/api/scores');
      expect(response.status).toBe(200);
      const ranked = (await response.json()) as RankedDocument[];
      expect(ranked.map((r) => r.id).sort()).toEqual([seed, shanghai].sort());
      expect(ranked[0]!.total!).toBeGreaterThanOrEqual(ranked[1]!.total!);
      for (const r of ranked) {
        const s = await score(r.id);
        expect(r.total).toBe(s.total);
        expect(r.lost.map((l) => l.id)).toEqual(s.items.filter((i) => i.status === 'lost').map((i) => i.id));
      }
      // Anonymous readers rank only what they may see: nothing is approved yet.
      expect(await (await api.request(null, 'GET', '/api/scores')).json()).toEqual([]);
    });

    it('writes the score into the review summary workbook', async () => {
      const response = await api.request('reviewer', 'GET', '/api/review/summary.xlsx');
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const rows: ExcelJS.CellValue[][] = [];
      workbook
        .getWorksheet('审核汇总')!
        .eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
      const headings = rows[2]!;
      const column = headings.indexOf('公开评分');
      expect(column).toBeGreaterThan(0);
      const s = await score(shanghai);
      const row = rows.slice(3).find((r) => String(r[0]).includes('财政局'))!;
      expect(row[column]).toBe(s.total);
      expect(String(row[headings.indexOf('失分项')])).toContain(
        s.items.find((i) => i.status === 'lost')!.title,
      );
    });
  });
}
