// Recognition beyond one template's exact titles: a table of contents listing the tables is never taken
// for empty tables, and a unit's disclosure (单位预算, titles with 单位 / 预算单位) and numbered titles
// (公开01表, 附表3, 一、, （一）, 4．) are read as the department's are.
import { describe, expect, it } from 'vitest';
import { matchTableTitle } from '../src/recognise/catalogue.ts';
import { parseSeed, parseString, seedText } from './helpers.ts';

const text = seedText('000');
const lines = text.split('\n');
const titleLines = lines.filter((l) => matchTableTitle(l.replace(/\s+/g, '')) !== undefined);
const rowsOf = (doc: ReturnType<typeof parseSeed>) =>
  Object.fromEntries(Object.entries(doc.tables).map(([key, t]) => [key, t.rows.length]));
const original = rowsOf(parseSeed('000'));

describe('tables beyond exact titles', () => {
  it('the seed has titled tables to work with', () => {
    expect(titleLines.length).toBeGreaterThan(8);
    expect(Object.values(original).filter((n) => n > 0).length).toBeGreaterThanOrEqual(7);
  });

  it('a table of contents without dot leaders, numbered 1. … 4．, is not read as empty tables', () => {
    const contents = ['目  录', ...titleLines.map((t, i) => `${i + 1}${i % 2 ? '．' : '.'} ${t.trim()}`)];
    const doc = parseString([...contents, '', ...lines].join('\n'));
    expect(rowsOf(doc)).toEqual(original);
  });

  it('a table of contents with page numbers, its last entry followed by prose', () => {
    const contents = [
      '目录',
      ...titleLines.map((t, i) => `${t.trim()} ${i + 3}`),
      ...titleLines.slice(0, 1).map((t) => t.trim()),
      '第一部分 部门概况',
    ];
    const doc = parseString([...contents, '', ...lines].join('\n'));
    expect(rowsOf(doc)).toEqual(original);
  });

  it('a unit’s disclosure: titles with 单位 or 预算单位 and other numbering', () => {
    const numbering = ['公开01表 ', '附表3 ', '一、', '（二）', '4．'];
    let n = 0;
    const unit = lines
      .map((l) =>
        titleLines.includes(l)
          ? `${numbering[n++ % numbering.length]}${l.trim().replace(/部门/g, n % 2 ? '单位' : '预算单位')}`
          : l,
      )
      .join('\n');
    expect(unit).not.toEqual(text);
    expect(rowsOf(parseString(unit))).toEqual(original);
  });
});
