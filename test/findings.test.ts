// Each sample's findings equal the golden list a reviewer wrote by hand (test/golden/findings/).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import type { Finding } from '../src/check/types.ts';
import { parseDocument, parseText } from '../src/parse.ts';
import { seedDir } from './helpers.ts';

const goldenDir = new URL('./golden/findings/', import.meta.url);

/** The part of a finding a golden list fixes: `line` only where the golden entry gives one, never page or message. */
function key(f: Partial<Finding>, withLine: boolean): string {
  const { table, row, column, project, section, line } = f.where ?? {};
  const where = { table, row, column, project, section, line: withLine ? line : undefined };
  return JSON.stringify([f.rule, f.severity, where, f.expected, f.actual]);
}

const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

const pdfDir = new URL('../../shared/samples/pdf/', import.meta.url);
const pdfGoldenDir = new URL('./golden/findings/pdf/', import.meta.url);
const pdfSamples = [
  'putuo-finance-bureau-2025-budget',
  'putuo-wanli-subdistrict-2024-budget',
  'putuo-wanli-subdistrict-2025-budget',
  'putuo-finance-bureau-2024-final-accounts',
];

describe('findings on the real Shanghai PDFs equal the hand-reviewed golden lists', () => {
  for (const name of pdfSamples) {
    it(name, async () => {
      const golden = JSON.parse(
        readFileSync(new URL(`${name}.json`, pdfGoldenDir), 'utf8'),
      ) as Partial<Finding>[];
      const bytes = new Uint8Array(readFileSync(new URL(`${name}.pdf`, pdfDir)));
      const findings = checkDocument(await parseDocument(bytes, `${name}.pdf`));
      // Lines of PDFs are the reader's, not pdftotext's: compared without them.
      expect(findings.map((f) => key(f, false)).sort()).toEqual(golden.map((g) => key(g, false)).sort());
    });
  }
});

describe('findings on the samples equal the hand-reviewed golden lists', () => {
  for (const seed of seeds) {
    it(seed, () => {
      const name = seed.replace(/\.txt$/, '');
      const golden = JSON.parse(
        readFileSync(new URL(`${name}.json`, goldenDir), 'utf8'),
      ) as Partial<Finding>[];
      const bytes = new Uint8Array(readFileSync(`${seedDir}/${seed}`));
      const findings = checkDocument(parseText(bytes, seed));
      const withLine = new Set(golden.filter((g) => g.where?.line !== undefined).map((g) => g.rule));
      const actual = findings.map((f) => key(f, withLine.has(f.rule))).sort();
      const expected = golden.map((g) => key(g, g.where?.line !== undefined)).sort();
      expect(actual).toEqual(expected);
    });
  }
});
