// `yusuan template`: next year's budget workbook, with last year's structure and blank amounts; the
// filled workbook reads back as a budget document that the checker checks at once.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { type Document, type TableRow, tableNames } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { tableSpecs } from '../src/recognise/catalogue.ts';
import { templateTableKeys } from '../src/template/model.ts';
import { parseSeed, runCli, seedDir, seedFiles } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-template-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (...argv: string[]) => runCli(tmp, ...argv);
const readBack = (file: string) => parseDocument(new Uint8Array(readFileSync(join(tmp, file))), file);
const shanghaiPdf = join(seedDir, '../samples/pdf/putuo-wanli-subdistrict-2025-budget.pdf');

const rowKeys = (rows: TableRow[]) => rows.map((r) => [r.side ?? null, r.code ?? null, r.name]);

/** What the template carries over from last year's document; `next`: as it should read a year on. */
function structure(doc: Document, next = false) {
  // Headings naming a year move on by one (2025年预留中小微企业份额 → 2026年…).
  const shift = (text: string) =>
    next ? text.replace(/(20\d\d)(?=年)/g, (y) => String(Number(y) + 1)) : text;
  return {
    department: doc.department,
    unit: doc.unit,
    units: doc.units.map((u) => [u.name, u.nature, u.rank, u.funding]),
    tables: Object.fromEntries(
      Object.entries(doc.tables).map(([key, t]) => [
        key,
        {
          columns: t.columns.map(shift),
          incomeColumns: t.incomeColumns?.map(shift),
          // A row with neither code nor name (Shanghai prints the 三公 table as one unnamed row of
          // amounts) cannot be read back once its amounts are blank.
          rows: rowKeys(t.rows.filter((r) => r.code || r.name)),
        },
      ]),
    ),
    projects: doc.projects.map((p) => [
      p.code,
      p.name,
      p.indicators.map((i) => [i.level1, i.level2, i.level3]),
    ]),
  };
}

const amountsOf = (doc: Document) =>
  Object.values(doc.tables).flatMap((t) => t.rows.flatMap((r) => r.amounts.filter((a) => a !== null)));

