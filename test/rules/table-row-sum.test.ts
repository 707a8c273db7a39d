import { describe, expect, it } from 'vitest';
import { tableRowSum } from '../../src/check/rules/table-row-sum.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

// 一般公共预算财政拨款基本支出表: 合计 = 人员经费 + 公用经费 on every row. Title on line 10, rows from 11.
const basic = (officeTotal: string, officePublic: string) =>
  table(
    'general-basic',
    '一般公共预算财政拨款基本支出表',
    ['合计', '人员经费', '公用经费'],
    [
      row(null, '合计', ['100.00', '80.00', '20.00']),
      row('301', '工资福利支出', ['80.00', '80.00', null]),
      row('30101', '基本工资', ['50.00', '50.00', null]),
      row('30102', '津贴补贴', ['30.00', '30.00', null]),
      row('302', '商品和服务支出', ['20.00', null, '20.00']),
      row('30201', '办公费', [officeTotal, null, officePublic]), // line 16
    ],
  );

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

describe('table-row-sum', () => {
  it('has nothing to add up in a table printed with its 合计 column alone (科目 | 金额)', () => {
    const alone = table(
      'general-basic',
      '一般公共预算基本支出预算表',
      ['合计'],
      [row(null, '合计', ['100.00']), row('301', '工资福利支出', ['100.00'])],
    );
    expect(run(tableRowSum, budgetDoc({ tables: [alone] }))).toStrictEqual([]);
  });

  it('takes a 合计 beside parts all empty as wrong only in a table read with confidence', () => {
    const partsEmpty = (level: 'high' | 'medium') => ({
      ...table(
        'general-basic',
        '一般公共预算财政拨款基本支出表',
        ['合计', '人员经费', '公用经费'],
        [row('301', '工资福利支出', ['80.00', null, null])],
      ),
      confidence: { level, reasons: [] },
    });
    expect(run(tableRowSum, budgetDoc({ tables: [partsEmpty('medium')] }))).toStrictEqual([]);
    expect(run(tableRowSum, budgetDoc({ tables: [partsEmpty('high')] })).map((f) => f.severity)).toEqual([
      'error',
    ]);
  });

  it('passes a 基本支出表 whose 合计 equals 人员经费 + 公用经费 on every row', () => {
    expect(run(tableRowSum, budgetDoc({ tables: [basic('20.00', '20.00')] }))).toStrictEqual([]);
  });

  it('fails a row whose 合计 is not 人员经费 + 公用经费', () => {
    const doc = budgetDoc({ tables: [basic('20.00', '20.50')] });
    expect(run(tableRowSum, doc)).toStrictEqual([
      finding(
        tableRowSum,
        'error',
        { table: 'general-basic', row: '30201', column: '合计', line: 16 },
        20.5,
        20,
      ),
    ]);
  });

  it('reports a difference of 0.01 over two or more parts as info and 0.02 as error', () => {
    // 302 合计 20.00 against 人员经费 10.00 + 公用经费 10.01 (or 10.02); title on line 10, the row on 11.
    const twoParts = (publicPart: string) =>
      budgetDoc({
        tables: [
          table(
            'general-basic',
            '一般公共预算财政拨款基本支出表',
            ['合计', '人员经费', '公用经费'],
            [row('302', '商品和服务支出', ['20.00', '10.00', publicPart])],
          ),
        ],
      });
    const where = { table: 'general-basic', row: '302', column: '合计', line: 11 } as const;
    expect(run(tableRowSum, twoParts('10.01'))).toStrictEqual([
      finding(tableRowSum, 'info', where, 20.01, 20),
    ]);
    expect(run(tableRowSum, twoParts('10.02'))).toStrictEqual([
      finding(tableRowSum, 'error', where, 20.02, 20),
    ]);
  });

  it('holds a 合计 with one printed part to that part exactly (nothing to round)', () => {
    expect(run(tableRowSum, budgetDoc({ tables: [basic('20.00', '20.01')] }))).toStrictEqual([
      finding(
        tableRowSum,
        'error',
        { table: 'general-basic', row: '30201', column: '合计', line: 16 },
        20.01,
        20,
      ),
    ]);
  });

  it('checks both income identities: 合计 = 小计 + 上年结转 and 小计 = the income sources', () => {
    const income = (subtotal: string) =>
      table('income', '部门预算收入总表', incomeColumns, [
        row(null, '合计', ['110.00', subtotal, '100.00', null, null, null, null, null, null, '10.00']),
        row('201', '一般公共服务支出', [
          '110.00',
          subtotal,
          '100.00',
          null,
          null,
          null,
          null,
          null,
          null,
          '10.00',
        ]),
      ]);
    expect(run(tableRowSum, budgetDoc({ tables: [income('100.00')] }))).toStrictEqual([]);
    // 小计 printed 99.00: 合计 110 ≠ 99 + 10, and 小计 99 ≠ 财政拨款收入 100, on both rows.
    expect(run(tableRowSum, budgetDoc({ tables: [income('99.00')] }))).toStrictEqual([
      finding(tableRowSum, 'error', { table: 'income', row: '合计', column: '合计', line: 11 }, 109, 110),
      finding(tableRowSum, 'error', { table: 'income', row: '合计', column: '小计', line: 11 }, 100, 99),
      finding(tableRowSum, 'error', { table: 'income', row: '201', column: '合计', line: 12 }, 109, 110),
      finding(tableRowSum, 'error', { table: 'income', row: '201', column: '小计', line: 12 }, 100, 99),
    ]);
  });

  it('checks the expenditure side of 财政拨款收支总表 and leaves its income side alone', () => {
    const fiscal = table(
      'fiscal-summary',
      '部门预算财政拨款收支总表',
      ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      [
        // The income side has one column; its amounts are not a 合计 of anything.
        row(null, '一、一般公共预算拨款', ['90.00'], 'income'),
        row(null, '收入总计', ['90.00', '1.00', '2.00', '3.00'], 'income'),
        row(null, '一、一般公共服务支出', ['90.00', '80.00', '10.00', null], 'expenditure'),
      ],
    );
    expect(run(tableRowSum, budgetDoc({ tables: [fiscal] }))).toStrictEqual([]);
    fiscal.rows[2]!.amounts[2] = { value: '12.00', source: { line: 13 } };
    expect(run(tableRowSum, budgetDoc({ tables: [fiscal] }))).toStrictEqual([
      finding(
        tableRowSum,
        'error',
        { table: 'fiscal-summary', row: '一、一般公共服务支出', column: '合计', line: 13 },
        92,
        90,
      ),
    ]);
  });

  it('skips rows with no amount printed and counts an empty cell as 0', () => {
    const t = table(
      'general-expenditure',
      '一般公共预算财政拨款支出表',
      ['合计', '基本支出', '项目支出'],
      [
        row('201', '一般公共服务支出', [null, null, null]),
        row('20113', '商贸事务', ['5.00', null, '5.00']),
        row('2011301', '行政运行', ['5.00', null, null]),
      ],
    );
    expect(run(tableRowSum, budgetDoc({ tables: [t] }))).toStrictEqual([
      finding(
        tableRowSum,
        'error',
        { table: 'general-expenditure', row: '2011301', column: '合计', line: 13 },
        0,
        5,
      ),
    ]);
  });
});
