// Same document, any format: each sample written out as Word, PDF and Excel by yusuan's own writers
// and read back gives the model of its golden file (only the stated amounts' line numbers differ,
// since the written file's lines are not the text's).
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

describe('XLSX written by yusuan reads back as the golden model', () => {
  // Excel shows every table amount with two decimals (7 → 7.00): those are compared as numbers.
  type Table = { rows: [unknown, unknown, unknown, (string | null)[]][] };
  const tableAmountsAsNumbers = (g: Projection) => ({
    ...withoutLines(g),
    tables: Object.fromEntries(
      Object.entries(g.tables as unknown as Record<string, Table>).map(([key, t]) => [
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
    ),
  });
  for (const file of seedFiles) {
    it(file, async () => {
      const xlsx = await renderXlsx(parseSeed(file));
      const back = await parseDocument(xlsx, file.replace(/\.txt$/, '.xlsx'));
      expect(tableAmountsAsNumbers(toGolden(back) as Projection)).toEqual(
        tableAmountsAsNumbers(golden(file) as Projection),
      );
    });
  }
});

describe('XLSX of a performance text kept as a model without its sections', () => {
  for (const file of seedFiles.filter((f) => parseSeed(f).kind === 'performance')) {
    it(`${file}: the 总体目标, 分项目标 and 保障措施 read back`, async () => {
      const doc = { ...parseSeed(file), sections: [] };
      const back = await parseDocument(await renderXlsx(doc), file.replace(/\.txt$/, '.xlsx'));
      expect(toGolden(back).performance).toEqual(toGolden(doc).performance);
      expect(toGolden(back).projects).toEqual(toGolden(doc).projects);
    });
  }
});
