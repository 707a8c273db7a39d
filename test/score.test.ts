// The disclosure score (issue 25, item 4): each item on a document that earns it and one that loses it, the
// profile file, the arithmetic, and the line-by-line report of every shared sample.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { chooseProfile } from '../src/check/profiles.ts';
import type { Document } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { scoreDocument, scoreText } from '../src/score/index.ts';
import { type ItemStatus, type ScoreInput, scoreItems } from '../src/score/items.ts';
import { loadScoreProfile, ScoreProfileError } from '../src/score/profile.ts';
import { parseSeed, runCli } from './helpers.ts';

const pdfDir = fileURLToPath(new URL('../../shared/samples/pdf/', import.meta.url));
const corpusDir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const readPdf = (dir: string, file: string) => parseDocument(new Uint8Array(readFileSync(dir + file)), file);

const inputOf = (doc: Document, extra: Partial<ScoreInput> = {}): ScoreInput => ({
  findings: checkDocument(doc),
  profile: chooseProfile(doc),
  timelyDays: 20,
  ...extra,
});
const evaluate = (id: string, doc: Document, extra: Partial<ScoreInput> = {}) => {
  const item = scoreItems.find((i) => i.id === id)!;
  return item.evaluate(doc, inputOf(doc, extra));
};
const status = (id: string, doc: Document, extra: Partial<ScoreInput> = {}): ItemStatus =>
  evaluate(id, doc, extra).status;
const without = (doc: Document, change: Partial<Document>): Document => ({ ...doc, ...change });

let budget: Document; // seed 004: a Hebei county budget, every table and section
let finalAccount: Document; // Putuo finance bureau 2024 final account
let shanghaiBudget: Document; // Putuo finance bureau 2025 budget
let performance: Document; // seed 001: a performance-target text

beforeAll(async () => {
  budget = parseSeed('004');
  performance = parseSeed('001');
  finalAccount = await readPdf(pdfDir, 'putuo-finance-bureau-2024-final-accounts.pdf');
  shanghaiBudget = await readPdf(pdfDir, 'putuo-finance-bureau-2025-budget.pdf');
});

