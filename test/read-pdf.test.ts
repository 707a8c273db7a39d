// The PDF reader: real disclosures (read from shared/samples/pdf beside the repository, never copied into it)
// and PDFs written here byte by byte — tables, wrapped cells, scans, and files that cannot be read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Layout, type LayoutLine, ReadError } from '../src/read/layout.ts';
import { maxPdfBytes, maxPdfPages, pageRanges, readPdf } from '../src/read/pdf.ts';

const sampleDir = fileURLToPath(new URL('../../shared/samples/pdf/', import.meta.url));
const sampleBytes = (name: string) => new Uint8Array(readFileSync(sampleDir + name));

// This thread's built-ins, which the polyfills of pdfjs's legacy build would replace if it ran here.
const nativePush = Array.prototype.push;
const nativeStringify = JSON.stringify;
const nativeParse = JSON.parse;

// ---------------------------------------------------------------------------------------------------------
// Writing PDFs. Text is drawn with a non-embedded Chinese font (STSong-Light) through the predefined
// UniGB-UCS2-H CMap, so reading it needs the CMaps that pdfjs ships: the text is written as UCS-2 codes.

interface Run {
  x: number;
  /** Baseline, in PDF coordinates (from the bottom of the page). */
  y: number;
  text: string;
  size?: number;
  /** F1, or F2: the same font under another name, which makes pdfjs start a new text item. */
  font?: 'F1' | 'F2';
}

interface PageSpec {
  runs?: Run[];
  /** Paint a small grey image (what a scanned page shows). */
  image?: boolean;
}

interface PdfOptions {
  /** Extra entries for the trailer. */
  trailer?: string;
  /** Extra objects, numbered after the pages' objects (the first is 6 + 2 × the number of pages). */
  extra?: string[];
  /** Encrypts the strings and streams of an object (its number, bytes as latin1), for an encrypted file. */
  encrypt?: (objectNumber: number, data: string) => string;
}

const ucs2 = (s: string) =>
  `<${[...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}>`;

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A PDF with a correct cross-reference table, from object bodies (object n is objects[n - 1]). */
function assemble(objects: string[], trailer = ''): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

