// Text laid out in columns with spaces — a PDF saved as text (`pdftotext -layout`, which the README's
// poppler-utils installs), or a table copied from a PDF viewer — read by where its cells stand, as the PDF
// itself is: the same tables, the same rows and amounts, and no findings the PDF does not give.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { type BudgetTable, tablesInOrder } from '../src/model/document.ts';
import { parseText } from '../src/parse.ts';
import { readPdf } from '../src/read/pdf.ts';
import { readText } from '../src/read/text.ts';
import { recognise } from '../src/recognise/index.ts';

const shared = join(import.meta.dirname, '../../shared');
const rowsOf = (t: BudgetTable | undefined) =>
  (t?.rows ?? []).map(
    (r) => `${r.side ?? ''}|${r.code ?? ''}|${r.name}|${r.amounts.map((a) => a?.value ?? '').join(',')}`,
  );
// Of the tables: the prose is wrapped as pdftotext wraps it, which moves headings and stated amounts.
const problems = (findings: ReturnType<typeof checkDocument>) =>
  findings.filter((f) => f.severity !== 'info' && f.where.table).map((f) => `${f.rule} ${f.message}`);

describe('text laid out in columns (pdftotext -layout of the shared PDFs)', () => {
  for (const file of [
    'samples/pdf/putuo-finance-bureau-2025-budget.pdf',
    'samples/pdf/putuo-wanli-subdistrict-2024-budget.pdf',
    'corpus/jiangsu-procuratorate-2018-budget.pdf',
  ]) {
    it(`${file}: the PDF's tables, rows and amounts`, { timeout: 60_000 }, async () => {
      const path = join(shared, file);
      const fromPdf = recognise(await readPdf(new Uint8Array(readFileSync(path)), 'a.pdf'));
      const text = new Uint8Array(execFileSync('pdftotext', ['-layout', path, '-']));
      expect(readText(text, 'a.txt').style).toBe('aligned');
      const fromText = parseText(text, 'a.txt');
      expect(fromText.kind).toBe(fromPdf.kind);
      expect(fromText.year).toBe(fromPdf.year);
      expect(fromText.department.name).toBe(fromPdf.department.name);
      expect(Object.keys(fromText.tables).sort()).toEqual(Object.keys(fromPdf.tables).sort());
      let rows = 0;
      let same = 0;
      // Not the 政府采购 table: its names wrap over lines in several columns, and the PDF's own reading of them
      // runs the columns together, so there is no reading to compare with.
      for (const table of tablesInOrder(fromPdf).filter((t) => t.key !== 'procurement')) {
        const printed = rowsOf(table);
        const read = rowsOf(fromText.tables[table.key]);
        // The coded tables, where a column misplaced would change every check, row for row.
        if (['income', 'expenditure', 'general-expenditure', 'fiscal-basic'].includes(table.key))
          expect(read, table.title).toEqual(printed);
        rows += printed.length;
        same += printed.filter((r) => read.includes(r)).length;
      }
      // Wrapped headings and names (a page's own grid) still cost a few rows elsewhere.
      expect(same / rows).toBeGreaterThan(0.8);
      // Nothing wrong in a table that the PDF does not show as wrong.
      const pdfProblems = problems(checkDocument(fromPdf));
      expect(problems(checkDocument(fromText)).filter((p) => !pdfProblems.includes(p))).toEqual([]);
    });
  }

  it('a page without the header places its columns by its own full rows', () => {
    // Each page is its own grid: on page 2 the columns stand further left than the header of page 1 says.
    const page1 = [
      '                部门支出预算总表',
      '编制部门：某某局                               单位：元',
      '功能分类科目编码   科目名称            合计           基本支出          项目支出',
      '201              一般公共服务支出    1,300.00        1,000.00            300.00',
      '201   06         财政事务            1,000.00        1,000.00',
      '205              教育支出              500.00          500.00',
      '205   01         教育管理事务          500.00          500.00',
      '205   01   01   行政运行              500.00          500.00',
    ];
    const page2 = [
      '201   06   01   行政运行      1,000.00   1,000.00',
      '201   07        其他事务        300.00     100.00     200.00',
      '201   07   99   其他支出        300.00                200.00',
      '                合计          1,300.00   1,000.00     300.00',
    ];
    const prose = '一般公共服务支出 1,300.00 元，主要用于机关运行。';
    const text = `${page1.join('\n')}\n\f${page2.join('\n')}\n${prose}\n`;
    // A sentence keeps its amounts: one cell, not cut at them.
    const read = readText(new TextEncoder().encode(text), 'a.txt');
    expect(read.lines.at(-1)).toMatchObject({ text: prose, cells: null, page: 2 });
    const doc = parseText(new TextEncoder().encode(text), 'a.txt');
    const rows = doc.tables.expenditure?.rows.map((r) => [r.code, r.amounts.map((a) => a?.value ?? null)]);
    expect(rows).toContainEqual(['2010601', ['1000.00', '1000.00', null]]);
    expect(rows).toContainEqual(['2010799', ['300.00', null, '200.00']]);
  });
});

it('a row of amounts gets the label printed below them (合计 centred in a tall cell)', () => {
  const text = [
    '                部门支出预算总表',
    '编制部门：某某局                               单位：元',
    '功能分类科目编码   科目名称            合计           基本支出          项目支出',
    '                               1,300.00        1,000.00            300.00',
    '类   款   项',
    '                   合计',
    '201              一般公共服务支出    1,300.00        1,000.00            300.00',
    '201   06         财政事务            1,000.00        1,000.00',
    '201   06   01    行政运行            1,000.00        1,000.00',
    '201   07         其他事务              300.00                            300.00',
    '201   07   99    其他支出              300.00                            300.00',
    '205              教育支出              500.00          500.00',
    '205   01         教育管理事务          500.00          500.00',
  ].join('\n');
  const doc = parseText(new TextEncoder().encode(`${text}\n`), 'a.txt');
  expect(doc.tables.expenditure?.rows[0]).toMatchObject({ name: '合计' });
  expect(doc.tables.expenditure?.rows.map((r) => r.name)).not.toContain('');
});

describe('text laid out in columns, cut and mangled', () => {
  it('never throws: lines dropped, cut short or shifted, page breaks anywhere', { timeout: 120_000 }, () => {
    const path = join(shared, 'samples/pdf/putuo-wanli-subdistrict-2025-budget.pdf');
    const lines = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\n');
    const edit = fc.record({
      at: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom('drop', 'cut', 'shift', 'feed'),
      n: fc.nat({ max: 40 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const mangled = [...lines];
        for (const { at, kind, n } of edits) {
          const k = Math.min(at, mangled.length - 1);
          if (k < 0) break;
          if (kind === 'drop') mangled.splice(k, n + 1);
          else if (kind === 'cut') mangled[k] = mangled[k]!.slice(0, n);
          else if (kind === 'shift') mangled[k] = ' '.repeat(n) + mangled[k];
          else mangled[k] = `\f${mangled[k]}`;
        }
        const doc = parseText(new TextEncoder().encode(mangled.join('\n')), 'a.txt');
        checkDocument(doc);
      }),
      { numRuns: 60 },
    );
  });
});
