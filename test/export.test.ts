import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { csvLine, toCsv, toCsvRows } from '../src/export/csv.ts';
import { toJson } from '../src/export/json.ts';
import { writeXlsx } from '../src/export/xlsx.ts';
import type { Amount, Document, TableRow } from '../src/model/document.ts';
import { parseText } from '../src/parse.ts';

const seedPath = (name: string) => fileURLToPath(new URL(`../../shared/seeds/${name}`, import.meta.url));
const sample = '004_b9fc89043e8814d5.txt';
const doc004 = parseText(readFileSync(seedPath(sample)), sample);

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-export-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const amount = (value: string): Amount => ({ value, source: { line: 1 } });
const row = (code: string | undefined, name: string, values: (string | null)[], side?: TableRow['side']) => ({
  ...(side ? { side } : {}),
  ...(code ? { code } : {}),
  name,
  amounts: values.map((v) => (v === null ? null : amount(v))),
  source: { line: 1 },
});

/** A small document built by hand: names with commas and quotes, exact amounts, a two-sided table. */
function syntheticDocument(): Document {
  return {
    kind: 'budget',
    department: { name: '测试部门' },
    year: 2024,
    unit: '万元',
    units: [],
    tables: {
      expenditure: {
        key: 'expenditure',
        title: '部门预算支出总表',
        columns: ['合计', '基本支出', '项目支出'],
        rows: [
          row('2011301', '行政运行', ['1270', '1270', null]),
          row('2089999', '其他支出，含"专项",及其他', ['0.50', null, '0.50']),
          row(undefined, '多行\n名称', ['-3.5', null, null]),
        ],
        notes: [],
        notesSayEmpty: false,
        unit: '万元',
        source: { line: 1 },
      },
      summary: {
        key: 'summary',
        title: '部门预算收支总表',
        columns: ['预算数'],
        incomeColumns: ['预算数'],
        rows: [
          row(undefined, '一、一般公共预算拨款收入', ['669.02'], 'income'),
          row(undefined, '一、一般公共服务支出', ['586.02'], 'expenditure'),
        ],
        notes: [],
        notesSayEmpty: false,
        unit: '万元',
        source: { line: 1 },
      },
    },
    sections: [],
    statedAmounts: [],
    projects: [],
    problems: [],
    placeholders: [],
    yearsSeen: [],
  };
}

