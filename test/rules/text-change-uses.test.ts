import { describe, expect, it } from 'vitest';
import { textChangeUses } from '../../src/check/rules/text-change-uses.ts';
import type { StatedAmount } from '../../src/model/document.ts';
import { budgetDoc, stated } from './build.ts';
import { finding, run } from './check.ts';

const up = { direction: 'increase', comparedYear: 2023, explained: true } as const;
const down = { direction: 'decrease', comparedYear: 2023, explained: true } as const;
const change = (
  subject: StatedAmount['subject'],
  value: string,
  by: StatedAmount['change'],
  statement: number,
  line: number,
) => stated(subject, value, { change: by, statement, line });

describe('text-change-uses', () => {
  it('passes changes by use, stated apart, that make the total change; a 类 change after it is not a total', () => {
    const doc = budgetDoc({
      statedAmounts: [
        change('expenditure-total', '100', down, 1, 10),
        change('expenditure-total', '20', up, 2, 11), // a 类's change, within the whole's
        change('basic', '50', up, 3, 20),
        change('project', '150', down, 4, 30),
      ],
    });
    expect(run(textChangeUses, doc)).toStrictEqual([]);
  });

  it('fails changes by use that do not make the total change (745.91 against 654 − 1994.21)', () => {
    const doc = budgetDoc({
      statedAmounts: [
        change('expenditure-total', '745.91', down, 1, 10),
        change('basic', '654', up, 3, 20),
        change('project', '1994.21', down, 4, 30),
      ],
    });
    expect(run(textChangeUses, doc)).toStrictEqual([
      finding(
        textChangeUses,
        'error',
        { section: '二、部门预算安排的总体情况', line: 10 },
        -745.91,
        -1340.21,
      ),
    ]);
  });

  it('does not guess when a use’s change is stated twice with two values, or only one use is stated', () => {
    const twice = budgetDoc({
      statedAmounts: [
        change('expenditure-total', '100', down, 1, 10),
        change('basic', '50', up, 3, 20),
        change('basic', '60', up, 5, 40),
        change('project', '100', down, 4, 30),
      ],
    });
    expect(run(textChangeUses, twice)).toStrictEqual([]);
    const one = budgetDoc({
      statedAmounts: [change('expenditure-total', '100', down, 1, 10), change('basic', '50', up, 3, 20)],
    });
    expect(run(textChangeUses, one)).toStrictEqual([]);
  });
});
