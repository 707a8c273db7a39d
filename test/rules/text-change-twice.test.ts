import { describe, expect, it } from 'vitest';
import { textChangeTwice } from '../../src/check/rules/text-change-twice.ts';
import type { StatedChange } from '../../src/model/document.ts';
import { budgetDoc } from './build.ts';
import { finding, run } from './check.ts';

const change = (name: string, amount: string, by: string, section: string, line: number): StatedChange => ({
  name,
  amount,
  change: by,
  direction: 'increase',
  percent: '10',
  unit: '万元',
  section,
  source: { line },
});

describe('text-change-twice', () => {
  it('passes one total stated twice with one change, and two 项 of equal amounts with their own changes', () => {
    const doc = budgetDoc({
      statedChanges: [
        change('一般公共预算收入预算', '1000', '90', '一、收支预算总体情况说明', 10),
        change('某局财政拨款收、支总预算', '1000', '90', '四、财政拨款收支预算总体情况说明', 40),
        change('1．行政运行（项）支出', '200', '20', '五、财政拨款支出预算情况说明', 50),
        change('2．一般行政管理事务（项）支出', '200', '15', '五、财政拨款支出预算情况说明', 51),
      ],
    });
    expect(run(textChangeTwice, doc)).toStrictEqual([]);
  });

  it('fails one total stated in two sections with two changes', () => {
    const doc = budgetDoc({
      statedChanges: [
        change('一般公共预算收入预算', '1000', '90.3', '一、收支预算总体情况说明', 10),
        change('某局财政拨款收、支总预算', '1000', '90', '四、财政拨款收支预算总体情况说明', 40),
      ],
    });
    expect(run(textChangeTwice, doc)).toStrictEqual([
      finding(textChangeTwice, 'error', { section: '四、财政拨款收支预算总体情况说明', line: 40 }, 90.3, 90),
    ]);
  });
});

describe('text-change-twice: the year’s own figure and the one with the carry-overs', () => {
  it('本年收入合计 and 收入总计 may be equal this year and not the year before', () => {
    const doc = budgetDoc({
      statedChanges: [
        change('本年收入合计', '1000', '90', '一、收支总体情况', 10),
        change('收入总计', '1000', '95', '一、收支总体情况', 12),
      ],
    });
    expect(run(textChangeTwice, doc)).toStrictEqual([]);
  });
});
