// Tables keep their printed order through the store: jsonb orders an object's keys by length, so a model
// read back listed 收入总表 before 收支总表 and the server's CSV began elsewhere than the CLI's.
import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/export/csv.ts';
import { tablesInOrder } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { importFile } from '../src/store/documents.ts';
import { storedDocument } from '../src/store/queries.ts';
import { backends } from './backends.ts';
import { seedBytes, seedFile } from './helpers.ts';

describe('table order', () => {
  it('is the printed order: each table starts after the one before', async () => {
    const doc = await parseDocument(seedBytes('000'), seedFile('000'));
    const tables = tablesInOrder(doc);
    expect(tables.length).toBeGreaterThan(5);
    for (let i = 1; i < tables.length; i++)
      expect(tables[i]!.source.line).toBeGreaterThan(tables[i - 1]!.source.line);
    expect(Object.keys(doc.tables)).toEqual(tables.map((t) => t.key));
  });

  for (const backend of backends)
    it(`survives the store (${backend.name}): the same keys in the same order, the same CSV`, async () => {
      const { store, cleanup } = await backend.open();
      try {
        const bytes = seedBytes('000');
        const parsed = await parseDocument(bytes, seedFile('000'));
        const { id } = await importFile(store, bytes, seedFile('000'));
        const stored = (await storedDocument(store, id))!;
        expect(Object.keys(stored.document.tables)).toEqual(Object.keys(parsed.tables));
        expect(toCsv([{ file: 'x', document: stored.document }])).toBe(
          toCsv([{ file: 'x', document: parsed }]),
        );
      } finally {
        await store.destroy();
        await cleanup();
      }
    });
});
