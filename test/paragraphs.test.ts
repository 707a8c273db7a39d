// The standard paragraphs generated from the tables (src/generate/paragraphs.ts). The key property: a
// regenerated paragraph, written out as Word and read back by the narrative recogniser, states exactly
// the tables' figures, so the text-against-table rules find nothing in it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { tableFigure } from '../src/check/figures.ts';
import { convert, scaled } from '../src/check/money.ts';
import { toJson } from '../src/export/json.ts';
import {
  generatedTitles,
  generateParagraphs,
  reasonPlaceholder,
  withGeneratedSections,
} from '../src/generate/paragraphs.ts';
import { big } from '../src/model/decimal.ts';
import type { Document, StatedAmount } from '../src/model/document.ts';
import { parseDocument } from '../src/parse.ts';
import { renderDocx } from '../src/render/docx.ts';
import { parseSeed, runCli, seedDir, seedFiles } from './helpers.ts';
import { budgetDoc, project, row, section, stated, table } from './rules/build.ts';

const pdfDir = new URL('../../shared/samples/pdf/', import.meta.url);
const readPdf = (name: string) =>
  parseDocument(new Uint8Array(readFileSync(new URL(`${name}.pdf`, pdfDir))), `${name}.pdf`);

/** The rules that hold the text to the tables. */
const textRules = [
  'text-amount',
  'text-parts-sum',
  'text-compared-year',
  'three-public-change-reason',
  'text-change-vs-prior',
];

/** Level amounts every budget's generated text states once, each with a table figure behind it. */
const core: [StatedAmount['subject'], string?][] = [
  ['income-total'],
  ['expenditure-total'],
  ['basic'],
  ['personnel'],
  ['public'],
  ['project'],
  ['operating-cost'],
  ['three-public'],
  ['three-public-part', '因公出国（境）费'],
  ['three-public-part', '公务用车购置及运维费'],
  ['three-public-part', '公务用车购置费'],
  ['three-public-part', '公务用车运行维护费'],
  ['three-public-part', '公务接待费'],
];

interface Regenerated {
  /** The document with the generated sections, as rendered. */
  doc: Document;
  /** Its generated sections' headings. */
  headings: Set<string>;
  /** The amounts the recogniser read from the generated sections of the Word file. */
  stated: StatedAmount[];
  /** The rendered document with the stated amounts and placeholders read back from Word. */
  checked: Document;
}

/**
 * Generates the paragraphs, puts them into the document, renders it to DOCX and reads it back. The
 * read-back amounts are checked against the document's own tables (Shanghai's one-line 三公 table does
 * not survive Word, the sentences do).
 */
async function regenerate(doc: Document, previous?: Document): Promise<Regenerated> {
  const generated = generateParagraphs(doc, previous ? { previous } : {});
  const merged = withGeneratedSections(doc, generated);
  const back = await parseDocument(await renderDocx(merged), 'generated.docx');
  const headings = new Set(merged.sections.filter((s) => s.generated).map((s) => s.heading));
  return {
    doc: merged,
    headings,
    stated: back.statedAmounts.filter((s) => headings.has(s.section)),
    checked: { ...merged, statedAmounts: back.statedAmounts, placeholders: back.placeholders },
  };
}

const printedAmounts = (doc: Document, headings: Set<string>) =>
  doc.sections
    .filter((s) => headings.has(s.heading))
    .flatMap((s) => [...s.text.matchAll(/\d+\.\d{2}(?:万元|元)/g)]).length;

const textFindings = (r: Regenerated, previous?: Document) =>
  checkDocument(r.checked, previous ? { previous } : {}).filter(
    (f) => textRules.includes(f.rule) && f.where.section !== undefined && r.headings.has(f.where.section),
  );

/** The checker's own table figure for a level amount, in the statement's unit. */
function figureOf(doc: Document, s: StatedAmount): number | undefined {
  const f = tableFigure(doc, s);
  return f && convert(f.value, f.unit, s.unit);
}

