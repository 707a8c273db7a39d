// The reviewer's opinion letter (审核意见书) and the region's review summary. The letter holds the confirmed
// findings only, grouped by the table, section or project they are in, in the document's order; its DOCX
// and PDF say the same; the route answers the reviewer and the department's own 填报 user and refuses
// anyone else. The summary workbook has one row per current document with its counts and step dates. On
// PGlite and, with DATABASE_URL, on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import type { Finding } from '../src/check/types.ts';
import { renderOpinionDocx } from '../src/render/opinion-docx.ts';
import { chineseDate, figuresText, opinionLetter } from '../src/report/opinion.ts';
import { buildServer } from '../src/server/app.ts';
import { createUser } from '../src/server/auth.ts';
import type { Store } from '../src/store/db.ts';
import { backends } from './backends.ts';
import { docxText } from './docx-text.ts';
import { parseString, seedDir } from './helpers.ts';
import { apiClient } from './http.ts';

const password = 'opinion-test-password';
const original = readFileSync(join(seedDir, '004_b9fc89043e8814d5.txt'), 'utf8');
// As in test/review.test.ts: the version first submitted has one amount of the 基本支出 table off by 1,
// which the corrected version (the original text) no longer has.
const submitted = original.replace(
  /(\n\s*301\s+工资福利支出\s+)([\d,.]+)/,
  (_, head: string, amount: string) => `${head}${(Number(amount.replace(/,/g, '')) + 1).toFixed(2)}`,
);

/** The findings the tests confirm (three groups: a table, a section, a project) and the one dismissed. */
const isRowSum = (f: Finding) => f.rule === 'table-row-sum' && f.where.row === '301';
const isPartsSum = (f: Finding) => f.rule === 'text-parts-sum' && f.severity === 'warning';
const isPlan = (f: Finding) =>
  f.rule === 'project-spending-plan' && f.where.project === '13030324P002884100854';
const isDismissed = (f: Finding) => f.rule === 'note-empty-with-data' && f.where.table === 'three-public';
const isFixed = (f: Finding) =>
  f.rule === 'table-parent-children' && f.where.row === '301' && f.severity === 'error';

function pdfText(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'yusuan-opinion-')), 'opinion.pdf');
  writeFileSync(file, bytes);
  const run = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  return run.stdout.replace(/\s+/g, '');
}
const compact = (s: string) => s.replace(/\s+/g, '');

describe('opinion letter content', () => {
  const doc = parseString(submitted, 'submitted.txt');
  const findings = checkDocument(doc);
  const statusOf = (f: Finding) =>
    isRowSum(f) || isPartsSum(f) || isPlan(f)
      ? 'confirmed'
      : isDismissed(f)
        ? 'dismissed'
        : isFixed(f)
          ? 'fixed'
          : 'new';
  const source = {
    summary: {
      department: doc.department.name,
      year: doc.year ?? null,
      kind: doc.kind,
      version: 2,
      fileName: 'submitted.txt',
    },
    document: doc,
    findings: findings.map((f, i) => ({ ...f, key: `k${i}`, review: { status: statusOf(f) } })),
    review: { state: 'returned', note: '请按意见修改' },
  };
  const letter = opinionLetter(source, { reviewer: '张审核', at: new Date('2025-06-30T17:30:00Z') });

  it('holds the confirmed findings only, grouped by table, section and project in the document order', () => {
    expect(findings.filter(isRowSum)).toHaveLength(1);
    expect(findings.filter(isPlan)).toHaveLength(1);
    expect(findings.filter(isDismissed)).toHaveLength(1);
    expect(letter.count).toBe(3);
    expect(letter.groups.map((g) => [g.number, g.title, g.items.map((i) => i.rule.id)])).toEqual([
      ['一、', doc.tables['general-basic']!.title, ['table-row-sum']],
      ['二、', '情况说明（二、部门预算安排的总体情况）', ['text-parts-sum']],
      ['三、', '项目绩效目标表', ['project-spending-plan']],
    ]);
    const messages = letter.groups.flatMap((g) => g.items.map((i) => i.message));
    for (const f of findings.filter((x) => isDismissed(x) || isFixed(x) || statusOf(x) === 'new'))
      expect(messages).not.toContain(f.message);
  });

  it('gives each finding its place, its figures and its rule, and the letter its heading and signature', () => {
    const [row] = letter.groups[0]!.items;
    expect(row).toMatchObject({
      place: '第 1408 行 · 「301 工资福利支出」行 · 「合计」列',
      expected: '198.91',
      actual: '199.91',
      rule: { id: 'table-row-sum', title: '行内合计等于各分项之和' },
    });
    expect(row!.rule.reason).toMatch(/勾稽/);
    const plan = letter.groups[2]!.items[0]!;
    expect(plan.place).toContain('项目 13030324P002884100854 商务执法监察大队专项补助');
    expect(plan.place).toContain('12月底');
    expect(letter.groups[1]!.items[0]!).not.toHaveProperty('place', expect.stringContaining('·'));
    expect(letter.title).toBe(`关于${doc.department.name}2024年部门预算的审核意见`);
    expect(letter.addressee).toBe(`${doc.department.name}：`);
    expect(letter.paragraphs[0]).toContain('第 2 版');
    expect(letter.paragraphs[0]).toContain('3 个问题');
    expect(letter.note).toBe('请按意见修改');
    // 17:30 UTC on 30 June is already 1 July in Beijing.
    expect(letter).toMatchObject({ reviewer: '张审核', date: '2025年7月1日' });
  });

  it('prints the figures only where the message does not already state them', () => {
    expect(figuresText(letter.groups[0]!.items[0]!)).toBe('');
    const year = { ...letter.groups[0]!.items[0]!, message: '封面中的年度 2023 与文件年度 2024 不一致' };
    expect(figuresText({ ...year, expected: '2024', actual: '2023' })).toBe('应为 2024，实为 2023');
    expect(figuresText({ ...year, expected: undefined, actual: undefined })).toBe('');
  });

  it('says there is nothing to fix when nothing is confirmed', () => {
    const none = opinionLetter(
      { ...source, findings: source.findings.map((f) => ({ ...f, review: { status: 'new' } })) },
      { reviewer: null, at: new Date() },
    );
    expect(none.groups).toEqual([]);
    expect(none.paragraphs[0]).toContain('未发现需要整改的问题');
  });

  it('writes a DOCX whose text has the confirmed findings and not the others', async () => {
    const text = await docxText(await renderOpinionDocx(letter));
    expect(text).toContain(compact(letter.title));
    for (const item of letter.groups.flatMap((g) => g.items)) {
      expect(text).toContain(compact(item.place));
      expect(text).toContain(compact(item.message));
    }
    expect(text).not.toContain(compact(findings.find(isDismissed)!.message));
    expect(text).toContain('审核人：张审核');
    expect(text).toContain('2025年7月1日');
  });
});

