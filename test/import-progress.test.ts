// An import tells what it is doing — a PDF's pages as they are read, then checking and storing — so the
// upload page can show each file's progress.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/db.ts';
import { type ImportProgress, importFile } from '../src/store/documents.ts';

const sample = fileURLToPath(
  new URL('../../shared/samples/pdf/putuo-wanli-subdistrict-2025-budget.pdf', import.meta.url),
);

describe('import progress', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({});
  });
  afterAll(async () => {
    await store.destroy();
  });

  it('reports each page of a PDF, then checking and storing', async () => {
    const events: ImportProgress[] = [];
    const bytes = new Uint8Array(readFileSync(sample));
    const result = await importFile(store, bytes, 'wanli.pdf', { onProgress: (p) => events.push(p) });
    expect(result.status).toBe('imported');
    const pages = events.filter((e) => e.stage === 'reading' && e.page !== undefined) as {
      page: number;
      pages: number;
    }[];
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.page)).toEqual(pages.map((_, i) => i + 1));
    expect(new Set(pages.map((p) => p.pages))).toEqual(new Set([pages.length]));
    expect(events.map((e) => e.stage).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'reading',
      'checking',
      'storing',
    ]);
  });

  it('reports no checking for a file already stored', async () => {
    const events: ImportProgress[] = [];
    const bytes = new Uint8Array(readFileSync(sample));
    const result = await importFile(store, bytes, 'again.pdf', { onProgress: (p) => events.push(p) });
    expect(result.status).toBe('unchanged');
    expect(events.some((e) => e.stage === 'checking' || e.stage === 'storing')).toBe(false);
  });
});