describe('yusuan template --from last year', () => {
  const budgetSeeds = seedFiles.filter((f) => Object.keys(parseSeed(f).tables).length > 0);

  it('has budget seeds to work from', () => {
    expect(budgetSeeds.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of budgetSeeds) {
    it(`${file}: the same tables, rows, codes, units and projects, the next year, no amounts`, async () => {
      const source = parseSeed(file);
      const year = source.year! + 1;
      const out = `${file}.xlsx`;
      const r = await cli('template', '--year', String(year), '--from', join(seedDir, file), '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const back = await readBack(out);
      expect(back.kind).toBe('budget');
      expect(back.year).toBe(year);
      expect(structure(back)).toEqual(structure(source, true));
      expect(amountsOf(source).length).toBeGreaterThan(0);
      expect(amountsOf(back)).toEqual([]);
      // A blank table is there to be filled in: no 空表列示 note declares it empty.
      expect(Object.values(back.tables).flatMap((t) => t.notes)).toEqual([]);
      expect(back.projects.every((p) => p.budget === null && p.indicators.every((i) => i.value === ''))).toBe(
        true,
      );
    });
  }

  it('reads last year from the JSON of yusuan parse the same as from the text', async () => {
    const file = budgetSeeds[0]!;
    writeFileSync(join(tmp, 'last.json'), JSON.stringify(parseSeed(file)));
    const r = await cli('template', '--year', '2030', '--from', 'last.json', '--out', 'from-json.xlsx');
    expect(r.code, r.stderr).toBe(0);
    await cli('template', '--year', '2030', '--from', join(seedDir, file), '--out', 'from-text.xlsx');
    const [a, b] = [await readBack('from-json.xlsx'), await readBack('from-text.xlsx')];
    expect(structure(a)).toEqual(structure(b));
    expect(a.year).toBe(2030);
  });

  it('a Shanghai budget PDF: its nine tables with their own columns, in 元, the department carried', async () => {
    const source = await parseDocument(new Uint8Array(readFileSync(shanghaiPdf)), 'wanli-2025.pdf');
    const r = await cli('template', '--year', '2026', '--from', shanghaiPdf, '--out', 'wanli.xlsx');
    expect(r.code, r.stderr).toBe(0);
    const back = await readBack('wanli.xlsx');
    expect(back.year).toBe(2026);
    expect(back.unit).toBe('元');
    expect(back.department.name).toBe(source.department.name);
    expect(structure(back)).toEqual(structure(source, true));
    expect(back.tables['general-basic']!.title).toMatch(/^2026年/);
    expect(amountsOf(back)).toEqual([]);
  }, 60_000);
});

describe('the filled workbook is checked', () => {
  const cents = (n: number) => n / 100;

  it('a parent that is not the sum of its children is found; consistent rows are not', async () => {
    const file = seedFiles.find((f) => (parseSeed(f).tables['general-expenditure']?.rows.length ?? 0) > 3)!;
    expect(
      (await cli('template', '--year', '2026', '--from', join(seedDir, file), '--out', 'fill.xlsx')).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(tmp, 'fill.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(tableNames['general-expenditure'])!;
    const headings = (sheet.getRow(3).values as unknown[]).map(String);
    const col = (name: string) => headings.indexOf(name);
    const [codeCol, totalCol, basicCol, projectCol] = ['科目编码', '合计', '基本支出', '项目支出'].map(col);
    const rows = sheet.getRows(5, sheet.rowCount - 4)!;
    const codeOf = (row: ExcelJS.Row) => String(row.getCell(codeCol!).value ?? '');
    const codes = rows.map(codeOf).filter(Boolean);
    const childrenOf = (code: string) =>
      codes.filter((c) => c.length === code.length + 2 && c.startsWith(code));

    // Leaves get amounts (in cents, so that every sum is exact); each parent is the sum of its children.
    const basic = new Map<string, number>();
    const project = new Map<string, number>();
    codes.forEach((code, i) => {
      if (childrenOf(code).length > 0) return;
      basic.set(code, 1025 + 100 * i);
      project.set(code, 37 * (i + 2));
    });
    const fill = (code: string): void => {
      const kids = childrenOf(code);
      if (kids.length === 0) return;
      for (const k of kids) fill(k);
      basic.set(
        code,
        kids.reduce((s, k) => s + basic.get(k)!, 0),
      );
      project.set(
        code,
        kids.reduce((s, k) => s + project.get(k)!, 0),
      );
    };
    const classes = codes.filter((c) => c.length === 3);
    for (const c of classes) fill(c);
    const bad = classes.find((c) => childrenOf(c).length > 0)!;
    const sumOf = (m: Map<string, number>) => classes.reduce((s, c) => s + m.get(c)!, 0);
    const grand = { basic: sumOf(basic), project: sumOf(project) };
    // The bad class: its 项目支出 is 10.00 more than its 款 add up to (its own row still adds up).
    project.set(bad, project.get(bad)! + 1000);

    for (const row of rows) {
      const code = codeOf(row);
      const [b, p] = code ? [basic.get(code)!, project.get(code)!] : [grand.basic, grand.project];
      if (!code && row.getCell(col('科目名称')).value !== '合计') continue;
      row.getCell(basicCol!).value = cents(b);
      row.getCell(projectCol!).value = cents(p);
      row.getCell(totalCol!).value = cents(b + p);
    }
    writeFileSync(join(tmp, 'filled.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));

    const filled = await readBack('filled.xlsx');
    const table = filled.tables['general-expenditure']!;
    const first = codes.find((c) => childrenOf(c).length === 0)!;
    expect(table.rows.find((r) => r.code === first)!.amounts.map((a) => Number(a?.value))).toEqual(
      [basic.get(first)! + project.get(first)!, basic.get(first)!, project.get(first)!].map(cents),
    );
    const findings = checkDocument(filled, {}).filter((f) => f.where.table === 'general-expenditure');
    const parentChildren = findings.filter((f) => f.rule === 'table-parent-children');
    expect(parentChildren.map((f) => [f.where.row, f.where.column, f.severity]).sort()).toEqual([
      [bad, '合计', 'error'],
      [bad, '项目支出', 'error'],
    ]);
    expect(findings.filter((f) => f.rule === 'table-row-sum')).toEqual([]);

    // The same through the command line: an error-level finding, exit code 1.
    const r = await cli('check', 'filled.xlsx', '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as {
      files: { findings: { rule: string; where: { row?: string } }[] }[];
    };
    expect(report.files[0]!.findings).toContainEqual(
      expect.objectContaining({
        rule: 'table-parent-children',
        where: expect.objectContaining({ row: bad }),
      }),
    );
  }, 30_000);
});

describe('yusuan template without --from', () => {
  it('is a budget document of the year with every standard table and its total rows', async () => {
    const r = await cli('template', '--year', '2027', '--department', '某县商务局', '--out', 'blank.xlsx');
    expect(r.code, r.stderr).toBe(0);
    const back = await readBack('blank.xlsx');
    expect(back.kind).toBe('budget');
    expect(back.year).toBe(2027);
    expect(back.department.name).toBe('某县商务局');
    expect(Object.keys(back.tables)).toEqual(templateTableKeys);
    for (const key of templateTableKeys) {
      const spec = tableSpecs.find((s) => s.key === key)!;
      expect(back.tables[key]!.columns, key).toEqual(spec.columns);
      expect(back.tables[key]!.rows.length, key).toBeGreaterThan(0);
    }
    expect(rowKeys(back.tables.income!.rows)).toEqual([[null, null, '合计']]);
    expect(rowKeys(back.tables.summary!.rows.filter((row) => row.side === 'income'))).toEqual([
      ['income', null, '本年收入合计'],
      ['income', null, '上年结转结余'],
      ['income', null, '收入总计'],
    ]);
    expect(amountsOf(back)).toEqual([]);
  });

  it('writes <year>年部门预算填报模板.xlsx by default', async () => {
    expect((await cli('template', '--year', '2028')).code).toBe(0);
    expect(existsSync(join(tmp, '2028年部门预算填报模板.xlsx'))).toBe(true);
  });
});

describe('yusuan template: bad input', () => {
  it('a year that is not a year: exit code 2, a Chinese message, nothing written', async () => {
    const r = await cli('template', '--year', 'abc', '--out', 'abc.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：年度 abc 无效/);
    expect(existsSync(join(tmp, 'abc.xlsx'))).toBe(false);
  });

  it('a missing --from file, or no --year: exit code 2 with a Chinese message', async () => {
    const missing = await cli('template', '--year', '2026', '--from', 'nowhere.txt', '--out', 'x.xlsx');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('错误：nowhere.txt：文件不存在\n');
    expect(existsSync(join(tmp, 'x.xlsx'))).toBe(false);
    const noYear = await cli('template');
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toMatch(/^错误：缺少必需的选项 --year/);
  });

  it('a final-account document as last year: refused with the reason', async () => {
    const final = join(seedDir, '../samples/pdf/final-accounts-template-2024.pdf');
    const r = await cli('template', '--year', '2026', '--from', final, '--out', 'final.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/决算公开文本/);
    expect(existsSync(join(tmp, 'final.xlsx'))).toBe(false);
  }, 30_000);
});
