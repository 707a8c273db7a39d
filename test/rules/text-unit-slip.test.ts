import { describe, expect, it } from 'vitest';
import { textUnitSlip } from '../../src/check/rules/text-unit-slip.ts';
import { finalDoc, stated } from './build.ts';
import { finding, run } from './check.ts';

const section = '一、“三公”经费增减变化情况说明';

describe('text-unit-slip', () => {
  it('passes a figure stated twice in one unit, a zero in both units, and two subjects of one figure', () => {
    const doc = finalDoc({
      statedAmounts: [
        stated('three-public-part', '1.58', { section, line: 10, item: '公务接待费' }),
        stated('three-public-part', '1.58', { section, line: 12, item: '公务接待费' }),
        stated('three-public-part', '0', { section, line: 13, item: '因公出国（境）费', unit: '元' }),
        stated('three-public-part', '0', { section, line: 14, item: '因公出国（境）费' }),
        stated('basic', '1.58', { section, line: 15, unit: '元' }),
      ],
    });
    expect(run(textUnitSlip, doc)).toStrictEqual([]);
  });

  it('fails the same subject’s figure in 元 and then in 万元, once, where it is in 元', () => {
    const doc = finalDoc({
      statedAmounts: [
        stated('three-public-part', '1.58', { section, line: 10, item: '公务接待费' }),
        stated('three-public-part', '1.58', { section, line: 12, item: '公务接待费', unit: '元' }),
        stated('three-public-part', '1.58', { section, line: 12, item: '公务接待费' }),
      ],
    });
    expect(run(textUnitSlip, doc)).toStrictEqual([finding(textUnitSlip, 'error', { section, line: 12 })]);
  });
});
