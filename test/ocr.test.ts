// OCR of scanned PDFs: scans made here from the shared samples (rendered by pdftoppm, turned, blurred and
// JPEG-compressed, wrapped as image-only PDFs — test/scans.ts) must give the tables and findings that the
// text layer of the same pages gives. Bad scans get typed Chinese errors and no numbers. Timings are in
// bench/ocr.ts, not here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrDoubtNote } from '../src/check/doubts.ts';
import { checkDocument } from '../src/check/engine.ts';
import { chooseProfile } from '../src/check/profiles.ts';
import type { Finding } from '../src/check/types.ts';
import { type Document, doubtfulConfidence, tablesInOrder } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { type Layout, ReadError } from '../src/read/layout.ts';
import { gridColumn, readPdf } from '../src/read/pdf.ts';
import { scoreItems } from '../src/score/items.ts';
import { imagePdf, type ScanImage, scanPage } from './scans.ts';

const sampleDir = fileURLToPath(new URL('../../shared/samples/pdf/', import.meta.url));
const budget = `${sampleDir}putuo-finance-bureau-2025-budget.pdf`;
/** Integer tables with many a lone 0 in a cell (page 10: 2025年部门收入预算总表, 39 of them). */
const wanli = `${sampleDir}putuo-wanli-subdistrict-2025-budget.pdf`;
/** The budget's tables: 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共预算支出表 (pages 9–16). */
const tablePages = [9, 10, 11, 12, 13, 14, 15, 16];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yusuan-ocr-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same pages with their text layer, as a PDF of their own (poppler's pdfseparate and pdfunite). */
function textPages(pdf: string, pages: number[]): Uint8Array {
  const parts = pages.map((p) => {
    const out = join(dir, `text-${p}.pdf`);
    execFileSync('pdfseparate', ['-f', `${p}`, '-l', `${p}`, pdf, out]);
    return out;
  });
  const out = join(dir, `text-${pages.join('-')}.pdf`);
  if (parts.length === 1) return new Uint8Array(readFileSync(parts[0]!));
  execFileSync('pdfunite', [...parts, out]);
  return new Uint8Array(readFileSync(out));
}

const amount = /^-?\d{1,3}(?:,\d{3})*\.\d{2}$/;
/** The amounts of a layout's cells, in reading order. */
const amountsOf = (layout: Layout) =>
  layout.lines.flatMap((l) => (l.cells ?? [l.text]).filter((c) => amount.test(c.trim())));

/** Of the expected amounts, the share found among the read ones (each read one used once). */
function exactShare(expected: string[], read: string[]): number {
  const left = new Map<string, number>();
  for (const r of read) left.set(r, (left.get(r) ?? 0) + 1);
  let exact = 0;
  for (const e of expected) {
    const n = left.get(e) ?? 0;
    if (n > 0) {
      exact++;
      left.set(e, n - 1);
    }
  }
  return exact / expected.length;
}

/** Every table amount of `text` against the same cell of `ocr`: the share that is equal. */
function tableShare(text: Document, ocr: Document): { exact: number; total: number } {
  let exact = 0;
  let total = 0;
  for (const t of tablesInOrder(text)) {
    const o = ocr.tables[t.key];
    for (const [i, r] of t.rows.entries()) {
      for (const [j, a] of r.amounts.entries()) {
        if (!a) continue;
        total++;
        if (o?.rows[i]?.amounts[j]?.value === a.value) exact++;
      }
    }
  }
  return { exact, total };
}

const findingKey = (f: Finding) =>
  `${f.rule} ${f.severity} ${f.where.table ?? ''} ${f.where.row ?? ''} ${f.where.column ?? ''}`;

describe('OCR of scanned pages', () => {
  let text: Document;
  let ocr: Document;
  let progress: number[];

  beforeAll(async () => {
    text = await parseDocument(textPages(budget, tablePages), 'text.pdf');
    const scans: ScanImage[] = [];
    for (const [i, p] of tablePages.entries())
      scans.push(await scanPage(budget, p, { dpi: 150, rotate: i % 2 ? 0.4 : -0.3, blur: 0.5, quality: 70 }));
    progress = [];
    ocr = await parseDocument(imagePdf(scans), 'scan-150.pdf', ({ page }) => progress.push(page));
  }, 90_000);

  it('recovers the tables of a 150-dpi scan: the same tables, ≥ 98% of the amounts exact', () => {
    expect(Object.keys(ocr.tables).sort()).toEqual(Object.keys(text.tables).sort());
    const { exact, total } = tableShare(text, ocr);
    expect(total).toBeGreaterThan(140);
    expect(exact / total).toBeGreaterThanOrEqual(0.98);
  });

  it('gives the findings the text layer gives, and any other only as a warning of a possible misreading', () => {
    const expected = checkDocument(text).map(findingKey);
    const found = checkDocument(ocr);
    expect(found.map(findingKey)).toEqual(expect.arrayContaining(expected));
    for (const f of found.filter((f) => !expected.includes(findingKey(f)))) {
      expect(f.severity).not.toBe('error');
      expect(f.message).toContain(ocrDoubtNote);
    }
  });

  it('keeps each amount’s confidence, which a text layer does not have', () => {
    const amounts = tablesInOrder(ocr).flatMap((t) =>
      t.rows.flatMap((r) => r.amounts.filter((a) => a !== null)),
    );
    expect(amounts.length).toBeGreaterThan(100);
    for (const a of amounts) {
      expect(a.source.confidence).toBeGreaterThan(0);
      expect(a.source.confidence).toBeLessThanOrEqual(1);
      expect(a.source.box).toBeDefined();
    }
    const textAmounts = tablesInOrder(text).flatMap((t) => t.rows.flatMap((r) => r.amounts));
    expect(textAmounts.some((a) => a?.source.confidence !== undefined)).toBe(false);
  });

  it('marks the scanned pages, which lose the score’s searchable item', () => {
    expect(ocr.scannedPages).toEqual(tablePages.map((_, i) => i + 1));
    expect(text.scannedPages).toBeUndefined();
    const searchable = scoreItems.find((i) => i.id === 'searchable')!;
    const input = { findings: [], profile: chooseProfile(ocr), timelyDays: 20 };
    expect(searchable.evaluate(ocr, input).status).toBe('lost');
    expect(searchable.evaluate(text, input).status).toBe('earned');
  });

  it('tells progress page by page', () => {
    expect([...progress].sort((a, b) => a - b)).toEqual(tablePages.map((_, i) => i + 1));
  });

  it('makes a finding on a doubtful digit a warning that says it may be a misreading', () => {
    // On the text layer's reading, so that no other doubt is about: one amount changed as OCR might misread it.
    const doc = structuredClone(text);
    const table = doc.tables['general-expenditure']!;
    const row = table.rows.find((r) => r.code === '2010601')!;
    const cell = row.amounts[1]!;
    cell.value = (Number(cell.value) + 1000).toFixed(2); // a misread digit: 合计 ≠ 基本支出 + 项目支出
    const sure = checkDocument(doc).filter((f) => f.where.table === 'general-expenditure');
    expect(sure.some((f) => f.severity === 'error' && !f.message.includes(ocrDoubtNote))).toBe(true);
    cell.source.confidence = 0.4;
    const doubtful = checkDocument(doc).filter((f) => f.where.table === 'general-expenditure');
    expect(doubtful.length).toBeGreaterThan(0);
    for (const f of doubtful.filter((f) => f.where.row === '2010601')) {
      expect(f.severity).not.toBe('error');
      expect(f.message).toContain(ocrDoubtNote);
    }
    expect(doubtful.some((f) => f.message.endsWith('（可能为识别误差）'))).toBe(true);
  });
});

describe('OCR at 300 dpi', () => {
  it('reads every amount of a page exactly as its text layer has it', async () => {
    const expected = amountsOf(await readPdf(textPages(budget, [15]), 'text-15.pdf'));
    const scan = await scanPage(budget, 15, { dpi: 300, rotate: 0.6, blur: 0.8, quality: 75 });
    const layout = await readPdf(imagePdf([scan]), 'scan-300.pdf');
    expect(expected.length).toBeGreaterThan(25);
    expect(exactShare(expected, amountsOf(layout))).toBeGreaterThanOrEqual(0.995);
    expect(layout.ocrPages).toEqual([expect.objectContaining({ page: 1, upsideDown: false })]);
    expect(Math.abs(layout.ocrPages![0]!.angle - 0.6)).toBeLessThan(0.2);
  }, 30_000);
});

describe('the ruled grid of a scanned page', () => {
  // A rule 2 px wide is found on both its pixel columns; one rule spans the table's body only.
  const rules = [
    { x: 100, y0: 0, y1: 500 },
    { x: 101, y0: 0, y1: 500 },
    { x: 300, y0: 0, y1: 500 },
    { x: 300, y0: 600, y1: 700 },
  ];
  it('tells the column a point stands in by the rules crossing its height to its left', () => {
    expect(gridColumn(rules, 50, 250)).toBe(0);
    expect(gridColumn(rules, 200, 250)).toBe(1);
    expect(gridColumn(rules, 350, 250)).toBe(2);
    expect(gridColumn(rules, 350, 650)).toBe(1);
  });
  it('tells none where no rule crosses (prose, a title), so that such lines are laid out by their gaps alone', () => {
    expect(gridColumn(rules, 200, 550)).toBeUndefined();
    expect(gridColumn([], 200, 250)).toBeUndefined();
  });
});

describe('OCR of lone zeros', () => {
  it('reads each lone 0 of a 300-dpi scan as 0, with its confidence: every amount as the text layer has it', async () => {
    const text = await parseDocument(textPages(wanli, [10]), 'text-10.pdf');
    const scan = await scanPage(wanli, 10, { dpi: 300, rotate: -0.3, blur: 0.5, quality: 70 });
    const ocr = await parseDocument(imagePdf([scan]), 'scan-10.pdf');
    const zeros = tablesInOrder(text).flatMap((t) =>
      t.rows.flatMap((r, i) =>
        r.amounts.flatMap((a, j) => (a?.value === '0' ? [ocr.tables[t.key]?.rows[i]?.amounts[j]] : [])),
      ),
    );
    // The crisp 0 of a 300-dpi scan is read as o about as often as 0: before its round classes' probabilities
    // were summed, a third of these cells were left empty.
    expect(zeros.length).toBeGreaterThan(30);
    for (const read of zeros) {
      expect(read?.value).toBe('0');
      expect(read?.source.confidence).toBeGreaterThan(0);
      expect(read?.source.confidence).toBeLessThanOrEqual(1);
    }
    const { exact, total } = tableShare(text, ocr);
    expect(exact).toBe(total);
  }, 60_000);
});

describe('bad scans', () => {
  const page = (
    draw: (ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void,
  ): ScanImage => {
    const canvas = createCanvas(1240, 1754);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, 1240, 1754);
    draw(ctx);
    return { jpeg: canvas.encodeSync('jpeg', 80), width: 1240, height: 1754, dpi: 150 };
  };
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  /** Paper grain: a few grey specks, as a scanner gives a blank sheet. */
  const grain = page((ctx) => {
    ctx.fillStyle = '#e8e8e8';
    for (let i = 0; i < 300; i++) ctx.fillRect(random() * 1240, random() * 1754, 1, 1);
  });

  async function readError(bytes: Uint8Array, file: string): Promise<ReadError> {
    try {
      await parseDocument(bytes, file);
    } catch (e) {
      expect(e).toBeInstanceOf(ReadError);
      return e as ReadError;
    }
    throw new Error(`${file} was read without an error`);
  }

  it('a blank scan: scan-blank, naming the file and pages', async () => {
    const e = await readError(imagePdf([grain, grain]), 'blank.pdf');
    expect(e.reason).toBe('scan-blank');
    expect(e.message).toBe('blank.pdf：第 1–2 页是扫描图像，但文字识别没有找到任何文字（空白页）');
  });

  it('an image that cannot be decoded: scan-unreadable, naming the page', async () => {
    const broken = { ...grain, jpeg: Buffer.concat([grain.jpeg.subarray(0, 200), Buffer.alloc(4000, 7)]) };
    const e = await readError(imagePdf([broken]), 'broken.pdf');
    expect(e.reason).toBe('scan-unreadable');
    expect(e.message).toContain('broken.pdf：第 1 页的扫描图像无法解码');
  });

  it('noise (a photo of no text): scan-unreadable, and no numbers', async () => {
    const noise = page((ctx) => {
      ctx.fillStyle = 'black';
      for (let i = 0; i < 60_000; i++) ctx.fillRect(random() * 1240, random() * 1754, 3, 3);
    });
    const e = await readError(imagePdf([noise]), 'noise.pdf');
    expect(e.reason).toBe('scan-unreadable');
    expect(e.message).toMatch(/^noise\.pdf：第 1 页是扫描图像，但文字识别无法辨认其中的文字/);
  });

  it('a scan that is not a disclosure: not-disclosure, naming the pages', async () => {
    const notice = page((ctx) => {
      ctx.fillStyle = 'black';
      ctx.font = '40px "WenQuanYi Micro Hei"';
      ctx.fillText('关于召开年度工作会议的通知', 200, 300);
      ctx.fillText('请各单位于下周一上午九点到会议室参加会议', 100, 400);
    });
    const e = await readError(imagePdf([notice]), 'notice.pdf');
    expect(e.reason).toBe('not-disclosure');
    expect(e.message).toContain('notice.pdf：第 1 页是扫描件，文字识别读出的内容不是部门预算或决算公开文本');
  });

  it('an upside-down scan is read turned upright', async () => {
    const expected = amountsOf(await readPdf(textPages(budget, [9]), 'text-9.pdf'));
    const scan = await scanPage(budget, 9, { dpi: 150, rotate: 180.3, blur: 0.5, quality: 75 });
    const layout = await readPdf(imagePdf([scan]), 'upside-down.pdf');
    expect(layout.ocrPages![0]!.upsideDown).toBe(true);
    expect(exactShare(expected, amountsOf(layout))).toBeGreaterThanOrEqual(0.85);
    // No invented numbers: an amount read with confidence is one the page prints.
    const sure = layout.lines.flatMap((l) =>
      (l.cells ?? [l.text]).filter(
        (c, i) => amount.test(c) && (l.confidence?.[i] ?? 0) >= doubtfulConfidence,
      ),
    );
    expect(sure.length).toBeGreaterThan(4);
    for (const c of sure) expect(expected).toContain(c);
  }, 30_000);

  it('gives each amount its box on the scan as displayed, turned and upside down as it is', async () => {
    // The page turned by 181.5°: read straightened (upright, level), its boxes drawn on the scan as it is.
    const turn = 181.5;
    const text = await parseDocument(textPages(budget, [9]), 'text-9.pdf');
    const scan = await scanPage(budget, 9, { dpi: 150, rotate: turn, blur: 0.5, quality: 75 });
    const ocr = await parseDocument(imagePdf([scan]), 'turned.pdf');
    const page = { width: (scan.width * 72) / scan.dpi, height: (scan.height * 72) / scan.dpi };
    const a = (turn * Math.PI) / 180;
    // Where the scan shows a point of the page: turned about the page's centre, clockwise as seen.
    const onScan = (x: number, y: number) => {
      const [dx, dy] = [x - page.width / 2, y - page.height / 2];
      return [
        page.width / 2 + dx * Math.cos(a) - dy * Math.sin(a),
        page.height / 2 + dx * Math.sin(a) + dy * Math.cos(a),
      ];
    };
    const distances: number[] = [];
    for (const t of tablesInOrder(text)) {
      for (const [i, r] of t.rows.entries()) {
        for (const [j, printed] of r.amounts.entries()) {
          const read = ocr.tables[t.key]?.rows[i]?.amounts[j];
          if (!printed?.source.box || read?.value !== printed.value) continue;
          const p = printed.source.box;
          const b = read.source.box!;
          const [x, y] = onScan(p.x + p.width / 2, p.y + p.height / 2);
          distances.push(Math.hypot(b.x + b.width / 2 - x!, b.y + b.height / 2 - y!));
        }
      }
    }
    expect(distances.length).toBeGreaterThanOrEqual(6);
    // Each box stands over its amount as the scan shows it (a box read straightened would be a page away).
    expect(Math.max(...distances)).toBeLessThan(2);
  }, 60_000);

  it('a time limit ends the OCR of a page: scan-unreadable, naming the page', async () => {
    const scan = await scanPage(budget, 9, { dpi: 150 });
    const bytes = imagePdf([scan]);
    await expect(readPdf(bytes, 'slow.pdf', { ocrTimeoutMs: 5 })).rejects.toMatchObject({
      reason: 'scan-unreadable',
      message: expect.stringMatching(/^slow\.pdf：第 1 页（扫描件）文字识别超时/),
    });
  });

  it('without OCR, a scan is refused as needing it, as before', async () => {
    const scan = await scanPage(budget, 9, { dpi: 150 });
    await expect(readPdf(imagePdf([scan]), 'scan.pdf', { ocr: false })).rejects.toMatchObject({
      reason: 'no-text',
      message: 'scan.pdf：第 1 页没有文字层（可能是扫描件），需要先做文字识别（OCR）',
    });
  });
});
