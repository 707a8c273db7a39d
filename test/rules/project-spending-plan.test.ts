import { describe, expect, it } from 'vitest';
import { projectSpendingPlan } from '../../src/check/rules/project-spending-plan.ts';
import { budgetDoc, plan, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

type Points = [string | null, string | null, string | null, string | null];
const percent = (points: Points) =>
  budgetDoc({ projects: [project({ plan: plan('percent', points, 205) })] });
const amounts = (points: Points) =>
  budgetDoc({ projects: [project({ budget: '10', plan: plan('amount', points, 205) })] });
const at = (month: number) => ({ project: projectCode, column: `${month}月底`, line: 205 });

describe('project-spending-plan', () => {
  it('passes four rising points that reach 100% (or the budget) at 12月底', () => {
    expect(run(projectSpendingPlan, percent(['25', '50', '75', '100']))).toStrictEqual([]);
    expect(run(projectSpendingPlan, percent(['0', '0', '0', '100']))).toStrictEqual([]);
    expect(run(projectSpendingPlan, amounts(['2', '5', '8', '10']))).toStrictEqual([]);
  });

  it('fails a plan of 25%, 25%, 25%, 25% (12月底 not 100%)', () => {
    expect(run(projectSpendingPlan, percent(['25', '25', '25', '25']))).toStrictEqual([
      finding(projectSpendingPlan, 'error', at(12), 100, 25),
    ]);
  });

  it('fails a missing point, with no expected/actual', () => {
    expect(run(projectSpendingPlan, percent([null, null, null, '100']))).toStrictEqual([
      finding(projectSpendingPlan, 'error', at(3)),
      finding(projectSpendingPlan, 'error', at(6)),
      finding(projectSpendingPlan, 'error', at(10)),
    ]);
  });

  it('fails a cumulative point lower than the one before', () => {
    expect(run(projectSpendingPlan, percent(['30', '20', '75', '100']))).toStrictEqual([
      finding(projectSpendingPlan, 'error', at(6), 30, 20),
    ]);
  });

  it('fails an amount plan that does not reach the budget', () => {
    expect(run(projectSpendingPlan, amounts(['2', '5', '8', '9']))).toStrictEqual([
      finding(projectSpendingPlan, 'error', at(12), 10, 9),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    expect(run(projectSpendingPlan, percent(['25', '50', '75', '99.99']))).toStrictEqual([
      finding(projectSpendingPlan, 'info', at(12), 100, 99.99),
    ]);
    expect(run(projectSpendingPlan, percent(['25', '50', '75', '99.98']))).toStrictEqual([
      finding(projectSpendingPlan, 'error', at(12), 100, 99.98),
    ]);
    expect(run(projectSpendingPlan, amounts(['2', '5', '8', '10.01']))).toStrictEqual([
      finding(projectSpendingPlan, 'info', at(12), 10, 10.01),
    ]);
    expect(run(projectSpendingPlan, amounts(['2', '5', '8', '10.02']))).toStrictEqual([
      finding(projectSpendingPlan, 'error', at(12), 10, 10.02),
    ]);
  });

  it('says nothing about a project without a plan', () => {
    expect(run(projectSpendingPlan, budgetDoc({ projects: [project({ plan: null })] }))).toStrictEqual([]);
  });
});