describe('score items: each earned on one document and lost on another', () => {
  it('timely: within the profile’s days of the 批复; not applicable without dates', () => {
    expect(status('timely', budget, { dates: { approved: '2025-01-10', published: '2025-01-28' } })).toBe(
      'earned',
    );
    expect(status('timely', budget, { dates: { approved: '2025-01-10', published: '2025-02-05' } })).toBe(
      'lost',
    );
    expect(
      evaluate('timely', budget, { dates: { approved: '2025-01-10', published: '2025-02-05' } }).evidence,
    ).toContain('相隔 26 天');
    expect(status('timely', budget)).toBe('not-applicable');
  });

  it('tables-present: all the profile’s tables; lost when one is missing', () => {
    expect(status('tables-present', budget)).toBe('earned');
    const { procurement: _gone, ...tables } = budget.tables;
    const result = evaluate('tables-present', without(budget, { tables }));
    expect(result.status).toBe('lost');
    expect(result.evidence).toContain('政府采购');
  });

  it('empty-tables-explained: lost when an empty table has no note', () => {
    expect(status('empty-tables-explained', budget)).toBe('earned');
    const procurement = { ...budget.tables.procurement!, notes: [], notesSayEmpty: false };
    const doc = without(budget, { tables: { ...budget.tables, procurement } });
    expect(status('empty-tables-explained', doc)).toBe('lost');
  });

  it('sections-present: lost when a required section is missing', () => {
    expect(status('sections-present', budget)).toBe('earned');
    const doc = without(budget, { sections: budget.sections.filter((s) => !/三公/.test(s.heading)) });
    const result = evaluate('sections-present', doc);
    expect(result.status).toBe('lost');
    expect(result.evidence).toContain('三公');
  });

  it('performance-targets: projects with targets, or a stated 绩效目标设置; lost without either', () => {
    expect(status('performance-targets', performance)).toBe('earned');
    expect(status('performance-targets', shanghaiBudget)).toBe('earned');
    const bare = without(shanghaiBudget, {
      sections: shanghaiBudget.sections.map((s) => ({ ...s, text: s.text.replace(/绩效目标/g, '') })),
    });
    expect(status('performance-targets', bare)).toBe('lost');
    // A project without a target loses it too (seed 004 has one lacking 满意度指标).
    expect(status('performance-targets', budget)).toBe('lost');
  });

  it('units-published: every listed unit stored; lost for a missing one; n/a without the store', () => {
    const units = [
      { name: '某局本级', nature: '行政', rank: '', funding: '', source: { line: 1 } },
      { name: '某局事务中心', nature: '事业', rank: '', funding: '', source: { line: 2 } },
      { name: '某局服务站', nature: '事业', rank: '', funding: '', source: { line: 3 } },
    ];
    const doc = without(budget, { units, department: { name: '某局', code: '366' } });
    expect(status('units-published', doc)).toBe('not-applicable');
    expect(status('units-published', doc, { publishedUnits: ['某局事务中心', '某局服务站'] })).toBe('earned');
    const result = evaluate('units-published', doc, { publishedUnits: ['某局事务中心'] });
    expect(result.status).toBe('lost');
    expect(result.evidence).toContain('未公开：某局服务站');
  });

  it('no-inconsistencies: lost on an error finding; earned on a document without one', () => {
    expect(status('no-inconsistencies', shanghaiBudget)).toBe('earned');
    const result = evaluate('no-inconsistencies', finalAccount);
    expect(result.status).toBe('lost');
    expect(result.evidence).toMatch(/3 条错误级问题/);
  });

  it('years-units-consistent: lost when the text compares with the wrong year', () => {
    expect(status('years-units-consistent', budget)).toBe('earned');
    expect(evaluate('years-units-consistent', parseSeed('000')).evidence).toContain('与 2023 年比较');
  });

  it('three-public-parts: the four parts printed; lost when 公务用车 is not split', () => {
    expect(status('three-public-parts', budget)).toBe('earned');
    expect(status('three-public-parts', shanghaiBudget)).toBe('earned');
    expect(status('three-public-parts', finalAccount)).toBe('earned');
    const table = budget.tables['three-public']!;
    const merged = { ...table, rows: table.rows.filter((r) => !/购置费$|运行维护费$/.test(r.name)) };
    expect(
      status('three-public-parts', without(budget, { tables: { ...budget.tables, 'three-public': merged } })),
    ).toBe('lost');
  });

  it('three-public-counts (final accounts): the counts of what was spent; n/a when nothing was', () => {
    expect(status('three-public-counts', finalAccount)).toBe('not-applicable');
    const spent = finalAccount.statedAmounts.map((a) =>
      a.subject === 'three-public-part' && a.item === '公务接待费' ? { ...a, value: '3.20' } : a,
    );
    const withSpending = without(finalAccount, { statedAmounts: spent });
    const result = evaluate('three-public-counts', withSpending);
    expect(result.status).toBe('lost');
    expect(result.evidence).toContain('公务接待批次');
    const section = withSpending.sections.findIndex((s) => /三公/.test(s.heading));
    const sections = withSpending.sections.map((s, i) =>
      i === section ? { ...s, text: `${s.text}全年共接待12批次、86人次。` } : s,
    );
    expect(status('three-public-counts', without(withSpending, { sections }))).toBe('earned');
  });

  it('three-public-reasons: lost when a change is not explained', () => {
    expect(status('three-public-reasons', budget)).toBe('earned');
    const reasonless = without(budget, {
      statedAmounts: budget.statedAmounts.map((a) =>
        a.change && (a.subject === 'three-public' || a.subject === 'three-public-part')
          ? { ...a, change: { ...a.change, explained: false } }
          : a,
      ),
    });
    const hasChange = budget.statedAmounts.some(
      (a) => a.change && (a.subject === 'three-public' || a.subject === 'three-public-part'),
    );
    const sections = budget.sections.map((s) => (/三公/.test(s.heading) ? { ...s, text: '' } : s));
    expect(status('three-public-reasons', hasChange ? reasonless : without(budget, { sections }))).toBe(
      'lost',
    );
  });

  it('operating-cost-explained: lost when the text gives no 机关运行经费', () => {
    expect(status('operating-cost-explained', budget)).toBe('earned');
    const doc = without(budget, {
      statedAmounts: budget.statedAmounts.filter((a) => a.subject !== 'operating-cost'),
      sections: budget.sections.filter((s) => !/机关运行经费/.test(s.heading)),
    });
    expect(status('operating-cost-explained', doc)).toBe('lost');
  });

  it('procurement-detail: 货物 + 工程 + 服务 = total and the 中小企业 share; lost without the share', () => {
    const result = evaluate('procurement-detail', finalAccount);
    expect(result.status).toBe('earned');
    // 4.79 + 0 + 246.47 = 251.26 against 251.25: within rounding.
    expect(result.evidence).toContain('政府采购 251.25 万元');
    const lostShare = evaluate('procurement-detail', shanghaiBudget);
    expect(lostShare.status).toBe('lost');
    expect(lostShare.evidence).toContain('中小企业');
    const wrong = without(finalAccount, {
      sections: finalAccount.sections.map((s) => ({
        ...s,
        text: s.text.replace('246.47万元', '240.47万元'),
      })),
    });
    expect(evaluate('procurement-detail', wrong).evidence).toContain('分项之和不等于总额');
  });

  it('assets-detail: vehicle and equipment counts; lost without them', () => {
    expect(status('assets-detail', finalAccount)).toBe('earned');
    const doc = without(finalAccount, {
      sections: finalAccount.sections.map((s) => ({ ...s, text: s.text.replace(/辆|台/g, '') })),
    });
    expect(status('assets-detail', doc)).toBe('lost');
  });

  it('classification-detail: 项 and 款 codes; lost when the 一般公共预算 table stops at 款', () => {
    expect(status('classification-detail', budget)).toBe('earned');
    const general = budget.tables['general-expenditure']!;
    const short = { ...general, rows: general.rows.filter((r) => !r.code || r.code.length < 7) };
    const result = evaluate(
      'classification-detail',
      without(budget, { tables: { ...budget.tables, 'general-expenditure': short } }),
    );
    expect(result.status).toBe('lost');
    expect(result.evidence).toContain('未细化到项');
  });

  it('no-placeholders: lost on the blank template', async () => {
    expect(status('no-placeholders', budget)).toBe('earned');
    const template = await readPdf(pdfDir, 'final-accounts-template-2024.pdf');
    expect(evaluate('no-placeholders', template).evidence).toMatch(/^\d+ 处：/);
  });

  it('searchable: lost when pages were read from scans', () => {
    expect(status('searchable', budget)).toBe('earned');
    expect(evaluate('searchable', without(budget, { scannedPages: [3, 4] })).evidence).toContain(
      '第 3、4 页',
    );
  });
});

