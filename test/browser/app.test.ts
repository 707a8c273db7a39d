// The web app in a real browser (Debian Chromium driven by playwright-core) against the real server on
// in-memory PGlite, serving web/dist (built by the tests' global set-up when stale).
// Screenshots of each screen go to test/browser/artifacts/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocuments } from '../../src/demo/generate.ts';
import { big } from '../../src/model/decimal.ts';
import { type Document, isDoubtful } from '../../src/model/document.ts';
import { parseDocument } from '../../src/parse.ts';
import { buildServer } from '../../src/server/app.ts';
import { createUser } from '../../src/server/auth.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { importFile } from '../../src/store/documents.ts';
import { imagePdf, scanPage } from '../scans.ts';
import { distDir } from './web-build.ts';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const seed = (name: string) => new Uint8Array(readFileSync(join(seeds, name)));
const budget000 = '000_fcc4ddfc57e18395.txt';
const budget004 = '004_b9fc89043e8814d5.txt';
const performance003 = '003_197cfe662bbdfdb7.txt';
const shanghaiPdf = fileURLToPath(
  new URL('../../../shared/samples/pdf/putuo-wanli-subdistrict-2025-budget.pdf', import.meta.url),
);
const shanghaiPdf2024 = shanghaiPdf.replace('2025-budget', '2024-budget');
const password = 'browser-test-password';
const hostileName = '<img/src=x/onerror=alert(1)>商务部门';

/** Waits (up to 15 s) for a value to pass the assertion that follows. */
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

