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

  it('names each part’s unexplained change with the whole’s, in one finding', () => {
    const change = (direction: 'increase' | 'decrease') => ({ direction, explained: false });
    const doc = budgetDoc({
      statedAmounts: [
        stated('three-public', '433', { section, line: 150, change: change('decrease') }),
        {
          ...stated('three-public-part', '816', { section, line: 151, change: change('increase') }),
          item: '公务用车运行维护费',
        },
      ],
    });
    const found = run(threePublicChangeReason, doc);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/"三公"经费比上年减少 433万元，公务用车运行维护费比上年增加 816万元/);
  });
});