describe('the score', () => {
  it('every item of the shipped profile is known and tested above', () => {
    const profile = loadScoreProfile();
    expect(profile.items.map((i) => i.id).sort()).toEqual(scoreItems.map((i) => i.id).sort());
    expect(profile.dimensions.reduce((s, d) => s + d.weight, 0)).toBe(100);
  });

  it('gives each dimension its weight in proportion to the applicable items earned', () => {
    const score = scoreDocument(finalAccount, inputOf(finalAccount), loadScoreProfile());
    const truth = score.dimensions.find((d) => d.id === 'truthfulness')!;
    // no-inconsistencies (15) lost, years-units-consistent (10) earned: 25 × 10 / 25.
    expect(truth.score).toBe(10);
    expect(score.dimensions.find((d) => d.id === 'timeliness')!.score).toBeNull();
    // Without 及时性 the other 90 points are brought to 100.
    const sum = score.dimensions.reduce((s, d) => s + (d.score ?? 0), 0);
    expect(score.total).toBeCloseTo((100 * sum) / 90, 0);
  });

  it('refuses a malformed profile with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'score-'));
    const file = join(dir, 'bad.json');
    const profile = JSON.parse(
      readFileSync(new URL('../score-profiles/national-2026.json', import.meta.url), 'utf8'),
    );
    profile.dimensions[0].weight = 30;
    writeFileSync(file, JSON.stringify(profile));
    expect(() => loadScoreProfile(file)).toThrow(ScoreProfileError);
    expect(() => loadScoreProfile(file)).toThrow(/各维度权重之和应为 100，实为 120/);
    profile.dimensions[0].weight = 10;
    profile.items.push({ id: 'made-up', dimension: 'form', points: 1 });
    writeFileSync(file, JSON.stringify(profile));
    expect(() => loadScoreProfile(file)).toThrow(/未知评分项 made-up/);
    writeFileSync(file, '{');
    expect(() => loadScoreProfile(file)).toThrow(/不是有效的 JSON/);
  });

  it('explains every shared sample line by line: each dimension and each item with its evidence', async () => {
    const profile = loadScoreProfile();
    const files = [
      ...readdirSync(pdfDir).map((f) => [pdfDir, f] as const),
      ...readdirSync(corpusDir)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => [corpusDir, f] as const),
    ];
    for (const [dir, file] of files) {
      const doc = await readPdf(dir, file);
      const text = scoreText(file, scoreDocument(doc, inputOf(doc), profile));
      const lines = text.trimEnd().split('\n');
      expect(lines[0], file).toMatch(/：\d+(?:\.\d)? 分/);
      expect(lines).toHaveLength(1 + profile.dimensions.length + profile.items.length);
      for (const line of lines.slice(1))
        if (/^ {4}/.test(line))
          expect(line, file).toMatch(/^ {4}(?:✓ 得分|✗ 失分|— 不适用) .+（\d+ 分）：\S/);
    }
  });

  it('is printed by yusuan score, as text and as JSON', async () => {
    const file = `${pdfDir}putuo-finance-bureau-2025-budget.pdf`;
    const text = await runCli(tmpdir(), 'score', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('✓ 得分 公开项目绩效目标');
    const json = await runCli(tmpdir(), 'score', '--format', 'json', file);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.files[0].score.items).toHaveLength(loadScoreProfile().items.length);
    const bad = await runCli(tmpdir(), 'score', '--score-profile', '/nonexistent.json', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('无法读取评分规范');
  });
});