describe('web app in Chromium', () => {
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const [opened] = await Promise.all([
      (async () => {
        const s = await openStore({});
        // Every sample but 003, which the test uploads; the demo department with three years; a document
        // whose department name is HTML.
        for (const name of [budget000, '001_dc994fb7b72f807a.txt', '002_fe23b3abf0dee3af.txt', budget004])
          ids[name] = (await importFile(s, seed(name), name)).id;
        for (const demo of demoDocuments().filter((d) => d.name.startsWith('demo-401-')))
          ids[demo.name] = (await importFile(s, new TextEncoder().encode(demo.text), demo.name)).id;
        ids.pdf = (await importFile(s, new Uint8Array(readFileSync(shanghaiPdf)), 'shanghai.pdf')).id;
        ids.pdf2024 = (
          await importFile(s, new Uint8Array(readFileSync(shanghaiPdf2024)), 'shanghai-2024.pdf')
        ).id;
        const hostile = new TextDecoder().decode(seed(budget004)).replace('商务部门', hostileName);
        ids.hostile = (await importFile(s, new TextEncoder().encode(hostile), 'hostile.txt')).id;
        const department = await s
          .selectFrom('document')
          .select('department_id')
          .where('id', '=', ids[budget004]!)
          .executeTakeFirstOrThrow();
        await createUser(s, { name: 'admin', password, role: 'admin' });
        await createUser(s, {
          name: 'editor',
          password,
          role: 'editor',
          departmentId: department.department_id,
        });
        return s;
      })(),
    ]);
    store = opened;
    app = await buildServer({ store, webDir: distDir, publicOnUpload: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.destroy();
  });

  // Every page is watched for what the Content-Security-Policy refused: the app must run whole under it.
  const cspViolations: string[] = [];
  async function newPage(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  }

  async function open(path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await newPage(context);
    page.setDefaultTimeout(15_000);
    await page.goto(base + path);
    return { context, page };
  }

  async function logIn(page: Page, name: string): Promise<void> {
    await page.locator('header .account button', { hasText: '登录' }).click();
    await page.locator('form.login input[name=name]').fill(name);
    await page.locator('form.login input[name=password]').fill(password);
    await page.locator('form.login button[type=submit]').click();
    await until(() => page.locator('[data-testid=current-user]').textContent()).toContain(name);
  }

  const classes = (locator: Locator) => locator.evaluate((element) => [...element.classList]);
  /** A document as the API gives it, to hold the screens to (counts follow the rules as they evolve). */
  const api = async (id: number) =>
    (await (await fetch(`${base}/api/documents/${id}`)).json()) as {
      summary: { errors: number; warnings: number; infos: number; version: number };
      document: Document;
      findings: {
        rule: string;
        severity: string;
        message: string;
        where: { table?: string; row?: string; column?: string; line?: number; page?: number };
        expected?: number;
        actual?: number;
      }[];
    };
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });

  it('总览 shows departments × years with counts and filters by search', async () => {
    const { context, page } = await open('/');
    const table = page.locator('[data-testid=overview]');
    await table.waitFor();
    const { summary } = await api(ids[budget004]!);
    expect(summary.errors).toBeGreaterThan(0);
    const chip = page.locator(`a.chip[data-doc="${ids[budget004]}"]`);
    await until(() => chip.textContent()).toContain(`错误 ${summary.errors}`);
    expect(await chip.textContent()).toContain(`警告 ${summary.warnings}`);
    expect(await chip.textContent()).toContain('现行');
    expect(await table.locator('thead th').allTextContents()).toEqual(
      expect.arrayContaining(['2025 年', '2024 年', '2023 年']),
    );
    // Hostile document text is shown as text: the literal tag, no element made from it.
    expect(await table.textContent()).toContain(hostileName);
    expect(await page.locator('main img').count()).toBe(0);
    await shot(page, 'overview');

    await page.locator('input[name=q]').fill('示范县商务局');
    await until(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.locator('tbody th').textContent()).toBe('示范县商务局');
    expect(await table.locator('a.chip').count()).toBe(3);
    expect(page.url()).toContain('q=');
    await context.close();
  });

  it('logs in, uploads a sample with progress and result, and shows its findings', async () => {
    const { context, page } = await open('/');
    await logIn(page, 'admin');
    await page.locator('header nav a', { hasText: '上传' }).click();
    await page.locator('[data-testid=upload-input]').setInputFiles(join(seeds, performance003));
    await page.locator('button.primary', { hasText: '开始上传' }).click();
    const row = page.locator('[data-testid=upload-results] tbody tr').first();
    await until(() => row.getAttribute('data-state')).toBe('done');
    expect(await row.textContent()).toContain('已导入');
    expect(await row.textContent()).toContain('玉田县商务和投资促进局');
    expect(await row.locator('progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
    await shot(page, 'upload');

    await row.locator('a').click();
    await page.locator('aside.findings').waitFor();
    expect(await page.locator('h1').textContent()).toContain('玉田县商务和投资促进局');
    const id = Number(/\/documents\/(\d+)$/.exec(page.url())?.[1]);
    const stored = await api(id);
    const errorCount = stored.findings.filter((f) => f.severity === 'error').length;
    expect(errorCount).toBeGreaterThan(0);
    const errors = page.locator('aside.findings section[data-severity=error] li.finding');
    await until(() => errors.count()).toBe(errorCount);
    expect(await page.locator('aside.findings h3').first().textContent()).toContain(`错误（${errorCount}）`);
    await shot(page, 'uploaded-document');
    await context.close();
  });

  it('an editor uploading another department’s document sees the server’s refusal', async () => {
    const { context, page } = await open('/upload');
    await logIn(page, 'editor');
    await page.locator('[data-testid=upload-input]').setInputFiles(join(seeds, budget000));
    await page.locator('button.primary', { hasText: '开始上传' }).click();
    const row = page.locator('[data-testid=upload-results] tbody tr').first();
    await until(() => row.getAttribute('data-state')).toBe('failed');
    expect(await row.locator('.error-text').textContent()).toContain('填报用户只能上传本部门');
    await shot(page, 'upload-refused');
    await context.close();
  });

  it('an upload goes on with the tab closed, is listed again when reopened, and not to another user', async () => {
    const financePdf = shanghaiPdf.replace('wanli-subdistrict-2025-budget', 'finance-bureau-2025-budget');
    const first = await open('/');
    await logIn(first.page, 'admin');
    await first.page.locator('header nav a', { hasText: '上传' }).click();
    await first.page.locator('[data-testid=upload-input]').setInputFiles(financePdf);
    const accepted = first.page.waitForResponse(
      (r) => r.url().endsWith('/api/imports') && r.request().method() === 'POST',
    );
    await first.page.locator('button.primary', { hasText: '开始上传' }).click();
    expect((await accepted).status()).toBe(202);
    const cookies = await first.context.cookies();
    await first.context.close();
    // The import finishes on the server without the page.
    const imported = async () =>
      ((await (await fetch(`${base}/api/documents`)).json()) as { fileName: string }[]).some(
        (d) => d.fileName === 'putuo-finance-bureau-2025-budget.pdf',
      );
    await until(imported).toBe(true);

    const again = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await again.addCookies(cookies);
    const page = await newPage(again);
    await page.goto(`${base}/upload`);
    const row = page.locator('[data-testid=upload-results] tbody tr', {
      hasText: 'putuo-finance-bureau-2025-budget.pdf',
    });
    await until(() => row.first().getAttribute('data-state')).toBe('done');
    expect(await row.first().textContent()).toContain('已导入');
    expect(await page.locator('.upload p.muted').first().textContent()).not.toContain('pdftotext');
    await shot(page, 'upload-reopened');

    await page.locator('header .account button', { hasText: '退出' }).click();
    await logIn(page, 'editor');
    await page.locator('header nav a', { hasText: '上传' }).click();
    await page.locator('section.upload[data-loaded=true]').waitFor();
    expect(
      await page
        .locator('[data-testid=upload-results] tbody tr', { hasText: 'putuo-finance-bureau-2025-budget.pdf' })
        .count(),
    ).toBe(0);
    await again.close();
  });

  /** Elements wider than the viewport that are not inside a box that scrolls its tables. */
  const overflowing = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return (
        [...document.querySelectorAll('body *')]
          // A chart's drawing is clipped by its svg: the svg stands for it.
          .filter((e) => !(e.closest('svg') && e.tagName.toLowerCase() !== 'svg'))
          .filter(
            (e) => e.getBoundingClientRect().right > width + 0.5 && !e.closest('.scroll, .table-scroll'),
          )
          .filter((e) => e.getBoundingClientRect().width > 0)
          .map(
            (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.textContent?.slice(0, 20)}`,
          )
          .slice(0, 10)
      );
    });

  it('every page at 375 px: nothing overflows but the tables, which scroll in their box', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, locale: 'zh-CN' });
    const page = await newPage(context);
    for (const path of [
      '/',
      `/documents/${ids.pdf}`,
      `/documents/${ids[budget004]}`,
      `/documents/${ids['001_dc994fb7b72f807a.txt']}`,
      `/compare?ids=${ids.pdf},${ids.pdf2024}`,
      '/upload',
      '/no-such-page',
    ]) {
      await page.goto(`${base}${path}`);
      await page.locator('main > *').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await overflowing(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      if (path === `/documents/${ids.pdf}`) {
        // The wide tables scroll inside their box.
        const scrolling = await page
          .locator('figure.doc-table .scroll')
          .evaluateAll((boxes) => boxes.filter((e) => e.scrollWidth > e.clientWidth).length);
        expect(scrolling).toBeGreaterThan(0);
        await shot(page, 'document-375px');
      }
    }
    await context.close();
  });

  it('titles name the page; a missing document is a 404 page with a way back', async () => {
    const { context, page } = await open(`/documents/${ids.pdf}`);
    await page.locator('aside.findings').waitFor();
    const stored = await api(ids.pdf!);
    expect(await page.title()).toBe(
      `${stored.document.department.name} · ${stored.document.year}年 · 部门预算 · yusuan`,
    );
    await page.goto(`${base}/documents/999999`);
    await page.locator('[data-testid=not-found]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('文档不存在');
    expect(await page.title()).toBe('文档不存在 · yusuan');
    await page.locator('[data-testid=not-found] a', { hasText: '返回总览' }).click();
    await until(() => page.title()).toBe('总览 · yusuan');
    await page.goto(`${base}/compare`);
    await until(() => page.title()).toBe('比较 · yusuan');
    await page.goto(`${base}/nowhere`);
    expect(await page.locator('[data-testid=not-found] h1').textContent()).toBe('页面不存在');
    expect(await page.title()).toBe('页面不存在 · yusuan');
    await context.close();
  });

  it('a table of contents of tables and sections; a narrative finding marks its sentence', async () => {
    const { context, page } = await open(`/documents/${ids[budget000]}`);
    await page.locator('aside.findings li.finding').first().waitFor();
    const stored = await api(ids[budget000]!);
    const headings = stored.document.sections.map((s) => s.heading);
    expect(await page.locator('nav.toc .toc-sections button').allTextContents()).toEqual(headings);
    const tables = await page.locator('figure.doc-table[data-table] figcaption strong').allTextContents();
    const tocTables = await page.locator('nav.toc > button').allTextContents();
    for (const title of tables) expect(tocTables).toContain(title);
    // Every amount printed in the document's tables is right-aligned.
    const aligns = await page
      .locator('figure.doc-table td, .projects td')
      .evaluateAll((cells) =>
        cells
          .filter((c) => /^-?[\d,]+\.\d+$/.test(c.textContent?.trim() ?? ''))
          .map((c) => getComputedStyle(c).textAlign),
      );
    expect(aligns.length).toBeGreaterThan(20);
    expect(new Set(aligns)).toEqual(new Set(['right']));
    // The TOC entry of a section opens it and scrolls to it.
    await page.locator('nav.toc .toc-sections button').last().click();
    await until(() => page.locator('section#sections details').last().getAttribute('open')).not.toBeNull();

    const finding = page.locator('aside.findings li.finding[data-rule=text-amount]', { hasText: '项目支出' });
    await finding.locator('button.finding-main').click();
    const marked = page.locator('section#sections mark.hl.active');
    await until(() => marked.count()).toBe(1);
    const sentence = (await marked.textContent()) ?? '';
    expect(sentence.trim().startsWith('项目支出 1270 万元')).toBe(true);
    const section = (await marked.locator('xpath=ancestor::details').locator('p.prose').textContent()) ?? '';
    expect(sentence.length).toBeLessThan(section.length);
    expect(await marked.locator('xpath=ancestor::details').getAttribute('class')).not.toContain('hl-error');
    await marked.scrollIntoViewIfNeeded();
    await shot(page, 'narrative-sentence');
    await context.close();
  });

  it('findings step with j/k; Enter shows the place', async () => {
    const { context, page } = await open(`/documents/${ids[budget004]}`);
    const items = page.locator('aside.findings li.finding');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBeGreaterThan(1);
    await page.keyboard.press('j');
    await until(() => classes(items.nth(0))).toContain('cursor');
    await page.keyboard.press('j');
    await until(() => classes(items.nth(1))).toContain('cursor');
    expect(await classes(items.nth(0))).not.toContain('cursor');
    await page.keyboard.press('k');
    await until(() => classes(items.nth(0))).toContain('cursor');
    // Enter selects it and outlines its place in the tables.
    const target = await items.nth(0).locator('button.finding-main').isEnabled();
    await page.keyboard.press('Enter');
    await until(() => classes(items.nth(0))).toContain('selected');
    if (target) await until(() => page.locator('.doc-body .active').count()).toBeGreaterThan(0);
    // Typing in the filter is not stepping.
    await page.locator('aside.findings input[type=search]').fill('jk');
    expect(await page.locator('aside.findings li.finding.cursor').count()).toBeLessThanOrEqual(1);
    await context.close();
  });

  it('文档: clicking a finding outlines its highlighted cell; exports download', async () => {
    const { context, page } = await open(`/documents/${ids[budget004]}`);
    await page.locator('aside.findings li.finding').first().waitFor();
    expect(await page.locator('aside.findings li.finding').count()).toBe(
      (await api(ids[budget004]!)).findings.length,
    );
    // 301 工资福利支出 合计 198.91 in the 基本支出表 is marked info (差额在 0.01 以内).
    const cell = page.locator('td[data-table="general-basic"][data-row="301"][data-column="合计"]');
    expect(await cell.textContent()).toBe('198.91');
    expect(await classes(cell)).toContain('hl-info');
    expect(await classes(cell)).not.toContain('active');
    const finding = page.locator('li.finding[data-rule="table-parent-children"]', {
      hasText: '「301 工资福利支出」的合计',
    });
    expect(await finding.locator('strong').textContent()).toBe('上级科目等于下级科目之和');
    await finding.locator('button.finding-main').click();
    await until(() => classes(cell)).toContain('active');
    expect(await cell.evaluate((td) => getComputedStyle(td).outlineStyle)).toBe('solid');
    await until(() =>
      cell.evaluate((td) => {
        const r = td.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    // A cell no finding points at is not marked.
    const plain = page.locator('td[data-table="general-basic"][data-row="30101"][data-column="合计"]');
    expect(await classes(plain)).not.toContain('hl');
    await shot(page, 'document');

    // The severity filter takes the info marks off the table.
    await page.locator('aside.findings label', { hasText: '提示' }).locator('input').uncheck();
    await until(() => classes(cell)).not.toContain('hl-info');
    expect(await page.locator('aside.findings section[data-severity=info]').count()).toBe(0);

    const download = page.waitForEvent('download');
    await page.locator('a[data-format=csv]').click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.replace(/^\uFEFF/, '').startsWith('file,table,row_code,row_name')).toBe(true);
    expect(csv).toContain('198.91');
    await context.close();
  });

  it('比较: two departments as charts with their tables, the trend of a department, CSV', async () => {
    const demo2025 = ids['demo-401-2025.txt']!;
    const { context, page } = await open('/compare');
    await page.locator(`input[data-doc="${ids[budget004]}"]`).check();
    await page.locator(`input[data-doc="${demo2025}"]`).check();
    await page.locator(`input[data-doc="${ids.hostile}"]`).check();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const comparison = page.locator('[data-testid=comparison]');
    await comparison.waitFor();
    expect(page.url()).toContain(`ids=${ids[budget004]},${demo2025},${ids.hostile}`);
    const blocks = comparison.locator('section.chart-block');
    expect(await blocks.count()).toBe(4);
    for (let i = 0; i < 3; i++) {
      await until(() => blocks.nth(i).locator('.chart svg path').count()).toBeGreaterThan(3);
      expect(await blocks.nth(i).locator('table tbody tr').count()).toBeGreaterThanOrEqual(2);
    }
    const spending = await blocks.nth(0).locator('table').textContent();
    expect(spending).toContain('商务部门 2024');
    expect(spending).toContain('671.44');
    expect(spending).toContain('449.90');
    // The treemap names each document; its table lists the classes.
    await until(() => blocks.nth(2).locator('.chart').textContent()).toContain('商务部门 2024');
    expect(await blocks.nth(2).locator('table').textContent()).toContain('一般公共服务支出');
    // 示范县商务局 has three years: the trend line and its table (a column per year, each after the first
    // with its 增减 and 增幅 against the year before).
    const trend = blocks.nth(3);
    await until(() => trend.locator('table thead th').count()).toBe(1 + 3 + 2 * 2);
    expect(await trend.locator('table thead').textContent()).toContain('增减（比上年）');
    expect(await trend.locator('.chart svg path').count()).toBeGreaterThan(3);
    // Names from documents stay text in tables, chart labels and tooltips.
    expect(await blocks.nth(0).locator('table').textContent()).toContain(hostileName);
    const box = (await blocks.nth(0).locator('.chart').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.waitForTimeout(600); // the tooltip, and the chart animations for the screenshot
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'compare.png'), fullPage: true });

    const download = page.waitForEvent('download');
    await page.locator('[data-testid=compare-csv]').click();
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]!.startsWith('文档编号,部门,年度,原单位,支出合计（万元）')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('商务部门'))).toContain('671.44');
    await context.close();
  });

  it('比较 of Shanghai samples and a document in 万元: one unit, 三公 from columns, 增减 and 增幅', async () => {
    // Hand-read from the PDFs: 万里街道 支出总表 合计 156,211,123 元 (2024) and 189,767,551 元 (2025); its 三公
    // table, one line in 万元: 2024 合计 47.91, 2025 合计 37.91 (公务接待费 1.35 both years).
    const { context, page } = await open(`/compare?ids=${ids.pdf2024},${ids.pdf},${ids[budget004]}`);
    const comparison = page.locator('[data-testid=comparison]');
    await comparison.waitFor();
    expect(await page.locator('[data-testid=compare-unit]').textContent()).toContain('金额单位：万元');
    const blocks = comparison.locator('section.chart-block');
    const spending = blocks.nth(0).locator('table');
    const head = await spending.locator('thead').textContent();
    expect(head).toContain('单位：万元');
    expect(head).toContain('增减（比上年）');
    const total = await spending.locator('tbody tr', { hasText: '支出合计' }).locator('td').allTextContents();
    // 2024, 2025, 增减, 增幅, then 004 against the first column: 671.44.
    expect(total.slice(0, 4)).toEqual(['15,621.11', '18,976.76', '3,355.64', '+21.48%']);
    expect(total[4]).toBe('671.44');
    const threePublic = blocks.nth(1).locator('table');
    const row = await threePublic
      .locator('tbody tr', { hasText: '"三公"经费' })
      .locator('td')
      .allTextContents();
    expect(row.slice(0, 4)).toEqual(['47.91', '37.91', '-10.00', '-20.87%']);
    // Every amount cell is right-aligned; the treemap's labels are whole, not cut with an ellipsis.
    const aligns = await spending
      .locator('td.num')
      .evaluateAll((cells) => cells.map((c) => getComputedStyle(c).textAlign));
    expect(new Set(aligns)).toEqual(new Set(['right']));
    await until(() => blocks.nth(2).locator('.chart svg text').count()).toBeGreaterThan(3);
    const labels = await blocks.nth(2).locator('.chart svg text').allTextContents();
    expect(labels.filter((t) => /\.\.\.|…$/.test(t))).toEqual([]);
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(artifacts, 'compare-shanghai-mixed-units.png'), fullPage: true });
    await context.close();
  });

  it('anonymous users see no upload and a direct upload is refused', async () => {
    const { context, page } = await open('/');
    await page.locator('[data-testid=overview]').waitFor();
    expect(await page.locator('header nav a').allTextContents()).toEqual(['总览', '比较', '评分排名']);
    expect(await page.locator('header .account button').textContent()).toBe('登录');
    await page.goto(`${base}/upload`);
    await page.locator('main h1', { hasText: '上传' }).waitFor();
    expect(await page.locator('input[type=file]').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('请先登录');
    await shot(page, 'anonymous-upload');
    const refused = await page.evaluate(async () => {
      const form = new FormData();
      form.append('file', new Blob(['部门预算']), 'x.txt');
      const r = await fetch('/api/documents', { method: 'POST', body: form });
      return { status: r.status, body: (await r.json()) as { error?: string } };
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('请先登录');
    await context.close();
  });

  it('an editor corrects amounts in place: a new version with fewer findings, in the standard formats', async () => {
    const id = ids[budget004]!;
    const before = await api(id);
    // 301 is printed 0.01 above the sum of its children in two columns: raise its last child to match.
    const findings = before.findings.filter(
      (f) => f.rule === 'table-parent-children' && f.where.table === 'general-basic' && f.where.row === '301',
    );
    expect(findings).toHaveLength(2);
    const table = before.document.tables['general-basic']!;
    const child = [...table.rows].reverse().find((r) => r.code?.startsWith('301') && r.code.length === 5)!;
    const edits = findings.map((f) => ({
      column: f.where.column!,
      value: big(child.amounts[table.columns.indexOf(f.where.column!)]!.value)
        .plus(big(String(f.actual)).minus(big(String(f.expected))))
        .toFixed(2),
    }));
    const cellOf = (column: string) =>
      page.locator(`td[data-table="general-basic"][data-row="${child.code}"][data-column="${column}"]`);
    const type = async (column: string, value: string) => {
      await cellOf(column).locator('button.edit-value').click();
      await cellOf(column).locator('input').fill(value);
      await cellOf(column).locator('input').press('Enter');
    };

    const { context, page } = await open(`/documents/${id}`);
    // Read-only until a user who may change the document logs in.
    await page.locator('aside.findings li.finding').first().waitFor();
    expect(await page.locator('[data-testid=edit-bar], button.edit-value').count()).toBe(0);
    await logIn(page, 'editor');
    const bar = page.locator('[data-testid=edit-bar]');
    await bar.waitFor();
    // A malformed amount is refused in the field, before anything is sent: letters, separators in the wrong
    // places, more decimals than a 万元 table prints.
    const problem = cellOf(edits[0]!.column).locator('[data-testid=edit-problem]');
    await type(edits[0]!.column, '1O.5');
    expect(await problem.textContent()).toBe('「1O.5」不是有效的金额，应为数字，如 198.90');
    for (const [typed, says] of [
      ['156,00', '千位分隔符位置不对'],
      ['1,5,6', '千位分隔符位置不对'],
      ['156.001', '最多 2 位小数'],
    ] as const) {
      await cellOf(edits[0]!.column).locator('input').fill(typed);
      await cellOf(edits[0]!.column).locator('input').press('Enter');
      expect(await problem.textContent()).toContain(says);
    }
    await shot(page, 'edit-refused');
    await cellOf(edits[0]!.column).locator('input').press('Escape');
    expect(await bar.locator('strong').count()).toBe(0); // nothing pending
    expect(await cellOf(edits[0]!.column).textContent()).toBe(child.amounts[0]!.value);

    for (const e of edits) await type(e.column, e.value);
    for (const e of edits) expect(await classes(cellOf(e.column))).toContain('edited');
    expect(await bar.locator('strong').first().textContent()).toBe('待保存的修改 2 处');
    await shot(page, 'edit-pending');
    // Before saving: old → new of each correction, and the findings it clears.
    await bar.locator('button', { hasText: '保存为新版本' }).click();
    const preview = bar.locator('[data-testid=edit-preview]');
    await preview.waitFor();
    const previewText = await preview.textContent();
    for (const e of edits) expect(previewText).toContain(`→ ${e.value}`);
    expect(await preview.locator('[data-testid=preview-cleared] li').count()).toBe(2);
    expect(await preview.locator('[data-testid=preview-added]').count()).toBe(0);
    await shot(page, 'edit-preview');
    await bar.locator('[data-testid=confirm-save]').click();

    await until(() => page.url()).not.toContain(`/documents/${id}`);
    const newId = Number(/\/documents\/(\d+)$/.exec(page.url())?.[1]);
    const after = await api(newId);
    expect(after.summary.version).toBe(before.summary.version + 1);
    expect(after.findings).toHaveLength(before.findings.length - 2);
    await until(() => page.locator('aside.findings li.finding').count()).toBe(after.findings.length);
    expect(
      await page
        .locator('li.finding[data-rule="table-parent-children"]', { hasText: '「301 工资福利支出」' })
        .count(),
    ).toBe(0);
    for (const e of edits) expect(await cellOf(e.column).textContent()).toBe(e.value);
    expect(await page.locator('[data-testid=version-edits] li').count()).toBe(2);
    expect(await page.locator('.history li').count()).toBe(2);
    await shot(page, 'edited-document');

    // The corrected version in the standard formats: the workbook reads back with the new amounts.
    const download = page.waitForEvent('download');
    await page.locator('a[data-render=xlsx]').click();
    const bytes = new Uint8Array(readFileSync((await (await download).path())!));
    const back = await parseDocument(bytes, 'edited.xlsx');
    const row = back.tables['general-basic']!.rows.find((r) => r.code === child.code)!;
    expect(row.amounts.slice(0, 2).map((a) => a?.value)).toEqual(edits.map((e) => e.value));
    for (const format of ['html', 'pdf', 'docx'])
      expect(await page.locator(`a[data-render=${format}]`).getAttribute('href')).toBe(
        `/api/documents/${newId}/render?format=${format}`,
      );
    // The superseded version is history: shown, not editable.
    await page.goto(`${base}/documents/${id}`);
    await page.locator('.status.old').waitFor();
    expect(await page.locator('[data-testid=edit-bar], button.edit-value').count()).toBe(0);
    await context.close();
  });

  it('文档 of a PDF: selecting a finding shows its original page with the cell boxed', async () => {
    const stored = await api(ids.pdf!);
    // A finding on a table cell, and the amount it points at with the cell's box as read from the PDF.
    const [finding, amount] = stored.findings.flatMap((f) => {
      const table = f.where.table ? stored.document.tables[f.where.table as 'income'] : undefined;
      const row = table?.rows.find((r) => r.code === f.where.row && r.source.line === f.where.line);
      const cell = row?.amounts[table!.columns.indexOf(f.where.column ?? '')];
      return cell?.source.box ? [[f, cell] as const] : [];
    })[0]!;
    const box = amount.source.box!;
    const pageNumber = amount.source.page!;
    // The box encloses the printed amount: pdftotext reads exactly it from that area of the page.
    const cropped = spawnSync(
      'pdftotext',
      [
        ...['-f', String(pageNumber), '-l', String(pageNumber), '-r', '72'],
        ...['-x', String(Math.floor(box.x)), '-y', String(Math.floor(box.y))],
        ...['-W', String(Math.ceil(box.width) + 1), '-H', String(Math.ceil(box.height) + 1)],
        shanghaiPdf,
        '-',
      ],
      { encoding: 'utf8' },
    ).stdout;
    expect(cropped.replace(/[\s,]/g, '')).toBe(amount.value);
    const pageWidth = Number(
      /size:\s*([\d.]+) x/.exec(
        spawnSync('pdfinfo', ['-f', String(pageNumber), '-l', String(pageNumber), shanghaiPdf], {
          encoding: 'utf8',
        }).stdout,
      )?.[1],
    );

    const { context, page } = await open(`/documents/${ids.pdf}`);
    await page.locator('li.finding', { hasText: finding.message }).locator('button.finding-main').click();
    const figure = page.locator(`figure.original-page[data-page="${pageNumber}"]`);
    const marker = figure.locator('.cell-box');
    await marker.waitFor();
    // The page is drawn: the canvas holds ink (text and rules), not only white.
    const dark = await figure.locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 200) n++;
      return n;
    });
    expect(dark).toBeGreaterThan(2000);
    // The marker stands over the cell's box, scaled as the page is.
    const canvasBox = (await figure.locator('canvas').boundingBox())!;
    const markerBox = (await marker.boundingBox())!;
    const scale = canvasBox.width / pageWidth;
    expect(Math.abs(markerBox.x - canvasBox.x - box.x * scale)).toBeLessThan(4);
    expect(Math.abs(markerBox.y - canvasBox.y - box.y * scale)).toBeLessThan(4);
    expect(Math.abs(markerBox.width - box.width * scale)).toBeLessThan(6);
    expect(Math.abs(markerBox.height - box.height * scale)).toBeLessThan(6);
    await shot(page, 'pdf-finding');
    await figure.locator('button', { hasText: '放大' }).click();
    await until(async () => (await figure.locator('canvas').boundingBox())!.width).toBeGreaterThan(
      canvasBox.width * 2,
    );
    await marker.waitFor();
    await shot(page, 'pdf-finding-large');
    await context.close();
  });

  it('审核: a reviewer confirms one finding, dismisses another with a reason, comments, and approves with an override', async () => {
    const id = ids['002_fe23b3abf0dee3af.txt']!;
    const { context, page } = await open(`/documents/${id}`);
    await logIn(page, 'admin');
    const bar = page.locator('[data-testid=review-bar]');
    await until(() => bar.getAttribute('data-state')).toBe('pending');
    const items = page.locator('aside.findings li.finding');
    expect(await items.count()).toBeGreaterThanOrEqual(2);
    const [first, second] = [items.nth(0), items.nth(1)];
    expect(await first.locator('.finding-status').textContent()).toBe('待核实');

    await first.locator('button.finding-main').click();
    await first.locator('[data-testid=finding-review] button', { hasText: '确认' }).click();
    await until(() => first.locator('.finding-status').first().textContent()).toBe('确认');
    await until(() => bar.getAttribute('data-state')).toBe('reviewing');
    const thread = first.locator('[data-testid=finding-review]');
    await thread.locator('textarea').fill('请核对该科目的合计');
    await thread.locator('button[type=submit]').click();
    await until(() => thread.locator('ol.thread').textContent()).toContain('请核对该科目的合计');

    await second.locator('button.finding-main').click();
    const panel = second.locator('[data-testid=finding-review]');
    await panel.locator('button', { hasText: '不是问题' }).click();
    await until(() => panel.locator('.error-text').textContent()).toContain('须说明理由');
    await panel.locator('input[aria-label="不是问题的理由"]').fill('模板口径，不是错误');
    await panel.locator('button', { hasText: '不是问题' }).click();
    await until(() => second.locator('.finding-status').first().textContent()).toBe('不是问题');
    expect(await panel.textContent()).toContain('模板口径，不是错误');
    await shot(page, 'review');

    // Open findings remain: approval asks for the override and a reason.
    await bar.locator('button', { hasText: '通过' }).click();
    await until(() => bar.locator('.error-text').textContent()).toContain('仍然通过');
    await bar.locator('input[aria-label="审核意见"]').fill('其余为提示，准予公开');
    await bar.locator('label', { hasText: '仍然通过' }).locator('input').check();
    await bar.locator('button', { hasText: '通过' }).click();
    await until(() => bar.getAttribute('data-state')).toBe('approved');
    expect(await bar.textContent()).toContain('其余为提示，准予公开');

    const stored = (await (await fetch(`${base}/api/documents/${id}`)).json()) as {
      findings: { review: { status: string; comments: { text: string }[] } }[];
      review: { state: string };
    };
    expect(stored.review.state).toBe('approved');
    const [i, j] = [
      Number(await first.getAttribute('data-index')),
      Number(await second.getAttribute('data-index')),
    ];
    expect(stored.findings[i]!.review.status).toBe('confirmed');
    expect(stored.findings[i]!.review.comments.map((c) => c.text)).toEqual(['请核对该科目的合计']);
    expect(stored.findings[j]!.review.status).toBe('dismissed');
    // The opinion letter's downloads, with the session's cookie: the confirmed finding is in it.
    expect(await bar.locator('a[data-opinion]').count()).toBe(2);
    const letter = await context.request.get(
      base + (await bar.locator('a[data-opinion=docx]').getAttribute('href')),
    );
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toMatch(/wordprocessingml/);
    await context.close();
  });

  // Last: every screen above ran under the policy the server sends, and nothing was refused.
  it('评分排名 ranks the documents by score; a document shows each item with its evidence, and a reviewer enters the dates', async () => {
    const ranked = (await (await fetch(`${base}/api/scores`)).json()) as {
      id: number;
      total: number | null;
    }[];
    expect(ranked.length).toBeGreaterThan(5);
    const { context, page } = await open('/scores');
    try {
      const rows = page.locator('[data-testid=ranking] tbody tr');
      await until(() => rows.count()).toBe(ranked.length);
      const shown = (await page.locator('[data-testid=score-total]').allTextContents()).map(Number);
      expect(shown).toEqual(ranked.map((r) => r.total));
      expect([...shown].sort((a, b) => b - a)).toEqual(shown);
      // A document's own panel: every item with its evidence, opened on demand.
      await logIn(page, 'admin');
      await page.goto(`${base}/documents/${ids.pdf}`);
      // Tables read with less than high confidence say so, as the model has it.
      const model = (await (await fetch(`${base}/api/documents/${ids.pdf}`)).json()) as {
        document: { tables: Record<string, { confidence?: { level: string } }> };
      };
      const unsure = Object.values(model.document.tables).filter(
        (t) => t.confidence && t.confidence.level !== 'high',
      ).length;
      await page.locator('[data-table]').first().waitFor();
      expect(await page.locator('[data-testid=table-confidence]').count()).toBe(unsure);
      await page.locator('[data-testid=score-details] summary').click();
      const items = page.locator('[data-testid=score-panel] [data-item]');
      await until(() => items.count()).toBe(17);
      const timely = page.locator('[data-testid=score-panel] [data-item=timely]');
      expect(await timely.getAttribute('data-status')).toBe('not-applicable');
      await page.locator('.score-dates input[name=approvedOn]').fill('2025-01-20');
      await page.locator('.score-dates input[name=publishedOn]').fill('2025-02-01');
      await page.locator('.score-dates button[type=submit]').click();
      await until(() => timely.getAttribute('data-status')).toBe('earned');
      expect(await timely.textContent()).toContain('相隔 12 天');
      const api = (await (await fetch(`${base}/api/documents/${ids.pdf}/score`)).json()) as { total: number };
      expect(await page.locator('[data-testid=score-value]').textContent()).toBe(String(api.total));
      await page.screenshot({ path: join(artifacts, 'score.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('文档 of a scan: each amount OCR read with doubt is marked, with its confidence on hover, and its 原件 shows the scan round it', async () => {
    // Imported here, last but one, so that no screen before counts it: page 10 of the Wanli budget scanned at
    // 300 dpi (its 部门收入预算总表), some of whose amounts OCR reads below the doubtful confidence.
    const turn = -0.3;
    const scan = await scanPage(shanghaiPdf, 10, { dpi: 300, rotate: turn, blur: 0.5, quality: 70 });
    const id = (await importFile(store, imagePdf([scan]), 'scan.pdf')).id;
    const stored = await api(id);
    const doubtful = Object.values(stored.document.tables).flatMap((t) =>
      t.rows.flatMap((r, row) =>
        r.amounts.flatMap((a, column) =>
          a !== null && isDoubtful(a.source) ? [{ table: t.key, row, column, amount: a }] : [],
        ),
      ),
    );
    expect(doubtful.length).toBeGreaterThan(0);
    const { context, page } = await open(`/documents/${id}`);
    try {
      const marked = page.locator('td.ocr-doubt');
      await until(() => marked.count()).toBe(doubtful.length);
      const title = (await marked.first().getAttribute('title')) ?? '';
      expect(title).toMatch(/^识别置信度 0\.\d\d（低于 0\.6），可能为识别误差/);
      // A cell read surely is not marked, and has no 原件 button.
      const sure = page.locator('td.num:not(.ocr-doubt)', { hasText: /\d/ });
      expect(await sure.count()).toBeGreaterThan(doubtful.length);
      expect(await page.locator('td.num:not(.ocr-doubt) button.doubt-original').count()).toBe(0);
      expect(await page.locator('td.ocr-doubt button.doubt-original').count()).toBe(doubtful.length);
      await marked.first().scrollIntoViewIfNeeded();
      await shot(page, 'ocr-doubt');

      // The 原件 of one doubtful cell, reached by the keyboard: focused, then Enter.
      const { table, row, column, amount } = doubtful[0]!;
      const box = amount.source.box!;
      expect(amount.source.page).toBe(1);
      const cell = `c-${table}-${row}-${column}`;
      const button = page.locator(`[id="${cell}"] button.doubt-original`);
      expect(await button.getAttribute('aria-label')).toContain('原件：第 1 页');
      await button.focus();
      await page.keyboard.press('Enter');
      const crop = page.locator(`figure.original-crop[id="crop-${cell}"]`);
      const marker = crop.locator('.cell-box');
      await marker.waitFor();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await crop.locator('figcaption').textContent()).toContain('原件：第 1 页');
      expect(await crop.locator('figcaption').textContent()).toContain('识别置信度');
      // The crop is a region of page 1 round the cell's box as the API's model keeps it …
      const [cx, cy, cw, ch] = ((await crop.getAttribute('data-crop')) ?? '').split(' ').map(Number) as [
        number,
        number,
        number,
        number,
      ];
      expect(cx).toBeLessThanOrEqual(box.x);
      expect(cy).toBeLessThanOrEqual(box.y);
      expect(cx + cw).toBeGreaterThanOrEqual(box.x + box.width);
      expect(cy + ch).toBeGreaterThanOrEqual(box.y + box.height);
      expect(cw).toBeLessThan(400);
      // … and the marker stands over that box, scaled as the crop is.
      const canvasBox = (await crop.locator('canvas').boundingBox())!;
      const markerBox = (await marker.boundingBox())!;
      const scale = canvasBox.width / cw;
      expect(Math.abs(canvasBox.height / ch - scale)).toBeLessThan(0.05);
      expect(Math.abs(markerBox.x + 2 - canvasBox.x - (box.x - cx) * scale)).toBeLessThan(2);
      expect(Math.abs(markerBox.y + 2 - canvasBox.y - (box.y - cy) * scale)).toBeLessThan(2);
      expect(Math.abs(markerBox.width - 4 - box.width * scale)).toBeLessThan(2);
      expect(Math.abs(markerBox.height - 4 - box.height * scale)).toBeLessThan(2);
      // The scan is drawn in the crop, and the box holds ink: the printed amount.
      const ink = await crop.locator('canvas').evaluate(
        (c: HTMLCanvasElement, r) => {
          const k = c.width / r.width;
          const data = c
            .getContext('2d')!
            .getImageData(
              Math.round(r.x * k),
              Math.round(r.y * k),
              Math.round(r.w * k),
              Math.round(r.h * k),
            ).data;
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) n++;
          return n;
        },
        { x: box.x - cx, y: box.y - cy, w: box.width, h: box.height, width: cw },
      );
      expect(ink).toBeGreaterThan(20);
      // Where the amount is printed on the page the scan was made from (its text layer), turned as the scan
      // was: the model's box is over it.
      const printed = [
        ...spawnSync('pdftotext', ['-f', '10', '-l', '10', '-bbox', shanghaiPdf, '-'], {
          encoding: 'utf8',
        }).stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
      ].flatMap((m) => {
        if (m[5]!.replace(/,/g, '') !== amount.value) return [];
        const [x0, y0, x1, y1] = m.slice(1, 5).map(Number) as [number, number, number, number];
        // The scan turned the page about its centre by `turn` degrees (clockwise as seen).
        const a = (turn * Math.PI) / 180;
        const [mx, my] = [(scan.width * 36) / 300, (scan.height * 36) / 300];
        const [dx, dy] = [(x0 + x1) / 2 - mx, (y0 + y1) / 2 - my];
        return [{ x: mx + dx * Math.cos(a) - dy * Math.sin(a), y: my + dx * Math.sin(a) + dy * Math.cos(a) }];
      });
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const nearest = Math.min(...printed.map((p) => Math.hypot(p.x - centre.x, p.y - centre.y)));
      expect(nearest).toBeLessThan(2);
      await shot(page, 'ocr-doubt-original');
      // Esc closes it, and the focus is back on the button.
      await crop.locator('button', { hasText: '关闭' }).focus();
      await page.keyboard.press('Escape');
      await until(() => crop.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.closest('td')?.id)).toBe(cell);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('no page broke the Content-Security-Policy', async () => {
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(cspViolations).toEqual([]);
  });
});
