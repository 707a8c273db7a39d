import { describe, expect, it } from 'vitest';
import { codeName } from '../../src/check/rules/code-name.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const expenditure = (...rows: [string, string][]) =>
  table(
    'expenditure',
    '部门预算支出总表',
    ['合计'],
    rows.map(([code, name]) => row(code, name, ['1.00'])),
  );
const basic = (...rows: [string, string][]) =>
  table(
    'general-basic',
    '一般公共预算财政拨款基本支出表',
    ['合计'],
    rows.map(([code, name]) => row(code, name, ['1.00'])),
  );

describe('code-name', () => {
  it('passes 类 and economic names as in the code table; 款 and 项 names are not checked', () => {
    const doc = budgetDoc({
      year: 2025,
      tables: [
        expenditure(['210', '卫生健康支出'], ['21011', '行政事业单位医疗'], ['2101101', '随便写的名称']),
        basic(
          ['301', '工资福利支出'],
          ['30101', '基本工资'],
          ['302', '商品和服务支出'],
          ['30217', '公务接待费'],
        ),
      ],
    });
    expect(run(codeName, doc)).toStrictEqual([]);
  });

  it('fails an economic code printed with another code’s name (30217 会议费)', () => {
    const doc = budgetDoc({ tables: [basic(['302', '商品和服务支出'], ['30217', '会议费'])] });
    const findings = run(codeName, doc);
    expect(findings).toStrictEqual([
      finding(codeName, 'warning', { table: 'general-basic', row: '30217', line: 12 }),
    ]);
    expect(findings[0]!.message).toContain('30215');
  });

  it('judges a functional 类 name by the budget year', () => {
    const old = expenditure(['210', '医疗卫生与计划生育支出']);
    expect(run(codeName, budgetDoc({ year: 2018, tables: [old] }))).toStrictEqual([]);
    expect(run(codeName, budgetDoc({ year: 2025, tables: [old] }))).toStrictEqual([
      finding(codeName, 'warning', { table: 'expenditure', row: '210', line: 11 }),
    ]);
  });

  it('fails a code the shipped table does not know', () => {
    const doc = budgetDoc({ tables: [expenditure(['218', '某某支出'])] });
    expect(run(codeName, doc)).toStrictEqual([
      finding(codeName, 'warning', { table: 'expenditure', row: '218', line: 11 }),
    ]);
  });
});
