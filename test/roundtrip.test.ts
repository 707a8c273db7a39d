// Same document, any format: each sample written out as Word and PDF (and, with its tables, Excel) by
// yusuan's own writers and read back gives the model of its golden file (only the stated amounts' line
// numbers differ, since the written file's lines are not the text's).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse.ts';
import { renderDocx } from '../src/render/docx.ts';
import { launchChromium, renderPdf } from '../src/render/pdf.ts';
import { renderXlsx } from '../src/render/xlsx.ts';
import { toGolden } from './golden-projection.ts';
import { golden, parseSeed, seedFiles } from './helpers.ts';

type Projection = ReturnType<typeof toGolden> & { statedAmounts: unknown[][] };
const withoutLines = (g: Projection) => ({ ...g, statedAmounts: g.statedAmounts.map((s) => s.slice(0, 4)) });

describe('DOCX written by yusuan reads back as the golden model', () => {
  for (const file of seedFiles) {
    it(file, async () => {
      const docx = await renderDocx(parseSeed(file));
      const back = await parseDocument(docx, file.replace(/\.txt$/, '.docx'));
      expect(withoutLines(toGolden(back) as Projection)).toEqual(withoutLines(golden(file) as Projection));
    });
  }
});

describe('PDF printed by yusuan (Chromium) reads back as the golden model', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  for (const file of seedFiles) {
    it(file, async () => {
      const pdf = await renderPdf(parseSeed(file), { browser });
      const back = await parseDocument(pdf, file.replace(/\.txt$/, '.pdf'));
      expect(withoutLines(toGolden(back) as Projection)).toEqual(withoutLines(golden(file) as Projection));
    });
  }
});

describe('XLSX written by yusuan reads back with the same tables', () => {
  // Excel shows every amount with two decimals (7 → 7.00): amounts are compared as numbers.
  type Table = { rows: [unknown, unknown, unknown, (string | null)[]][] };
  const asNumbers = (tables: Record<string, Table>) =>
    Object.fromEntries(
      Object.entries(tables).map(([key, t]) => [
        key,
        {
          ...t,
          rows: t.rows.map(([side, code, name, amounts]) => [
            side,
            code,
            name,
            amounts.map((a) => (a === null ? null : Number(a))),
          ]),
        },
      ]),
    );
  for (const file of seedFiles.filter((f) => Object.keys(parseSeed(f).tables).length > 0)) {
    it(file, async () => {
      const xlsx = await renderXlsx(parseSeed(file));
      const back = await parseDocument(xlsx, file.replace(/\.txt$/, '.xlsx'));
      const tables = (doc: ReturnType<typeof toGolden>) =>
        asNumbers(doc.tables as unknown as Record<string, Table>);
      expect(tables(toGolden(back))).toEqual(tables(golden(file) as ReturnType<typeof toGolden>));
    });
  }
});