function expectAgreement(source: Document, r: Regenerated): void {
  const levels = r.stated.filter((s) => !s.change);
  // Every amount printed in the generated sections was read, and nothing else.
  expect(r.stated.length).toBe(printedAmounts(r.doc, r.headings));
  for (const [subject, item] of core) {
    const found = levels.filter((s) => s.subject === subject && s.item === item);
    expect(found, `${subject} ${item ?? ''}`).toHaveLength(1);
    const figure = figureOf(source, found[0]!);
    expect(figure, `${subject} ${item ?? ''}`).toBeDefined();
    expect(scaled(found[0]!.value), `${subject} ${item ?? ''}`).toBe(figure);
  }
  // Any other level amount with a figure (the income sources, 上年结转) equals it exactly too.
  for (const s of levels) {
    const figure = figureOf(source, s);
    if (figure !== undefined) expect(scaled(s.value), `${s.subject} ${s.item ?? ''}`).toBe(figure);
  }
  // The project list is the project target tables, each with its budget.
  const items = levels.filter((s) => s.subject === 'project-item');
  expect(items.map((s) => [s.item, scaled(s.value)])).toEqual(
    source.projects
      .filter((p) => p.budget)
      .map((p) => [p.name.replace(/\s+/g, ''), convert(scaled(p.budget), p.unit, source.unit)]),
  );
}

const budgetSeeds = seedFiles.filter((f) => parseSeed(f).kind === 'budget');
const shanghaiBudgets = [
  'putuo-finance-bureau-2025-budget',
  'putuo-wanli-subdistrict-2024-budget',
  'putuo-wanli-subdistrict-2025-budget',
];

