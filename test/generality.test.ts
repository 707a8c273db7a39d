// The recogniser must not depend on the particulars of the samples: variants built here by string
// transformation (another department, another order of sections, another unit, another order of
// projects) must be read the same way. The sample files themselves are never changed.
import { describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { toGolden } from './golden-projection.ts';
import { parseSeed, parseString, seedFile, seedText, tableFacts } from './helpers.ts';

const stripBookmarks = (line: string) => line.replace(/\[bookmark: [^\]]*\]/g, '');
const compactLine = (line: string) => stripBookmarks(line).replace(/\s+/g, '');

/** A line that starts a table (部门预算…表 title) or a part of the document (第一部分 …). */
const isBlockStart = (line: string) =>
  !line.startsWith('\t') &&
  (/^部门预算.*表$/.test(compactLine(line)) || /^第[一二三四五六七八九十]+部分/.test(compactLine(line)));

/** [start, end) line indexes of the table whose title is `title`, up to the next table title or part. */
function tableBlock(lines: string[], title: string): [number, number] {
  const start = lines.findIndex((l) => !l.startsWith('\t') && compactLine(l) === title);
  if (start < 0) throw new Error(`title ${title} not found`);
  let end = start + 1;
  while (end < lines.length && !isBlockStart(lines[end]!)) end++;
  return [start, end];
}

/** The amounts of each table row (names left out), by table key. */
const amountsOf = (doc: Document) =>
  Object.fromEntries(Object.entries(tableFacts(doc)).map(([k, rows]) => [k, rows.map((r) => r[3])]));
const projectFacts = (doc: Document) =>
  doc.projects.map((p) => [p.code, p.budget?.value ?? null, p.fiscal?.value ?? null, p.other?.value ?? null]);

describe('(a) another department name, code and year', () => {
  const cases = [
    {
      seed: '000',
      name: '乐亭县商务和投资促进局',
      code: '366',
      year: 2025,
      newYear: 2031,
      // Header lines: "366乐亭县商务和投资促进局 预算年度：2025 单位：万元"
      recode: (t: string) => t.replace(/^(\s*)366某某县测试局/gm, '$1999某某县测试局'),
    },
    {
      seed: '004',
      name: '商务部门',
      code: '322',
      year: 2024,
      newYear: 2031,
      // Header cells: "\t322商务部门"
      recode: (t: string) => t.replace(/^\t322某某县测试局/gm, '\t999某某县测试局'),
    },
    {
      seed: '001',
      name: '唐山市曹妃甸区商务和投资促进局',
      code: '322',
      year: undefined, // a performance text: the year comes from the project codes, left alone here
      newYear: undefined,
      // Unit cells of the project tables: "\t322001唐山市曹妃甸区商务和投资促进局本级", "\t322003曹妃甸区企管中心"
      recode: (t: string) => t.replace(/^\t322(\d{3})/gm, '\t999$1'),
    },
  ];

  for (const c of cases) {
    it(`sample ${c.seed}: ${c.name} ${c.code} → 某某县测试局 999${c.year ? `, ${c.year} → ${c.newYear}` : ''}`, () => {
      const base = parseSeed(c.seed);
      let text = seedText(c.seed).replaceAll(c.name, '某某县测试局');
      text = c.recode(text);
      if (c.year && c.newYear) {
        text = text
          .replaceAll(`预算年度：${c.year}`, `预算年度：${c.newYear}`)
          .replace(new RegExp(`${c.year}(\\s*年)`, 'g'), `${c.newYear}$1`);
      }
      expect(text).not.toContain(c.name);
      const doc = parseString(text, `renamed-${seedFile(c.seed)}`);

      expect(base.department.name).toBe(c.name);
      expect(doc.department).toEqual({ name: '某某县测试局', code: '999' });
      expect(doc.year).toBe(c.newYear ?? base.year);
      expect(doc.kind).toBe(base.kind);
      expect(Object.keys(doc.tables)).toEqual(Object.keys(base.tables));
      for (const [key, table] of Object.entries(base.tables)) {
        expect(doc.tables[key as keyof typeof doc.tables]?.rows.length, key).toBe(table.rows.length);
      }
      expect(amountsOf(doc)).toEqual(amountsOf(base));
      expect(projectFacts(doc)).toEqual(projectFacts(base));
      expect(doc.units.length).toBe(base.units.length);
      expect(doc.problems.map((p) => p.code)).toEqual(base.problems.map((p) => p.code));
    });
  }
});