interface StoredFinding extends Finding {
  key: string;
}
interface Stored {
  summary: {
    id: number;
    department: string;
    departmentId: number;
    errors: number;
    warnings: number;
    infos: number;
  };
  findings: StoredFinding[];
}

for (const backend of backends) {
  describe(`opinion letter and review summary on ${backend.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let base: string;
    const api = apiClient(() => base, password);

    beforeAll(async () => {
      ({ store, cleanup } = await backend.open());
      await createUser(store, { name: 'reviewer', password, role: 'reviewer' });
      app = await buildServer({ store, webDir: '/nonexistent' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      await app?.close();
      await store?.destroy();
      await cleanup?.();
    });

    const { logIn } = api;
    const { headers } = api;
    const post = async (as: string, path: string, body: unknown) => {
      const response = await fetch(base + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers(as) },
        body: JSON.stringify(body),
      });
      expect(response.status, path).toBe(200);
    };
    const download = (as: string | null, path: string) => fetch(base + path, { headers: headers(as) });
    const upload = async (as: string, name: string, text: string) => {
      const form = new FormData();
      form.append('file', new Blob([text]), name);
      const response = await fetch(`${base}/api/documents`, {
        method: 'POST',
        headers: headers(as),
        body: form,
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { results: { result: { id: number } }[] }).results[0]!.result.id;
    };
    // As the reviewer: an anonymous reader may see only approved versions.
    const get = async (id: number) =>
      (await (await download('reviewer', `/api/documents/${id}`)).json()) as Stored;
    const summary = async (as: string, query = '') => {
      const response = await download(as, `/api/review/summary.xlsx${query}`);
      expect(response.status).toBe(200);
      expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain('审核情况汇总');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.getWorksheet('审核汇总')!;
      const rows: ExcelJS.CellValue[][] = [];
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          // Strings and numbers only: nothing a spreadsheet would evaluate.
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type);
        });
        rows.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      const headings = rows[2]!;
      return rows.slice(3).map((r) => Object.fromEntries(headings.map((h, i) => [String(h), r[i] ?? ''])));
    };

    let v1: number;
    let stored: Stored;
    const message = (test: (f: Finding) => boolean) => compact(stored.findings.find(test)!.message);

    it('refuses the letter to anonymous users and to another department’s 填报 user, answers the reviewer', async () => {
      await logIn('reviewer');
      v1 = await upload('reviewer', 'submitted.txt', submitted);
      stored = await get(v1);
      await createUser(store, {
        name: 'editor',
        password,
        role: 'editor',
        departmentId: stored.summary.departmentId,
      });
      const other = await store
        .insertInto('department')
        .values({ name: '另一个部门' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await createUser(store, { name: 'outsider', password, role: 'editor', departmentId: other.id });
      await logIn('editor');
      await logIn('outsider');
      const statusPath = `/api/documents/${v1}/findings/status`;
      for (const test of [isRowSum, isPartsSum, isPlan])
        await post('reviewer', statusPath, { key: stored.findings.find(test)!.key, status: 'confirmed' });
      await post('reviewer', statusPath, {
        key: stored.findings.find(isDismissed)!.key,
        status: 'dismissed',
        reason: '表内数据为上年数，已说明',
      });
      await post('reviewer', `/api/documents/${v1}/review`, { action: 'return', reason: '请按意见修改' });

      const path = `/api/documents/${v1}/opinion`;
      const anonymous = await download(null, path);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: string }).error).toMatch(/登录/);
      const outsider = await download('outsider', path);
      expect(outsider.status).toBe(403);
      expect(((await outsider.json()) as { error: string }).error).toMatch(/本部门/);
      expect((await download('reviewer', `${path}?format=odt`)).status).toBe(400);
      expect((await download('reviewer', '/api/documents/999999/opinion')).status).toBe(404);

      const docx = await download('reviewer', path);
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-type')).toMatch(/wordprocessingml/);
      const disposition = decodeURIComponent(docx.headers.get('content-disposition') ?? '');
      expect(disposition).toMatch(/^attachment; filename\*=UTF-8''/);
      expect(disposition).toContain(`${stored.summary.department}2024年部门预算审核意见书（第1版）.docx`);
      const text = await docxText(new Uint8Array(await docx.arrayBuffer()));
      expect(text).toContain('第1408行·「301工资福利支出」行·「合计」列');
      for (const test of [isRowSum, isPartsSum, isPlan]) expect(text).toContain(message(test));
      expect(text).not.toContain(message(isDismissed));
      expect(text).not.toContain(message(isFixed));
      // Signed by the reviewer who returned it, on that day.
      expect(text).toContain('审核人：reviewer');
      expect(text).toContain(chineseDate(new Date()));
      expect(text).toContain('审核意见：请按意见修改');

      // The department's own 填报 user may download it too; the download is in the audit log.
      expect((await download('editor', path)).status).toBe(200);
      const audits = await store
        .selectFrom('audit')
        .select('action')
        .where('action', '=', 'opinion-download')
        .execute();
      expect(audits).toHaveLength(2);
    });

    it('prints the same letter to PDF', async () => {
      const response = await download('editor', `/api/documents/${v1}/opinion?format=pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toMatch(
        /审核意见书（第1版）\.pdf$/,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
      const text = pdfText(bytes);
      expect(text).toContain(compact(`关于${stored.summary.department}2024年部门预算的审核意见`));
      expect(text).toContain('第1408行·「301工资福利支出」行·「合计」列');
      for (const test of [isRowSum, isPartsSum, isPlan]) expect(text).toContain(message(test));
      expect(text).not.toContain(message(isDismissed));
      expect(text).toContain('审核人：reviewer');
    });

    it('summarises each current document with its counts and step dates, for reviewers only', async () => {
      expect((await download(null, '/api/review/summary.xlsx')).status).toBe(401);
      expect((await download('editor', '/api/review/summary.xlsx')).status).toBe(403);
      expect((await download('reviewer', '/api/review/summary.xlsx?year=20x5')).status).toBe(400);

      const first = (await summary('reviewer')).filter((r) => r.部门 === stored.summary.department);
      expect(first).toHaveLength(1);
      expect(first[0]).toMatchObject({
        年度: 2024,
        种类: '部门预算',
        版本: 1,
        状态: '退回修改',
        待核实: stored.findings.length - 4,
        确认: 3,
        不是问题: 1,
        已整改: 0,
        错误: stored.summary.errors,
        警告: stored.summary.warnings,
        提示: stored.summary.infos,
        通过: '',
      });
      expect(first[0]!.开始审核).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(first[0]!.最近退回).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(first[0]!.首次上传).toBe(first[0]!.本版上传);

      // The corrected version: the confirmed row sum is 已整改 and leaves the letter; the chain's return stays.
      const v2 = await upload('editor', 'corrected.txt', original);
      const second = await get(v2);
      const [row] = (await summary('reviewer', '?year=2024&kind=budget')).filter(
        (r) => r.部门 === stored.summary.department,
      );
      expect(row).toMatchObject({
        版本: 2,
        状态: '待审',
        确认: 2,
        不是问题: 1,
        已整改: 1,
        待核实: second.findings.length - 3,
        错误: second.summary.errors,
        开始审核: '',
        最近退回: first[0]!.最近退回,
        首次上传: first[0]!.首次上传,
      });
      expect(await summary('reviewer', '?kind=final')).toEqual([]);

      const letter = await docxText(
        new Uint8Array(await (await download('reviewer', `/api/documents/${v2}/opinion`)).arrayBuffer()),
      );
      expect(letter).not.toContain(message(isRowSum));
      expect(letter).toContain(message(isPartsSum));
      expect(letter).toContain('2个问题');
      // No step on this version yet: signed by the reviewer who downloads it.
      expect(letter).toContain('审核人：reviewer');
    });
  });
}
