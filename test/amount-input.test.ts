// What a user may type to correct an amount, and what saving would change before it is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAmountInput, tableDecimals } from '../src/model/amount-input.ts';
import type { BudgetTable } from '../src/model/document.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { editDocument, importFile, previewEdits } from '../src/store/documents.ts';
import { seedBytes, seedFile } from './helpers.ts';

const read = (typed: string, decimals = 2, unit = '万元') => readAmountInput(typed, decimals, unit);

describe('typed amounts', () => {
  it('accepts a plain decimal or correct thousands separators', () => {
    expect(read('156')).toEqual({ value: '156' });
    expect(read(' 1,234.56 ')).toEqual({ value: '1234.56' });
    expect(read('1,234,567')).toEqual({ value: '1234567' });
    expect(read('-3.5')).toEqual({ value: '-3.5' });
    expect(read('１２３．４')).toEqual({ value: '123.4' }); // full-width, as a Chinese keyboard types
    expect(read('')).toEqual({ value: null });
  });
  it('refuses separators in the wrong places instead of guessing', () => {
    expect(read('156,00')).toEqual({ error: expect.stringContaining('千位分隔符位置不对') });
    expect(read('1,5,6')).toEqual({ error: expect.stringContaining('千位分隔符位置不对') });
    expect(read('1234,567')).toEqual({ error: expect.stringContaining('千位分隔符位置不对') });
    expect(read('1O.5')).toEqual({ error: '「1O.5」不是有效的金额，应为数字，如 198.90' });
    expect(read('1.2.3')).toEqual({ error: expect.stringContaining('不是有效的金额') });
  });
  it('refuses more decimals than the table prints', () => {
    expect(read('156.001')).toEqual({ error: '「156.001」有 3 位小数，此表金额（单位：万元）最多 2 位小数' });
    expect(read('12.5', 0, '元')).toEqual({ error: '「12.5」有小数，此表金额以元为单位、只印整数' });
    expect(read('12', 0, '元')).toEqual({ value: '12' });
  });
  it('takes the decimals from the table: what it prints, at least 2 in 万元', () => {
    const table = (unit: '元' | '万元', values: string[]) =>
      ({
        unit,
        rows: [{ amounts: values.map((value) => ({ value, source: { line: 1 } })) }],
      }) as unknown as BudgetTable;
    expect(tableDecimals(table('元', ['3296600', '0']))).toBe(0);
    expect(tableDecimals(table('元', ['12.34']))).toBe(2);
    expect(tableDecimals(table('万元', ['7']))).toBe(2);
    expect(tableDecimals(table('万元', ['1.2345']))).toBe(4);
  });
});

describe('previewing corrections', () => {
  let store: Store;
  let id: number;
  beforeAll(async () => {
    store = await openStore({});
    id = (await importFile(store, seedBytes('004'), seedFile('004'))).id;
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('refuses an amount the table cannot print, naming the edit', async () => {
    const edits = [{ table: 'general-basic', row: '301', column: 0, value: '156,00' }];
    await expect(previewEdits(store, id, edits)).rejects.toThrow(
      '第 1 处修改：「156,00」的千位分隔符位置不对',
    );
  });

  it('shows old → new and the findings added and cleared, storing nothing', async () => {
    // Seed 004's 基本支出表: 301 is 0.01 above its children in 合计 (hand-checked in its golden findings).
    const stored = await store.selectFrom('finding').selectAll().where('document_id', '=', id).execute();
    const parent = stored.find(
      (f) => f.rule === 'table-parent-children' && JSON.stringify(f.where).includes('"row":"301"'),
    )!;
    const where = (typeof parent.where === 'string' ? JSON.parse(parent.where) : parent.where) as {
      column: string;
    };
    const edits = [
      { table: 'general-basic', row: '301', column: where.column, value: String(parent.expected) },
    ];
    const preview = (await previewEdits(store, id, edits))!;
    expect(preview.applied).toHaveLength(1);
    expect(preview.applied[0]!.before).toBe(String(parent.actual));
    expect(preview.applied[0]!.after).toBe(String(parent.expected));
    expect(preview.cleared.map((f) => f.message)).toContain(parent.message);
    // Nothing stored: still one version.
    expect(await store.selectFrom('document').select('id').execute()).toHaveLength(1);
    // Saving gives what the preview said.
    const saved = (await editDocument(store, id, edits))!;
    const after = await store
      .selectFrom('finding')
      .select('message')
      .where('document_id', '=', saved.id)
      .execute();
    expect(after.length).toBe(stored.length - preview.cleared.length + preview.added.length);
  });
});
