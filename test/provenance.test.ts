// Amounts read from a PDF keep the box of the printed cell (so that the web app can mark it on the
// original page); amounts read from other formats have no box.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Amount } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { renderXlsx } from '../src/render/xlsx.ts';
import { parseSeed } from './helpers.ts';

const sample = (path: string) => fileURLToPath(new URL(`../../shared/samples/${path}`, import.meta.url));
const amountsOf = (tables: Record<string, { rows: { amounts: (Amount | null)[] }[] }>) =>
  Object.values(tables).flatMap((t) =>
    t.rows.flatMap((r) => r.amounts.filter((a): a is Amount => a !== null)),
  );

/** The text pdftotext finds inside a box of a page (points, origin top left). */
function textIn(file: string, page: number, box: NonNullable<Amount['source']['box']>): string {
  const args = [
    ...['-f', String(page), '-l', String(page), '-r', '72'],
    ...['-x', String(Math.floor(box.x)), '-y', String(Math.floor(box.y))],
    ...['-W', String(Math.ceil(box.width) + 1), '-H', String(Math.ceil(box.height) + 1)],
  ];
  return spawnSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' }).stdout;
}

describe('cell boxes in the model', () => {
  for (const name of [
    'putuo-wanli-subdistrict-2025-budget.pdf',
    'putuo-finance-bureau-2024-final-accounts.pdf',
  ])
    it(`${name}: every amount has its page and box, and the box holds the amount as printed`, async () => {
      const file = sample(`pdf/${name}`);
      const doc = await parseDocument(new Uint8Array(readFileSync(file)), name);
      const amounts = amountsOf(doc.tables);
      expect(amounts.length).toBeGreaterThan(100);
      for (const a of amounts) {
        expect(a.source.page).toBeGreaterThan(0);
        expect(a.source.box?.width).toBeGreaterThan(0);
      }
      // Every 23rd amount, so that every table is sampled without reading each cell back.
      for (const a of amounts.filter((_, i) => i % 23 === 0))
        expect(textIn(file, a.source.page!, a.source.box!).replace(/[\s,]/g, '')).toBe(a.value);
    });

  it('amounts read from a workbook or a text have no box', async () => {
    const text = parseSeed('004_b9fc89043e8814d5.txt');
    // A workbook is read through the same positioned reading as a PDF, with made-up positions.
    const workbook = await parseDocument(await renderXlsx(text), 'rendered.xlsx');
    for (const doc of [workbook, text]) {
      const amounts = amountsOf(doc.tables);
      expect(amounts.length).toBeGreaterThan(0);
      expect(amounts.filter((a) => a.source.box)).toEqual([]);
    }
  });
});
