import { describe, expect, it } from 'vitest';
import { projectTarget } from '../../src/check/rules/project-target.ts';
import { budgetDoc, performanceDoc, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

describe('project-target', () => {
  it('passes a project with a 绩效目标 and indicators', () => {
    expect(run(projectTarget, budgetDoc({ projects: [project()] }))).toStrictEqual([]);
  });

  it('fails a project with no 绩效目标 text', () => {
    const doc = budgetDoc({ projects: [project({ target: '  ', line: 300 })] });
    expect(run(projectTarget, doc)).toStrictEqual([
      finding(projectTarget, 'error', { project: projectCode, line: 300 }),
    ]);
  });

  it('fails a project with only its budget: no target and no indicators, one finding', () => {
    const doc = performanceDoc({ projects: [project({ target: '', indicators: [], line: 300 })] });
    const findings = run(projectTarget, doc);
    expect(findings).toStrictEqual([finding(projectTarget, 'error', { project: projectCode, line: 300 })]);
    expect(findings[0]!.message).toContain('绩效目标和绩效指标');
  });
});
