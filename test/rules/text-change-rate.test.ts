import { describe, expect, it } from 'vitest';
import { textChangeRate } from '../../src/check/rules/text-change-rate.ts';
import type { StatedChange } from '../../src/model/document.ts';
import { budgetDoc } from './build.ts';
import { finding, run } from './check.ts';

const heading = '一、收支预算总体情况说明';
const change = (
  amount: string,
  by: string,
  direction: StatedChange['direction'],
  percent: string,
  line = 10,
): StatedChange => ({
  name: '收支预算总计',
  amount,
  change: by,
  direction,
  percent,
  unit: '万元',
  section: heading,
  source: { line },
});

describe('text-change-rate', () => {
  it('passes rates that are the change over the year before, at the precision printed', () => {
    const doc = budgetDoc({
      statedChanges: [
        change('21940.96', '3959.28', 'increase', '22'), // 22.02% printed to the unit
        change('1895', '184.96', 'decrease', '8.89'), // 184.96 / 2079.96
        change('100', '20', 'decrease', '16.67'), // 20 / 120
        // 134 of 2029 printed to the unit: 6.6%, the whole 6.5–7.5 band allows it.
        change('1895', '134', 'decrease', '7'),
      ],
    });
    expect(run(textChangeRate, doc)).toStrictEqual([]);
  });

  it('fails a rate computed on the wrong base or with a decimal lost (expected at the printed precision)', () => {
    const doc = budgetDoc({
      statedChanges: [
        change('21955.35', '3958.67', 'increase', '21.95', 11),
        change('1895', '134', 'decrease', '0.66', 12),
      ],
    });
    const findings = run(textChangeRate, doc);
    expect(findings).toStrictEqual([
      finding(textChangeRate, 'error', { section: heading, line: 11 }, 22, 21.95),
      finding(textChangeRate, 'error', { section: heading, line: 12 }, 6.6, 0.66),
    ]);
    expect(findings[0]!.message).toContain('按上年数 17996.68万元 计算应为 22.00%');
  });

  it('a rate truncated rather than rounded is info', () => {
    // 1000 over 8100 is 12.3456…%: rounded 12.35, truncated 12.34.
    const findings = run(
      textChangeRate,
      budgetDoc({ statedChanges: [change('9100.00', '1000.00', 'increase', '12.34')] }),
    );
    expect(findings.map((f) => f.severity)).toStrictEqual(['info']);
    expect(findings[0]!.message).toContain('截断');
  });

  it('a rate of growth from nothing (50万元，增加50万元，增长100%) is a warning; a fall to nothing is no such case', () => {
    const doc = budgetDoc({
      statedChanges: [change('50', '50', 'increase', '100', 11), change('0', '20', 'decrease', '100', 12)],
    });
    expect(run(textChangeRate, doc)).toStrictEqual([
      finding(textChangeRate, 'warning', { section: heading, line: 11 }),
    ]);
  });
});
