// Web pages (.html/.htm) read as the Word reader reads documents: the pages are made here, from the
// seeds (laid out as a county CMS page would), from yusuan's own HTML rendering of the seeds and of
// the shared PDF samples, and by hand for row and column spans, encodings and bad input.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from '../src/model/document.ts';
import { parseDocument, readLayout, sniffFormat } from '../src/parse.ts';
import { maxHtmlBytes, maxHtmlElements, readHtml } from '../src/read/html.ts';
import { type LayoutLine, ReadError } from '../src/read/layout.ts';
import { readText } from '../src/read/text.ts';
import { renderDocx } from '../src/render/docx.ts';
import { renderHtml } from '../src/render/html.ts';
import { toGolden } from './golden-projection.ts';
import { golden, parseSeed, runCli, seedBytes, seedFiles, tableFacts, utf8 } from './helpers.ts';

type Projection = ReturnType<typeof toGolden> & { statedAmounts: unknown[][] };
/** The golden projection without the stated amounts' line numbers: a page's lines are not the text's. */
const withoutLines = (g: unknown) => {
  const p = g as Projection;
  return { ...p, statedAmounts: p.statedAmounts.map((s) => s.slice(0, 4)) };
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell as Word-exported and CMS pages write one: each paragraph in <p><span>, an empty one as &nbsp;. */
const cellHtml = (text: string) =>
  text.trim() === ''
    ? '<td>&nbsp;</td>'
    : `<td>${text
        .split('\n')
        .map((p) => `<p class="MsoNormal"><span style="font-family:宋体">${escapeText(p)}</span></p>`)
        .join('')}</td>`;

/**
 * A county page holding the lines of a text disclosure: the content in a layout table beside a menu,
 * text lines as paragraphs (indented with &nbsp;), each run of cell rows as a data table; a script,
 * a style and a hidden block that name a table title must not be read.
 */
function countyPage(lines: LayoutLine[], charset = 'utf-8'): string {
  const body: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]!.cells) {
      body.push(`<p style="text-indent:2em">&nbsp;&nbsp;${escapeText(lines[i]!.text)}</p>`);
      i++;
      continue;
    }
    const rows: string[] = [];
    for (; i < lines.length && lines[i]!.cells; i++)
      rows.push(`<tr>${lines[i]!.cells!.map(cellHtml).join('')}</tr>`);
    body.push(`<table border="1" cellspacing="0">\n<tbody>\n${rows.join('\n')}\n</tbody></table>`);
  }
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>部门预算公开</title><style>.MsoNormal{margin:0} /* 部门预算支出总表 */</style>
<script>var title = "部门预算支出总表"; document.write("<p>部门预算收入总表</p>");</script></head>
<body><table width="1000" class="layout"><tr><td class="menu"><ul><li><a href="/">首页</a></li></ul></td>
<td class="content">
${body.join('\n')}
</td></tr></table>
<div style="display:none">部门预算收入总表</div>
</body></html>`;
}

const seedPage = (file: string, charset?: string) =>
  countyPage(readText(seedBytes(file), file).lines, charset);

describe('a seed laid out as a county web page reads as its golden model', () => {
  for (const file of seedFiles) {
    it(file, async () => {
      const back = await parseDocument(utf8(seedPage(file)), file.replace(/\.txt$/, '.html'));
      expect(withoutLines(toGolden(back))).toEqual(withoutLines(golden(file)));
    });
  }
});

describe('HTML written by yusuan reads back as the golden model', () => {
  for (const file of seedFiles) {
    it(file, async () => {
      const back = await parseDocument(utf8(renderHtml(parseSeed(file))), file.replace(/\.txt$/, '.htm'));
      expect(withoutLines(toGolden(back))).toEqual(withoutLines(golden(file)));
    });
  }
});

type Fact = [string | null, string | null, string, (string | null)[]];
const factsOf = (doc: Document) => tableFacts(doc) as unknown as Record<string, Fact[]>;

describe('a shared PDF sample rendered as HTML reads back as its tables', () => {
  const samples = [
    'samples/pdf/putuo-finance-bureau-2025-budget.pdf',
    'samples/pdf/putuo-wanli-subdistrict-2025-budget.pdf',
  ];
  for (const sample of samples) {
    it(sample, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(`../../shared/${sample}`, import.meta.url)));
      const doc = await parseDocument(bytes, sample);
      const back = await parseDocument(utf8(renderHtml(doc)), 'sample.html');
      expect([back.kind, back.year, back.department.name, back.unit]).toEqual([
        doc.kind,
        doc.year,
        doc.department.name,
        doc.unit,
      ]);
      // The coded tables keep every row's code, name and amounts (read back with the full columns of
      // the table's title, so the columns the PDF did not print come back empty).
      const printed = factsOf(doc);
      const read = factsOf(back);
      expect(Object.keys(read).sort()).toEqual(Object.keys(printed).sort());
      for (const key of ['income', 'expenditure']) {
        const rows = printed[key]!;
        expect(rows.length).toBeGreaterThan(0);
        expect(
          read[key]!.map(([side, code, name, amounts]) => [
            side,
            code,
            name,
            amounts.slice(0, rows[0]![3].length),
          ]),
        ).toEqual(rows);
      }
      expect(read.expenditure!.some(([, code]) => code?.startsWith('201'))).toBe(true);
      // And the page reads as the Word document of the same model does, whatever the recogniser makes of it.
      const word = await parseDocument(await renderDocx(doc), 'sample.docx');
      expect(read).toEqual(factsOf(word));
    });
  }
});

// A final account's tables have their columns as printed (none in the catalogue): read from cells, the
// two-sided 收入支出决算总表 once made the reader throw, and coded tables lost their amounts.
it('a final account rendered as HTML and as Word reads back with its coded rows and amounts', async () => {
  const sample = 'samples/pdf/putuo-finance-bureau-2024-final-accounts.pdf';
  const bytes = new Uint8Array(readFileSync(new URL(`../../shared/${sample}`, import.meta.url)));
  const doc = await parseDocument(bytes, sample);
  expect(doc.kind).toBe('final');
  for (const [file, rendered] of [
    ['final.html', utf8(renderHtml(doc))],
    ['final.docx', await renderDocx(doc)],
  ] as const) {
    const back = await parseDocument(rendered, file);
    expect([back.kind, back.year, back.department.name]).toEqual([doc.kind, doc.year, doc.department.name]);
    for (const key of ['final-income', 'final-expenditure', 'final-general-expenditure'] as const) {
      const facts = (d: Document) =>
        d.tables[key]!.rows.map((r) => [r.code ?? null, r.amounts.map((a) => a?.value ?? null)]);
      expect(facts(doc).length).toBeGreaterThan(5);
      expect(facts(back)).toEqual(facts(doc));
    }
    const summary = back.tables['final-summary']!;
    expect(summary.rows.filter((r) => r.side === 'income').length).toBeGreaterThan(0);
    expect(summary.rows.filter((r) => r.side === 'expenditure').length).toBeGreaterThan(0);
  }
});

// ——— A page written by hand ———

/** 部门预算支出总表 as a county page prints it: a two-row heading with spans, cells with nested markup. */
const spannedPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>测试局2024年部门预算</title>
<style>td{border:1px solid}</style><script>alert("合计 999.99")</script></head>
<body>
<h1>测试局2024年部门预算公开</h1>
<div class="article"><p><b>部门预算支出总表</b></p>
<p>部门：<span>322</span><span>测试局</span>&nbsp;&nbsp;&nbsp;&nbsp;单位：万元</p>
<table>
<thead>
<tr><th rowspan="2">序号</th><th colspan="2">功能分类科目</th><th rowspan="2">合计</th><th rowspan="2">基本支出</th><th rowspan="2">项目支出</th></tr>
<tr><th>科目<br>编码</th><th>科目名称</th></tr>
</thead>
<tfoot><tr><td colspan="6"><p>注：<span>本表</span>金额单位为万元。</p></td></tr></tfoot>
<tbody>
<tr><td>栏次</td><td></td><td></td><td>1</td><td>2</td><td>3</td></tr>
<tr><td>1</td><td colspan="2">合&nbsp;&nbsp;计</td><td><span>90.00</span></td><td>60.00</td><td>30.00</td></tr>
<tr style="display:none"><td>9</td><td>999</td><td>隐藏行</td><td>1.00</td><td>1.00</td><td></td></tr>
<tr><td>2</td><td><p>201</p></td><td><p><span style="font-size:10pt">一般公共</span><span>服务支出</span></p></td><td>90.00</td><td>60.00</td><td>30.00</td></tr>
<tr><td>3</td><td>20113</td><td>商贸事务</td><td>90.00</td><td>60.00</td><td>30.00</td></tr>
<tr><td>4</td><td>2011301</td><td>行政运行</td><td>60.00</td><td>60.00</td><td>&nbsp;</td></tr>
<tr><td>5</td><td>2011308</td><td>招商引资</td><td>30.00</td><td></td><td>30.00</td></tr>
</tbody>
</table>
<p>本表反映部门预算支出情况。</p>
</div>
</body></html>`;

