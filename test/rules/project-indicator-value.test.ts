import { describe, expect, it } from 'vitest';
import { projectIndicatorValue } from '../../src/check/rules/project-indicator-value.ts';
import { budgetDoc, indicator, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

const withValues = (...values: string[]) =>
  budgetDoc({
    projects: [project({ indicators: values.map((value, i) => indicator({ value, line: 210 + i })) })],
  });

describe('project-indicator-value', () => {
  it('passes measurable values: operator + number + unit, deadlines, qualitative phrases', () => {
    expect(
      run(projectIndicatorValue, withValues('≥25家', '≥90%', '≤3.96万元', '2025年12月底', '明显改善')),
    ).toStrictEqual([]);
  });

  it('fails a number glued to free text (≥700按计划完成工作)', () => {
    expect(run(projectIndicatorValue, withValues('≥25家', '≥700按计划完成工作'))).toStrictEqual([
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 211 }),
    ]);
  });

  it('fails an empty value and a bare 是 / 否, each at its own line', () => {
    expect(run(projectIndicatorValue, withValues('', '是', '否', '是否有效节约成本'))).toStrictEqual([
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 210 }),
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 211 }),
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 212 }),
    ]);
  });
});
