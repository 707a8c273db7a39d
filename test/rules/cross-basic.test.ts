import { describe, expect, it } from 'vitest';
import { crossBasic } from '../../src/check/rules/cross-basic.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const summary = (unitFunds: string | null) =>
  table(
    'summary',
    '部门预算收支总表',
    ['预算数'],
    [
      row(null, '一、一般公共预算拨款收入', ['100.00'], 'income'),
      row(null, '二、政府性基金预算拨款收入', [null], 'income'),
      row(null, '三、单位资金收入', [unitFunds], 'income'),
      row(null, '本年收入合计', ['100.00'], 'income'),
      row(null, '上年结转', ['10.00'], 'income'),
    ],
  );

const general = (basic = '80.00') =>
  table(
    'general-expenditure',
    '一般公共预算财政拨款支出表',
    ['合计', '基本支出', '项目支出'],
    [row(null, '合计', ['100.00', basic, '20.00'])],
    { line: 20 },
  );

const basicTable = table(
  'general-basic',
  '一般公共预算财政拨款基本支出表',
  ['合计', '人员经费', '公用经费'],
  [row(null, '合计', ['80.00', '70.00', '10.00'])], // line 31
  { line: 30 },
);

const expenditure = (basic = '80.00') =>
  table(
    'expenditure',
    '部门预算支出总表',
    ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
    [row(null, '合计', ['110.00', basic, '30.00', null, null, null])], // line 41
    { line: 40 },
  );

describe('cross-basic', () => {
  it('passes when both 基本支出 totals equal the 基本支出表 合计', () => {
    const doc = budgetDoc({ tables: [summary(null), general(), basicTable, expenditure()] });
    expect(run(crossBasic, doc)).toStrictEqual([]);
  });

  it('fails 基本支出表合计 ≠ 一般公共预算支出表 基本支出 (expected = the general-expenditure figure)', () => {
    const doc = budgetDoc({ tables: [general('82.00'), basicTable] });
    expect(run(crossBasic, doc)).toStrictEqual([
      finding(
        crossBasic,
        'error',
        { table: 'general-basic', against: 'general-expenditure', row: '合计', column: '合计', line: 31 },
        82,
        80,
      ),
    ]);
  });

  it('fails 支出总表 基本支出 ≠ 基本支出表合计 as an error when all income is 一般公共预算 (+ 上年结转)', () => {
    const doc = budgetDoc({ tables: [summary(null), basicTable, expenditure('85.00')] });
    expect(run(crossBasic, doc)).toStrictEqual([
      finding(
        crossBasic,
        'error',
        { table: 'expenditure', against: 'general-basic', row: '合计', column: '基本支出', line: 41 },
        80,
        85,
      ),
    ]);
  });

  it('reports the same difference as a warning when there is other income', () => {
    const doc = budgetDoc({ tables: [summary('5.00'), basicTable, expenditure('85.00')] });
    expect(run(crossBasic, doc)).toStrictEqual([
      finding(
        crossBasic,
        'warning',
        { table: 'expenditure', against: 'general-basic', row: '合计', column: '基本支出', line: 41 },
        80,
        85,
      ),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(crossBasic, budgetDoc({ tables: [general('80.01'), basicTable] }));
    expect(within).toStrictEqual([
      finding(
        crossBasic,
        'info',
        { table: 'general-basic', against: 'general-expenditure', row: '合计', column: '合计', line: 31 },
        80.01,
        80,
      ),
    ]);
    const beyond = run(crossBasic, budgetDoc({ tables: [general('80.02'), basicTable] }));
    expect(beyond).toStrictEqual([
      finding(
        crossBasic,
        'error',
        { table: 'general-basic', against: 'general-expenditure', row: '合计', column: '合计', line: 31 },
        80.02,
        80,
      ),
    ]);
  });

  it('keeps a 0.01 difference info also where the rule would warn', () => {
    const doc = budgetDoc({ tables: [summary('5.00'), basicTable, expenditure('80.01')] });
    expect(run(crossBasic, doc)).toStrictEqual([
      finding(
        crossBasic,
        'info',
        { table: 'expenditure', against: 'general-basic', row: '合计', column: '基本支出', line: 41 },
        80,
        80.01,
      ),
    ]);
  });
});
