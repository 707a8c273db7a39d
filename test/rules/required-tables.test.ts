import { describe, expect, it } from 'vitest';
import { requiredTables } from '../../src/check/rules/required-tables.ts';
import type { BudgetTable, TableKey } from '../../src/model/document.ts';
import { budgetDoc, finalDoc, performanceDoc, project, section, table } from './build.ts';
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

  it('reports a fragment (fewer than half the tables) once, as info naming what was found', () => {
    const doc = budgetDoc({
      tables: tablesFor(['summary', 'three-public']),
      sections: [section('二、部门预算安排的总体情况', 10)],
    });
    const findings = run(requiredTables, doc);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('info');
    expect(findings[0]!.message).toMatch(/^只识别出：summary、three-public、情况说明 1 节；未检查完整性/);
    expect(findings[0]!.message).toContain('9 张表格识别出 2 张');
    // Nothing recognised at all: still one info, not nine errors.
    expect(run(requiredTables, budgetDoc({})).map((f) => f.severity)).toStrictEqual(['info']);
    // Half or more present: each missing table is an error.
    const most = budgetDoc({ tables: tablesFor(national.slice(0, 5)) });
    expect(run(requiredTables, most).map((f) => [f.severity, f.where.table])).toStrictEqual(
      national.slice(5).map((k) => ['error', k]),
    );
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
    const finalTables: TableKey[] = [
      'final-summary',
      'final-income',
      'final-expenditure',
      'final-fiscal-summary',
      'final-general-expenditure',
      'final-general-basic',
      'final-three-public',
      'final-fund',
      'final-capital',
    ];
    const withSix = finalDoc({ tables: tablesFor(finalTables.slice(0, 6)) });
    expect(run(requiredTables, withSix).map((f) => f.where.table)).toStrictEqual(finalTables.slice(6));
    // A budget's nine tables do not count for a final account: none of its own is there.
    const budgetTablesOnly = finalDoc({ tables: tablesFor(national) });
    expect(run(requiredTables, budgetTablesOnly).map((f) => f.severity)).toStrictEqual(['info']);
  });
});
