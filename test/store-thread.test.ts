// The embedded database in a thread of its own (the server's store): what crosses the thread comes back as
// it went in — bytes, JSON, dates, PostgreSQL's error codes — and a transaction rolls back as a whole.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../src/demo/generate.ts';
import { tablesInOrder } from '../src/model/document.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { originalFile, storedDocument } from '../src/store/queries.ts';

describe('PGlite in its own thread', () => {
  let store: Store;
  const dataDir = mkdtempSync(join(tmpdir(), 'yusuan-thread-'));
  beforeAll(async () => {
    store = await openStore({ dataDir, thread: true });
  }, 60_000);
  afterAll(async () => {
    await store.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores and reads back a 5 MB file byte for byte, and a document with its model', async () => {
    const big = new Uint8Array(5_000_000).map((_, i) => (i * 31) % 256);
    const row = await sql<{
      b: Uint8Array;
      n: number;
    }>`select ${big}::bytea as b, length(${big}::bytea) as n`.execute(store);
    expect(row.rows[0]!.n).toBe(big.length);
    expect(Buffer.compare(Buffer.from(row.rows[0]!.b), Buffer.from(big))).toBe(0);

    const demo = demoDocuments()[0]!;
    const bytes = new TextEncoder().encode(demo.text);
    const imported = await importFile(store, bytes, demo.name);
    const stored = await storedDocument(store, imported.id, {});
    expect(stored?.summary.department).toBe(imported.department);
    expect(tablesInOrder(stored!.document).length).toBeGreaterThan(0);
    expect(new Date(stored!.summary.importedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const original = await originalFile(store, imported.id);
    expect(new TextDecoder().decode(original!.bytes)).toBe(demo.text);
  });

  it('passes PostgreSQL’s error code across, and rolls a failed transaction back whole', async () => {
    await sql`create table thread_probe (k int primary key)`.execute(store);
    const failed = await store
      .transaction()
      .execute(async (trx) => {
        await sql`insert into thread_probe values (1)`.execute(trx);
        await sql`insert into thread_probe values (1)`.execute(trx);
      })
      .catch((e: unknown) => e as { code?: string; message: string });
    expect(failed).toMatchObject({ code: '23505' });
    const left = await sql<{ n: number }>`select count(*)::int as n from thread_probe`.execute(store);
    expect(left.rows[0]!.n).toBe(0);
  });
});
