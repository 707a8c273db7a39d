// The real Shanghai budget PDFs, read with positions, against golden files written by hand from the
// documents (test/golden/pdf/). Compared: the header facts, the sections (the parts' page titles),
// every table cell by cell, every stated amount — 编制说明's totals, 三公, 机关运行经费 and the
// projects listed under 绩效目标设置情况 and 年度预算安排 (what, which part or project, the amount, the
// 比上年 change; the golden files give pdftotext's line numbers, which are not the reader's) — and every
// stated share (占…%).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse.ts';
import { statedWithoutLines, toGolden } from './golden-projection.ts';

const pdfDir = new URL('../../shared/samples/pdf/', import.meta.url);
const goldenDir = new URL('./golden/pdf/', import.meta.url);
const samples = [
  'putuo-finance-bureau-2025-budget',
  'putuo-wanli-subdistrict-2024-budget',
  'putuo-wanli-subdistrict-2025-budget',
];

describe('golden files of real PDFs', () => {
  for (const name of samples) {
    it(`${name}: header facts, sections and every table`, async () => {
      const golden = JSON.parse(readFileSync(new URL(`${name}.json`, goldenDir), 'utf8'));
      const bytes = new Uint8Array(readFileSync(new URL(`${name}.pdf`, pdfDir)));
      const parsed = toGolden(await parseDocument(bytes, `${name}.pdf`));
      const facts = (g: typeof golden) => ({
        kind: g.kind,
        department: g.department,
        year: g.year,
        unit: g.unit,
        units: g.units,
        sections: g.sections,
        tables: g.tables,
        performance: g.performance,
        projects: g.projects,
      });
      expect(facts(parsed)).toEqual(facts(golden));
      // Stated amounts and shares (占…%, with the whole each is of), without line numbers.
      expect(statedWithoutLines(parsed)).toEqual(statedWithoutLines(golden));
    });
  }
});
