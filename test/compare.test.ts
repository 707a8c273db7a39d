// 比较 from the store: the figures come from the models, whatever the layout of the tables, in one unit.
// Expected values read by hand from the PDFs (pdftotext -layout): 万里街道 2025 prints its 三公 table as one
// line in 万元 (合计 37.91, 因公出国 0, 公务接待费 1.35, 公务用车购置及运行费 小计 36.56) and its other tables in
// 元 (支出总表 合计 189,767,551; 2024: 156,211,123); seed 004 prints 万元 (支出总表 合计 基本支出 221.54, 项目支出
// 449.90; 三公 table in rows: 小计 7, 因公出国 blank, 公务接待费 7).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/db.ts';
import { importFile } from '../src/store/documents.ts';
import { compare } from '../src/store/queries.ts';
import { seedBytes, seedFile, seedText } from './helpers.ts';

const pdf = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../shared/samples/pdf/${name}`, import.meta.url))));

describe('compare', () => {
  let store: Store;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    store = await openStore({});
    for (const name of ['putuo-wanli-subdistrict-2024-budget.pdf', 'putuo-wanli-subdistrict-2025-budget.pdf'])
      ids[name] = (await importFile(store, pdf(name), name)).id;
    for (const prefix of ['004', '003'])
      ids[prefix] = (await importFile(store, seedBytes(prefix), seedFile(prefix))).id;
  });
  afterAll(async () => {
    await store?.destroy();
  });

  it('reads the 三公 figures of a table laid out in columns', async () => {
    const [w2025] = await compare(store, [ids['putuo-wanli-subdistrict-2025-budget.pdf']!]);
    expect(w2025!.unit).toBe('万元'); // its 三公 table is printed in 万元, the others in 元
    expect(w2025!.figures).toMatchObject({
      '"三公"经费': '37.91',
      '因公出国（境）费': '0',
      公务用车购置及运行维护费: '36.56',
      公务接待费: '1.35',
    });
  });

  it('converts every figure to one unit, exactly, and leaves missing figures empty', async () => {
    const rows = await compare(store, [
      ids['putuo-wanli-subdistrict-2024-budget.pdf']!,
      ids['putuo-wanli-subdistrict-2025-budget.pdf']!,
      ids['004']!,
      ids['003']!,
    ]);
    expect(rows.map((r) => r.unit)).toEqual(['万元', '万元', '万元', '万元']);
    const [w2024, w2025, seed004, performance] = rows;
    expect(w2024!.figures.支出合计).toBe('15621.1123');
    expect(w2025!.figures.支出合计).toBe('18976.7551');
    expect(w2025!.documentUnit).toBe('元');
    expect(seed004!.figures).toMatchObject({
      基本支出: '221.54',
      项目支出: '449.9',
      '"三公"经费': '7',
      '因公出国（境）费': '0',
      公务接待费: '7',
    });
    // A performance text has no tables: nothing to show, not zeros.
    expect(Object.values(performance!.figures).every((v) => v === null)).toBe(true);
    expect(performance!.classes).toEqual([]);
    // The functional classes in the same unit.
    const general = w2025!.classes.find((c) => c.code === '201');
    expect(general).toEqual({ code: '201', name: '一般公共服务支出', amount: '329.66' });
  });

  it('keeps 元 when every figure compared is printed in 元', async () => {
    // The same document as if every table were printed in 元.
    const inYuan = new TextEncoder().encode(
      seedText('004').replaceAll('万元', '元').replace('商务', '元商务'),
    );
    const id = (await importFile(store, inYuan, 'in-yuan.txt')).id;
    const [yuan] = await compare(store, [id]);
    expect(yuan!.unit).toBe('元');
    expect(yuan!.figures.基本支出).toBe('221.54');
    const [, mixed] = await compare(store, [ids['004']!, id]);
    expect(mixed!.unit).toBe('万元');
    expect(mixed!.figures.基本支出).toBe('0.022154');
    expect(await compare(store, [999999])).toEqual([]);
  });

  it('leaves a 三公 part the table does not print empty, not 0; a part printed with an empty cell is 0', async () => {
    // Seed 004 without its three 公务用车 rows (序号 3–5: 二、公务用车购置及运维费 and its 其中).
    const text = seedText('004');
    const cut = text.replace(/\n\t[345]\n\t\s*(?:二、|其中：)?公务用车[^\n]*\n(?:\t\n)+/g, '\n');
    expect(cut.length).toBeLessThan(text.length);
    const id = (await importFile(store, new TextEncoder().encode(cut), 'no-cars.txt')).id;
    const [noCars] = await compare(store, [id]);
    expect(noCars!.figures).toMatchObject({
      '"三公"经费': '7',
      '因公出国（境）费': '0',
      公务用车购置及运行维护费: null,
      公务接待费: '7',
    });
  });
});
