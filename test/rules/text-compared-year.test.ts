import { describe, expect, it } from 'vitest';
import { textComparedYear } from '../../src/check/rules/text-compared-year.ts';
import type { StatedAmount } from '../../src/model/document.ts';
import { budgetDoc, stated } from './build.ts';
import { finding, run } from './check.ts';

const overall = '二、部门预算安排的总体情况';
const increase = (comparedYear?: number): StatedAmount['change'] =>
  comparedYear === undefined
    ? { direction: 'increase', explained: true }
    : { direction: 'increase', comparedYear, explained: true };

describe('text-compared-year', () => {
  it('passes a 2025 budget compared with 2024', () => {
    const doc = budgetDoc({
      year: 2025,
      statedAmounts: [
        stated('income-total', '2381.68', { line: 100 }),
        stated('income-total', '659.12', { line: 100, change: increase(2024) }),
        // 比上年 without a year printed: nothing to check.
        stated('expenditure-total', '659.12', { line: 101, change: increase() }),
      ],
    });
    expect(run(textComparedYear, doc)).toStrictEqual([]);
  });

  it('fails a 2025 budget "较2023年预算增加" (expected 2024, actual 2023)', () => {
    const doc = budgetDoc({
      year: 2025,
      statedAmounts: [stated('income-total', '659.12', { line: 100, change: increase(2023) })],
    });
    expect(run(textComparedYear, doc)).toStrictEqual([
      finding(textComparedYear, 'error', { section: overall, line: 100 }, 2024, 2023),
    ]);
  });

  it('reports one finding per comparison, not per amount that inherits it', () => {
    const doc = budgetDoc({
      year: 2025,
      statedAmounts: [
        stated('income-total', '659.12', { line: 100, change: increase(2023) }),
        stated('expenditure-total', '659.12', { line: 100, change: increase(2023) }),
        stated('three-public', '1', { line: 140, section: '四、"三公"经费', change: increase(2023) }),
      ],
    });
    expect(run(textComparedYear, doc)).toStrictEqual([
      finding(textComparedYear, 'error', { section: overall, line: 100 }, 2024, 2023),
      finding(textComparedYear, 'error', { section: '四、"三公"经费', line: 140 }, 2024, 2023),
    ]);
  });

  it('says nothing when the document year is unknown', () => {
    const doc = budgetDoc({ statedAmounts: [stated('income-total', '1', { change: increase(2023) })] });
    delete doc.year;
    expect(run(textComparedYear, doc)).toStrictEqual([]);
  });
  it('passes a statement set against the year before that adds a comparison with an earlier year (比2019年（疫情前）)', () => {
    const doc = budgetDoc({
      year: 2023,
      statedAmounts: [
        stated('three-public', '38.97', { statement: 3, line: 100, change: increase() }),
        stated('three-public', '24.87', { statement: 3, line: 100, change: increase(2019) }),
      ],
    });
    expect(run(textComparedYear, doc)).toStrictEqual([]);
  });
});
