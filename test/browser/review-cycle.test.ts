// The whole review cycle in Chromium, as three users and an anonymous reader, on a server that keeps
// uploads private until approved: the admin creates a 填报 user for one department; the reviewer confirms
// two findings, dismisses one with a reason, returns the document and downloads the 审核意见书 (the two
// confirmed findings are in it, the dismissed one is not); the 填报 user changes the password they were
// given, sees only their department and what was returned to them, and uploads a corrected version, which
// shows the statuses carried over and the finding it fixed as 已整改; the reviewer approves it; the
// anonymous reader, who could not see the document before, now can.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/check/types.ts';
import { demoDocuments } from '../../src/demo/generate.ts';
import { buildServer } from '../../src/server/app.ts';
import { createUser } from '../../src/server/auth.ts';
import { openStore, type Store } from '../../src/store/db.ts';
import { importFile } from '../../src/store/documents.ts';
import { docxText } from '../docx-text.ts';
import { distDir } from './web-build.ts';

const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const password = 'cycle-test-password';
const original = readFileSync(join(seeds, '004_b9fc89043e8814d5.txt'), 'utf8');
// The version first submitted: one amount of the 基本支出 table off by 1, which the corrected version
// (the original text) no longer has.
const submitted = original.replace(
  /(\n\s*301\s+工资福利支出\s+)([\d,.]+)/,
  (_, head: string, amount: string) => `${head}${(Number(amount.replace(/,/g, '')) + 1).toFixed(2)}`,
);
const isFixed = (f: Finding) => f.rule === 'table-row-sum' && f.where.row === '301';
const isStaying = (f: Finding) => f.rule === 'text-parts-sum' && f.severity === 'warning';
const isDismissed = (f: Finding) => f.rule === 'note-empty-with-data' && f.where.table === 'three-public';
const compact = (s: string) => s.replace(/\s+/g, '');
const until = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

type Stored = {
  summary: { id: number; department: string; departmentId: number };
  findings: (Finding & { key: string; review: { status: string } })[];
  review: { state: string };
};

