// The overview comes a page of departments at a time (GET /api/overview): a department keeps its units on
// its page, the totals and years are the whole filter's, and an anonymous reader pages through approved
// documents only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments, demoUnitDocuments } from '../src/demo/generate.ts';
import { buildServer } from '../src/server/app.ts';
import type { OverviewPage } from '../src/server/contract.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { type DocumentSummary, pageOfOverview } from '../src/store/queries.ts';

const summary = (id: number, department: string, departmentId: number, more: Partial<DocumentSummary> = {}) =>
  ({
    id,
    department,
    departmentId,
    year: 2025,
    kind: 'budget',
    version: 1,
    current: true,
    errors: 0,
    warnings: 0,
    infos: 0,
    fileName: `${department}.txt`,
    importedAt: '2026-01-01T00:00:00.000Z',
    editedFrom: null,
    reviewState: 'pending',
    parentDepartmentId: null,
    ...more,
  }) satisfies DocumentSummary;

describe('pageOfOverview', () => {
  const rows = [
    summary(1, '乙局', 10, { errors: 1 }),
    summary(2, '甲局', 20),
    summary(3, '甲局下属中心', 21, { parentDepartmentId: 20, errors: 9 }),
    summary(4, '丙局', 30, { errors: 5 }),
    summary(5, '丙局', 30, { year: 2024, errors: 2 }),
    // A unit whose department is not listed stands on its own.
    summary(6, '丁中心', 41, { parentDepartmentId: 40 }),
  ];
  const ids = (page: { documents: DocumentSummary[] }) => page.documents.map((d) => d.id);

  it('cuts between departments (by name: 丙 丁 甲 乙), never between a department and its units', () => {
    const first = pageOfOverview(rows, { page: 1, pageSize: 2, sort: 'name' });
    expect(first.departments).toBe(4);
    expect(first.totals).toEqual({ documents: 6, errors: 17, warnings: 0, infos: 0 });
    expect(ids(first)).toEqual([4, 5, 6]);
    const second = pageOfOverview(rows, { page: 2, pageSize: 2, sort: 'name' });
    expect(ids(second)).toEqual([1, 2, 3]); // 甲局 with its 下属中心, then 乙局
  });

  it('sorts by the department’s own errors, and a page past the end is the last one', () => {
    const byErrors = pageOfOverview(rows, { page: 1, pageSize: 1, sort: 'errors' });
    expect(ids(byErrors)).toEqual([4, 5]); // 丙局: 7 errors; 甲局 has none of its own (its unit has 9)
    const last = pageOfOverview(rows, { page: 99, pageSize: 3, sort: 'name' });
    expect(last.page).toBe(2);
    expect(last.documents.length).toBeGreaterThan(0);
  });
});

describe('GET /api/overview', () => {
  let store: Store;
  let app: Awaited<ReturnType<typeof buildServer>>;
  beforeAll(async () => {
    store = await openStore({});
    for (const d of [...demoDocuments(), ...demoUnitDocuments()])
      await importFile(store, new TextEncoder().encode(d.text), d.name);
    app = await buildServer({ store, webDir: '/nonexistent' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await store.destroy();
  });
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    expect(r.statusCode, url).toBe(200);
    return JSON.parse(r.body) as OverviewPage;
  };

  it('an anonymous reader sees nothing before approval, then pages through the approved documents', async () => {
    expect((await get('/api/overview')).totals.documents).toBe(0);
    await store.updateTable('document').set({ review_state: 'approved' }).execute();
    const all = (await app
      .inject({ method: 'GET', url: '/api/documents' })
      .then((r) => JSON.parse(r.body))) as DocumentSummary[];
    const first = await get('/api/overview?pageSize=2');
    expect(first.totals.documents).toBe(all.length);
    expect(first.years).toEqual([...new Set(all.map((d) => d.year!))].sort((a, b) => b - a));
    const pages = Math.ceil(first.departments / 2);
    expect(pages).toBeGreaterThan(1);
    const seen: number[] = [];
    for (let p = 1; p <= pages; p++)
      seen.push(...(await get(`/api/overview?pageSize=2&page=${p}`)).documents.map((d) => d.id));
    expect(seen.sort((a, b) => a - b)).toEqual(all.map((d) => d.id).sort((a, b) => a - b));
  });

  it('filters like GET /api/documents and refuses a bad page', async () => {
    const year = (await get('/api/overview')).years[0]!;
    const filtered = await get(`/api/overview?year=${year}`);
    expect(filtered.documents.every((d) => d.year === year)).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/api/overview?page=0' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/[\u4e00-\u9fff]/);
  });
});
