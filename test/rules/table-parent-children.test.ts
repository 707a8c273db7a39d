import { describe, expect, it } from 'vitest';
import { tableParentChildren } from '../../src/check/rules/table-parent-children.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const columns = ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'];

// 部门预算支出总表: 201 = 20103 + 20113, 20103 = 2010301, 20113 = 2011301 + 2011302.
// Title on line 10, rows from line 11.
const expenditure = (management: [string, string | null, string]) =>
  table('expenditure', '部门预算支出总表', columns, [
    row(null, '合计', ['150.00', '100.00', '50.00', null, null, null]),
    row('201', '一般公共服务支出', ['150.00', '100.00', '50.00', null, null, null]), // 12
    row('20103', '政府办公厅（室）及相关机构事务', ['40.00', '40.00', null, null, null, null]),
    row('2010301', '行政运行', ['40.00', '40.00', null, null, null, null]),
    row('20113', '商贸事务', ['110.00', '60.00', '50.00', null, null, null]), // 15
    row('2011301', '行政运行', ['60.00', '60.00', null, null, null, null]),
    row('2011302', '一般行政管理事务', [...management, null, null, null]), // 17
  ]);

describe('table-parent-children', () => {
  it('leaves a parent alone when one of its children has a malformed code (code-format reports that)', () => {
    // 基本支出表: 301 = 30101 + 3012 (30102 printed as 301 2); 30101 alone is not 301's whole.
    const doc = budgetDoc({
      tables: [
        table(
          'general-basic',
          '一般公共预算财政拨款基本支出表',
          ['合计', '人员经费', '公用经费'],
          [
            row('301', '工资福利支出', ['30.00', '30.00', null]),
            row('30101', '基本工资', ['10.00', '10.00', null]),
            row('3012', '津贴补贴', ['20.00', '20.00', null]),
          ],
        ),
      ],
    });
    expect(run(tableParentChildren, doc)).toStrictEqual([]);
  });

  it('passes a 支出总表 where every 类 and 款 equals the sum of its children, column by column', () => {
    const doc = budgetDoc({ tables: [expenditure(['50.00', null, '50.00'])] });
    expect(run(tableParentChildren, doc)).toStrictEqual([]);
  });

  it('fails a 款 whose 项目支出 is not the sum of its 项, and only that cell', () => {
    // 2011302 项目支出 printed 50.50 (its 合计 still 50.00): 20113 项目支出 50 ≠ 0 + 50.50.
    const doc = budgetDoc({ tables: [expenditure(['50.00', null, '50.50'])] });
    expect(run(tableParentChildren, doc)).toStrictEqual([
      finding(
        tableParentChildren,
        'error',
        { table: 'expenditure', row: '20113', column: '项目支出', line: 15 },
        50.5,
        50,
      ),
    ]);
  });

  it('fails only the 款 when a 项 is off in the 合计 column (the 类 is compared with its 款, not its 项)', () => {
    const doc = budgetDoc({ tables: [expenditure(['49.00', null, '50.00'])] });
    // 20113 合计 110 ≠ 60 + 49; 201 is compared with its 款 (40 + 110), which still agree.
    expect(run(tableParentChildren, doc)).toStrictEqual([
      finding(
        tableParentChildren,
        'error',
        { table: 'expenditure', row: '20113', column: '合计', line: 15 },
        109,
        110,
      ),
    ]);
  });

  it('reports a difference of 0.01 over two or more children as info and 0.02 as error', () => {
    // 20113 基本支出 60.00 against 2011301 60.00 + 2011302 0.01 (or 0.02).
    const within = run(tableParentChildren, budgetDoc({ tables: [expenditure(['50.00', '0.01', '50.00'])] }));
    expect(within).toStrictEqual([
      finding(
        tableParentChildren,
        'info',
        { table: 'expenditure', row: '20113', column: '基本支出', line: 15 },
        60.01,
        60,
      ),
    ]);
    const beyond = run(tableParentChildren, budgetDoc({ tables: [expenditure(['50.00', '0.02', '50.00'])] }));
    expect(beyond).toStrictEqual([
      finding(
        tableParentChildren,
        'error',
        { table: 'expenditure', row: '20113', column: '基本支出', line: 15 },
        60.02,
        60,
      ),
    ]);
  });

  it('holds a parent with one printed child to that child exactly (nothing to round)', () => {
    // 20113 项目支出 50.00 against 2011302 alone: 50.01.
    const single = run(tableParentChildren, budgetDoc({ tables: [expenditure(['50.00', null, '50.01'])] }));
    expect(single).toStrictEqual([
      finding(
        tableParentChildren,
        'error',
        { table: 'expenditure', row: '20113', column: '项目支出', line: 15 },
        50.01,
        50,
      ),
    ]);
  });

  it('checks economic 类 against their 款 in the 基本支出表', () => {
    const basic = table(
      'general-basic',
      '一般公共预算财政拨款基本支出表',
      ['合计', '人员经费', '公用经费'],
      [
        row('301', '工资福利支出', ['80.00', '80.00', null]), // 11
        row('30101', '基本工资', ['50.00', '50.00', null]),
        row('30102', '津贴补贴', ['29.00', '29.00', null]),
      ],
    );
    expect(run(tableParentChildren, budgetDoc({ tables: [basic] }))).toStrictEqual([
      finding(
        tableParentChildren,
        'error',
        { table: 'general-basic', row: '301', column: '合计', line: 11 },
        79,
        80,
      ),
      finding(
        tableParentChildren,
        'error',
        { table: 'general-basic', row: '301', column: '人员经费', line: 11 },
        79,
        80,
      ),
    ]);
  });

  it('does not check tables without classification codes', () => {
    const threePublic = table(
      'three-public',
      '财政拨款"三公"经费支出表',
      ['合计'],
      [row(null, '合计', ['10.00']), row(null, '公务接待费', ['3.00'])],
    );
    expect(run(tableParentChildren, budgetDoc({ tables: [threePublic] }))).toStrictEqual([]);
  });
});
