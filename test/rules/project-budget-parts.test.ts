import { describe, expect, it } from 'vitest';
import { projectBudgetParts } from '../../src/check/rules/project-budget-parts.ts';
import { budgetDoc, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

const parts = (budget: string, fiscal: string | null, other: string | null) =>
  budgetDoc({ projects: [project({ budget, fiscal, other, line: 300 })] });
const where = { project: projectCode, line: 300 };

describe('project-budget-parts', () => {
  it('passes 预算数 = 财政资金 + 其他资金', () => {
    expect(run(projectBudgetParts, parts('50', '40', '10'))).toStrictEqual([]);
    expect(run(projectBudgetParts, parts('50', '50', null))).toStrictEqual([]);
  });

  it('fails 预算数 50, 财政资金 40, 其他资金 0', () => {
    expect(run(projectBudgetParts, parts('50', '40', '0'))).toStrictEqual([
      finding(projectBudgetParts, 'error', where, 40, 50),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    expect(run(projectBudgetParts, parts('50', '40', '9.99'))).toStrictEqual([
      finding(projectBudgetParts, 'info', where, 49.99, 50),
    ]);
    expect(run(projectBudgetParts, parts('50', '40', '9.98'))).toStrictEqual([
      finding(projectBudgetParts, 'error', where, 49.98, 50),
    ]);
  });

  it('says nothing when neither part is printed', () => {
    expect(run(projectBudgetParts, parts('50', null, null))).toStrictEqual([]);
  });
});