describe('regenerated paragraphs pass the text-against-table rules', () => {
  it('there are budget seeds to test', () => {
    expect(budgetSeeds.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of budgetSeeds) {
    it(`${file}: the department's sections replaced, read back from Word`, async () => {
      const doc = parseSeed(file);
      const r = await regenerate(doc);
      // Replaced in place: the headings and their order are the document's own.
      expect(r.doc.sections.map((s) => s.heading)).toEqual(doc.sections.map((s) => s.heading));
      expectAgreement(doc, r);
      expect(textFindings(r)).toEqual([]);
      // No prior year to compare with: the 增减 is left to the editor, and the placeholder rule says so.
      const threePublic = r.doc.sections.find((s) => s.generated && /三公/.test(s.heading))!;
      const gap = `（填写与${doc.year! - 1}年预算相比的增减变化情况及原因）`;
      expect(threePublic.text).toContain(gap);
      expect(checkDocument(r.checked, {}).filter((f) => f.rule === 'placeholder')).toEqual([
        expect.objectContaining({ message: `残留模板占位符"${gap}"` }),
      ]);
    });
  }

  for (const name of shanghaiBudgets) {
    it(`${name}.pdf: the generated sections as the document's sections`, async () => {
      const doc = await readPdf(name);
      expect(doc.kind).toBe('budget');
      // Shanghai's own parts are page titles without numbers; the generated ones stand alone.
      const r = await regenerate({ ...doc, sections: [] });
      expect([...r.headings]).toEqual([
        `一、${generatedTitles.overall}`,
        `二、${generatedTitles.operatingCost}`,
        `三、${generatedTitles.threePublic}`,
      ]);
      expectAgreement(doc, r);
      expect(textFindings(r)).toEqual([]);
      // Stated in the document's unit (元) although the 三公 table is in 万元: 0.95万元 → 9500.00元.
      expect(r.stated.every((s) => s.unit === doc.unit)).toBe(true);
    });
  }

  it('project names holding other subjects’ words (人员, 出国, 收入, 多…) are still read as projects', async () => {
    const doc = parseSeed(budgetSeeds[budgetSeeds.length - 1]!);
    const names = ['人员培训经费', '出国招商经费', '多元化发展资金', '收入分析经费', '减少污染专项经费'];
    expect(doc.projects.length).toBeGreaterThanOrEqual(names.length);
    names.forEach((name, i) => {
      doc.projects[i]!.name = name;
    });
    const r = await regenerate(doc);
    expectAgreement(doc, r);
    expect(r.stated.filter((s) => s.change)).toEqual([]);
    expect(textFindings(r)).toEqual([]);
  });

  it('with the year before: the 三公 增减 of 万里街道 2025 against its 2024 budget, reason left to the editor', async () => {
    const [before, now] = await Promise.all(shanghaiBudgets.slice(1).map(readPdf));
    const r = await regenerate({ ...now!, sections: [] }, before);
    const text = r.doc.sections.find((s) => /三公/.test(s.heading))!.text;
    // 37.91 against 47.91 万元; 公务用车购置费 15 against 25; the rest unchanged.
    expect(text).toContain(
      '“三公”经费预算较2024年预算减少100000.00元，其中：因公出国（境）费持平，公务用车购置及运维费减少100000.00元（其中：公务用车购置费减少100000.00元，公务用车运行维护费持平），公务接待费持平。',
    );
    expect(text).toContain(`增减变化的主要原因是${reasonPlaceholder}。`);
    const changes = r.stated.filter((s) => s.change);
    expect(
      changes.map((s) => [s.subject, s.item, s.value, s.change?.direction, s.change?.comparedYear]),
    ).toEqual([
      ['three-public', undefined, '100000.00', 'decrease', 2024],
      ['three-public-part', '公务用车购置及运维费', '100000.00', 'decrease', 2024],
      ['three-public-part', '公务用车购置费', '100000.00', 'decrease', 2024],
    ]);
    // The change agrees with the 2024 document (text-change-vs-prior) and the reason rule is satisfied
    // by the placeholder, which the placeholder rule reports as an error until the editor writes it.
    expect(textFindings(r, before)).toEqual([]);
    expect(checkDocument(r.checked, { previous: before! }).filter((f) => f.rule === 'placeholder')).toEqual([
      expect.objectContaining({ message: `残留模板占位符"${reasonPlaceholder}"` }),
    ]);
  });
});

describe('a changed table amount changes the regenerated text', () => {
  it('公用经费 13.73 → 14.73 万元 in 004: the text follows, the department’s own text is now wrong', async () => {
    const original = parseSeed('004');
    const doc = structuredClone(original);
    const basic = doc.tables['general-basic']!;
    const total = basic.rows.find((r) => r.name === '合计')!;
    expect(total.amounts[2]!.value).toBe('13.73');
    total.amounts[2]!.value = '14.73';

    const before = (await regenerate(original)).stated;
    const r = await regenerate(doc);
    const value = (rs: StatedAmount[], subject: StatedAmount['subject']) =>
      rs.find((s) => s.subject === subject && !s.change)?.value;
    expect([value(before, 'public'), value(before, 'operating-cost')]).toEqual(['13.73', '13.73']);
    expect([value(r.stated, 'public'), value(r.stated, 'operating-cost')]).toEqual(['14.73', '14.73']);
    const overall = r.doc.sections.find((s) => s.generated && /总体情况/.test(s.heading))!.text;
    // 221.54 ≠ 207.81 + 14.73: the parts are no longer stated as making up 基本支出.
    expect(overall).toContain('基本支出221.54万元；');
    expect(overall).toContain('人员经费207.81万元和公用经费14.73万元。');
    expect(overall).not.toContain('包括人员经费');
    expect(textFindings(r)).toEqual([]);
    // The handwritten sections under the changed table disagree with it at 公用经费 and 机关运行经费.
    const handwritten = checkDocument(doc, {}).filter(
      (f) => f.rule === 'text-amount' && f.expected === 14.73 && f.actual === 13.73,
    );
    expect(handwritten).toHaveLength(2);
  });
});

describe('wording', () => {
  const summary = table(
    'summary',
    '部门预算收支总表',
    ['预算数'],
    [
      row(null, '一、一般公共预算拨款收入', ['100.5'], 'income'),
      row(null, '一、一般公共服务支出', ['120.5'], 'expenditure'),
      row(null, '二、政府性基金预算拨款收入', [null], 'income'),
      row(null, '本年收入合计', ['100.5'], 'income'),
      row(null, '本年支出合计', ['120.5'], 'expenditure'),
      row(null, '上年结转结余', ['20'], 'income'),
      row(null, '收入总计', ['120.5'], 'income'),
      row(null, '支出总计', ['120.5'], 'expenditure'),
    ],
    { incomeColumns: ['预算数'] },
  );
  const expenditure = table(
    'expenditure',
    '部门预算支出总表',
    ['合计', '基本支出', '项目支出'],
    [row(null, '合计', ['120.5', '90.5', '30']), row('201', '一般公共服务支出', ['120.5', '90.5', '30'])],
  );
  const basic = table(
    'general-basic',
    '一般公共预算财政拨款基本支出表',
    ['合计', '人员经费', '公用经费'],
    [row(null, '合计', ['90.5', '80', '10.5']), row('301', '工资福利支出', ['80', '80', null])],
  );
  const threePublic = (current: string[], prior: string[]) =>
    table(
      'three-public',
      '财政拨款“三公”经费支出表',
      ['2025年预算数', '2024年预算数'],
      [
        row(null, '“三公”经费小计', [current[0]!, prior[0]!]),
        row(null, '一、因公出国（境）费', [current[1]!, prior[1]!]),
        row(null, '二、公务用车购置及运维费', [current[2]!, prior[2]!]),
        row(null, '其中：公务用车购置费', [current[3]!, prior[3]!]),
        row(null, '公务用车运行维护费', [current[4]!, prior[4]!]),
        row(null, '三、公务接待费', [current[5]!, prior[5]!]),
      ],
    );
  const projects = [
    project({ name: '外贸企业安全检查经费', budget: '10' }),
    project({ name: '招商引资经费', unit: '元', budget: '125000' }),
  ];
  const synthetic = budgetDoc({
    tables: [
      summary,
      expenditure,
      basic,
      threePublic(['6', '0', '4', '0', '4', '2'], ['5', '0', '4', '0', '4', '1']),
    ],
    projects,
  });

  it('the sentences, amounts in the document unit with two decimals', () => {
    const [overall, operating, three] = generateParagraphs(synthetic);
    expect(overall).toEqual({
      heading: '部门预算安排的总体情况',
      text: [
        '1、收入说明',
        '2025年部门预算收入总计120.50万元，其中：一般公共预算收入100.50万元，政府性基金预算收入0.00万元，上年结转结余20.00万元。',
        '2、支出说明',
        // 招商引资经费 is budgeted in 元: 125000 元 = 12.50 万元; the rest of 项目支出 is 其他项目.
        '2025年部门预算支出总计120.50万元，其中：基本支出90.50万元，包括人员经费80.00万元和公用经费10.50万元；项目支出30.00万元，主要为：外贸企业安全检查经费安排10.00万元、招商引资经费安排12.50万元、其他项目安排7.50万元。',
      ].join('\n'),
      source: { line: 0 },
      generated: true,
    });
    expect(operating!.text).toMatch(/^2025年，本部门机关运行经费预算安排10\.50万元。/);
    expect(three!.text).toBe(
      [
        '2025年，本部门财政拨款“三公”经费预算安排6.00万元，其中：因公出国（境）费0.00万元；公务用车购置及运维费4.00万元（其中：公务用车购置费0.00万元，公务用车运行维护费4.00万元）；公务接待费2.00万元。',
        `“三公”经费预算较2024年预算增加1.00万元，其中：因公出国（境）费持平，公务用车购置及运维费持平（其中：公务用车购置费持平，公务用车运行维护费持平），公务接待费增加1.00万元。增减变化的主要原因是${reasonPlaceholder}。`,
      ].join('\n'),
    );
  });

  it('parts that do not make their total are stated apart from it, never as 其中', () => {
    const doc = structuredClone(synthetic);
    // 三公小计 6 but the parts make 7.
    doc.tables['three-public']!.rows[5]!.amounts[0]!.value = '3';
    const three = generateParagraphs(doc)[2]!.text;
    expect(three).toContain(
      '2025年，本部门财政拨款“三公”经费预算安排6.00万元。因公出国（境）费0.00万元；公务用车购置及运维费4.00万元（其中：公务用车购置费0.00万元，公务用车运行维护费4.00万元）；公务接待费3.00万元。',
    );
    expect(three).not.toContain('6.00万元，其中');
  });

  it('no change against the year before: 持平, and no reason asked', () => {
    const same = ['6', '0', '4', '0', '4', '2'];
    const doc = budgetDoc({ tables: [summary, expenditure, basic, threePublic(same, same)] });
    const three = generateParagraphs(doc)[2]!.text;
    expect(three).toContain(
      '“三公”经费预算与2024年预算持平，其中：因公出国（境）费持平，公务用车购置及运维费持平（其中：公务用车购置费持平，公务用车运行维护费持平），公务接待费持平。',
    );
    expect(three).not.toContain('原因');
  });

  it('the year before from a previous document when the table has no 上年 column', () => {
    const now = budgetDoc({ tables: [threePublicOneColumn('6', '2')] });
    const previous = budgetDoc({ year: 2024, tables: [threePublicOneColumn('9', '5')] });
    const three = generateParagraphs(now, { previous })[0]!.text;
    expect(three).toContain('“三公”经费预算较2024年预算减少3.00万元，其中：');
    expect(three).toContain('公务接待费减少3.00万元');
    expect(() => generateParagraphs(now, { previous: { ...previous, year: 2023 } })).toThrow(
      '上年文件的年度（2023）不是本文件预算年度（2025）的上一年',
    );
  });

  it('a document that is not a budget is refused with a Chinese message', () => {
    const doc = { ...budgetDoc(), kind: 'performance' as const };
    expect(() => generateParagraphs(doc)).toThrow('只能为部门预算公开文本生成情况说明，这份文件是绩效文本');
  });

  it('replaces the sections of the same subject in place, appends the rest numbered, and keeps the flag through JSON', () => {
    const doc = budgetDoc({
      tables: [summary, expenditure, basic],
      sections: [
        section('一、部门职责及机构设置情况', 1, '职责'),
        section('二、部门预算安排的总体情况', 5, '2025年预算收入999万元。'),
      ],
      statedAmounts: [
        stated('income-total', '999', { section: '二、部门预算安排的总体情况' }),
        stated('operating-cost', '1', { section: '一、部门职责及机构设置情况' }),
      ],
    });
    const merged = withGeneratedSections(doc, generateParagraphs(doc));
    expect(merged.sections.map((s) => [s.heading, s.generated ?? false, s.source.line])).toEqual([
      ['一、部门职责及机构设置情况', false, 1],
      ['二、部门预算安排的总体情况', true, 5],
      ['三、机关运行经费安排情况', true, 0],
    ]);
    // Amounts read from the replaced text no longer stand; the others do.
    expect(merged.statedAmounts.map((s) => s.value)).toEqual(['1']);
    const json = JSON.parse(toJson([{ file: 'x.json', document: merged }])) as Document;
    expect(json.sections.map((s) => s.generated ?? false)).toEqual([false, true, true]);
    // Generating again (say from that JSON, after a table was corrected) replaces the generated sections.
    expect(withGeneratedSections(json, generateParagraphs(json)).sections).toEqual(merged.sections);
  });
});

function threePublicOneColumn(total: string, reception: string) {
  return table(
    'three-public',
    '财政拨款“三公”经费支出表',
    ['合计'],
    [
      row(null, '“三公”经费小计', [total]),
      row(null, '一、因公出国（境）费', ['0']),
      row(null, '二、公务用车购置及运维费', [big(total).minus(reception).toString()]),
      row(null, '三、公务接待费', [reception]),
    ],
  );
}

describe('yusuan render --generate-text', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yusuan-paragraphs-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const seed = join(seedDir, budgetSeeds[budgetSeeds.length - 1]!);

  it('renders the generated paragraphs in place of the department’s', async () => {
    const out = join(tmp, 'generated.html');
    const { code, stderr } = await runCli(tmp, 'render', seed, '--generate-text', '--out', out);
    expect(stderr).toContain('已写入');
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const doc = parseSeed(seed.split('/').pop()!);
    const total = doc.tables.summary!.rows.find((r) => r.side === 'income' && r.name === '收入总计')!;
    expect(html).toContain(`${doc.year}年部门预算收入总计${big(total.amounts[0]!.value).toFixed(2)}万元`);
    // The generated sections are marked for the editor (three of them), the department's own are not.
    expect(html.match(/<div class="generated"/g)).toHaveLength(3);
    const plain = await runCli(tmp, 'render', seed, '--out', join(tmp, 'plain.html'));
    expect(plain.code).toBe(0);
    expect(readFileSync(join(tmp, 'plain.html'), 'utf8')).not.toContain('部门预算收入总计');
    expect(readFileSync(join(tmp, 'plain.html'), 'utf8')).not.toContain('<div class="generated"');
  });

  it('--previous: the 三公 增减 against the year before’s document', async () => {
    const [before, now] = shanghaiBudgets.slice(1).map((name) => join(fileURLToPath(pdfDir), `${name}.pdf`));
    const out = join(tmp, 'wanli.html');
    const { code } = await runCli(
      tmp,
      'render',
      now!,
      '--generate-text',
      '--previous',
      before!,
      '--out',
      out,
    );
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('“三公”经费预算较2024年预算减少100000.00元');
  });

  it('refuses a performance text and --previous alone, with Chinese messages', async () => {
    const performance = seedFiles.find((f) => parseSeed(f).kind === 'performance')!;
    const refused = await runCli(tmp, 'render', join(seedDir, performance), '--generate-text');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('错误：只能为部门预算公开文本生成情况说明');
    const alone = await runCli(tmp, 'render', seed, '--previous', seed);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('错误：--previous 需与 --generate-text 或 --charts 一起使用');
  });
});
