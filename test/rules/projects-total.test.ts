import { describe, expect, it } from 'vitest';
import { projectsTotal } from '../../src/check/rules/projects-total.ts';
import type { MoneyUnit } from '../../src/model/document.ts';
import { budgetDoc, performanceDoc, project, row, table } from './build.ts';
import { finding, run } from './check.ts';

// 部门预算支出总表 with 项目支出 合计 50.00 on line 31.
const expenditure = table(
  'expenditure',
  '部门预算支出总表',
  ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
  [row(null, '合计', ['130.00', '80.00', '50.00', null, null, null])],
  { line: 30 },
);
const withProjects = (...budgets: [string, MoneyUnit?][]) =>
  budgetDoc({
    tables: [expenditure],
    projects: budgets.map(([budget, unit], i) =>
      project({ code: `11010125P00000000000${i}`, budget, fiscal: budget, unit: unit ?? '万元' }),
    ),
  });
const where = { table: 'expenditure' as const, row: '合计', column: '项目支出', line: 31 };

describe('projects-total', () => {
  it('passes when the project budgets add up to 项目支出 (a project in 元 converted)', () => {
    expect(run(projectsTotal, withProjects(['30'], ['20']))).toStrictEqual([]);
    expect(run(projectsTotal, withProjects(['30'], ['200000', '元']))).toStrictEqual([]);
  });

  it('fails project budgets exceeding 项目支出 as an error', () => {
    expect(run(projectsTotal, withProjects(['30'], ['25']))).toStrictEqual([
      finding(projectsTotal, 'error', where, 50, 55),
    ]);
  });

  it('warns when the project budgets fall short of 项目支出', () => {
    expect(run(projectsTotal, withProjects(['30'], ['15']))).toStrictEqual([
      finding(projectsTotal, 'warning', where, 50, 45),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    expect(run(projectsTotal, withProjects(['30'], ['20.01']))).toStrictEqual([
      finding(projectsTotal, 'info', where, 50, 50.01),
    ]);
    expect(run(projectsTotal, withProjects(['30'], ['20.02']))).toStrictEqual([
      finding(projectsTotal, 'error', where, 50, 50.02),
    ]);
    expect(run(projectsTotal, withProjects(['30'], ['19.99']))).toStrictEqual([
      finding(projectsTotal, 'info', where, 50, 49.99),
    ]);
  });

  it('applies to budget documents only, with projects and an expenditure table', () => {
    const perf = performanceDoc({ tables: [expenditure], projects: [project({ budget: '99' })] });
    expect(run(projectsTotal, perf)).toStrictEqual([]);
    expect(run(projectsTotal, budgetDoc({ tables: [expenditure] }))).toStrictEqual([]);
    expect(run(projectsTotal, budgetDoc({ projects: [project({ budget: '99' })] }))).toStrictEqual([]);
  });
});
