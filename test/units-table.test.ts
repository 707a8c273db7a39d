// Where the 机构设置 table stands in the text is recorded by the recogniser (Section.unitsTable), and the
// renderers print the model's units there as a table, without matching the header's words again.
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { compact } from '../src/model/text.ts';
import { renderHtml } from '../src/render/html.ts';
import { sectionRows } from '../src/render/xlsx.ts';
import { parseSeed } from './helpers.ts';

describe('the units table in the text', () => {
  for (const seed of ['000', '004']) {
    const doc: Document = parseSeed(seed);
    const section = doc.sections.find((s) => s.unitsTable)!;

    it(`is found where it is printed (seed ${seed})`, () => {
      expect(doc.units.length).toBeGreaterThan(1);
      expect(section.unitsTable!.rows).toBe(doc.units.length);
      const lines = section.text.split('\n');
      expect(compact(lines[section.unitsTable!.line]!)).toMatch(/^单位名称单位性质/);
      // The unit lines follow the header, each naming its unit.
      doc.units.forEach((u, i) => {
        expect(compact(lines[section.unitsTable!.line + 1 + i]!)).toContain(u.name);
      });
    });

    it(`is printed as a table of the units in HTML and the workbook (seed ${seed})`, () => {
      const rows = sectionRows(section, doc);
      const at = rows.findIndex((r) => r[0] === '单位名称');
      expect(rows[at]).toEqual(['单位名称', '单位性质', '单位规格', '经费保障形式']);
      expect(rows.slice(at + 1, at + 1 + doc.units.length)).toEqual(
        doc.units.map((u) => [u.name, u.nature, u.rank, u.funding]),
      );
      const html = renderHtml(doc);
      expect(html).toContain(
        '<tr><td>单位名称</td><td>单位性质</td><td>单位规格</td><td>经费保障形式</td></tr>',
      );
      for (const u of doc.units) expect(html).toContain(`<tr><td>${u.name}</td><td>${u.nature}</td>`);
    });
  }
});
