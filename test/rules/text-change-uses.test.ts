import { describe, expect, it } from 'vitest';
import { textChangeUses } from '../../src/check/rules/text-change-uses.ts';
import type { StatedAmount } from '../../src/model/document.ts';
import { budgetDoc, stated } from './build.ts';
import { finding, run } from './check.ts';

const up = { direction: 'increase', comparedYear: 2023, explained: true } as const;
const down = { direction: 'decrease', comparedYear: 2023, explained: true } as const;
/** A level and its change, stated in one statement. */
const leveled = (
  subject: StatedAmount['subject'],
  level: string,
  value: string,
  by: StatedAmount['change'],
  statement: number,
  line: number,
) => [stated(subject, level, { statement, line }), stated(subject, value, { change: by, statement, line })];

describe('text-change-uses', () => {
  it('passes changes by use, stated apart, that make the total change; a 类 change after it is not a total', () => {
    const doc = budgetDoc({
      statedAmounts: [
        ...leveled('expenditure-total', '1000', '100', down, 1, 10),
        ...leveled('expenditure-total', '300', '20', up, 2, 11), // a 类's change, within the whole's
        ...leveled('basic', '800', '50', up, 3, 20),
        ...leveled('project', '200', '150', down, 4, 30),
      ],
    });
    expect(run(textChangeUses, doc)).toStrictEqual([]);
  });

  it('fails changes by use that do not make the total change (745.91 against 654 − 1994.21)', () => {
    const doc = budgetDoc({
      statedAmounts: [
        ...leveled('expenditure-total', '4213.63', '745.91', down, 1, 10),
        ...leveled('basic', '3736.92', '654', up, 3, 20),
        ...leveled('project', '476.71', '1994.21', down, 4, 30),
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

  it('does not guess: a use stated twice with two changes, one use only, or a “total” smaller than its uses', () => {
    const twice = budgetDoc({
      statedAmounts: [
        ...leveled('expenditure-total', '1000', '100', down, 1, 10),
        ...leveled('basic', '800', '50', up, 3, 20),
        ...leveled('basic', '800', '60', up, 5, 40),
        ...leveled('project', '200', '100', down, 4, 30),
      ],
    });
    expect(run(textChangeUses, twice)).toStrictEqual([]);
    const one = budgetDoc({
      statedAmounts: [
        ...leveled('expenditure-total', '1000', '100', down, 1, 10),
        ...leveled('basic', '800', '50', up, 3, 20),
      ],
    });
    expect(run(textChangeUses, one)).toStrictEqual([]);
    // 一般公共服务支出 300, read as of 支出, is no total of 基本 800 and 项目 200.
    const aClass = budgetDoc({
      statedAmounts: [
        ...leveled('expenditure-total', '300', '100', up, 1, 10),
        ...leveled('basic', '800', '50', up, 3, 20),
        ...leveled('project', '200', '30', up, 4, 30),
      ],
    });
    expect(run(textChangeUses, aClass)).toStrictEqual([]);
  });
});
