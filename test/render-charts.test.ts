// The 附图 appendix (`render --charts`): a treemap of 一般公共预算财政拨款支出 by 类 and 款, and a bar
// chart of 三公 against the prior year, drawn as inline SVG by ECharts on the server. Expected figures
// are read from the parsed tables, never written into the test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Big from 'big.js';
import { afterAll, describe, expect, it } from 'vitest';
import type { BudgetTable, Document } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { chartsAppendix, threePublicYears } from '../src/render/charts.ts';
import { renderHtml } from '../src/render/html.ts';
import { parseSeed, runCli, seedDir, seedFile } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'yusuan-charts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cli = (...argv: string[]) => runCli(tmp, ...argv);
const pdfSamples = join(seedDir, '../samples/pdf/');
const seed000 = seedFile('000');
const doc = parseSeed('000');

/** The appendix section of a rendered page, its charts, and each chart's text elements in order. */
function appendixOf(html: string) {
  const start = html.indexOf('<section class="charts">');
  const section = start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
  const svgs = section.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  return { section, svgs, texts: svgs.map(textsOf) };
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const textsOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => entities[e]!).trim(),
  );

/** The 类 rows of the general-expenditure table with their printed 合计. */
const classRows = (d: Document) =>
  d.tables['general-expenditure']!.rows.filter((r) => /^\d{3}$/.test(r.code ?? '') && r.amounts[0]);

/** 三公 parts by row name, in the chart's order: 三公小计, 出国, 公务用车, 购置, 运维, 接待. */
function threePublicAmounts(table: BudgetTable, column = 0): (string | null)[] {
  const names = [
    /三公.*小计/,
    /因公出国/,
    /公务用车购置及运/,
    /公务用车购置费$/,
    /公务用车运行维护费$/,
    /公务接待/,
  ];
  return names.map((n) => table.rows.find((r) => n.test(r.name))?.amounts[column]?.value ?? null);
}

/** The bar labels: an empty cell is drawn as 0. */
const labelsOf = (amounts: (string | null)[]) => amounts.map((a) => a ?? '0');

/** A prior year made from this year: each 三公 amount × 0.8 (exact), in 元 instead of 万元. */
function priorYearOf(d: Document): Document {
  const prior = structuredClone(d);
  prior.year = d.year! - 1;
  const table = prior.tables['three-public']!;
  table.unit = '元';
  for (const row of table.rows)
    for (const a of row.amounts) if (a) a.value = new Big(a.value).times('0.8').times(10000).toFixed();
  return prior;
}

