import { describe, expect, it } from 'vitest';
import { projectCode as projectCodeRule } from '../../src/check/rules/project-code.ts';
import { budgetDoc, performanceDoc, project } from './build.ts';
import { finding, run } from './check.ts';

describe('project-code', () => {
  it('passes 21-character codes of digits and capital letters', () => {
    const doc = budgetDoc({
      projects: [project({ code: '130225250000000000001' }), project({ code: '13022525P00HHX6100123' })],
    });
    expect(run(projectCodeRule, doc)).toStrictEqual([]);
  });

  it('fails a 19-character code (expected 21, actual 19)', () => {
    const doc = performanceDoc({ projects: [project({ code: '13022525P00HHX61001', line: 300 })] });
    expect(run(projectCodeRule, doc)).toStrictEqual([
      finding(projectCodeRule, 'error', { project: '13022525P00HHX61001', line: 300 }, 21, 19),
    ]);
  });
});