/** A strict RFC 4180 reader, to check that what we write reads back to the same fields. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += c;
    i++;
  }
  if (field !== '' || fields.length > 0) records.push([...fields, field]);
  return records;
}

describe('CSV export', () => {
  it('has one line per table row of the sample, with 2011301 行政运行 in the expenditure table', () => {
    const records = toCsvRows(sample, doc004);
    const rowCount = Object.values(doc004.tables).reduce((n, t) => n + (t?.rows.length ?? 0), 0);
    expect(records).toHaveLength(rowCount);
    // 部门预算支出总表: 2011301 行政运行 — 合计 104.66, 基本支出 104.66, the four other columns empty.
    const line = records.find((r) => r[1] === 'expenditure' && r[2] === '2011301');
    expect(line).toEqual([sample, 'expenditure', '2011301', '行政运行', '104.66', '104.66', '', '', '', '']);
    // 部门预算收入总表 has the same row with its own columns.
    const income = records.find((r) => r[1] === 'income' && r[2] === '2011301');
    expect(income?.slice(4, 7)).toEqual(['104.66', '104.66', '104.66']);
  });

  it('writes the line into the CSV text, after the header', () => {
    const lines = toCsv([{ file: sample, document: doc004 }]).split('\n');
    expect(lines[0]).toMatch(/^file,table,row_code,row_name,amount_1,amount_2,/);
    const line = lines.find((l) => l.startsWith(`${sample},expenditure,2011301,`));
    expect(line).toMatch(/^004_b9fc89043e8814d5\.txt,expenditure,2011301,行政运行,104\.66,104\.66,,,,,*$/);
    // Every line has as many fields as the header.
    const width = lines[0]!.split(',').length;
    for (const l of lines.filter((l) => l !== '')) expect(l.split(',').length).toBe(width);
  });

  it('marks the two sides of 收支总表 in the table field', () => {
    const tables = new Set(toCsvRows(sample, doc004).map((r) => r[1]));
    expect(tables).toContain('summary:income');
    expect(tables).toContain('summary:expenditure');
    expect(tables).toContain('fiscal-summary:income');
    expect(tables).not.toContain('summary');
  });

  it('quotes names with commas, quotes and line breaks (RFC 4180) and keeps amounts exact', () => {
    const text = toCsv([{ file: 'a,b.txt', document: syntheticDocument() }]);
    expect(text).toContain('"a,b.txt",expenditure,2089999,"其他支出，含""专项"",及其他",0.50,,0.50\n');
    expect(text).toContain('"a,b.txt",expenditure,2011301,行政运行,1270,1270,\n');
    const records = readCsv(text);
    expect(records[0]).toEqual(['file', 'table', 'row_code', 'row_name', 'amount_1', 'amount_2', 'amount_3']);
    expect(records.slice(1)).toEqual([
      ['a,b.txt', 'expenditure', '2011301', '行政运行', '1270', '1270', ''],
      ['a,b.txt', 'expenditure', '2089999', '其他支出，含"专项",及其他', '0.50', '', '0.50'],
      ['a,b.txt', 'expenditure', '', '多行\n名称', '-3.5', '', ''],
      ['a,b.txt', 'summary:income', '', '一、一般公共预算拨款收入', '669.02', '', ''],
      ['a,b.txt', 'summary:expenditure', '', '一、一般公共服务支出', '586.02', '', ''],
    ]);
  });

  it('leaves plain fields unquoted and can start with a BOM', () => {
    expect(csvLine(['a', '', 'b c', '1.00'])).toBe('a,,b c,1.00');
    expect(toCsv([], { bom: true })).toBe('\uFEFFfile,table,row_code,row_name\n');
  });
});

describe('JSON export', () => {
  it('is the document itself for one file and {file, document} pairs for several', () => {
    const doc = syntheticDocument();
    expect(JSON.parse(toJson([{ file: 'x.txt', document: doc }]))).toEqual(doc);
    const two = JSON.parse(
      toJson([
        { file: 'x.txt', document: doc },
        { file: 'y.txt', document: doc },
      ]),
    );
    expect(two.map((e: { file: string }) => e.file)).toEqual(['x.txt', 'y.txt']);
    expect(two[1].document.tables.expenditure.rows[1].amounts[0].value).toBe('0.50');
  });
});

describe('XLSX export', () => {
  it('round-trips: the expenditure sheet holds 2011301 with its amounts as numbers formatted 0.00', async () => {
    const path = join(tmp, 'one.xlsx');
    await writeXlsx([{ file: sample, document: doc004 }], path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual([...Object.keys(doc004.tables), 'projects']);

    const sheet = wb.getWorksheet('expenditure')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '科目编码',
      '科目名称',
      ...doc004.tables.expenditure!.columns,
    ]);
    let found: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === '2011301') found = r;
    });
    expect(found).toBeDefined();
    expect(found!.getCell(2).value).toBe('行政运行');
    const total = found!.getCell(3);
    expect(typeof total.value).toBe('number');
    expect(total.value).toBe(104.66);
    expect(total.numFmt).toBe('0.00');
    expect(found!.getCell(5).value).toBeNull(); // 项目支出 is empty
    expect(sheet.rowCount).toBe(1 + doc004.tables.expenditure!.rows.length);
  });

  it('lays 收支总表 out side by side and lists project indicators', async () => {
    const path = join(tmp, 'two.xlsx');
    await writeXlsx([{ file: sample, document: doc004 }], path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const summary = wb.getWorksheet('summary')!;
    expect(summary.getRow(1).values).toEqual([
      undefined,
      '科目编码',
      '收入项目',
      '预算数',
      '科目编码',
      '支出项目',
      '预算数',
    ]);
    expect(summary.getRow(2).getCell(2).value).toBe('一、一般公共预算拨款收入');
    expect(summary.getRow(2).getCell(3).value).toBe(669.02);
    expect(summary.getRow(2).getCell(5).value).toBe('一、一般公共服务支出');
    expect(summary.getRow(2).getCell(6).value).toBe(586.02);

    const projects = wb.getWorksheet('projects')!;
    const indicatorRows = doc004.projects.reduce((n, p) => n + Math.max(1, p.indicators.length), 0);
    expect(projects.rowCount).toBe(1 + indicatorRows);
    const first = doc004.projects[0]!;
    expect(projects.getRow(2).getCell(1).value).toBe(first.code);
    expect(projects.getRow(2).getCell(2).value).toBe(first.name);
    expect(projects.getRow(2).getCell(3).value).toBe(first.budget ? Number(first.budget.value) : null);
    expect(projects.getRow(2).getCell(7).value).toBe(first.indicators[0]?.value);
  });

  it('adds a 文件 column when several files go into one workbook', async () => {
    const path = join(tmp, 'several.xlsx');
    await writeXlsx(
      [
        { file: sample, document: doc004 },
        { file: 'synthetic.txt', document: syntheticDocument() },
      ],
      path,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.getWorksheet('expenditure')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('文件');
    const files = new Set<unknown>();
    sheet.eachRow((r, n) => {
      if (n > 1) files.add(r.getCell(1).value);
    });
    expect(files).toEqual(new Set([sample, 'synthetic.txt', '文件'])); // new header where columns change
    let half: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(2).value === '2089999') half = r;
    });
    expect(half!.getCell(4).value).toBe(0.5);
  });
});