describe('(b) sections re-ordered: the 三公 table moved before the 收支总表', () => {
  for (const seed of ['004', '000']) {
    it(`sample ${seed}`, () => {
      const base = parseSeed(seed);
      const lines = seedText(seed).split('\n');
      const [s3, e3] = tableBlock(lines, '部门预算财政拨款“三公”经费支出表');
      const [s1] = tableBlock(lines, '部门预算收支总表');
      expect(s1).toBeLessThan(s3);
      const block = lines.slice(s3, e3);
      const rest = [...lines.slice(0, s3), ...lines.slice(e3)];
      const moved = [...rest.slice(0, s1), ...block, '', ...rest.slice(s1)];
      const doc = parseString(moved.join('\n'), `reordered-${seedFile(seed)}`);

      expect(base.tables['three-public']).toBeDefined();
      const g = toGolden(doc);
      const b = toGolden(base);
      expect(Object.keys(g.tables).sort()).toEqual(Object.keys(b.tables).sort());
      expect(g.tables).toEqual(b.tables);
      expect(g.department).toEqual(b.department);
      expect(g.year).toBe(b.year);
      expect(g.units).toEqual(b.units);
    });
  }
});

describe('(c) 元 instead of 万元', () => {
  for (const seed of ['000', '004', '002']) {
    it(`sample ${seed}`, () => {
      const base = parseSeed(seed);
      expect(base.unit).toBe('万元');
      const text = seedText(seed).replace(/单位：\s*万元/g, '单位：元');
      const doc = parseString(text, `yuan-${seedFile(seed)}`);

      expect(doc.unit).toBe('元');
      for (const [key, table] of Object.entries(doc.tables)) expect(table.unit, key).toBe('元');
      for (const p of doc.projects) expect(p.unit, p.code).toBe('元');
      expect(tableFacts(doc)).toEqual(tableFacts(base));
      expect(projectFacts(doc)).toEqual(projectFacts(base));
    });
  }
});

describe('(d) project tables in reverse order', () => {
  /** A project table starts at its numbered title: "1.城市维护费绩效目标表" (the title may wrap before 表). */
  const isProjectTitle = (line: string) =>
    !line.startsWith('\t') &&
    /^\d+[.、]\S.*绩效目标表?$/.test(stripBookmarks(line).trim()) &&
    !line.includes('..');

  for (const seed of ['002', '001', '003']) {
    it(`sample ${seed}`, () => {
      const base = parseSeed(seed);
      const lines = seedText(seed).split('\n');
      const starts = lines.flatMap((l, i) => (isProjectTitle(l) ? [i] : []));
      expect(starts.length).toBe(base.projects.length);
      const blocks = starts.map((s, k) => {
        const block = lines.slice(s, starts[k + 1] ?? lines.length);
        return block.at(-1) === '' ? block : [...block, ''];
      });
      const reversed = [...lines.slice(0, starts[0]), ...blocks.reverse().flat()];
      const doc = parseString(reversed.join('\n'), `reversed-${seedFile(seed)}`);

      const codes = (d: Document) => d.projects.map((p) => p.code);
      expect(new Set(codes(doc))).toEqual(new Set(codes(base)));
      expect(codes(doc)).toEqual([...codes(base)].reverse());
      // Each project is read the same wherever it stands.
      const byCode = (d: Document) =>
        Object.fromEntries(toGolden(d).projects.map((p) => [p.code, p] as const));
      expect(byCode(doc)).toEqual(byCode(base));
      expect(toGolden(doc).performance).toEqual(toGolden(base).performance);
    });
  }
});
