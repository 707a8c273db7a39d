import { describe, expect, it } from 'vitest';
import { yearConsistency } from '../../src/check/rules/year-consistency.ts';
import { budgetDoc, performanceDoc } from './build.ts';
import { finding, run } from './check.ts';

const seen = (year: number, line: number, context: string) => ({ year, source: { line }, context });

describe('year-consistency', () => {
  it('passes when cover, table headers and headings all print the budget year', () => {
    const doc = budgetDoc({
      year: 2025,
      yearsSeen: [seen(2025, 1, '封面'), seen(2025, 30, '表头'), seen(2025, 100, '标题')],
    });
    expect(run(yearConsistency, doc)).toStrictEqual([]);
  });

  it('fails a table header left at last year', () => {
    const doc = budgetDoc({ year: 2025, yearsSeen: [seen(2025, 1, '封面'), seen(2024, 30, '表头')] });
    expect(run(yearConsistency, doc)).toStrictEqual([
      finding(yearConsistency, 'error', { line: 30 }, 2025, 2024),
    ]);
  });

  it('checks performance texts too, and says nothing without a document year', () => {
    const perf = performanceDoc({ year: 2025, yearsSeen: [seen(2026, 5, '标题')] });
    expect(run(yearConsistency, perf)).toStrictEqual([
      finding(yearConsistency, 'error', { line: 5 }, 2025, 2026),
    ]);
    const noYear = budgetDoc({ yearsSeen: [seen(2024, 30, '表头')] });
    delete noYear.year;
    expect(run(yearConsistency, noYear)).toStrictEqual([]);
  });
});
