import { describe, expect, it } from 'vitest';
import { textPartsSum } from '../../src/check/rules/text-parts-sum.ts';
import type { StatedAmount } from '../../src/model/document.ts';
import { budgetDoc, type StatedOptions, stated } from './build.ts';
import { finding, run } from './check.ts';

const overall = '二、部门预算安排的总体情况';
const threePublic = '四、"三公"经费预算情况';

/** Amounts of one statement (sentence) on one line. */
const inStatement =
  (statement: number, line: number, section = overall) =>
  (subject: StatedAmount['subject'], value: string, opts: StatedOptions = {}) =>
    stated(subject, value, { statement, line, section, ...opts });

describe('text-parts-sum', () => {
  it('passes "支出总计 2381.68 万元，其中基本支出 896.68 万元、项目支出 1485 万元"', () => {
    const s = inStatement(1, 100);
    const doc = budgetDoc({
      statedAmounts: [s('expenditure-total', '2381.68'), s('basic', '896.68'), s('project', '1485')],
    });
    expect(run(textPartsSum, doc)).toStrictEqual([]);
  });

  it('fails a complete decomposition that does not add up (支出 = 基本 + 项目)', () => {
    const s = inStatement(1, 100);
    const doc = budgetDoc({
      statedAmounts: [s('expenditure-total', '2381.68'), s('basic', '896.68'), s('project', '1270')],
    });
    expect(run(textPartsSum, doc)).toStrictEqual([
      finding(textPartsSum, 'error', { section: overall, line: 100 }, 2381.68, 2166.68),
    ]);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const s = inStatement(1, 105);
    const within = budgetDoc({
      statedAmounts: [s('basic', '896.68'), s('personnel', '858.48'), s('public', '38.19')],
    });
    expect(run(textPartsSum, within)).toStrictEqual([
      finding(textPartsSum, 'info', { section: overall, line: 105 }, 896.68, 896.67),
    ]);
    const beyond = budgetDoc({
      statedAmounts: [s('basic', '896.68'), s('personnel', '858.48'), s('public', '38.18')],
    });
    expect(run(textPartsSum, beyond)).toStrictEqual([
      finding(textPartsSum, 'error', { section: overall, line: 105 }, 896.68, 896.66),
    ]);
  });

  it('passes a partial decomposition under the total, fails one over it', () => {
    // 收入总计 has six sources; two stated and adding to less is fine, adding to more is not.
    const s = inStatement(1, 100);
    const under = budgetDoc({
      statedAmounts: [
        s('income-total', '2381.68'),
        s('general-budget-income', '2300'),
        s('carry-over', '70'),
      ],
    });
    expect(run(textPartsSum, under)).toStrictEqual([]);
    const over = budgetDoc({
      statedAmounts: [
        s('income-total', '2381.68'),
        s('general-budget-income', '2300'),
        s('carry-over', '90'),
      ],
    });
    expect(run(textPartsSum, over)).toStrictEqual([
      finding(textPartsSum, 'error', { section: overall, line: 100 }, 2381.68, 2390),
    ]);
  });

  it('checks the 三公 parts and the 公务用车 parts, each against its own total', () => {
    const s = inStatement(3, 150, threePublic);
    const doc = budgetDoc({
      statedAmounts: [
        s('three-public', '12'),
        s('three-public-part', '0', { item: '因公出国（境）费' }),
        s('three-public-part', '7', { item: '公务用车购置及运维费', line: 151 }),
        s('three-public-part', '1', { item: '公务用车购置费', line: 151 }),
        s('three-public-part', '7', { item: '公务用车运行维护费', line: 151 }),
        s('three-public-part', '5', { item: '公务接待费', line: 152 }),
      ],
    });
    // 三公 12 = 0 + 7 + 5 holds; 公务用车 7 ≠ 1 + 7.
    expect(run(textPartsSum, doc)).toStrictEqual([
      finding(textPartsSum, 'error', { section: threePublic, line: 151 }, 7, 8),
    ]);
  });

  it('warns when the listed projects add up to less than 项目支出, errs when more', () => {
    const s = inStatement(2, 110);
    const project = (name: string, value: string) => s('project-item', value, { item: name, line: 111 });
    const fewer = budgetDoc({
      statedAmounts: [
        s('project', '1485'),
        project('外贸企业安全检查经费', '10'),
        project('招商引资经费', '1000'),
      ],
    });
    expect(run(textPartsSum, fewer)).toStrictEqual([
      finding(textPartsSum, 'warning', { section: overall, line: 110 }, 1485, 1010),
    ]);
    const more = budgetDoc({
      statedAmounts: [
        s('project', '1270'),
        project('外贸企业安全检查经费', '485'),
        project('招商引资经费', '1000'),
      ],
    });
    expect(run(textPartsSum, more)).toStrictEqual([
      finding(textPartsSum, 'error', { section: overall, line: 110 }, 1270, 1485),
    ]);
  });

  it('signs the parts of a change by their own direction', () => {
    // 支出总计比上年增加 100 万元，其中基本支出增加 120 万元、项目支出减少 20 万元: 120 − 20 = 100.
    const s = inStatement(1, 100);
    const up = { direction: 'increase', explained: true } as const;
    const down = { direction: 'decrease', explained: true } as const;
    const ok = budgetDoc({
      statedAmounts: [
        s('expenditure-total', '100', { change: up }),
        s('basic', '120', { change: up }),
        s('project', '20', { change: down }),
      ],
    });
    expect(run(textPartsSum, ok)).toStrictEqual([]);
    const wrong = budgetDoc({
      statedAmounts: [
        s('expenditure-total', '100', { change: up }),
        s('basic', '120', { change: up }),
        s('project', '30', { change: down }),
      ],
    });
    expect(run(textPartsSum, wrong)).toStrictEqual([
      finding(textPartsSum, 'error', { section: overall, line: 100 }, 100, 90),
    ]);
  });

  it('only takes parts from the same statement, and levels and changes apart', () => {
    const doc = budgetDoc({
      statedAmounts: [
        stated('expenditure-total', '2381.68', { statement: 1, line: 100 }),
        stated('basic', '50', {
          statement: 1,
          line: 100,
          change: { direction: 'increase', explained: true },
        }),
        // The next sentence: not parts of 支出总计.
        stated('basic', '896.68', { statement: 2, line: 101 }),
        stated('project', '1', { statement: 2, line: 101 }),
      ],
    });
    expect(run(textPartsSum, doc)).toStrictEqual([]);
  });
  it('counts a part stated again in the same statement once (…。具体情况如下：（一）公务接待费…)', () => {
    const s = inStatement(1, 14, threePublic);
    const doc = budgetDoc({
      statedAmounts: [
        s('three-public', '3.1'),
        s('three-public-part', '3.1', { item: '公务接待费' }),
        s('three-public-part', '0', { item: '公务用车购置及运维费' }),
        s('three-public-part', '3.1', { item: '公务接待费' }),
      ],
    });
    expect(run(textPartsSum, doc)).toStrictEqual([]);
  });
  it('takes as parts of a change only changes against the same year', () => {
    const s = inStatement(2, 30, threePublic);
    const doc = budgetDoc({
      statedAmounts: [
        s('three-public', '24.87', {
          change: { direction: 'decrease', comparedYear: 2019, explained: true },
        }),
        s('three-public-part', '12.02', {
          item: '因公出国（境）费',
          change: { direction: 'increase', explained: true },
        }),
        s('three-public-part', '20.63', {
          item: '公务接待费',
          change: { direction: 'increase', explained: true },
        }),
        s('three-public-part', '6.32', {
          item: '公务用车购置及运维费',
          change: { direction: 'increase', explained: true },
        }),
      ],
    });
    expect(run(textPartsSum, doc)).toStrictEqual([]);
  });
});
