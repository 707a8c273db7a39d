// Final accounts (部门决算): the blank template parses as a final-account document whose nine tables
// are all there and all empty.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, readLayout } from '../src/parse.ts';
import { readSections, readStated, readStatedAmounts } from '../src/recognise/narrative.ts';
import { toLine } from '../src/recognise/text.ts';
import { statedWithoutLines, toGolden } from './golden-projection.ts';

const pdfDir = new URL('../../shared/samples/pdf/', import.meta.url);
const finalKeys = [
  'final-summary',
  'final-income',
  'final-expenditure',
  'final-fiscal-summary',
  'final-general-expenditure',
  'final-general-basic',
  'final-three-public',
  'final-fund',
  'final-capital',
];

describe('final accounts', () => {
  it('the blank template is a final-account document with the nine tables, all empty', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('final-accounts-template-2024.pdf', pdfDir)));
    const doc = await parseDocument(bytes, 'final-accounts-template-2024.pdf');
    expect(doc.kind).toBe('final');
    expect(doc.year).toBe(2024);
    expect(Object.keys(doc.tables).sort()).toEqual([...finalKeys].sort());
    // The coded tables print their 类/款/项 rows without amounts; the others only headings.
    for (const key of [
      'final-income',
      'final-expenditure',
      'final-general-expenditure',
      'final-general-basic',
    ] as const)
      expect(doc.tables[key]!.rows.filter((r) => r.code).length, key).toBeGreaterThan(2);
    for (const table of Object.values(doc.tables)) {
      expect(
        table.rows.every((r) => r.amounts.every((a) => a === null)),
        table.key,
      ).toBe(true);
    }
    expect(doc.tables['final-income']!.columns).toEqual([
      '本年收入合计',
      '财政拨款收入',
      '上级补助收入',
      '事业收入',
      '经营收入',
      '附属单位上缴收入',
      '其他收入',
    ]);
    // The template's own placeholders are found.
    expect(doc.placeholders.length).toBeGreaterThan(0);
  });
});

describe('the real 2024 final accounts against their hand-written golden file', () => {
  // Compared: the header facts, all nine tables cell by cell, the sections (numbered afresh in each
  // 第X部分, the 目录 not taken for headings) and every stated amount — the 决算数, not the 年初预算数
  // beside it (what, which part, the amount, the 比上年 change; the golden file gives pdftotext's line
  // numbers, which are not the reader's).
  const tables = finalKeys;
  it('header facts (the department from the heading), all nine tables, the sections and the stated amounts equal', async () => {
    const name = 'putuo-finance-bureau-2024-final-accounts';
    const golden = JSON.parse(readFileSync(new URL(`./golden/pdf/${name}.json`, import.meta.url), 'utf8'));
    const doc = await parseDocument(
      new Uint8Array(readFileSync(new URL(`${name}.pdf`, pdfDir))),
      `${name}.pdf`,
    );
    const parsed = toGolden(doc) as typeof golden;
    expect([parsed.kind, parsed.department, parsed.year, parsed.unit]).toEqual([
      golden.kind,
      golden.department,
      golden.year,
      golden.unit,
    ]);
    for (const key of tables) expect(parsed.tables[key], key).toEqual(golden.tables[key]);
    expect(parsed.sections).toEqual(golden.sections);
    // Stated amounts and shares (占…%, with the whole each is of), without line numbers.
    expect(statedWithoutLines(parsed)).toEqual(statedWithoutLines(golden));
  });
});

