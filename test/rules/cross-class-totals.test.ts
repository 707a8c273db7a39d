import { describe, expect, it } from 'vitest';
import { crossClassTotals } from '../../src/check/rules/cross-class-totals.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const expenditureColumns = ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'];
const fundColumns = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

// 收支总表 expenditure side (title line 10): 201 on line 12, 208 on line 13, 210 on line 14.
const summary = (health = '8.00') =>
  table(
    'summary',
    '部门预算收支总表',
    ['预算数'],
    [
      row(null, '一、一般公共预算拨款收入', ['128.00'], 'income'),
      row(null, '一、一般公共服务支出', ['100.00'], 'expenditure'),
      row(null, '二、社会保障和就业支出', ['20.00'], 'expenditure'),
      // Printed with the pre-2019 name: still 类 210.
      row(null, '三、医疗卫生与计划生育支出', [health], 'expenditure'),
      row(null, '本年支出合计', ['128.00'], 'expenditure'),
    ],
  );

const expenditure = (social = '20.00') =>
  table(
    'expenditure',
    '部门预算支出总表',
    expenditureColumns,
    [
      row(null, '合计', ['128.00', '108.00', '20.00', null, null, null]),
      row('201', '一般公共服务支出', ['100.00', '80.00', '20.00', null, null, null]),
      row('20113', '商贸事务', ['100.00', '80.00', '20.00', null, null, null]),
      row('208', '社会保障和就业支出', [social, social, null, null, null, null]),
      row('210', '卫生健康支出', ['8.00', '8.00', null, null, null, null]),
    ],
    { line: 40 },
  );

describe('cross-class-totals', () => {
  it('passes when every 类 on the 收支总表 equals that 类 合计 on the 支出总表', () => {
    expect(run(crossClassTotals, budgetDoc({ tables: [summary(), expenditure()] }))).toStrictEqual([]);
  });

  it('fails a 类 whose amounts differ, naming the summary row by its code', () => {
    const doc = budgetDoc({ tables: [summary(), expenditure('22.00')] });
    expect(run(crossClassTotals, doc)).toStrictEqual([
      finding(
        crossClassTotals,
        'error',
        { table: 'summary', against: 'expenditure', row: '208', line: 13 },
        22,
        20,
      ),
    ]);
  });

  it('fails a 类 printed on the summary but absent from the 支出总表 (expected 0)', () => {
    const t = expenditure();
    t.rows = t.rows.filter((r) => r.code !== '210');
    expect(run(crossClassTotals, budgetDoc({ tables: [summary(), t] }))).toStrictEqual([
      finding(
        crossClassTotals,
        'error',
        { table: 'summary', against: 'expenditure', row: '210', line: 14 },
        0,
        8,
      ),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(crossClassTotals, budgetDoc({ tables: [summary('8.01'), expenditure()] }));
    expect(within).toStrictEqual([
      finding(
        crossClassTotals,
        'info',
        { table: 'summary', against: 'expenditure', row: '210', line: 14 },
        8,
        8.01,
      ),
    ]);
    const beyond = run(crossClassTotals, budgetDoc({ tables: [summary('8.02'), expenditure()] }));
    expect(beyond).toStrictEqual([
      finding(
        crossClassTotals,
        'error',
        { table: 'summary', against: 'expenditure', row: '210', line: 14 },
        8,
        8.02,
      ),
    ]);
  });

  it('compares the 一般公共预算 column of 财政拨款收支总表 with 一般公共预算财政拨款支出表', () => {
    const fiscal = (general: string) =>
      table('fiscal-summary', '部门预算财政拨款收支总表', fundColumns, [
        row(null, '一、一般公共预算拨款', ['100.00'], 'income'), // 11
        row(null, '一、一般公共服务支出', ['100.00', general, null, null], 'expenditure'), // 12
      ]);
    const generalExpenditure = table(
      'general-expenditure',
      '一般公共预算财政拨款支出表',
      ['合计', '基本支出', '项目支出'],
      [
        row(null, '合计', ['100.00', '80.00', '20.00']),
        row('201', '一般公共服务支出', ['100.00', '80.00', '20.00']),
      ],
      { line: 60 },
    );
    expect(
      run(crossClassTotals, budgetDoc({ tables: [fiscal('100.00'), generalExpenditure] })),
    ).toStrictEqual([]);
    expect(run(crossClassTotals, budgetDoc({ tables: [fiscal('90.00'), generalExpenditure] }))).toStrictEqual(
      [
        finding(
          crossClassTotals,
          'error',
          {
            table: 'fiscal-summary',
            against: 'general-expenditure',
            row: '201',
            column: '一般公共预算财政拨款',
            line: 12,
          },
          100,
          90,
        ),
      ],
    );
  });
});