describe('render --charts (HTML)', () => {
  it('adds a 附图 appendix after the tables with two inline SVG charts and no script', async () => {
    const r = await cli('render', join(seedDir, seed000), '--charts', '--out', 'charts.html');
    expect(r.code).toBe(0);
    const html = readFileSync(join(tmp, 'charts.html'), 'utf8');
    const { section, svgs } = appendixOf(html);
    expect(section).toContain('<h2>附图</h2>');
    expect(html.indexOf('<section class="charts">')).toBeGreaterThan(
      html.lastIndexOf('<section class="table">'),
    );
    expect(svgs).toHaveLength(2);
    expect(html).not.toMatch(/<script/i);
    for (const svg of svgs) expect(svg).toMatch(/font-family:\s*"?WenQuanYi Micro Hei/);
  });

  it('labels every 类 of the treemap with its name and exact printed amount, and draws its 款', () => {
    const { texts } = appendixOf(renderHtml(doc, { appendix: chartsAppendix(doc) }));
    const treemap = texts[0]!;
    const classes = classRows(doc);
    expect(classes.length).toBeGreaterThan(1);
    for (const row of classes) {
      const amount = row.amounts[0]!.value;
      expect(
        treemap.some((t) => t.startsWith(row.name) && t.split(/[\s（]/).includes(amount)),
        `${row.code} ${row.name} ${amount}`,
      ).toBe(true);
    }
    // The largest 款 has room for its own label: name, then amount on the next line.
    const kuan = doc.tables['general-expenditure']!.rows.filter((r) => /^\d{5}$/.test(r.code ?? ''));
    const largest = kuan.reduce((a, b) => (new Big(b.amounts[0]!.value).gt(a.amounts[0]!.value) ? b : a));
    expect(treemap[treemap.indexOf(largest.name) + 1]).toBe(largest.amounts[0]!.value);
  });

  it('shows this year only, with a note, when there is neither a 上年 column nor --previous', () => {
    const { texts, section } = appendixOf(renderHtml(doc, { appendix: chartsAppendix(doc) }));
    const bars = texts[1]!;
    for (const amount of labelsOf(threePublicAmounts(doc.tables['three-public']!)))
      expect(bars).toContain(amount);
    expect(bars).toContain(`${doc.year}年`);
    expect(bars).not.toContain(`${doc.year! - 1}年`);
    expect(section).toContain('图中仅列本年数');
  });

  it('takes the prior year from --previous, converting 元 to 万元 exactly', async () => {
    const prior = priorYearOf(doc);
    writeFileSync(join(tmp, 'prior.json'), JSON.stringify(prior));
    const r = await cli(
      'render',
      join(seedDir, seed000),
      '--charts',
      '--previous',
      'prior.json',
      '--out',
      'with-prior.html',
    );
    expect(r.code).toBe(0);
    const { texts, section } = appendixOf(readFileSync(join(tmp, 'with-prior.html'), 'utf8'));
    const bars = texts[1]!;
    expect(bars).toEqual(expect.arrayContaining([`${doc.year}年`, `${prior.year}年`]));
    const now = labelsOf(threePublicAmounts(doc.tables['three-public']!));
    const before = labelsOf(
      threePublicAmounts(prior.tables['three-public']!).map((a) => a && new Big(a).div(10000).toFixed()),
    );
    for (const amount of [...now, ...before]) expect(bars).toContain(amount);
    // 66.35 × 0.8 = 53.08: a figure the current year does not print.
    expect(before.some((a) => !now.includes(a) && a !== '0')).toBe(true);
    expect(section).toContain(`上年数取自上年公开文件（${prior.year}年）`);
    expect(section).toContain('上年文件以元为单位，图中已换算为万元');
  });

  it('takes the prior year from the table’s 上年 column when it has one', () => {
    const withColumn = structuredClone(parseSeed('004'));
    const table = withColumn.tables['three-public']!;
    table.columns = ['上年预算数', ...table.columns];
    for (const row of table.rows)
      row.amounts = [
        row.amounts[0]
          ? { ...row.amounts[0], value: new Big(row.amounts[0].value).plus('1.5').toFixed(2) }
          : null,
        ...row.amounts,
      ];
    const years = threePublicYears(withColumn, doc)!;
    expect(years.priorFrom).toBe('column');
    expect(years.current.amounts).toEqual(threePublicAmounts(table, 1));
    expect(years.prior!.amounts).toEqual(threePublicAmounts(table, 0));
    const { texts, section } = appendixOf(chartsAppendix(withColumn, { previous: doc }));
    expect(texts[1]).toContain(years.prior!.amounts[0]);
    expect(section).toContain('上年数取自本表的上年列');
  });

  it('reads a real consecutive pair (Shanghai PDFs, 三公 printed as one line of columns)', async () => {
    const r = await cli(
      'render',
      join(pdfSamples, 'putuo-wanli-subdistrict-2025-budget.pdf'),
      '--charts',
      '--previous',
      join(pdfSamples, 'putuo-wanli-subdistrict-2024-budget.pdf'),
      '--out',
      'wanli.html',
    );
    expect(r.code).toBe(0);
    const { texts } = appendixOf(readFileSync(join(tmp, 'wanli.html'), 'utf8'));
    const bars = texts[1]!;
    for (const file of [
      'putuo-wanli-subdistrict-2025-budget.json',
      'putuo-wanli-subdistrict-2024-budget.json',
    ]) {
      const golden = JSON.parse(readFileSync(new URL(`./golden/pdf/${file}`, import.meta.url), 'utf8'));
      const { columns, rows } = golden.tables['three-public'] as { columns: string[]; rows: unknown[][] };
      const line = rows[0]![3] as (string | null)[];
      // 合计 and each part by its column name.
      for (const name of [/^合计$/, /公务接待/, /^小计$/, /购置费/, /运行费/])
        expect(bars).toContain(line[columns.findIndex((c) => name.test(c))]);
      expect(bars).toContain(`${golden.year}年`);
    }
  });

  it('escapes names from the document inside the SVG', () => {
    const hostile = structuredClone(doc);
    const row = hostile.tables['general-expenditure']!.rows.find((r) => r.code?.length === 3)!;
    row.name = `<script>alert(1)</script>${row.name}`;
    const html = renderHtml(hostile, { appendix: chartsAppendix(hostile) });
    expect(html).not.toMatch(/<script/i);
    expect(appendixOf(html).texts[0]!.some((t) => t.startsWith(row.name))).toBe(true);
  });

  it('writes notes instead of charts for a document without the two tables (performance text)', () => {
    const performance = parseSeed('001');
    const { section, svgs } = appendixOf(chartsAppendix(performance));
    expect(svgs).toHaveLength(0);
    expect(section).toContain('本文件没有一般公共预算财政拨款支出表');
    expect(section).toContain('本文件没有财政拨款“三公”经费支出表');
  });

  it('says so when the prior-year document has no 三公 figures, and draws no bar of guessed zeros', async () => {
    const { section, texts } = appendixOf(chartsAppendix(doc, { previous: parseSeed('001') }));
    expect(section).toContain('上年公开文件中也没有可读的“三公”经费数');
    expect(texts[1]).not.toContain(`${doc.year! - 1}年`);
    // A real final account prints 三公 as one line of unnamed 预算数/决算数 columns: no part can be named.
    const file = 'putuo-finance-bureau-2024-final-accounts.pdf';
    const final = await parseDocument(new Uint8Array(readFileSync(join(pdfSamples, file))), file);
    const appendix = appendixOf(chartsAppendix(final));
    expect(appendix.svgs).toHaveLength(1);
    expect(appendix.section).toContain('未能在“三公”经费表中识别出各项金额，不作图');
    for (const row of final.tables['final-general-expenditure']!.rows.filter((r) => r.code?.length === 3))
      expect(appendix.texts[0]!.some((t) => t.startsWith(row.name))).toBe(true);
  });

  it('leaves out the bar of a part the table does not print, and draws an empty cell as 0', () => {
    const seed004 = parseSeed('004');
    const full = threePublicYears(seed004)!.current;
    const cut = structuredClone(seed004);
    const table = cut.tables['three-public']!;
    table.rows = table.rows.filter((r) => !/公务用车/.test(r.name));
    const years = threePublicYears(cut)!;
    // 三公小计 7, 出国 printed empty, the three 公务用车 rows not printed, 接待 7.
    expect(years.current.amounts).toEqual(['7', null, undefined, undefined, undefined, '7']);
    const zeros = (svg: string) => textsOf(svg).filter((t) => t === '0').length;
    const bars = (d: Document) => appendixOf(chartsAppendix(d)).svgs[1]!;
    // Each empty cell is a bar labelled 0 (and the y axis starts at 0); the three parts left out are not.
    expect(full.amounts.filter((a) => a === null)).toHaveLength(4);
    expect(zeros(bars(cut))).toBe(zeros(bars(seed004)) - 3);
    // The axis still names every part; a note says which are not printed.
    expect(textsOf(bars(cut))).toContain('公务用车购置费');
    expect(appendixOf(chartsAppendix(cut)).section).toContain(
      '本年表中未列示公务用车购置及运行维护费、公务用车购置费、公务用车运行维护费，图中不作其柱',
    );
    expect(appendixOf(chartsAppendix(seed004)).section).not.toContain('未列示');
  });

  it('has no appendix without --charts, and refuses --charts for xlsx and --previous alone', async () => {
    expect((await cli('render', join(seedDir, seed000), '--out', 'plain.html')).code).toBe(0);
    const html = readFileSync(join(tmp, 'plain.html'), 'utf8');
    expect(html).not.toContain('附图');
    expect(html).not.toContain('<svg');
    const xlsx = await cli('render', join(seedDir, seed000), '--format', 'xlsx', '--charts');
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toContain('--charts 只用于 html 和 pdf 格式');
    const alone = await cli('render', join(seedDir, seed000), '--previous', 'prior.json');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--previous 需与 --generate-text 或 --charts 一起使用');
  });
});

describe('render --charts (PDF)', () => {
  it('prints the appendix: pdftotext finds 附图 and, after it, each 类 with its amount', async () => {
    const r = await cli(
      'render',
      join(seedDir, seed000),
      '--format',
      'pdf',
      '--charts',
      '--out',
      'charts.pdf',
    );
    expect(r.code).toBe(0);
    const text = spawnSync('pdftotext', ['-raw', join(tmp, 'charts.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const at = text.lastIndexOf('附图');
    expect(at).toBeGreaterThan(0);
    const appendix = text.slice(at).replace(/\s+/g, '');
    for (const row of classRows(doc)) {
      expect(appendix).toContain(row.name);
      expect(appendix).toContain(row.amounts[0]!.value);
    }
  });
});
