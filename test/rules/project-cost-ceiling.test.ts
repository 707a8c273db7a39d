import { describe, expect, it } from 'vitest';
import { projectCostCeiling } from '../../src/check/rules/project-cost-ceiling.ts';
import type { MoneyUnit } from '../../src/model/document.ts';
import { budgetDoc, fullIndicators, indicator, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

/** A project of 预算数 10 (万元 unless said) with one 成本指标 of the given value on line 220. */
const withCost = (value: string, unit: MoneyUnit = '万元', budget = '10') =>
  budgetDoc({
    projects: [
      project({
        unit,
        budget,
        fiscal: budget,
        indicators: [
          ...fullIndicators(),
          indicator({ level1: '产出指标', level2: '成本指标', level3: '检查经费', value, line: 220 }),
        ],
      }),
    ],
  });

const where = { project: projectCode, line: 220 };

describe('project-cost-ceiling', () => {
  it('passes a cost ceiling within the budget, in 万元 or converted from 元', () => {
    expect(run(projectCostCeiling, withCost('≤10万元'))).toStrictEqual([]);
    expect(run(projectCostCeiling, withCost('≤50000元'))).toStrictEqual([]);
    expect(run(projectCostCeiling, withCost('≤9.5'))).toStrictEqual([]);
  });

  it('fails a ceiling above the budget (expected = budget, actual = ceiling)', () => {
    expect(run(projectCostCeiling, withCost('≤30万元'))).toStrictEqual([
      finding(projectCostCeiling, 'error', where, 10, 30),
    ]);
  });

  it('reads a bare number in the project’s unit', () => {
    expect(run(projectCostCeiling, withCost('≤30'))).toStrictEqual([
      finding(projectCostCeiling, 'error', where, 10, 30),
    ]);
    // A project kept in 元: ≤150000 元 against 预算数 100000 元.
    expect(run(projectCostCeiling, withCost('≤150000', '元', '100000'))).toStrictEqual([
      finding(projectCostCeiling, 'error', where, 100000, 150000),
    ]);
  });

  it('converts 万, 千元 and 亿元', () => {
    expect(run(projectCostCeiling, withCost('≤30万'))).toStrictEqual([
      finding(projectCostCeiling, 'error', where, 10, 30),
    ]);
    expect(run(projectCostCeiling, withCost('≤200千元'))).toStrictEqual([
      finding(projectCostCeiling, 'error', where, 10, 20),
    ]);
    expect(run(projectCostCeiling, withCost('≤0.01亿元', '万元', '100'))).toStrictEqual([]);
    expect(run(projectCostCeiling, withCost('≤0.02亿元', '万元', '100'))).toStrictEqual([
      finding(projectCostCeiling, 'error', where, 100, 200),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    expect(run(projectCostCeiling, withCost('≤100100元'))).toStrictEqual([
      finding(projectCostCeiling, 'info', where, 10, 10.01),
    ]);
    expect(run(projectCostCeiling, withCost('≤100200元'))).toStrictEqual([
      finding(projectCostCeiling, 'error', where, 10, 10.02),
    ]);
  });

  it('does not compare rates, percentages, or amounts outside 成本 indicators', () => {
    expect(run(projectCostCeiling, withCost('≤15%'))).toStrictEqual([]);
    expect(run(projectCostCeiling, withCost('≤30成本节约率'))).toStrictEqual([]);
    const notCost = budgetDoc({
      projects: [project({ indicators: [indicator({ level2: '数量指标', value: '≥30万元' })] })],
    });
    expect(run(projectCostCeiling, notCost)).toStrictEqual([]);
  });
});