describe('a page written by hand: spans, nested markup, text around the tables', () => {
  const layout = readHtml(utf8(spannedPage), 'spans.html');
  const cellsOf = (l: LayoutLine) => l.cells;

  it('reads text outside tables as lines in document order, scripts and styles left out', () => {
    expect(layout.style).toBe('html');
    const text = layout.lines.filter((l) => !l.cells).map((l) => l.text);
    expect(text).toEqual([
      '测试局2024年部门预算公开',
      '部门预算支出总表',
      '部门：322测试局    单位：万元',
      '本表反映部门预算支出情况。',
    ]);
    expect(layout.lines.map((l) => l.no)).toEqual(layout.lines.map((_, i) => i + 1));
    expect(layout.lines.some((l) => l.text.includes('999'))).toBe(false);
  });

  it('aligns the cells on the table grid: colspan and rowspan leave empty cells, tfoot comes last', () => {
    const rows = layout.lines.filter((l) => l.cells).map(cellsOf);
    expect(rows.slice(0, 4)).toEqual([
      ['序号', '功能分类科目', '', '合计', '基本支出', '项目支出'],
      ['', '科目\n编码', '科目名称', '', '', ''],
      ['栏次', '', '', '1', '2', '3'],
      ['1', '合  计', '', '90.00', '60.00', '30.00'],
    ]);
    expect(rows[4]).toEqual(['2', '201', '一般公共服务支出', '90.00', '60.00', '30.00']);
    expect(rows.at(-1)).toEqual(['注：本表金额单位为万元。', '', '', '', '', '']);
    expect(rows.every((r) => r!.length === 6)).toBe(true);
    const line = layout.lines.find((l) => l.cells?.[1] === '20113')!;
    expect(line.text).toBe('3\t20113\t商贸事务\t90.00\t60.00\t30.00');
  });

  it('is recognised: the 支出总表 with its codes and amounts', async () => {
    const doc = await parseDocument(utf8(spannedPage), 'spans.html');
    expect(doc.year).toBe(2024);
    expect(doc.unit).toBe('万元');
    const table = doc.tables.expenditure!;
    expect(table).toBeDefined();
    expect(table.columns.slice(0, 3)).toEqual(['合计', '基本支出', '项目支出']);
    expect(
      table.rows.map((r) => [r.code ?? null, r.name, r.amounts.slice(0, 3).map((a) => a?.value ?? null)]),
    ).toEqual([
      [null, '合计', ['90.00', '60.00', '30.00']],
      ['201', '一般公共服务支出', ['90.00', '60.00', '30.00']],
      ['20113', '商贸事务', ['90.00', '60.00', '30.00']],
      ['2011301', '行政运行', ['60.00', '60.00', null]],
      ['2011308', '招商引资', ['30.00', null, '30.00']],
    ]);
  });

  it('reads a rowspan to the end of the table (rowspan="0"), and short rows as written', () => {
    const page = `<table><tr><td rowspan="0">甲</td><td>1</td></tr><tr><td>2</td><td>3</td></tr><tr><td>4</td></tr></table>`;
    const rows = readHtml(utf8(page), 'ragged.html').lines.map(cellsOf);
    expect(rows).toEqual([
      ['甲', '1'],
      ['', '2', '3'],
      ['', '4'],
    ]);
  });

  it('reads a <pre> block line by line, and a <caption> before its table', () => {
    const page = `<html><body><pre>一、收入
  二、支出</pre><table><caption>部门预算收入总表</caption><tr><td>a</td></tr></table></body></html>`;
    expect(readHtml(utf8(page), 'pre.html').lines.map((l) => [l.text, l.cells])).toEqual([
      ['一、收入', null],
      ['二、支出', null],
      ['部门预算收入总表', null],
      ['a', ['a']],
    ]);
  });

  it('survives elements nested many thousands deep', () => {
    const depth = 50_000;
    const page = `<html><body>${'<div>'.repeat(depth)}单位：万元${'</div>'.repeat(depth)}</body></html>`;
    expect(readHtml(utf8(page), 'deep.html').lines.map((l) => l.text)).toEqual(['单位：万元']);
  });
});