function makePdf(pages: PageSpec[], options: PdfOptions = {}): Uint8Array {
  const first = 6; // 1 catalog, 2 page tree, 3–5 font
  const pdfString = (n: number, text: string) =>
    options.encrypt ? `<${Buffer.from(latin1(options.encrypt(n, text))).toString('hex')}>` : `(${text})`;
  const kids = pages.map((_, i) => `${first + 2 * i} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry ${pdfString(4, 'Adobe')} /Ordering ${pdfString(4, 'GB1')} /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500 814 907 500] >>`,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  for (const page of pages) {
    let content = '';
    for (const r of page.runs ?? [])
      content += `BT /${r.font ?? 'F1'} ${r.size ?? 12} Tf ${r.x} ${r.y} Td ${ucs2(r.text)} Tj ET\n`;
    if (page.image) content += 'q 200 0 0 200 72 400 cm BI /W 2 /H 2 /CS /G /BPC 8 ID AB@C EI Q\n';
    const n = first + objects.length - 5;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 3 0 R >> >> /Contents ${n + 1} 0 R >>`,
      `<< /Length ${content.length} >>\nstream\n${options.encrypt?.(n + 1, content) ?? content}endstream`,
    );
  }
  objects.push(...(options.extra ?? []));
  return assemble(objects, options.trailer);
}

/** The ReadError that reading the bytes throws (fails the test when nothing is thrown). */
async function readError(bytes: Uint8Array, file: string): Promise<ReadError> {
  try {
    await readPdf(bytes, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ReadError);
    return e as ReadError;
  }
  throw new Error(`${file} was read without an error`);
}

const cellsOf = (layout: Layout, page: number) =>
  layout.lines.filter((l) => l.page === page).map((l) => l.cells ?? [l.text]);

// ---------------------------------------------------------------------------------------------------------

describe('readPdf on written PDFs', () => {
  it('reads Chinese text through the CMaps, as lines of cells with boxes in points from the top left', async () => {
    const layout = await readPdf(
      makePdf([
        {
          runs: [
            { x: 200, y: 780, text: '部门收入预算总表', size: 18 },
            { x: 72, y: 700, text: '201' },
            { x: 120, y: 700, text: '一般公共服务支出' },
            { x: 300, y: 700, text: '1,234.00' },
            { x: 380, y: 700, text: '5,678.00' },
            // One point lower: still the same line.
            { x: 460, y: 699, text: '合计' },
          ],
        },
      ]),
      'written.pdf',
    );
    expect(layout.style).toBe('pdf');
    expect(layout.file).toBe('written.pdf');
    expect(layout.pages).toEqual([{ width: 595, height: 842 }]);
    expect(layout.pagesWithoutText).toBeUndefined();
    expect(layout.blankPages).toBeUndefined();
    expect(layout.lines.map(({ no, page, text, cells }) => ({ no, page, text, cells }))).toEqual([
      { no: 1, page: 1, text: '部门收入预算总表', cells: null },
      {
        no: 2,
        page: 1,
        text: '201\t一般公共服务支出\t1,234.00\t5,678.00\t合计',
        cells: ['201', '一般公共服务支出', '1,234.00', '5,678.00', '合计'],
      },
    ]);
    const [title, row] = layout.lines;
    // 18-point text with its baseline 780 points up an 842-point page: the box starts 0.88 em above it.
    expect(title!.boxes).toHaveLength(1);
    const t = title!.boxes![0]!;
    expect(t.x).toBeCloseTo(200, 1);
    expect(t.width).toBeCloseTo(8 * 18, 1);
    expect(t.y).toBeCloseTo(842 - 780 - 0.88 * 18, 0);
    expect(t.height).toBeCloseTo(18, 0);
    const amount = row!.boxes![2]!;
    expect(amount.x).toBeCloseTo(300, 1);
    expect(amount.width).toBeCloseTo(8 * 6, 1); // eight half-width characters at 12 points
  });

  it('joins what nearly touches, splits at a gap of about a character, and drops spaces between CJK', async () => {
    const layout = await readPdf(
      makePdf([
        {
          runs: [
            // Two runs 2 points apart: one cell.
            { x: 72, y: 700, text: '一般公共' },
            { x: 122, y: 700, text: '预算' },
            // 20 points (more than a 12-point character) after the last: a new cell.
            { x: 166, y: 700, text: '财政拨款' },
            // Spaces between CJK characters are dropped; between Latin words one is kept.
            { x: 72, y: 650, text: '预 算 表' },
            { x: 300, y: 650, text: 'Total amount' },
            // Two spaces (a whole character's width) separate cells.
            { x: 72, y: 620, text: '项目  金额' },
            // An amount ends 4 points before the next column's text: still two cells, whether the two are
            // separate text items (another font)…
            { x: 72, y: 600, text: '31,214,205.80' },
            { x: 154, y: 600, text: '一、一般公共服务支出', font: 'F2' },
            // …or one (pdfjs joins them with a space).
            { x: 72, y: 580, text: '31,214,205.80' },
            { x: 154, y: 580, text: '一、一般公共服务支出' },
            // In prose a number followed by a space and CJK text stays in its cell, and so does the space.
            { x: 72, y: 560, text: '1560.05 万元，支出决算为1511.89万元' },
          ],
        },
      ]),
      'gaps.pdf',
    );
    expect(cellsOf(layout, 1)).toEqual([
      ['一般公共预算', '财政拨款'],
      ['预算表', 'Total amount'],
      ['项目', '金额'],
      ['31,214,205.80', '一、一般公共服务支出'],
      ['31,214,205.80', '一、一般公共服务支出'],
      ['1560.05 万元，支出决算为1511.89万元'],
    ]);
  });

  it('maps CJK radicals to the ideographs, applies NFKC, keeps full-width punctuation', async () => {
    const layout = await readPdf(
      makePdf([{ runs: [{ x: 72, y: 700, text: '⻔诊 ⼈员ＡＢ１２（一）：' }] }]),
      'radicals.pdf',
    );
    expect(layout.lines.map((l) => l.text)).toEqual(['门诊人员AB12（一）：']);
  });

  it('merges the parts of one table row placed at different heights, and wrapped cells', async () => {
    const layout = await readPdf(
      makePdf([
        {
          runs: [
            // A row whose second amount sits 7 points (0.58 em) higher than the rest, as ONLYOFFICE writes it.
            { x: 72, y: 700, text: '201' },
            { x: 120, y: 700, text: '行政运行' },
            { x: 300, y: 700, text: '1,511.89' },
            { x: 380, y: 707, text: '1,503.52' },
            // A row whose name wraps onto two lines, 0.65 em above and below the row's middle.
            { x: 72, y: 650, text: '208' },
            { x: 120, y: 657.8, text: '机关事业单位基本' },
            { x: 120, y: 642.2, text: '养老保险缴费支出' },
            { x: 300, y: 650, text: '160.75' },
            // Header text stacked a whole line apart stays on separate lines.
            { x: 72, y: 600, text: '本年收入合' },
            { x: 72, y: 584, text: '计' },
          ],
        },
      ]),
      'rows.pdf',
    );
    expect(cellsOf(layout, 1)).toEqual([
      ['201', '行政运行', '1,511.89', '1,503.52'],
      ['208', '机关事业单位基本养老保险缴费支出', '160.75'],
      ['本年收入合'],
      ['计'],
    ]);
  });

  it('drops the page numbers at the bottom of the pages and keeps numbers that are not page numbers', async () => {
    const layout = await readPdf(
      makePdf([
        {
          runs: [
            { x: 72, y: 700, text: '第一页正文' },
            { x: 72, y: 400, text: '12' },
            { x: 290, y: 40, text: '1' },
          ],
        },
        {
          runs: [
            { x: 72, y: 700, text: '第二页正文' },
            { x: 280, y: 40, text: '- 2 -' },
          ],
        },
        {
          runs: [
            { x: 72, y: 700, text: '第三页正文' },
            { x: 250, y: 40, text: '第 3 页 共 5 页' },
          ],
        },
        // A code alone on the last line of a table at the bottom of the page: it does not run with the pages.
        {
          runs: [
            { x: 72, y: 100, text: '301' },
            { x: 120, y: 100, text: '工资福利支出' },
            { x: 72, y: 70, text: '310' },
          ],
        },
        // Nothing but the page number: a blank page.
        { runs: [{ x: 290, y: 40, text: '5' }] },
      ]),
      'numbers.pdf',
    );
    expect(layout.lines.map(({ no, page, text }) => ({ no, page, text }))).toEqual([
      { no: 1, page: 1, text: '第一页正文' },
      { no: 2, page: 1, text: '12' },
      { no: 3, page: 2, text: '第二页正文' },
      { no: 4, page: 3, text: '第三页正文' },
      { no: 5, page: 4, text: '301\t工资福利支出' },
      { no: 6, page: 4, text: '310' },
    ]);
    expect(layout.blankPages).toEqual([5]);
  });

  it('reads a rotated page as it is displayed', async () => {
    // A portrait page shown turned a quarter clockwise (/Rotate 90), its text drawn turned a quarter
    // anticlockwise: upright on screen, on a landscape page. User-space x becomes the distance from the top.
    const run = (x: number, y: number, text: string) =>
      `BT /F1 12 Tf 0 1 -1 0 ${x} ${y} Tm ${ucs2(text)} Tj ET\n`;
    const content = run(500, 72, '横向表格') + run(500, 200, '第二格') + run(520, 72, '下一行');
    const layout = await readPdf(
      assemble([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate 90 /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
        `<< /Length ${content.length} >>\nstream\n${content}endstream`,
        '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
        '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
        '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
      ]),
      'rotated.pdf',
    );
    expect(layout.pages).toEqual([{ width: 842, height: 595 }]);
    expect(cellsOf(layout, 1)).toEqual([['横向表格', '第二格'], ['下一行']]);
    const box = layout.lines[0]!.boxes![0]!;
    expect(box.x).toBeCloseTo(72, 0);
    expect(box.y).toBeCloseTo(500 - 0.88 * 12, 0);
    expect(box.width).toBeCloseTo(48, 0);
  });

  it('reads the pages with text and reports scanned and blank pages', async () => {
    const layout = await readPdf(
      makePdf([
        { runs: [{ x: 72, y: 700, text: '有文字的一页' }] },
        { image: true },
        {},
        { image: true },
        { runs: [{ x: 72, y: 700, text: '最后一页' }] },
      ]),
      'partly-scanned.pdf',
    );
    expect(layout.lines.map((l) => [l.page, l.text])).toEqual([
      [1, '有文字的一页'],
      [5, '最后一页'],
    ]);
    expect(layout.pagesWithoutText).toEqual([2, 4]);
    expect(layout.blankPages).toEqual([3]);
    expect(layout.pages).toHaveLength(5);
  });

  it('leaves the caller’s bytes, and this thread’s built-ins and globals, as they were', async () => {
    const bytes = makePdf([{ runs: [{ x: 72, y: 700, text: '字节' }] }]);
    const copy = bytes.slice();
    await readPdf(bytes, 'bytes.pdf');
    expect(bytes.byteLength).toBe(copy.byteLength);
    expect(bytes).toEqual(copy);
    // So is a Node Buffer (whose slice() shares its memory), as readFileSync returns it.
    const buffer = readFileSync(`${sampleDir}putuo-wanli-subdistrict-2025-budget.pdf`);
    const length = buffer.byteLength;
    await readPdf(buffer, 'buffer.pdf');
    expect(buffer.byteLength).toBe(length);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Array.prototype.push).toBe(nativePush);
    expect(JSON.stringify).toBe(nativeStringify);
    expect(JSON.parse).toBe(nativeParse);
    expect(globalThis).not.toHaveProperty('pdfjsWorker');
  });

  it('reads several PDFs at once', async () => {
    const texts = ['第一份文件', '第二份文件', '第三份文件', '第四份文件'];
    const layouts = await Promise.all(
      texts.map((text, i) => readPdf(makePdf([{ runs: [{ x: 72, y: 700, text }] }]), `${i}.pdf`)),
    );
    expect(layouts.map((l) => [l.file, l.lines[0]!.text])).toEqual(texts.map((t, i) => [`${i}.pdf`, t]));
  });

  it('writes page ranges the way the messages do', () => {
    expect(pageRanges([1])).toBe('1');
    expect(pageRanges([1, 2, 3])).toBe('1–3');
    expect(pageRanges([1, 2, 3, 5, 7, 8, 9])).toBe('1–3、5、7–9');
  });
});

describe('readPdf on encrypted, broken, empty and oversized files', () => {
  it('no-text: a page with an empty content stream, naming page 1', async () => {
    const e = await readError(makePdf([{}]), 'empty-page.pdf');
    expect(e.reason).toBe('no-text');
    expect(e.file).toBe('empty-page.pdf');
    expect(e.message).toContain('empty-page.pdf');
    expect(e.message).toContain('第 1 页没有文字层（可能是扫描件），需要先做文字识别（OCR）');
  });

  it('scan-blank: a scan of three pages in which OCR finds no text, naming the range', async () => {
    const e = await readError(makePdf([{ image: true }, { image: true }, { image: true }]), 'scan.pdf');
    expect(e.reason).toBe('scan-blank');
    expect(e.message).toBe('scan.pdf：第 1–3 页是扫描图像，但文字识别没有找到任何文字（空白页）');
  });

  it('no-text: a scan of three pages read without OCR, naming the range', async () => {
    const bytes = makePdf([{ image: true }, { image: true }, { image: true }]);
    const e = await readPdf(bytes, 'scan.pdf', { ocr: false }).catch((e: unknown) => e as ReadError);
    expect(e).toBeInstanceOf(ReadError);
    expect((e as ReadError).reason).toBe('no-text');
    expect((e as ReadError).message).toContain('scan.pdf');
    expect((e as ReadError).message).toContain('第 1–3 页没有文字层');
  });

  it('corrupt: a PDF with zero pages', async () => {
    const e = await readError(
      assemble(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
      'zero.pdf',
    );
    expect(e.reason).toBe('corrupt');
    expect(e.message).toContain('zero.pdf');
    expect(e.message).toContain('没有任何页面');
  });

  it('encrypted: a password-protected PDF', async () => {
    const hex = (n: number, seed: number) =>
      Array.from({ length: n }, (_, i) => ((i * 37 + seed) & 255).toString(16).padStart(2, '0')).join('');
    const bytes = makePdf([{ runs: [{ x: 72, y: 700, text: '机密' }] }], {
      // Standard security handler, revision 2: the empty user password does not match /U.
      extra: [`<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -4 >>`],
      trailer: `/Encrypt 8 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] `,
    });
    const e = await readError(bytes, 'locked.pdf');
    expect(e.reason).toBe('encrypted');
    expect(e.message).toContain('locked.pdf');
    expect(e.message).toContain('密码');
  });

  it('reads a PDF encrypted only against copying and printing (empty user password)', async () => {
    // Standard security handler, revision 2 (40-bit RC4), computed here as the PDF specification says.
    const md5 = (...parts: Uint8Array[]) =>
      new Uint8Array(createHash('md5').update(Buffer.concat(parts)).digest());
    const rc4 = (key: Uint8Array, data: Uint8Array) => {
      const st = Array.from({ length: 256 }, (_, i) => i);
      for (let i = 0, j = 0; i < 256; i++) {
        j = (j + st[i]! + key[i % key.length]!) & 255;
        [st[i], st[j]] = [st[j]!, st[i]!];
      }
      const out = new Uint8Array(data.length);
      for (let k = 0, i = 0, j = 0; k < data.length; k++) {
        i = (i + 1) & 255;
        j = (j + st[i]!) & 255;
        [st[i], st[j]] = [st[j]!, st[i]!];
        out[k] = data[k]! ^ st[(st[i]! + st[j]!) & 255]!;
      }
      return out;
    };
    const pad = Uint8Array.from(
      Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex'),
    );
    const owner = md5(latin1('owner')).subarray(0, 16);
    const o = Uint8Array.from([...owner, ...owner]);
    const id = md5(latin1('copy-protected'));
    const p = Uint8Array.from([0xc4, 0xff, 0xff, 0xff]); // -60: no printing, no copying
    const key = md5(pad, o, p, id).subarray(0, 5);
    const u = rc4(key, pad);
    const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
    const bytes = makePdf([{ runs: [{ x: 72, y: 700, text: '禁止复制的公开文件' }] }], {
      extra: [`<< /Filter /Standard /V 1 /R 2 /O <${hex(o)}> /U <${hex(u)}> /P -60 >>`],
      trailer: `/Encrypt 8 0 R /ID [<${hex(id)}> <${hex(id)}>] `,
      encrypt: (n, data) => {
        const objectKey = md5(
          key,
          Uint8Array.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0]),
        ).subarray(0, 10);
        return String.fromCharCode(...rc4(objectKey, latin1(data)));
      },
    });
    const layout = await readPdf(bytes, 'copy-protected.pdf');
    expect(layout.lines.map((l) => l.text)).toEqual(['禁止复制的公开文件']);
  });

  it('corrupt: a truncated real PDF', async () => {
    const real = sampleBytes('putuo-finance-bureau-2025-budget.pdf');
    const e = await readError(real.slice(0, Math.floor(real.length * 0.6)), 'truncated.pdf');
    expect(e.reason).toBe('corrupt');
    expect(e.message).toContain('truncated.pdf');
  });

  it('corrupt: a real PDF whose cross-reference table is garbage', async () => {
    const real = sampleBytes('putuo-finance-bureau-2025-budget.pdf');
    const text = new TextDecoder('latin1').decode(real);
    const from = text.lastIndexOf('xref', text.lastIndexOf('startxref') - 1);
    const to = text.lastIndexOf('trailer');
    expect(text.slice(from, from + 12)).toMatch(/^xref\s+0 \d+/);
    expect(to).toBeGreaterThan(from);
    const bad = real.slice();
    for (let k = from; k < to; k++) bad[k] = 0x21 + ((k * 7919) % 90);
    const e = await readError(bad, 'bad-xref.pdf');
    expect(e.reason).toBe('corrupt');
    expect(e.message).toContain('bad-xref.pdf');
  });

  it('corrupt: nothing after the header', async () => {
    const e = await readError(latin1('%PDF-1.7\n'), 'header-only.pdf');
    expect(e.reason).toBe('corrupt');
    expect(e.message).toContain('header-only.pdf');
  });

  it('too-large: more pages than the limit', async () => {
    // pdfjs checks /Count against the page tree, so the tree really has 2,001 (empty) pages.
    const count = maxPdfPages + 1;
    const kids = Array.from({ length: count }, (_, i) => `${i + 3} 0 R`).join(' ');
    const pages = Array.from(
      { length: count },
      () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    );
    const bytes = assemble([
      '<< /Type /Catalog /Pages 2 0 R >>',
      `<< /Type /Pages /Kids [${kids}] /Count ${count} >>`,
      ...pages,
    ]);
    const e = await readError(bytes, 'many-pages.pdf');
    expect(e.reason).toBe('too-large');
    expect(e.message).toContain('many-pages.pdf');
    expect(e.message).toContain(`${count} 页`);
    expect(e.message).toContain(`上限为 ${maxPdfPages} 页`);
  });

  it('corrupt: a PDF that takes longer than the time limit, and the next one is read', async () => {
    // pdfjs runs in a worker thread, which is ended when it overruns (even a page that loops forever).
    const bytes = sampleBytes('putuo-finance-bureau-2025-budget.pdf');
    let error: unknown;
    await readPdf(bytes, 'slow.pdf', { timeoutMs: 1 }).catch((e: unknown) => {
      error = e;
    });
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).reason).toBe('corrupt');
    expect((error as ReadError).message).toMatch(/^slow\.pdf：(打开 PDF|读取第 \d+ 页)超时（超过 1 毫秒）/);
    const layout = await readPdf(makePdf([{ runs: [{ x: 72, y: 700, text: '下一份' }] }]), 'next.pdf');
    expect(layout.lines[0]!.text).toBe('下一份');
  });

  it('too-large: more bytes than the limit', async () => {
    const bytes = new Uint8Array(maxPdfBytes + 1);
    bytes.set(latin1('%PDF-1.7\n'));
    const e = await readError(bytes, 'huge.pdf');
    expect(e.reason).toBe('too-large');
    expect(e.message).toContain('huge.pdf');
    expect(e.message).toContain('50 MB');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The real disclosures. Each fact below was checked against the page (pdftotext -layout and -bbox).

const samples: Record<string, number> = {
  'final-accounts-template-2024.pdf': 23,
  'putuo-finance-bureau-2024-final-accounts.pdf': 25,
  'putuo-finance-bureau-2025-budget.pdf': 24,
  'putuo-wanli-subdistrict-2024-budget.pdf': 33,
  'putuo-wanli-subdistrict-2025-budget.pdf': 31,
};

describe('readPdf on the sample disclosures', () => {
  const layouts = new Map<string, Layout>();
  beforeAll(async () => {
    for (const name of Object.keys(samples)) layouts.set(name, await readPdf(sampleBytes(name), name));
  });
  const layout = (name: string) => layouts.get(name)!;
  const hasRow = (name: string, page: number, cells: string[]) =>
    expect(cellsOf(layout(name), page)).toContainEqual(cells);
  const hasTitle = (name: string, page: number, text: string) =>
    expect(
      layout(name)
        .lines.filter((l) => l.page === page && l.cells === null)
        .map((l) => l.text),
    ).toContain(text);

  it('every page with text yields lines, numbered in order, with page sizes', () => {
    for (const [name, count] of Object.entries(samples)) {
      const l = layout(name);
      expect(l.style).toBe('pdf');
      expect(l.pages).toHaveLength(count);
      const blank = l.blankPages ?? [];
      const withLines = new Set(l.lines.map((x) => x.page));
      for (let p = 1; p <= count; p++) expect(withLines.has(p), `${name} page ${p}`).toBe(!blank.includes(p));
      expect(l.pagesWithoutText).toBeUndefined();
      l.lines.forEach((line: LayoutLine, i) => {
        expect(line.no).toBe(i + 1);
        if (i > 0) expect(line.page!).toBeGreaterThanOrEqual(l.lines[i - 1]!.page!);
        expect(line.text.trim()).not.toBe('');
        expect(line.boxes).toHaveLength(line.cells?.length ?? 1);
        const size = l.pages![line.page! - 1]!;
        for (const b of line.boxes!) {
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y).toBeGreaterThanOrEqual(0);
          expect(b.x + b.width).toBeLessThanOrEqual(size.width + 1);
          expect(b.y + b.height).toBeLessThanOrEqual(size.height + 1);
        }
        if (line.cells) {
          expect(line.cells.length).toBeGreaterThanOrEqual(2);
          expect(line.text).toBe(line.cells.join('\t'));
        }
      });
    }
  });

  it('no line contains a CJK radical (U+2E80–U+2EFF)', () => {
    for (const name of Object.keys(samples)) {
      for (const line of layout(name).lines) expect(line.text).not.toMatch(/[\u2e80-\u2eff]/);
    }
  });

  it('2025 budget of the finance bureau (WPS, landscape)', () => {
    const name = 'putuo-finance-bureau-2025-budget.pdf';
    expect(layout(name).pages![0]).toEqual({ width: 841.9, height: 595.3 });
    hasTitle(name, 1, '上海市普陀区2025年区级部门预算');
    hasTitle(name, 9, '2025年部门财务收支预算总表');
    hasTitle(name, 10, '2025年部门收入预算总表');
    hasRow(name, 9, ['一、财政拨款收入', '31,214,205.80', '一、一般公共服务支出', '22,186,440.80']);
    hasRow(name, 9, ['收入总计', '31,214,205.80', '支出总计', '31,214,205.80']);
    hasRow(name, 10, ['201', '06', '01', '行政运行', '16,231,840.80', '16,231,840.80']);
    hasRow(name, 12, ['201', '06', '01', '行政运行', '16,231,840.80', '16,093,326.00', '138,514.80']);
    // A header cell printed on two lines (事业单位 / 经营收入) is one cell.
    expect(cellsOf(layout(name), 10).flat()).toContain('事业单位经营收入');
    // The box of 行政运行 on page 10, as poppler places the word.
    const row = layout(name).lines.find((l) => l.page === 10 && l.cells?.[3] === '行政运行')!;
    const box = row.boxes![3]!;
    expect(box.x).toBeCloseTo(159.06, 1);
    expect(box.y).toBeCloseTo(275.74, 1);
    expect(box.width).toBeCloseTo(48, 1);
    expect(box.height).toBeCloseTo(12, 1);
  });

  it('2024 final accounts of the finance bureau (ONLYOFFICE: cells at other heights, wrapped names)', () => {
    const name = 'putuo-finance-bureau-2024-final-accounts.pdf';
    const l = layout(name);
    expect(l.blankPages).toEqual([14]); // only the ruled empty row of a table that spilled over
    hasTitle(name, 8, '收入决算表');
    hasTitle(name, 10, '支出决算表');
    hasRow(name, 6, ['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66']);
    hasRow(name, 8, ['201', '06', '01', '行政运行', '1,511.90', '1,511.89', '0.01']);
    hasRow(name, 8, ['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75']);
    hasRow(name, 10, ['类', '款', '项', '合计', '2,940.05', '2,336.91', '603.14']);
    hasRow(name, 10, ['201', '06', '01', '行政运行', '1,511.89', '1,503.52', '8.37']);
    hasRow(name, 16, ['301', '08', '机关事业单位基本养老保险缴费', '160.75', '302', '06', '电费']);
    // Prose: the spaces printed round a number (a quarter em in Times New Roman) are kept, as pdftotext has them.
    const prose = l.lines.filter((x) => x.page === 22).map((x) => x.text);
    expect(prose).toContain('员经费及公用经费等的基本支出。年初预算为 1560.05 万元，支出决算为1511.89万');
  });

  it('2024 and 2025 budgets of Wanli subdistrict (WPS)', () => {
    const y2024 = 'putuo-wanli-subdistrict-2024-budget.pdf';
    hasTitle(y2024, 10, '2024年部门财务收支预算总表');
    hasRow(y2024, 10, ['一、财政拨款收入', '156,211,123', '一、一般公共服务支出', '2,932,700']);
    hasRow(y2024, 11, ['201', '05', '07', '专项普查活动', '257,700', '257,700', '0', '0', '0']);
    const y2025 = 'putuo-wanli-subdistrict-2025-budget.pdf';
    hasTitle(y2025, 9, '2025年部门财务收支预算总表');
    hasTitle(y2025, 10, '2025年部门收入预算总表');
    hasRow(y2025, 9, ['一、财政拨款收入', '189,767,551', '一、一般公共服务支出', '3,296,600']);
    hasRow(y2025, 10, ['201', '05', '07', '专项普查活动', '438,300', '438,300', '0', '0', '0']);
  });

  it('the blank final-accounts template', () => {
    const name = 'final-accounts-template-2024.pdf';
    hasTitle(name, 6, '收入决算表');
    hasRow(name, 4, ['序号', '单位名称', '备注']);
    hasRow(name, 5, ['项目', '决算数', '项目', '决算数']);
  });
});
