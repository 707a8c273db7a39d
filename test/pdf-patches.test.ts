import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { pdfjsPatches } from '../src/read/pdf.ts';

// An upgrade of pdfjs-dist that changes these lines would silently make the reader slow again.
test('each line the PDF reader replaces in pdfjs-dist is found exactly once', () => {
  const dir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const source = readFileSync(join(dir, 'legacy/build/pdf.worker.mjs'), 'utf8');
  for (const [from] of pdfjsPatches) expect(source.split(from).length - 1).toBe(1);
});
