import { describe, expect, it } from 'vitest';
import { threePublicChangeReason } from '../../src/check/rules/three-public-change-reason.ts';
import { budgetDoc, stated } from './build.ts';
import { finding, run } from './check.ts';

const section = '四、"三公"经费预算情况及增减变化原因';

describe('three-public-change-reason', () => {
  it('passes a 三公 decrease with its reason, and a 三公 level with no change', () => {
    const doc = budgetDoc({
      statedAmounts: [
        stated('three-public', '7', { section, line: 150 }),
        stated('three-public', '0.02', {
          section,
          line: 150,
          change: { direction: 'decrease', comparedYear: 2024, explained: true },
        }),
      ],
    });
    expect(run(threePublicChangeReason, doc)).toStrictEqual([]);
  });

  it('fails a 三公 increase with no reason given', () => {
    const doc = budgetDoc({
      statedAmounts: [
        stated('three-public', '10', {
          section,
          line: 150,
          change: { direction: 'increase', explained: false },
        }),
        // A second unexplained change in the same section is the same omission.
        stated('three-public', '3', {
          section,
          line: 152,
          change: { direction: 'decrease', explained: false },
        }),
      ],
    });
    expect(run(threePublicChangeReason, doc)).toStrictEqual([
      finding(threePublicChangeReason, 'warning', { section, line: 150 }),
    ]);
  });

  it('does not ask a reason for changes of other subjects', () => {
    const doc = budgetDoc({
      statedAmounts: [stated('project', '10', { change: { direction: 'increase', explained: false } })],
    });
    expect(run(threePublicChangeReason, doc)).toStrictEqual([]);
  });
});
