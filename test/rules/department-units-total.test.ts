import { describe, expect, it } from 'vitest';
import { departmentUnitsTotal } from '../../src/check/rules/department-units-total.ts';
import type { Document } from '../../src/model/document.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

/** A department's (or, with `unitCode`, one unit's) budget: 支出总表 合计 with 基本 and 项目. */
function spending(basic: string, project: string, unitCode?: string, unit: '万元' | '元' = '万元'): Document {
  const total = (Number(basic) + Number(project)).toFixed(2);
  const doc = budgetDoc({
    tables: [
      table(
        'expenditure',
        '部门预算支出总表',
        ['合计', '基本支出', '项目支出'],
        [row(null, '合计', [total, basic, project])],
        { unit },
      ),
    ],
  });
  doc.department = { name: unitCode ? `单位${unitCode}` : '示范局', code: '366' };
  if (unitCode) doc.department.unitCode = unitCode;
  return doc;
}

describe('department-units-total', () => {
  it('passes a department whose totals are its units’ sums (元 units converted)', () => {
    const units = [spending('300.00', '120.50', '366001'), spending('2000000.00', '0.00', '366002', '元')];
    expect(run(departmentUnitsTotal, spending('500.00', '120.50'), { units })).toStrictEqual([]);
  });

  it('fails a department total that its units do not add up to', () => {
    const units = [spending('300.00', '120.50', '366001'), spending('200.00', '0.00', '366002')];
    expect(run(departmentUnitsTotal, spending('500.00', '130.50'), { units })).toStrictEqual([
      finding(
        departmentUnitsTotal,
        'error',
        { table: 'expenditure', row: '合计', column: '项目支出' },
        120.5,
        130.5,
      ),
    ]);
  });

  it('does not run without units, on a unit’s own document, nor before every listed unit is stored', () => {
    const units = [spending('300.00', '120.50', '366001')];
    const department = spending('500.00', '130.50');
    expect(run(departmentUnitsTotal, department)).toStrictEqual([]);
    expect(run(departmentUnitsTotal, spending('500.00', '130.50', '366009'), { units })).toStrictEqual([]);
    const listed = (name: string, line: number) => ({
      name,
      nature: '行政',
      rank: '正科级',
      funding: '财政拨款',
      source: { line },
    });
    department.units = [listed('示范局本级', 3), listed('示范中心', 4)];
    expect(run(departmentUnitsTotal, department, { units })).toStrictEqual([]);
  });
});
