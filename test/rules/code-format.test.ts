import { describe, expect, it } from 'vitest';
import { codeFormat } from '../../src/check/rules/code-format.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const expenditure = (...rows: [string, string][]) =>
  table(
    'general-expenditure',
    '一般公共预算财政拨款支出表',
    ['合计'],
    rows.map(([code, name]) => row(code, name, ['1.00'])),
  );

describe('code-format', () => {
  it('passes 类 / 款 / 项 codes of 3 / 5 / 7 digits, each with its parent in the table', () => {
    const doc = budgetDoc({
      tables: [
        expenditure(['201', '一般公共服务支出'], ['20113', '商贸事务'], ['2011301', '行政运行']),
        table(
          'general-basic',
          '一般公共预算财政拨款基本支出表',
          ['合计'],
          [row('301', '工资福利支出', ['1.00']), row('30101', '基本工资', ['1.00'])],
        ),
      ],
    });
    expect(run(codeFormat, doc)).toStrictEqual([]);
  });

  it('fails a 项 whose 款 is not in the table (2011301 without 20113)', () => {
    const doc = budgetDoc({ tables: [expenditure(['201', '一般公共服务支出'], ['2011301', '行政运行'])] });
    expect(run(codeFormat, doc)).toStrictEqual([
      finding(codeFormat, 'error', { table: 'general-expenditure', row: '2011301', line: 12 }),
    ]);
  });

  it('fails a code of the wrong length', () => {
    const doc = budgetDoc({
      tables: [expenditure(['201', '一般公共服务支出'], ['2011', '商贸事务'], ['20113', '商贸事务'])],
    });
    expect(run(codeFormat, doc)).toStrictEqual([
      finding(codeFormat, 'error', { table: 'general-expenditure', row: '2011', line: 12 }),
    ]);
  });

  it('allows only 3 and 5 digits for economic codes in the 基本支出表', () => {
    const basic = table(
      'general-basic',
      '一般公共预算财政拨款基本支出表',
      ['合计'],
      [
        row('301', '工资福利支出', ['1.00']),
        row('30101', '基本工资', ['1.00']),
        row('3010101', '基本工资', ['1.00']), // 13
      ],
    );
    expect(run(codeFormat, budgetDoc({ tables: [basic] }))).toStrictEqual([
      finding(codeFormat, 'error', { table: 'general-basic', row: '3010101', line: 13 }),
    ]);
  });
});