describe('the review cycle in Chromium', () => {
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let v1: number;
  let department: string;
  const errors: string[] = [];

  beforeAll(async () => {
    expect(submitted).not.toBe(original);
    store = await openStore({});
    await createUser(store, { name: 'admin', password, role: 'admin' });
    await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
    // The department's submitted version, and another department the 填报 user must not see.
    v1 = (await importFile(store, new TextEncoder().encode(submitted), 'submitted.txt')).id;
    const other = demoDocuments().find((d) => d.name.endsWith('-2025.txt'))!;
    await importFile(store, new TextEncoder().encode(other.text), other.name);
    app = await buildServer({ store, webDir: distDir });
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

  async function open(path: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.setDefaultTimeout(15_000);
    await page.goto(base + path);
    return { context, page };
  }
  async function logIn(page: Page, name: string, secret = password): Promise<void> {
    await page.locator('header .account button', { hasText: '登录' }).click();
    await page.locator('form.login input[name=name]').fill(name);
    await page.locator('form.login input[name=password]').fill(secret);
    await page.locator('form.login button[type=submit]').click();
    await until(() => page.locator('[data-testid=current-user]').textContent()).toContain(name);
  }
  /** The document as the reviewer's API sees it (the anonymous API may not). */
  async function asReviewer(id: number): Promise<Stored> {
    const login = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'reviewer', password }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    return (await (await fetch(`${base}/api/documents/${id}`, { headers: { cookie } })).json()) as Stored;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });
  const findingItem = (page: Page, stored: Stored, test: (f: Finding) => boolean) => {
    const index = stored.findings.findIndex(test);
    expect(index).toBeGreaterThanOrEqual(0);
    return page.locator(`aside.findings li.finding[data-index="${index}"]`);
  };

  it('walks submit → review → return → correct → approve → public', async () => {
    const first = await asReviewer(v1);
    department = first.summary.department;
    expect(first.review.state).toBe('pending');

    // Before: an anonymous reader sees neither the document nor its department.
    {
      const { context, page } = await open('/');
      await until(() => page.locator('main').textContent()).toContain('没有符合条件的文档');
      await page.goto(`${base}/documents/${v1}`);
      await page.locator('[data-testid=not-found]').waitFor();
      await context.close();
    }

    // The admin creates the department's 填报 user.
    {
      const { context, page } = await open('/');
      await logIn(page, 'admin');
      await page.locator('header nav a', { hasText: '用户管理' }).click();
      const form = page.locator('[data-testid=new-account]');
      await form.locator('input[name=new-name]').fill('editor');
      await form.locator('input[name=new-password]').fill('initial-password');
      await form.locator('select[name=new-role]').selectOption('editor');
      const option = form.locator('#new-department option', { hasText: department });
      await form.locator('#new-department').selectOption((await option.getAttribute('value'))!);
      await form.locator('button[type=submit]').click();
      const row = page.locator('tr[data-user=editor]');
      await until(() => row.textContent()).toContain('待修改密码');
      expect(await page.locator('[role=status]').textContent()).toContain('已创建用户 editor');
      // A second account: disabled, enabled again, its password reset — each shown in its row.
      await form.locator('input[name=new-name]').fill('temp-reviewer');
      await form.locator('input[name=new-password]').fill('temp-password');
      await form.locator('select[name=new-role]').selectOption('reviewer');
      await form.locator('button[type=submit]').click();
      const temp = page.locator('tr[data-user=temp-reviewer]');
      await temp.locator('button', { hasText: '停用' }).click();
      await until(() => temp.textContent()).toContain('已停用');
      await temp.locator('button', { hasText: '启用' }).click();
      await until(() => temp.textContent()).toContain('待修改密码');
      await temp.locator('input[type=password]').fill('reset-password');
      await temp.locator('button', { hasText: '重设密码' }).click();
      await until(() => page.locator('[role=status]').textContent()).toContain('已重设 temp-reviewer 的密码');
      const accounts = await context.request.get(`${base}/api/users`);
      const listed = (await accounts.json()) as {
        name: string;
        disabled: boolean;
        mustChangePassword: boolean;
      }[];
      expect(listed.find((u) => u.name === 'temp-reviewer')).toMatchObject({
        disabled: false,
        mustChangePassword: true,
      });
      await shot(page, 'accounts');
      await context.close();
    }

    // The reviewer: the document is on their list; two findings confirmed, one dismissed; returned.
    let letter = '';
    {
      const { context, page } = await open('/');
      await logIn(page, 'reviewer');
      await page.locator('header nav a', { hasText: '我的待办' }).click();
      const task = page.locator(`[data-testid=review-tasks] tr[data-doc="${v1}"]`);
      await until(() => task.locator('[data-testid=unreviewed-errors]').textContent()).toBe(
        String(first.findings.filter((f) => f.severity === 'error').length),
      );
      await task.locator('a').click();
      const bar = page.locator('[data-testid=review-bar]');
      await until(() => bar.getAttribute('data-state')).toBe('pending');

      for (const test of [isFixed, isStaying]) {
        const item = findingItem(page, first, test);
        await item.locator('button.finding-main').click();
        await item.locator('[data-testid=finding-review] button', { hasText: '确认' }).click();
        await until(() => item.locator('.finding-status').first().textContent()).toBe('确认');
      }
      const dismissed = findingItem(page, first, isDismissed);
      await dismissed.locator('button.finding-main').click();
      const panel = dismissed.locator('[data-testid=finding-review]');
      await panel.locator('input[aria-label="不是问题的理由"]').fill('三公经费说明在情况说明中');
      await panel.locator('button', { hasText: '不是问题' }).click();
      await until(() => dismissed.locator('.finding-status').first().textContent()).toBe('不是问题');
      await until(() => bar.getAttribute('data-state')).toBe('reviewing');

      await bar.locator('input[aria-label="审核意见"]').fill('请按确认的问题修改后重新报送');
      await bar.locator('button', { hasText: '退回修改' }).click();
      await until(() => bar.getAttribute('data-state')).toBe('returned');

      // The opinion letter, downloaded with the reviewer's session.
      const download = page.waitForEvent('download');
      await bar.locator('a[data-opinion=docx]').click();
      letter = await docxText(new Uint8Array(readFileSync((await (await download).path())!)));
      await shot(page, 'cycle-returned');
      await context.close();
    }
    expect(letter).toContain(compact(first.findings.find(isFixed)!.message));
    expect(letter).toContain(compact(first.findings.find(isStaying)!.message));
    expect(letter).not.toContain(compact(first.findings.find(isDismissed)!.message));
    expect(letter).toContain('审核人：reviewer');

    // The 填报 user: forced to change the given password, then sees only their department and the
    // returned document; uploads the corrected version.
    let v2 = 0;
    {
      const { context, page } = await open('/');
      await logIn(page, 'editor', 'initial-password');
      const form = page.locator('[data-testid=password-page]');
      await form.locator('[data-testid=must-change]').waitFor();
      expect(await page.locator('header nav a', { hasText: '我的待办' }).count()).toBe(0);
      // Nothing else opens until the password is changed: not the overview, not the API.
      await page.locator('header nav a', { hasText: '总览' }).click();
      await form.waitFor();
      const blocked = await context.request.get(`${base}/api/documents`);
      expect(blocked.status()).toBe(403);
      await form.locator('input[name=old-password]').fill('initial-password');
      await form.locator('input[name=new-password]').fill('editor-own-password');
      await form.locator('input[name=repeat-password]').fill('editor-own-password');
      await form.locator('button[type=submit]').click();
      const overview = page.locator('[data-testid=overview]');
      await overview.waitFor();
      expect(await overview.locator('tbody th').allTextContents()).toEqual([department]);

      await page.locator('header nav a', { hasText: '我的待办' }).click();
      const returned = page.locator(`[data-testid=returned-tasks] li[data-doc="${v1}"]`);
      await until(() => returned.textContent()).toContain('确认的问题 2 个');
      expect(await returned.textContent()).toContain('请按确认的问题修改后重新报送');

      await page.locator('header nav a', { hasText: '上传' }).click();
      const file = join(mkdtempSync(join(tmpdir(), 'yusuan-cycle-')), 'corrected.txt');
      writeFileSync(file, original);
      await page.locator('[data-testid=upload-input]').setInputFiles(file);
      await page.locator('button.primary', { hasText: '开始上传' }).click();
      const result = page.locator('[data-testid=upload-results] a[href^="/documents/"]');
      await result.first().waitFor();
      v2 = Number((await result.first().getAttribute('href'))!.split('/').pop());
      expect(v2).toBeGreaterThan(v1);
      await result.first().click();

      // The corrected version: the statuses carried over, and the fixed finding 已整改.
      const second = await asReviewer(v2);
      // The fixed finding's place is gone from the corrected version altogether.
      const fixedKey = first.findings.find(isFixed)!.key;
      expect(second.findings.some((f) => f.key === fixedKey)).toBe(false);
      await until(() => page.locator('[data-testid=review-bar]').getAttribute('data-state')).toBe('pending');
      await until(() =>
        findingItem(page, second, isStaying).locator('.finding-status').first().textContent(),
      ).toBe('确认');
      expect(
        await findingItem(page, second, isDismissed).locator('.finding-status').first().textContent(),
      ).toBe('不是问题');
      const resolved = page.locator('[data-testid=resolved-findings]');
      expect(await resolved.textContent()).toContain('已整改');
      expect(compact((await resolved.textContent()) ?? '')).toContain(
        compact(first.findings.find(isFixed)!.message),
      );
      await shot(page, 'cycle-corrected');
      await context.close();
    }

    // Still private while under review: the anonymous reader sees nothing yet.
    expect((await fetch(`${base}/api/documents/${v2}`)).status).toBe(404);

    // The reviewer approves the corrected version (one confirmed finding remains: an explicit override).
    {
      const { context, page } = await open(`/documents/${v2}`);
      await logIn(page, 'reviewer');
      const bar = page.locator('[data-testid=review-bar]');
      await until(() => bar.getAttribute('data-state')).toBe('pending');
      await bar.locator('input[aria-label="审核意见"]').fill('余下问题为文字表述，准予公开');
      await bar.locator('label', { hasText: '仍然通过' }).locator('input').check();
      await bar.locator('button', { hasText: '通过' }).click();
      await until(() => bar.getAttribute('data-state')).toBe('approved');
      await context.close();
    }

    // After: the anonymous reader sees the approved version, and only it.
    {
      const { context, page } = await open('/');
      const chip = page.locator(`a.chip[data-doc="${v2}"]`);
      await chip.waitFor();
      expect(await chip.textContent()).toContain('通过');
      expect(await page.locator('a.chip').count()).toBe(1);
      await chip.click();
      await until(() => page.locator('[data-testid=review-bar]').getAttribute('data-state')).toBe('approved');
      await page.goto(`${base}/documents/${v1}`);
      await page.locator('[data-testid=not-found]').waitFor();
      await shot(page, 'cycle-public');
      await context.close();
    }
    expect(errors).toEqual([]);
  });
});