describe('the 决算 情况说明 grammar, on the template’s own wording filled in as a department would', () => {
  // The template's 第三部分 with each XXX 万元 given the amount k.00 (k counting afresh in each section) and
  // each 增加（减少） alternative settled on its first word (either may be broken across lines). Read as a
  // final account's: the 决算数 is the amount; the 年初预算数 beside it and the amounts of sources, 类/款/项,
  // 经营支出, 外宾接待 and 政府采购 have no subject. (Sections split here, from the template's lines: its
  // 二、部门决算单位构成 carries a bracketed instruction, so in the document's parse its 一、 is no heading.)
  it('reads the 决算数 of 收支, 本年支出合计, 财政拨款收支总计, 基本支出, 三公 and its parts, 机关运行经费, and nothing else', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('final-accounts-template-2024.pdf', pdfDir)));
    // The template's lines as read, from the 第三部分 title (after the 目录) to the 第四部分 one.
    const layout = await readLayout(bytes, 'final-accounts-template-2024.pdf');
    const text = layout.lines.map((l) => (l.cells ? l.cells.join(' ') : l.text)).join('\n');
    const isPart = (n: string) => (l: string) => new RegExp(`^第${n}部分`).test(l.replace(/\s+/g, ''));
    const rawLines = text.split('\n');
    const firstBody = rawLines.findIndex((l, i) => isPart('三')(l) && i > rawLines.findIndex(isPart('四')));
    const from = firstBody;
    const to = rawLines.findIndex((l, i) => i > from && isPart('四')(l));
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    const part = text
      .split('\n')
      .slice(from + 1, to)
      .join('\n')
      .replace(/([增减下大小]\n?[加少长降于])（\n?[增减下大小]\n?[加少长降于]\n?）/g, '$1');
    const lines = part.split('\n').map((t, i) => toLine({ no: i + 1, text: t, cells: null }));
    const sections = readSections(lines);
    for (const s of sections) {
      let k = 0;
      const filled = s.lines
        .map((l) => l.text)
        .join('\n')
        .replace(/X{2,}(?=\s*万\s*元)/g, () => `${++k}.00`)
        .split('\n');
      s.lines = s.lines.map((l, i) => toLine({ no: l.no, text: filled[i]!, cells: null }));
    }
    const got = readStatedAmounts(sections, { final: true }).map((s) => [
      s.section.slice(0, s.section.indexOf('、')),
      s.subject,
      s.item ?? null,
      s.value,
      s.change ? `${s.change.direction} ${s.change.comparedYear}` : null,
    ]);
    const exp = (
      section: string,
      subject: string,
      value: string,
      item: string | null = null,
      change = null as string | null,
    ) => [section, subject, item, value, change];
    const outing = '因公出国（境）费';
    const car = '公务用车购置及运维费';
    const reception = '公务接待费';
    expect(got).toEqual([
      exp('一', 'income-total', '1.00'),
      exp('一', 'income-total', '2.00', null, 'increase 2023'),
      exp('三', 'year-expenditure', '1.00'),
      exp('三', 'basic', '2.00'),
      exp('三', 'project', '3.00'),
      exp('四', 'fiscal-total', '1.00'),
      exp('四', 'fiscal-total', '2.00', null, 'increase 2023'),
      exp('六', 'basic', '1.00'),
      exp('六', 'personnel', '2.00'),
      exp('六', 'public', '3.00'),
      exp('七', 'three-public', '2.00'),
      exp('七', 'three-public-part', '3.00', outing),
      exp('七', 'three-public-part', '4.00', car),
      exp('七', 'three-public-part', '5.00', reception),
      exp('七', 'three-public', '6.00', null, 'decrease 2023'),
      exp('七', 'three-public-part', '7.00', outing, 'decrease 2023'),
      exp('七', 'three-public-part', '8.00', car, 'decrease 2023'),
      exp('七', 'three-public-part', '9.00', reception, 'decrease 2023'),
      exp('七', 'three-public-part', '10.00', outing),
      exp('七', 'three-public-part', '11.00', car),
      exp('七', 'three-public-part', '12.00', reception),
      exp('七', 'three-public-part', '13.00', outing),
      exp('七', 'three-public-part', '14.00', car),
      exp('七', 'three-public-part', '15.00', '公务用车购置费'),
      exp('七', 'three-public-part', '16.00', '公务用车运行维护费'),
      exp('七', 'three-public-part', '17.00', reception),
      exp('十一', 'operating-cost', '1.00'),
      exp('十一', 'operating-cost', '2.00', null, 'increase 2023'),
    ]);
  });
});

describe('财政拨款收支总计 and shares (占…%) in the text', () => {
  const read = (text: string, final: boolean) =>
    readStated(readSections(text.split('\n').map((t, i) => toLine({ no: i + 1, text: t, cells: null }))), {
      final,
    });

  it('reads 财政拨款收支总计 as its own subject, not as 财政拨款收入', () => {
    const budget = read(
      [
        '一、部门预算安排的总体情况',
        '2025年财政拨款收支总预算2381.68万元，财政拨款收入2300万元，比2024年预算增加10万元。',
      ].join('\n'),
      false,
    );
    expect(budget.amounts.map((s) => [s.subject, s.value, s.change?.direction ?? null])).toEqual([
      ['fiscal-total', '2381.68', null],
    ]);
    const final = read(
      [
        '一、财政拨款收入支出决算总体情况说明',
        '某局2024年度财政拨款收入支出总计2961.68万元。与2023年度相比，财政拨款收入支出总计减少41.51万元，',
        '下降1.38%。',
      ].join('\n'),
      true,
    );
    expect(final.amounts.map((s) => [s.subject, s.value, s.change?.direction ?? null])).toEqual([
      ['fiscal-total', '2961.68', null],
      ['fiscal-total', '41.51', 'decrease'],
    ]);
  });

  it('keeps each share with its amount and the whole: the sentence’s list total or the total it names', () => {
    const { shares } = read(
      [
        '一、支出决算情况说明',
        '本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出',
        '603.14万元（占比20.51%）。',
        '二、一般公共预算财政拨款支出决算情况说明',
        '一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%。与2023年度相比，减少63.14万元，',
        '下降2.10%。一般公共预算财政拨款支出2940.05万元，主要用于以下方面：一般公共服务支出（类）2106.66万元，',
        '占 71.73%；住房保障支出（类）445.69万元，占15.16%。卫生健康支出（类）60.99万元，占2.07%。',
        '政府采购支出10万元，占全部采购的5%。',
      ].join('\n'),
      true,
    );
    expect(
      shares.map((s) => [
        s.part.name,
        s.part.value,
        s.percent,
        s.of ?? null,
        s.whole?.value ?? null,
        s.source.line,
      ]),
    ).toEqual([
      ['基本支出', '2336.91', '79.49', null, '2940.05', 2],
      ['项目支出', '603.14', '20.51', null, '2940.05', 3],
      ['一般公共预算财政拨款支出', '2940.05', '100.00', '本年支出合计', '2940.05', 5],
      ['一般公共服务支出（类）', '2106.66', '71.73', null, '2940.05', 7],
      ['住房保障支出（类）', '445.69', '15.16', null, '2940.05', 7],
      // A new sentence lists no parts of the last total; a named whole the text never states is unknown.
      ['卫生健康支出（类）', '60.99', '2.07', null, null, 7],
      ['政府采购支出', '10', '5', '全部采购', null, 8],
    ]);
  });
});
