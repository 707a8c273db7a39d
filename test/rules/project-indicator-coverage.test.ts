import { describe, expect, it } from 'vitest';
import { projectIndicatorCoverage } from '../../src/check/rules/project-indicator-coverage.ts';
import { budgetDoc, fullIndicators, indicator, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

describe('project-indicator-coverage', () => {
  it('passes a project with 产出, 效益 and 满意度 indicators', () => {
    expect(run(projectIndicatorCoverage, budgetDoc({ projects: [project()] }))).toStrictEqual([]);
  });

  it('fails a project without a 满意度 indicator, once per project', () => {
    const doc = budgetDoc({ projects: [project({ indicators: fullIndicators().slice(0, 2), line: 300 })] });
    const findings = run(projectIndicatorCoverage, doc);
    expect(findings).toStrictEqual([
      finding(projectIndicatorCoverage, 'warning', { project: projectCode, line: 300 }),
    ]);
    expect(findings[0]!.message).toContain('满意度指标');
  });

  it('counts a 成本指标 as an output indicator and names every missing class', () => {
    const cost = indicator({ level1: '成本指标', level2: '经济成本指标', value: '≤10万元' });
    expect(
      run(projectIndicatorCoverage, budgetDoc({ projects: [project({ indicators: [cost] })] })),
    ).toStrictEqual([finding(projectIndicatorCoverage, 'warning', { project: projectCode, line: 200 })]);
    const message = run(
      projectIndicatorCoverage,
      budgetDoc({ projects: [project({ indicators: [cost] })] }),
    )[0]!.message;
    expect(message).toContain('效益指标、满意度指标');
    expect(message).not.toContain('产出');
  });

  it('leaves a project without indicators to project-target', () => {
    expect(
      run(projectIndicatorCoverage, budgetDoc({ projects: [project({ indicators: [] })] })),
    ).toStrictEqual([]);
  });
});
