// Recognition beyond one template's exact titles: a table of contents listing the tables is never taken
// for empty tables, and a unit's disclosure (单位预算, titles with 单位 / 预算单位) and numbered titles
// (公开01表, 附表3, 一、, （一）, 4．) are read as the department's are.
import { describe, expect, it } from 'vitest';
import { matchTableTitle } from '../src/recognise/catalogue.ts';
import { parseSeed, parseString, seedText } from './helpers.ts';

const text = seedText('000');
const lines = text.split('\n');
const titleLines = lines.filter((l) => matchTableTitle(l.replace(/\s+/g, '')) !== undefined);
const rowsOf = (doc: ReturnType<typeof parseSeed>) =>
  Object.fromEntries(Object.entries(doc.tables).map(([key, t]) => [key, t.rows.length]));
const original = rowsOf(parseSeed('000'));

describe('tables beyond exact titles', () => {
  it('the seed has titled tables to work with', () => {
    expect(titleLines.length).toBeGreaterThan(8);
    expect(Object.values(original).filter((n) => n > 0).length).toBeGreaterThanOrEqual(7);
  });

  it('a table of contents without dot leaders, numbered 1. … 4．, is not read as empty tables', () => {
    const contents = ['目  录', ...titleLines.map((t, i) => `${i + 1}${i % 2 ? '．' : '.'} ${t.trim()}`)];
    const doc = parseString([...contents, '', ...lines].join('\n'));
    expect(rowsOf(doc)).toEqual(original);
  });

  it('a table of contents with page numbers, its last entry followed by prose', () => {
    const contents = [
      '目录',
      ...titleLines.map((t, i) => `${t.trim()} ${i + 3}`),
      ...titleLines.slice(0, 1).map((t) => t.trim()),
      '第一部分 部门概况',
    ];
    const doc = parseString([...contents, '', ...lines].join('\n'));
    expect(rowsOf(doc)).toEqual(original);
  });

  it('a unit’s disclosure: titles with 单位 or 预算单位 and other numbering', () => {
    const numbering = ['公开01表 ', '附表3 ', '一、', '（二）', '4．'];
    let n = 0;
    const unit = lines
      .map((l) =>
        titleLines.includes(l)
          ? `${numbering[n++ % numbering.length]}${l.trim().replace(/部门/g, n % 2 ? '单位' : '预算单位')}`
          : l,
      )
      .join('\n');
    expect(unit).not.toEqual(text);
    expect(rowsOf(parseString(unit))).toEqual(original);
  });
});

describe('a budget made of parts', () => {
  // The layout of many provincial budgets: a 目录 of four parts, the tables in the second, the 情况说明 in
  // the third with its own numbering, the 名词解释 as numbered definitions.
  const text = [
    '某省某厅',
    '2023年部门预算',
    '目  录',
    '第一部分 部门概况',
    '一、主要职能',
    '二、部门机构设置及预算单位构成情况',
    '第二部分 2023 年度部门预算表',
    '第三部分 2023 年度部门预算情况说明',
    '第四部分 名词解释',
    '第一部分 部门概况',
    '一、主要职能',
    '负责全省的有关工作。',
    '二、部门机构设置及预算单位构成情况',
    '本部门内设机构 10 个。',
    '第三部分 2023 年度部门预算情况说明',
    '一、收支预算总体情况说明',
    '某省某厅2023年度收入、支出预算总计1,234.56万元，与上年相比增加12.00万元。',
    '二、一般公共预算“三公”经费支出预算情况说明',
    '“三公”经费预算数为10.00万元。',
    '第四部分 名词解释',
    '一、财政拨款：指省级财政当年拨付的资金。',
    '二、机关运行经费：是指行政单位的日常公用经费。',
  ].join('\n');

  it('reads the body’s sections, not the 目录’s, and the 名词解释 as one section', () => {
    const doc = parseString(text, 'parts.txt');
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、主要职能',
      '二、部门机构设置及预算单位构成情况',
      '一、收支预算总体情况说明',
      '二、一般公共预算“三公”经费支出预算情况说明',
      '第四部分名词解释',
    ]);
    // The 情况说明 of the third part is read for its amounts.
    expect(doc.statedAmounts.map((a) => [a.subject, a.value])).toContainEqual(['three-public', '10.00']);
    expect(doc.statedAmounts.map((a) => a.value)).toContain('1234.56');
    expect(doc.department.name).toBe('某省某厅');
  });

  it('a title naming its discloser before the year, or with the year printed 2017-度; not a reference to it', () => {
    expect(matchTableTitle('某某县2017年度部门“三公”经费预算情况表')?.key).toBe('three-public');
    expect(matchTableTitle('某某园2017-度部门“三公”经费预算情况表')?.key).toBe('three-public');
    expect(matchTableTitle('某某区财政局2024年度部门收支预算总表')?.key).toBe('summary');
    expect(matchTableTitle('详见2017年度部门收支预算总表')).toBeUndefined();
    // A county's statistics of its 三公 决算 are the final account's 三公 table.
    expect(matchTableTitle('2016年某县“三公”经费决算情况统计表')?.key).toBe('final-three-public');
    expect(matchTableTitle('“三公”经费汇总情况决算表')?.key).toBe('final-three-public');
  });
});
