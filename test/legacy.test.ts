// The older office formats (.xls/.et workbooks, .doc/.wps documents), converted by LibreOffice headless
// and read by the office reader. The inputs are made here, by LibreOffice itself, from the workbook and the
// Word document yusuan writes for a seed: read back, they give the same tables as those files do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { parseDocument, ReadError, sniffFormat } from '../src/parse.ts';
import { legacyKindOf } from '../src/read/legacy.ts';
import { renderDocx } from '../src/render/docx.ts';
import { renderXlsx } from '../src/render/xlsx.ts';
import { parseSeed, tableFacts } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'yusuan-legacy-test-'));
const profile = mkdtempSync(join(tmpdir(), 'yusuan-legacy-profile-'));

/** The file converted by LibreOffice to the given format, as a test input. */
function convertedTo(bytes: Uint8Array, name: string, format: 'xls' | 'doc'): Uint8Array {
  const dir = mkdtempSync(join(work, 'in-'));
  writeFileSync(join(dir, name), bytes);
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${profile}`,
      '--convert-to',
      format,
      '--outdir',
      dir,
      join(dir, name),
    ],
    { stdio: 'ignore', timeout: 60_000 },
  );
  const out = readdirSync(dir).find((n) => n.endsWith(`.${format}`))!;
  return new Uint8Array(readFileSync(join(dir, out)));
}

describe('older office formats', () => {
  let seed: Document;
  let xlsx: Uint8Array;
  let docx: Uint8Array;
  let xls: Uint8Array;
  let doc: Uint8Array;

  beforeAll(async () => {
    seed = parseSeed('004');
    [xlsx, docx] = await Promise.all([renderXlsx(seed), renderDocx(seed)]);
    xls = convertedTo(xlsx, 'seed.xlsx', 'xls');
    doc = convertedTo(docx, 'seed.docx', 'doc');
  }, 120_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('are told apart by their content: an OLE workbook, an OLE document', () => {
    expect(legacyKindOf(xls)).toBe('workbook');
    expect(legacyKindOf(doc)).toBe('document');
    expect(sniffFormat(xls)).toBe('xls');
    expect(sniffFormat(doc)).toBe('doc');
  });

  it('an .xls (and the same file as WPS .et, or with no extension) reads as the .xlsx it was made from', async () => {
    const expected = tableFacts(await parseDocument(xlsx, 'seed.xlsx'));
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    for (const name of ['seed.xls', 'seed.et', 'seed']) {
      const read = await parseDocument(xls, name);
      expect([read.kind, read.year, read.department.name]).toEqual([
        seed.kind,
        seed.year,
        seed.department.name,
      ]);
      expect(tableFacts(read)).toEqual(expected);
    }
  });

  it('a .doc (and the same file as WPS .wps) reads as the .docx it was made from', async () => {
    const expected = await parseDocument(docx, 'seed.docx');
    for (const name of ['seed.doc', 'seed.wps']) {
      const read = await parseDocument(doc, name);
      expect([read.kind, read.year, read.department.name]).toEqual([
        seed.kind,
        seed.year,
        seed.department.name,
      ]);
      expect(tableFacts(read)).toEqual(tableFacts(expected));
      expect(read.projects.map((p) => [p.code, p.budget?.value])).toEqual(
        expected.projects.map((p) => [p.code, p.budget?.value]),
      );
    }
  });

  it('refuses a document named as a workbook, and a damaged file, with a ReadError naming it', async () => {
    await expect(parseDocument(doc, '预算.xls')).rejects.toThrow(/预算\.xls：扩展名表明是旧版 Excel/);
    // An OLE container with nothing in it that LibreOffice can open.
    const damaged = new Uint8Array(8192);
    damaged.set(xls.subarray(0, 8));
    const error = await parseDocument(damaged, '损坏.xls').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toMatch(/^损坏\.xls：/);
  });

  it('without LibreOffice, says what to install', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const error = await parseDocument(xls, '预算.xls').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReadError);
      expect((error as ReadError).reason).toBe('unsupported');
      expect((error as ReadError).message).toMatch(
        /预算\.xls：.*需要 LibreOffice.*apt-get install libreoffice/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