// ——— Encodings ———

describe('encodings', () => {
  const file = seedFiles[0]!;
  const plain = () => parseDocument(utf8(seedPage(file)), 'page.html');
  const facts = (d: Document) => withoutLines(toGolden(d));

  it('TextDecoder knows GB18030 and the labels pages declare (full ICU)', () => {
    expect(new TextDecoder('gb2312').encoding).toBe('gbk');
    expect(new TextDecoder('gb18030').decode(new Uint8Array(iconv.encode('预算', 'gb18030')))).toBe('预算');
  });

  for (const charset of ['gb2312', 'GBK', 'gb18030']) {
    it(`a page declared ${charset} and saved in it reads as the UTF-8 page`, async () => {
      const bytes = new Uint8Array(
        iconv.encode(seedPage(file, charset), charset === 'gb18030' ? 'gb18030' : 'gbk'),
      );
      expect(Buffer.from(bytes).equals(Buffer.from(utf8(seedPage(file, charset))))).toBe(false);
      expect(facts(await parseDocument(bytes, 'page.html'))).toEqual(facts(await plain()));
    });
  }

  it('a page declared with <meta charset="gbk">', async () => {
    const page =
      '<!DOCTYPE html><html><head><meta charset="gbk"></head><body><p>单位：万元（预算）</p></body></html>';
    const layout = readHtml(new Uint8Array(iconv.encode(page, 'gbk')), 'meta.html');
    expect(layout.lines.map((l) => l.text)).toEqual(['单位：万元（预算）']);
  });

  it('a GBK page that declares nothing is read as GB18030', async () => {
    const page = seedPage(file).replace(/<meta [^>]*>/, '');
    const bytes = new Uint8Array(iconv.encode(page, 'gbk'));
    expect(facts(await parseDocument(bytes, 'page.htm'))).toEqual(facts(await plain()));
  });

  it('a page re-saved as UTF-8 that still declares gb2312 is read as UTF-8', async () => {
    expect(facts(await parseDocument(utf8(seedPage(file, 'gb2312')), 'page.html'))).toEqual(
      facts(await plain()),
    );
  });

  it('a UTF-16 page with its byte order mark', async () => {
    const page = '<html><body><p>部门预算支出总表</p></body></html>';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(page, 'utf16le')]);
    expect(sniffFormat(bytes)).toBe('html');
    expect((await readLayout(bytes, 'utf16.html')).lines.map((l) => l.text)).toEqual(['部门预算支出总表']);
  });
});

