import { describe, expect, it } from 'vitest';
import { textClassItem } from '../../src/check/rules/text-class-item.ts';
import type { StatedClassItem } from '../../src/model/document.ts';
import { readStatedClassItems } from '../../src/recognise/class-items.ts';
import { budgetDoc, row, section, table } from './build.ts';
import { finding, run } from './check.ts';

const heading = '五、财政拨款支出预算情况说明';
const fiscal = table(
  'fiscal-expenditure',
  '财政拨款支出预算表',
  ['合计'],
  [
    row('201', '一般公共服务支出', ['10528.33']),
    row('20101', '人大事务', ['10528.33']),
    row('2010101', '行政运行', ['4545.94']),
    row('2010102', '一般行政管理事务', ['5982.39']),
    row('20801', '人力资源事务', ['10.00']),
    row('2080101', '行政运行', ['10.00']),
  ],
);
const stated = (
  names: [StatedClassItem['levels'][number]['level'], string][],
  amount: string,
  section = heading,
) => ({
  levels: names.map(([level, name]) => ({ level, name })),
  amount,
  unit: '万元' as const,
  section,
  source: { line: 80 },
});

describe('text-class-item', () => {
  it('passes 科目 stated as the table prints them, a 类 without its 支出, a 款 name glued before its 项', () => {
    const doc = budgetDoc({
      tables: [fiscal],
      statedClassItems: [
        stated([['类', '一般公共服务']], '10528.33'),
        stated([['项', '人大事务一般行政管理事务']], '5982.39'),
        stated(
          [
            ['款', '人大事务'],
            ['项', '行政运行'],
          ],
          '4545.94',
        ),
        // 行政运行 under two 款: which one is not certain, nothing compared.
        stated([['项', '行政运行']], '999'),
      ],
    });
    expect(run(textClassItem, doc)).toStrictEqual([]);
  });

  it('fails “人大事务行政运行（项）支出 10528.33 万元” against 2010101 行政运行 4545.94', () => {
    const doc = budgetDoc({
      tables: [fiscal],
      statedClassItems: [stated([['项', '人大事务行政运行']], '10528.33')],
    });
    const found = run(textClassItem, doc);
    expect(found).toStrictEqual([
      finding(textClassItem, 'error', { section: heading, line: 80 }, 4545.94, 10528.33),
    ]);
    expect(found[0]!.message).toMatch(/201 一般公共服务支出/);
  });

  it('compares a statement of the whole budget (收支总体) with the 支出总表 only', () => {
    const doc = budgetDoc({
      tables: [fiscal],
      statedClassItems: [stated([['类', '一般公共服务']], '10600', '一、收支预算总体情况说明')],
    });
    expect(run(textClassItem, doc)).toStrictEqual([]);
  });

  it('is read from the text with each level named', () => {
    const read = readStatedClassItems([
      section(
        heading,
        80,
        '1. 人大事务行政运行（项）支出 10528.33 万元，与上年相比减少 17.89 万元。社会保障和就业(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项): 支出决算为67.64万元。',
      ),
    ]).map((s) => [s.levels.map((l) => `${l.name}${l.level}`).join('/'), s.amount]);
    expect(read).toEqual([
      ['人大事务行政运行项', '10528.33'],
      ['社会保障和就业类/行政事业单位养老支出款/机关事业单位基本养老保险缴费支出项', '67.64'],
    ]);
  });
});
