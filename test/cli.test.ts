import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const sample = join(seeds, '004_b9fc89043e8814d5.txt');
const bin = fileURLToPath(new URL('../bin/yusuan.js', import.meta.url));

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const chinese = /[\u4e00-\u9fff]/;

const cli = (...argv: string[]) => runCli(tmp, ...argv);

describe('yusuan --help', () => {
  it('describes the program and its commands in Chinese', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法：');
    expect(r.stdout).toContain('读取、检查并比较');
    expect(r.stdout).toMatch(/parse .*读取公开文本/);
    expect(r.stdout).toMatch(/export .*导出/);
  });

  it.each(['parse', 'export'])('has Chinese help for %s', async (command) => {
    const r = await cli(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`用法： yusuan ${command}`);
    expect(r.stdout).toContain('选项：');
    expect(r.stdout).toContain('显示帮助');
    expect(r.stdout).not.toMatch(/\b(Usage|Options|display help)\b/);
  });
});

describe('yusuan parse', () => {
  it('prints the document of one file as JSON', async () => {
    const r = await cli('parse', sample);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.kind).toBe('budget');
    const line = doc.tables.expenditure.rows.find((row: { code?: string }) => row.code === '2011301');
    expect(line.amounts[0].value).toBe('104.66');
  });

  it('exits 2 with a Chinese message naming a missing file, and still prints the others', async () => {
    const r = await cli('parse', 'no-such-file.txt', sample);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：no-such-file\.txt：文件不存在$/m);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(1);
    expect(out[0].file).toBe(sample);
    expect(out[0].document.kind).toBe('budget');
  });

  it('exits 2 for an empty file', async () => {
    writeFileSync(join(tmp, 'empty.txt'), '');
    const r = await cli('parse', 'empty.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^错误：.*empty\.txt.*$/m);
    expect(r.stderr).toMatch(chinese);
    expect(r.stdout).toBe('');
  });

  it('expands a directory to the .txt files inside it, in name order', async () => {
    const r = await cli('parse', seeds);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string }[];
    expect(out.map((e) => e.file.replace(seeds, ''))).toEqual([
      '000_fcc4ddfc57e18395.txt',
      '001_dc994fb7b72f807a.txt',
      '002_fe23b3abf0dee3af.txt',
      '003_197cfe662bbdfdb7.txt',
      '004_b9fc89043e8814d5.txt',
    ]);
  });

  it('reports a directory without readable files', async () => {
    mkdirSync(join(tmp, 'nothing'), { recursive: true });
    const r = await cli('parse', 'nothing');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '错误：nothing：目录中没有可读取的文件（.pdf .docx .docm .xlsx .xlsm .xls .et .doc .wps .html .htm .txt）',
    );
  });

  it('prints recognition problems as 提示 lines', async () => {
    // A text with no recognisable tables: the document comes out, with whatever problems it has.
    writeFileSync(join(tmp, 'prose.txt'), '这是一段与预算无关的文字。\n');
    const r = await cli('parse', 'prose.txt');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const hints = r.stderr.split('\n').filter((l) => l.startsWith('提示：prose.txt'));
    expect(doc.problems.length).toBeGreaterThan(0);
    expect(hints).toHaveLength(doc.problems.length);
  });
});

describe('yusuan export', () => {
  it('writes CSV to stdout with the 2011301 line of the expenditure table', async () => {
    const r = await cli('export', sample, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^file,table,row_code,row_name,amount_1/);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${sample.replace(/[.]/g, '\\.')},expenditure,2011301,行政运行,104\\.66,104\\.66,,,,,*$`,
        'm',
      ),
    );
  });

  it('writes CSV to --out relative to the working directory', async () => {
    const r = await cli('export', sample, '--out', 'out.csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(tmp, 'out.csv'), 'utf8')).toContain(
      ',expenditure,2011301,行政运行,104.66,104.66,',
    );
  });

  it('writes XLSX to <first file name>.xlsx in the working directory by default', async () => {
    const r = await cli('export', sample, '--format', 'xlsx');
    expect(r.code).toBe(0);
    const path = join(tmp, '004_b9fc89043e8814d5.xlsx');
    expect(existsSync(path)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.getWorksheet('expenditure')!.getRow(2).getCell(3).value).toBe(671.44); // 合计 row
  });

  it('rejects an unknown format in Chinese with exit code 2', async () => {
    const r = await cli('export', sample, '--format', 'pdf');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：取值 pdf 无效');
  });

  it('exits 2 when nothing could be read for XLSX', async () => {
    const r = await cli('export', 'missing.txt', '--format', 'xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：missing.txt：文件不存在');
    expect(existsSync(join(tmp, 'missing.xlsx'))).toBe(false);
  });
});

describe('the yusuan bin', () => {
  it('runs as a program: Chinese error, exit code 2, no stack trace', () => {
    const r = spawnSync(process.execPath, [bin, 'parse', 'no-such-file.txt'], { cwd: tmp, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('错误：no-such-file.txt：文件不存在\n');
    expect(r.stdout).toBe('');
  });

  it('prints help and exits 0', () => {
    const r = spawnSync(process.execPath, [bin, '--help'], { cwd: tmp, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法： yusuan');
  });
});
