import { describe, expect, it } from 'vitest';
import { summaryTotals } from '../../src/check/rules/summary-totals.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

interface SummaryAmounts {
  unitFunds?: string;
  incomeSubtotal?: string;
  carry?: string;
  incomeTotal?: string;
  social?: string;
  spendingSubtotal?: string;
  spendingTotal?: string;
}

// 部门预算收支总表, printed side by side and read as income rows then expenditure rows.
// Title on line 10; rows from line 11 in this order.
function summary(a: SummaryAmounts = {}) {
  return table(
    'summary',
    '部门预算收支总表',
    ['预算数'],
    [
      row(null, '一、一般公共预算拨款收入', ['80.00'], 'income'), // 11
      row(null, '二、政府性基金预算拨款收入', [null], 'income'),
      row(null, '三、国有资本经营预算拨款收入', [null], 'income'),
      row(null, '四、财政专户管理资金收入', [null], 'income'),
      row(null, '五、单位资金收入', [a.unitFunds ?? '20.00'], 'income'), // 15
      row(null, '本年收入合计', [a.incomeSubtotal ?? '100.00'], 'income'), // 16
      row(null, '上年结转结余', [a.carry ?? '10.00'], 'income'), // 17
      row(null, '收入总计', [a.incomeTotal ?? '110.00'], 'income'), // 18
      row(null, '一、一般公共服务支出', ['90.00'], 'expenditure'), // 19
      row(null, '二、社会保障和就业支出', [a.social ?? '20.00'], 'expenditure'), // 20
      row(null, '本年支出合计', [a.spendingSubtotal ?? '110.00'], 'expenditure'), // 21
      row(null, '年终结转结余', [null], 'expenditure'), // 22
      row(null, '支出总计', [a.spendingTotal ?? '110.00'], 'expenditure'), // 23
    ],
    { incomeColumns: ['预算数'] },
  );
}

const where = (row: string, line: number) => ({ table: 'summary' as const, row, line });

describe('summary-totals', () => {
  it('passes a balanced 收支总表 whose 合计 and 总计 add up', () => {
    expect(run(summaryTotals, budgetDoc({ tables: [summary()] }))).toStrictEqual([]);
  });

  it('fails 本年收入合计 when it is not the sum of the income items', () => {
    const doc = budgetDoc({ tables: [summary({ unitFunds: '25.00' })] });
    expect(run(summaryTotals, doc)).toStrictEqual([
      finding(summaryTotals, 'error', where('本年收入合计', 16), 105, 100),
    ]);
  });

  it('fails 收入总计 when it is not 本年收入合计 + 上年结转结余', () => {
    // 收入总计 and 支出总计 both 112: the two totals balance, but 100 + 10 ≠ 112 on each side.
    const doc = budgetDoc({ tables: [summary({ incomeTotal: '112.00', spendingTotal: '112.00' })] });
    expect(run(summaryTotals, doc)).toStrictEqual([
      finding(summaryTotals, 'error', where('收入总计', 18), 110, 112),
      finding(summaryTotals, 'error', where('支出总计', 23), 110, 112),
    ]);
  });

  it('fails 本年支出合计 when it is not the sum of the 类 rows', () => {
    const doc = budgetDoc({ tables: [summary({ social: '30.00' })] });
    expect(run(summaryTotals, doc)).toStrictEqual([
      finding(summaryTotals, 'error', where('本年支出合计', 21), 120, 110),
    ]);
  });

  it('fails an unbalanced table: 支出总计 ≠ 收入总计', () => {
    const doc = budgetDoc({
      tables: [summary({ social: '25.00', spendingSubtotal: '115.00', spendingTotal: '115.00' })],
    });
    expect(run(summaryTotals, doc)).toStrictEqual([
      finding(summaryTotals, 'error', where('支出总计', 23), 110, 115),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(summaryTotals, budgetDoc({ tables: [summary({ unitFunds: '20.01' })] }));
    expect(within).toStrictEqual([finding(summaryTotals, 'info', where('本年收入合计', 16), 100.01, 100)]);
    const beyond = run(summaryTotals, budgetDoc({ tables: [summary({ unitFunds: '20.02' })] }));
    expect(beyond).toStrictEqual([finding(summaryTotals, 'error', where('本年收入合计', 16), 100.02, 100)]);
  });

  it('checks 财政拨款收支总表 column by column and names the column', () => {
    const fiscal = (generalClass: string) =>
      table(
        'fiscal-summary',
        '部门预算财政拨款收支总表',
        ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
        [
          row(null, '一、一般公共预算拨款', ['90.00'], 'income'), // 11
          row(null, '二、政府性基金预算拨款', ['8.00'], 'income'),
          row(null, '本年收入合计', ['98.00'], 'income'),
          row(null, '上年结转', [null], 'income'),
          row(null, '收入总计', ['98.00'], 'income'), // 15
          row(null, '一、一般公共服务支出', ['90.00', generalClass, null, null], 'expenditure'),
          row(null, '二、城乡社区支出', ['8.00', null, '8.00', null], 'expenditure'),
          row(null, '本年支出合计', ['98.00', '90.00', '8.00', null], 'expenditure'), // 18
          row(null, '年终结转结余', [null, null, null, null], 'expenditure'),
          row(null, '支出总计', ['98.00', '90.00', '8.00', null], 'expenditure'), // 20
        ],
        { incomeColumns: ['金额'] },
      );
    expect(run(summaryTotals, budgetDoc({ tables: [fiscal('90.00')] }))).toStrictEqual([]);
    expect(run(summaryTotals, budgetDoc({ tables: [fiscal('85.00')] }))).toStrictEqual([
      finding(
        summaryTotals,
        'error',
        { table: 'fiscal-summary', row: '本年支出合计', column: '一般公共预算财政拨款', line: 18 },
        85,
        90,
      ),
    ]);
  });
});
