import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/engine.ts';
import { textChangeVsPrior } from '../../src/check/rules/text-change-vs-prior.ts';
import type { Document } from '../../src/model/document.ts';
import { budgetDoc, row, stated, table } from './build.ts';
import { finding } from './check.ts';

/** A budget whose 支出总表 合计 row has 基本支出 `basic` and 项目支出 `project`. */
const withSpending = (
  year: number,
  basic: string,
  project: string,
  statedAmounts = [] as Document['statedAmounts'],
) => {
  const total = (Number(basic) + Number(project)).toFixed(2);
  const doc = budgetDoc({
    tables: [
      table(
        'expenditure',
        '部门预算支出总表',
        ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
        [row(null, '合计', [total, basic, project, null, null, null])],
      ),
    ],
    statedAmounts,
  });
  doc.year = year;
  return doc;
};

const run = (doc: Document, previous?: Document) =>
  checkDocument(doc, previous ? { previous } : {}, [textChangeVsPrior]);
const where = { section: '二、部门预算安排的总体情况', line: 100 };

describe('text-change-vs-prior', () => {
  const before = withSpending(2024, '800.00', '400.00');

  it('passes a stated change equal to this year minus last year', () => {
    const now = withSpending(2025, '836.12', '1023.00', [
      stated('basic', '36.12', { change: { direction: 'increase', comparedYear: 2024, explained: false } }),
      stated('project', '623', { change: { direction: 'increase', comparedYear: 2024, explained: false } }),
    ]);
    expect(run(now, before)).toStrictEqual([]);
  });

  it('fails a stated change that the two years do not bear out (signed: a decrease is negative)', () => {
    const now = withSpending(2025, '836.12', '300.00', [
      stated('project', '90', { change: { direction: 'decrease', comparedYear: 2024, explained: false } }),
    ]);
    expect(run(now, before)).toStrictEqual([finding(textChangeVsPrior, 'error', where, -100, -90)]);
  });

  it('does not run without the prior year, nor for a change compared with another year', () => {
    const now = withSpending(2025, '836.12', '300.00', [
      stated('project', '90', { change: { direction: 'decrease', comparedYear: 2023, explained: false } }),
    ]);
    expect(run(now)).toStrictEqual([]);
    expect(run(now, before)).toStrictEqual([]);
  });
});
