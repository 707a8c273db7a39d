import { describe, expect, it } from 'vitest';
import { requiredTables } from '../../src/check/rules/required-tables.ts';
import type { BudgetTable, TableKey } from '../../src/model/document.ts';
import { budgetDoc, finalDoc, performanceDoc, project, table } from './build.ts';
import { finding, run } from './check.ts';

const national: TableKey[] = [
  'summary',
  'income',
  'expenditure',
  'fiscal-summary',
  'general-expenditure',
  'general-basic',
  'fund-expenditure',
  'capital-expenditure',
  'three-public',
];
const tablesFor = (keys: TableKey[]): BudgetTable[] => keys.map((k) => table(k, k, ['合计'], []));

describe('required-tables', () => {
  it('passes a national budget with all nine tables', () => {
    expect(run(requiredTables, budgetDoc({ tables: tablesFor(national) }))).toStrictEqual([]);
  });

  it('fails a budget without its 政府性基金预算财政拨款支出表', () => {
    const doc = budgetDoc({ tables: tablesFor(national.filter((k) => k !== 'fund-expenditure')) });
    expect(run(requiredTables, doc)).toStrictEqual([
      finding(requiredTables, 'error', { table: 'fund-expenditure' }),
    ]);
  });

  it('asks a Hebei county budget also for 政府采购预算表 and 固定资产占用情况表', () => {
    const hebei = budgetDoc({
      tables: tablesFor(national),
      projects: [project({ code: '130225250000000000001' })],
    });
    expect(run(requiredTables, hebei)).toStrictEqual([
      finding(requiredTables, 'error', { table: 'procurement' }),
      finding(requiredTables, 'error', { table: 'assets' }),
    ]);
    const complete = budgetDoc({
      tables: tablesFor([...national, 'procurement', 'assets']),
      projects: [project({ code: '130225250000000000001' })],
    });
    expect(run(requiredTables, complete)).toStrictEqual([]);
  });

  it('asks no tables of a performance text, and the nine 决算 tables of a final account', () => {
    expect(run(requiredTables, performanceDoc())).toStrictEqual([]);
    expect(run(requiredTables, finalDoc()).map((f) => f.where.table)).toStrictEqual([
      'final-summary',
      'final-income',
      'final-expenditure',
      'final-fiscal-summary',
      'final-general-expenditure',
      'final-general-basic',
      'final-three-public',
      'final-fund',
      'final-capital',
    ]);
  });
});