// ——— Which reader ———

describe('format detection', () => {
  it('sniffs HTML by its first tag, whatever the name', async () => {
    for (const start of [
      '<!DOCTYPE html>',
      '\n  <!doctype HTML>',
      '<html>',
      '<HTML lang="zh">',
      '<?xml version="1.0"?>\n<html>',
      '<!-- 头 -->',
      '<table>',
      '<p>',
    ]) {
      expect(sniffFormat(utf8(`${start}<p>x</p>`)), start).toBe('html');
    }
    for (const text of ['部门预算支出总表', '<<合计>>', '<pxyz>', '%PDF-1.7'])
      expect(sniffFormat(utf8(text)), text).not.toBe('html');
    // A page without an extension, and a page saved as .txt, are read as pages.
    const noName = await readLayout(utf8(spannedPage), 'download');
    expect(noName.style).toBe('html');
    expect((await readLayout(utf8(spannedPage), '网页另存为.txt')).style).toBe('html');
  });

  it('reads a .html file whose content starts with none of the sniffed tags', async () => {
    const layout = await readLayout(
      utf8('<span>单位：万元</span><table><tr><td>1</td></tr></table>'),
      'fragment.html',
    );
    expect(layout.style).toBe('html');
    expect(layout.lines.map((l) => [l.text, l.cells])).toEqual([
      ['单位：万元', null],
      ['1', ['1']],
    ]);
  });

  it('the CLI reads .html and .htm files, and directories holding them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yusuan-html-'));
    try {
      writeFileSync(join(dir, '支出.html'), spannedPage);
      writeFileSync(join(dir, '种子.htm'), seedPage(seedFiles[0]!));
      const one = await runCli(dir, 'parse', '支出.html');
      expect(one.code).toBe(0);
      expect(JSON.parse(one.stdout).tables.expenditure.rows).toHaveLength(5);
      const all = await runCli(dir, 'parse', '.');
      expect(all.code).toBe(0);
      expect((JSON.parse(all.stdout) as { file: string }[]).map((e) => e.file)).toEqual([
        '支出.html',
        '种子.htm',
      ]);
      expect((await runCli(dir, 'parse', '--help')).stdout).toMatch(/\.html\s+\.htm/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ——— Bad input ———

/** Expects a ReadError of that reason whose Chinese message names the file. */
async function rejects(bytes: Uint8Array, file: string, reason: string): Promise<ReadError> {
  let error: unknown;
  try {
    await readLayout(bytes, file);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ReadError);
  const e = error as ReadError;
  expect(e.reason).toBe(reason);
  expect(e.file).toBe(file);
  expect(e.message).toContain(file);
  expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  return e;
}

describe('bad input gives a ReadError naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yusuan-html-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an empty file', async () => {
    expect((await rejects(new Uint8Array(), '空.html', 'empty')).message).toContain('文件为空');
  });

  it('a page with no text to read', async () => {
    const page = `<!DOCTYPE html><html><head><title>标题</title><script>var a = "部门预算";</script></head>
<body>&nbsp;<img src="scan.png" alt="扫描件"><table><tr><td>&nbsp;</td></tr></table>\n</body></html>`;
    expect((await rejects(utf8(page), '无字.html', 'empty')).message).toContain('网页中没有可读取的文字');
    await rejects(utf8('   \n\t'), 'blank.htm', 'empty');
  });

  it('a file beyond the size limit', async () => {
    const huge = new Uint8Array(maxHtmlBytes + 1).fill(0x20);
    huge.set(utf8('<html>'));
    expect((await rejects(huge, '大.html', 'too-large')).message).toContain(String(maxHtmlBytes));
  });

  it('a page with more elements than the limit', async () => {
    const page = `<html><body>${'<i></i>'.repeat(maxHtmlElements + 1)}</body></html>`;
    expect((await rejects(utf8(page), '元素.html', 'too-large')).message).toContain('网页元素过多');
  });

  it('spans that would make a table of millions of cells', async () => {
    const row = '<tr><td colspan="1000" rowspan="65534">x</td></tr>';
    const page = `<table>${row}${'<tr><td>1</td></tr>'.repeat(3000)}</table>`;
    expect((await rejects(utf8(page), '跨行.html', 'too-large')).message).toContain('表格过大');
  });

  it('binary garbage named .html', async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    await rejects(garbage, '乱码.html', 'binary');
  });

  it('bytes valid in no encoding the reader knows', async () => {
    const invalid = new Uint8Array(200).fill(0xff);
    await rejects(invalid, '编码.html', 'encoding');
  });

  it('an extension that names another format', async () => {
    expect((await rejects(utf8(spannedPage), '表格.docx', 'mismatch')).message).toContain('网页（HTML）');
    const pdf = utf8('%PDF-1.7\n%…');
    expect((await rejects(pdf, '网页.html', 'mismatch')).message).toContain('网页（HTML）');
  });

  it('the CLI prints the error with the file name and exits 2', async () => {
    writeFileSync(join(dir, '坏.html'), new Uint8Array(0));
    const r = await runCli(dir, 'check', '坏.html');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('坏.html：文件为空');
  });
});

describe('damaged pages', () => {
  const page = utf8(spannedPage);
  const pieces = [
    '<table>',
    '</table>',
    '<tr>',
    '<td rowspan="3">',
    '<td colspan="9999">',
    '</td>',
    '<p>',
    '<br>',
    '<!--',
    '<script>',
    '&nbsp;',
    '&#0;',
    '<pre>',
    '<svg>',
    '\u0000',
    '合计',
  ];

  it('never let anything but a ReadError out, truncated, spliced or with random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: page.length }),
        fc.nat({ max: page.length }),
        fc.array(fc.constantFrom(...pieces), { maxLength: 8 }),
        fc.uint8Array({ maxLength: 64 }),
        async (cut, at, inserted, noise) => {
          const head = page.subarray(0, Math.min(cut, at));
          const bytes = new Uint8Array([...head, ...utf8(inserted.join('')), ...noise, ...page.subarray(at)]);
          try {
            const layout = await readLayout(bytes, 'damaged.html');
            for (const l of layout.lines) if (l.cells) expect(l.text).toBe(l.cells.join('\t'));
          } catch (e) {
            if (!(e instanceof ReadError)) throw e;
            expect(e.message).toContain('damaged.html');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
