// The standard document written back out: HTML, PDF through Chromium (read back with pdftotext),
// and an Excel workbook with the whole document.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tableNames } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { renderHtml } from '../src/render/html.ts';
import { renderPdf } from '../src/render/pdf.ts';
import { renderXlsx } from '../src/render/xlsx.ts';
import { parseSeed, runCli, seedDir } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-render-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const doc = parseSeed('004_b9fc89043e8814d5.txt');
const compact = (s: string) => s.replace(/\s+/g, '');

describe('render', () => {
  it('HTML: every table with its title, 单位 line and 栏次 row; document text shown as text', () => {
    const hostile = structuredClone(doc);
    hostile.department.name = '<script>alert(1)</script>商务部门';
    const html = renderHtml(hostile);
    for (const t of Object.values(doc.tables)) expect(html).toContain(`<h2>${t.title}</h2>`);
    expect(html).toContain('单位：万元');
    expect(html).toContain('栏次');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;');
    // 基本支出表 row 301 as printed.
    expect(html).toMatch(/<td class="code c">301<\/td><td>工资福利支出<\/td><td class="n">198\.91<\/td>/);
  });

  it('PDF: under 1 MB, and pdftotext reads back every table title and row name exactly', async () => {
    const pdf = await renderPdf(doc);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const file = join(tmp, '004.pdf');
    writeFileSync(file, pdf);
    const text = compact(spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).stdout);
    for (const t of Object.values(doc.tables)) {
      expect(text).toContain(compact(t.title));
      for (const r of t.rows) if (r.name) expect(text, `${t.key} ${r.name}`).toContain(compact(r.name));
    }
    for (const p of doc.projects) expect(text).toContain(p.code);
  });

  it('XLSX: 机构设置, one sheet per table (title merged, amounts as numbers with two decimals), 情况说明, projects', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderXlsx(doc)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '机构设置',
      ...Object.values(doc.tables).map((t) => tableNames[t.key]),
      '情况说明',
      '项目绩效目标表',
    ]);
    // Each section heading on its own row, in order; the units table of the text as cells across.
    const narrative = workbook.getWorksheet('情况说明')!;
    const rows = narrative.getSheetValues().filter(Boolean) as unknown[][];
    const headings = new Set(doc.sections.map((s) => s.heading));
    expect(rows.filter((r) => headings.has(String(r[1])) && r.length === 2).map((r) => r[1])).toEqual(
      doc.sections.map((s) => s.heading),
    );
    const firstUnit = doc.units[0]!;
    expect(rows).toContainEqual([
      undefined,
      firstUnit.name,
      firstUnit.nature,
      firstUnit.rank,
      firstUnit.funding,
    ]);
    const sheet = workbook.getWorksheet(tableNames['general-basic'])!;
    expect(sheet.getCell('A1').value).toBe(doc.tables['general-basic']!.title);
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('A4').value).toBe('栏次');
    const row301 = sheet.getRows(5, sheet.rowCount - 4)!.find((r) => r.getCell(2).value === '301')!;
    expect(row301.getCell(4).value).toBe(198.91);
    expect(row301.getCell(4).numFmt).toBe('0.00');
  });
});

describe('yusuan render', () => {
  const cli = (...argv: string[]) => runCli(tmp, ...argv);

  it('writes the HTML of a disclosure, and of a parsed JSON, to <name>.html', async () => {
    const r = await cli('render', join(seedDir, '004_b9fc89043e8814d5.txt'));
    expect(r.code).toBe(0);
    const html = readFileSync(join(tmp, '004_b9fc89043e8814d5.html'), 'utf8');
    expect(html).toContain('部门预算收支总表');
    writeFileSync(join(tmp, 'doc.json'), JSON.stringify(doc));
    expect((await cli('render', 'doc.json', '--out', 'from-json.html')).code).toBe(0);
    expect(readFileSync(join(tmp, 'from-json.html'), 'utf8')).toBe(html);
  });

  it('writes a Word document that yusuan reads back with the same tables', async () => {
    const r = await cli('render', join(seedDir, '004_b9fc89043e8814d5.txt'), '--format', 'docx');
    expect(r.code).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(tmp, '004_b9fc89043e8814d5.docx')));
    const back = await parseDocument(bytes, '004.docx');
    expect(Object.keys(back.tables)).toEqual(Object.keys(doc.tables));
    expect(
      back.tables['general-basic']!.rows.map((row) => [
        row.code,
        row.name,
        row.amounts.map((a) => a?.value ?? null),
      ]),
    ).toEqual(
      doc.tables['general-basic']!.rows.map((row) => [
        row.code,
        row.name,
        row.amounts.map((a) => a?.value ?? null),
      ]),
    );
  });
});
