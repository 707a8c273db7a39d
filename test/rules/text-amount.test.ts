import { describe, expect, it } from 'vitest';
import { textAmount } from '../../src/check/rules/text-amount.ts';
import type { StatedAmount } from '../../src/model/document.ts';
import { budgetDoc, row, stated, table } from './build.ts';
import { finding, run } from './check.ts';

const overall = '二、部门预算安排的总体情况';
const threePublicSection = '四、"三公"经费预算情况';

// The tables the 情况说明 refers to, consistent with each other.
const tables = [
  table(
    'summary',
    '部门预算收支总表',
    ['预算数'],
    [
      row(null, '一、一般公共预算拨款收入', ['2300.00'], 'income'),
      row(null, '二、政府性基金预算拨款收入', [null], 'income'),
      row(null, '五、单位资金收入', ['11.68'], 'income'),
      row(null, '本年收入合计', ['2311.68'], 'income'),
      row(null, '上年结转结余', ['70.00'], 'income'),
      row(null, '收入总计', ['2381.68'], 'income'),
      row(null, '一、一般公共服务支出', ['2381.68'], 'expenditure'),
      row(null, '本年支出合计', ['2381.68'], 'expenditure'),
      row(null, '支出总计', ['2381.68'], 'expenditure'),
    ],
  ),
  table(
    'expenditure',
    '部门预算支出总表',
    ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
    [row(null, '合计', ['2381.68', '896.68', '1485.00', null, null, null])],
    { line: 30 },
  ),
  table(
    'general-basic',
    '一般公共预算财政拨款基本支出表',
    ['合计', '人员经费', '公用经费'],
    [row(null, '合计', ['896.68', '858.48', '38.20'])],
    { line: 40 },
  ),
  table(
    'three-public',
    '财政拨款"三公"经费支出表',
    ['合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
    [
      row(null, '"三公"经费小计', ['12.00', '12.00', null, null]),
      row(null, '一、因公出国（境）费', [null, null, null, null]),
      row(null, '二、公务用车购置及运维费', ['7.00', '7.00', null, null]),
      row(null, '其中：公务用车购置费', [null, null, null, null]),
      row(null, '公务用车运行维护费', ['7.00', '7.00', null, null]),
      row(null, '三、公务接待费', ['5.00', '5.00', null, null]),
    ],
    { line: 50 },
  ),
];

// What the 情况说明 says, one amount per line from line 100: all of it true to the tables.
const truthful: StatedAmount[] = [
  stated('income-total', '2381.68', { line: 100 }),
  stated('general-budget-income', '2300', { line: 101 }),
  stated('unit-funds-income', '11.68', { line: 102 }),
  stated('carry-over', '70', { line: 103 }),
  stated('expenditure-total', '2381.68', { line: 104 }),
  stated('basic', '896.68', { line: 105 }),
  stated('project', '1485', { line: 106 }),
  stated('personnel', '858.48', { line: 107, section: '三、机关运行经费' }),
  stated('public', '38.20', { line: 108, section: '三、机关运行经费' }),
  stated('operating-cost', '38.2', { line: 109, section: '三、机关运行经费' }),
  stated('three-public', '12', { line: 110, section: threePublicSection }),
  stated('three-public-part', '0', { line: 111, section: threePublicSection, item: '因公出国（境）费' }),
  stated('three-public-part', '7', { line: 112, section: threePublicSection, item: '公务用车购置及运维费' }),
  stated('three-public-part', '7', { line: 113, section: threePublicSection, item: '公务用车运行维护费' }),
  stated('three-public-part', '5', { line: 114, section: threePublicSection, item: '公务接待费' }),
];

describe('text-amount', () => {
  it('passes a 情况说明 whose every level amount equals its table figure', () => {
    expect(run(textAmount, budgetDoc({ tables, statedAmounts: truthful }))).toStrictEqual([]);
  });

  it('fails 项目支出 stated as last year’s figure (expected = the table, actual = the text)', () => {
    const doc = budgetDoc({ tables, statedAmounts: [stated('project', '1270', { line: 106 })] });
    expect(run(textAmount, doc)).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 106 }, 1485, 1270),
    ]);
  });

  it('fails each subject against its own figure', () => {
    const doc = budgetDoc({
      tables,
      statedAmounts: [
        stated('carry-over', '60', { line: 103 }),
        stated('operating-cost', '38.19', { line: 109, section: '三、机关运行经费' }),
        stated('three-public-part', '6', { line: 114, section: threePublicSection, item: '公务接待费' }),
      ],
    });
    expect(run(textAmount, doc)).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 103 }, 70, 60),
      finding(textAmount, 'info', { section: '三、机关运行经费', line: 109 }, 38.2, 38.19),
      finding(textAmount, 'error', { section: threePublicSection, line: 114 }, 5, 6),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(
      textAmount,
      budgetDoc({ tables, statedAmounts: [stated('basic', '896.67', { line: 105 })] }),
    );
    expect(within).toStrictEqual([
      finding(textAmount, 'info', { section: overall, line: 105 }, 896.68, 896.67),
    ]);
    const beyond = run(
      textAmount,
      budgetDoc({ tables, statedAmounts: [stated('basic', '896.66', { line: 105 })] }),
    );
    expect(beyond).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 105 }, 896.68, 896.66),
    ]);
  });

  it('converts an amount stated in 元 to the table unit before comparing', () => {
    const ok = budgetDoc({ tables, statedAmounts: [stated('public', '382000', { unit: '元', line: 108 })] });
    expect(run(textAmount, ok)).toStrictEqual([]);
    const off = budgetDoc({ tables, statedAmounts: [stated('public', '392000', { unit: '元', line: 108 })] });
    expect(run(textAmount, off)).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 108 }, 38.2, 39.2),
    ]);
  });

  it('names a factor of 10,000 (元 written as 万元) in the message', () => {
    const doc = budgetDoc({ tables, statedAmounts: [stated('public', '382000', { line: 108 })] });
    const findings = run(textAmount, doc);
    expect(findings).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 108 }, 38.2, 382000),
    ]);
    expect(findings[0]!.message).toContain('10000 倍');
  });

  it('ignores 比上年 changes, project items and subjects whose table is absent', () => {
    const doc = budgetDoc({
      tables: [],
      statedAmounts: [
        stated('income-total', '1', { line: 100 }),
        stated('project', '99', {
          line: 101,
          change: { direction: 'increase', comparedYear: 2024, explained: true },
        }),
        stated('project-item', '5', { line: 102, item: '外贸企业安全检查经费' }),
      ],
    });
    expect(run(textAmount, doc)).toStrictEqual([]);
    const withTables = budgetDoc({ tables, statedAmounts: doc.statedAmounts.slice(1) });
    expect(run(textAmount, withTables)).toStrictEqual([]);
  });
});
