// Same document, any format: each sample written out as a Word document by yusuan's own writer and
// read back gives the model of its golden file (only the stated amounts' line numbers differ, since
// the Word file's lines are not the text's).
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse.ts';
import { renderDocx } from '../src/render/docx.ts';
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
