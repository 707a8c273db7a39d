import { describe, expect, it } from 'vitest';
import { crossTableTotals } from '../../src/check/rules/cross-table-totals.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const incomeColumns = [
  '合计',
  '小计',
  '财政拨款收入',
  '财政专户收入',
  '事业收入',
  '经营收入',
  '上级补助收入',
  '附属单位上缴收入',
  '其他收入',
  '上年结转',
];
const nothing = [null, null, null, null, null, null];

const summary = (incomeTotal = '110.00') =>
  table(
    'summary',
    '部门预算收支总表',
    ['预算数'],
    [
      row(null, '一、一般公共预算拨款收入', ['100.00'], 'income'),
      row(null, '本年收入合计', ['100.00'], 'income'),
      row(null, '上年结转', ['10.00'], 'income'),
      row(null, '收入总计', [incomeTotal], 'income'), // 14
    ],
  );

const income = (total = '110.00') =>
  table(
    'income',
    '部门预算收入总表',
    incomeColumns,
    [
      row(null, '合计', [total, '100.00', '100.00', ...nothing, '10.00']), // 21
      row('201', '一般公共服务支出', [total, '100.00', '100.00', ...nothing, '10.00']),
    ],
    { line: 20 },
  );

const expenditure = (total = '110.00') =>
  table(
    'expenditure',
    '部门预算支出总表',
    ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
    [row(null, '合计', [total, '90.00', '20.00', null, null, null])],
    { line: 30 },
  );

const fiscal = (general = '100.00') =>
  table(
    'fiscal-summary',
    '部门预算财政拨款收支总表',
    ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    [
      row(null, '一、一般公共服务支出', ['100.00', '100.00', null, null], 'expenditure'),
      row(null, '本年支出合计', ['100.00', general, null, null], 'expenditure'), // 42
    ],
    { line: 40 },
  );

const general = table(
  'general-expenditure',
  '一般公共预算财政拨款支出表',
  ['合计', '基本支出', '项目支出'],
  [row(null, '合计', ['100.00', '80.00', '20.00'])],
  { line: 50 },
);

describe('cross-table-totals', () => {
  it('passes when 收入总表, 支出总表, 收支总表 and 财政拨款收支总表 agree on their totals', () => {
    const doc = budgetDoc({ tables: [summary(), income(), expenditure(), fiscal(), general] });
    expect(run(crossTableTotals, doc)).toStrictEqual([]);
  });

  it('fails 收入总表合计 ≠ 支出总表合计 (expected = the expenditure total)', () => {
    const doc = budgetDoc({ tables: [income(), expenditure('120.00')] });
    expect(run(crossTableTotals, doc)).toStrictEqual([
      finding(
        crossTableTotals,
        'error',
        { table: 'income', against: 'expenditure', row: '合计', column: '合计', line: 21 },
        120,
        110,
      ),
    ]);
  });

  it('fails 收支总表收入总计 ≠ 收入总表合计', () => {
    const doc = budgetDoc({ tables: [summary('111.00'), income()] });
    expect(run(crossTableTotals, doc)).toStrictEqual([
      finding(
        crossTableTotals,
        'error',
        { table: 'summary', against: 'income', row: '收入总计', column: '预算数', line: 14 },
        110,
        111,
      ),
    ]);
  });

  it('fails the 一般公共预算 支出 total of 财政拨款收支总表 ≠ 一般公共预算财政拨款支出表合计', () => {
    const doc = budgetDoc({ tables: [fiscal('95.00'), general] });
    expect(run(crossTableTotals, doc)).toStrictEqual([
      finding(
        crossTableTotals,
        'error',
        {
          table: 'fiscal-summary',
          against: 'general-expenditure',
          row: '本年支出合计',
          column: '一般公共预算财政拨款',
          line: 42,
        },
        100,
        95,
      ),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(crossTableTotals, budgetDoc({ tables: [income(), expenditure('110.01')] }));
    expect(within).toStrictEqual([
      finding(
        crossTableTotals,
        'info',
        { table: 'income', against: 'expenditure', row: '合计', column: '合计', line: 21 },
        110.01,
        110,
      ),
    ]);
    const beyond = run(crossTableTotals, budgetDoc({ tables: [income(), expenditure('110.02')] }));
    expect(beyond).toStrictEqual([
      finding(
        crossTableTotals,
        'error',
        { table: 'income', against: 'expenditure', row: '合计', column: '合计', line: 21 },
        110.02,
        110,
      ),
    ]);
  });

  it('says nothing when the table to compare with is absent', () => {
    expect(run(crossTableTotals, budgetDoc({ tables: [summary('1.00'), fiscal('1.00')] }))).toStrictEqual([]);
  });
});
