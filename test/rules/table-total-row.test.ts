import { describe, expect, it } from 'vitest';
import { tableTotalRow } from '../../src/check/rules/table-total-row.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

// 一般公共预算财政拨款支出表: the 合计 row (line 11) equals 201 + 208, column by column; 款 and 项 rows
// are not part of the 合计.
const general = (total: [string, string, string]) =>
  table(
    'general-expenditure',
    '一般公共预算财政拨款支出表',
    ['合计', '基本支出', '项目支出'],
    [
      row(null, '合计', total),
      row('201', '一般公共服务支出', ['150.00', '100.00', '50.00']),
      row('20113', '商贸事务', ['150.00', '100.00', '50.00']),
      row('2011301', '行政运行', ['150.00', '100.00', '50.00']),
      row('208', '社会保障和就业支出', ['20.00', '20.00', null]),
      row('20805', '行政事业单位养老支出', ['20.00', '20.00', null]),
      row('2080505', '机关事业单位基本养老保险缴费支出', ['20.00', '20.00', null]),
    ],
  );

describe('table-total-row', () => {
  it('passes when the 合计 row equals the sum of the 类 rows in every column', () => {
    const doc = budgetDoc({ tables: [general(['170.00', '120.00', '50.00'])] });
    expect(run(tableTotalRow, doc)).toStrictEqual([]);
  });

  it('fails a 合计 cell that is not the sum of the 类 rows', () => {
    const doc = budgetDoc({ tables: [general(['170.00', '102.00', '50.00'])] });
    expect(run(tableTotalRow, doc)).toStrictEqual([
      finding(
        tableTotalRow,
        'error',
        { table: 'general-expenditure', row: '合计', column: '基本支出', line: 11 },
        120,
        102,
      ),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(tableTotalRow, budgetDoc({ tables: [general(['170.01', '120.00', '50.00'])] }));
    expect(within).toStrictEqual([
      finding(
        tableTotalRow,
        'info',
        { table: 'general-expenditure', row: '合计', column: '合计', line: 11 },
        170,
        170.01,
      ),
    ]);
    const beyond = run(tableTotalRow, budgetDoc({ tables: [general(['169.98', '120.00', '50.00'])] }));
    expect(beyond).toStrictEqual([
      finding(
        tableTotalRow,
        'error',
        { table: 'general-expenditure', row: '合计', column: '合计', line: 11 },
        170,
        169.98,
      ),
    ]);
  });

  it('names a 总计 row as printed', () => {
    const t = table(
      'fund-expenditure',
      '政府性基金预算财政拨款支出表',
      ['合计', '基本支出', '项目支出'],
      [
        row('212', '城乡社区支出', ['8.00', null, '8.00']),
        row(null, '总计', ['9.00', null, '8.00']), // 12
      ],
    );
    expect(run(tableTotalRow, budgetDoc({ tables: [t] }))).toStrictEqual([
      finding(
        tableTotalRow,
        'error',
        { table: 'fund-expenditure', row: '总计', column: '合计', line: 12 },
        8,
        9,
      ),
    ]);
  });

  it('says nothing when a table has no 合计 row or no 类 rows', () => {
    const noTotal = table(
      'general-expenditure',
      '一般公共预算财政拨款支出表',
      ['合计'],
      [row('201', '一般公共服务支出', ['5.00'])],
    );
    const noClass = table(
      'fund-expenditure',
      '政府性基金预算财政拨款支出表',
      ['合计'],
      [row(null, '合计', ['5.00'])],
    );
    expect(run(tableTotalRow, budgetDoc({ tables: [noTotal, noClass] }))).toStrictEqual([]);
  });
});
