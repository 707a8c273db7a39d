import { describe, expect, it } from 'vitest';
import { noteMissingForEmpty } from '../../src/check/rules/note-missing-for-empty.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const capital = (notes: string[], amount: string | null = null) =>
  table(
    'capital-expenditure',
    '国有资本经营预算财政拨款支出表',
    ['合计', '基本支出', '项目支出'],
    [row(null, '合计', [amount, null, amount])],
    { line: 70, notes, notesSayEmpty: notes.length > 0 },
  );

describe('note-missing-for-empty', () => {
  it('passes an empty required table with its note, and a table with data', () => {
    const noted = capital(['注：无国有资本经营预算财政拨款预算，空表列示。']);
    expect(run(noteMissingForEmpty, budgetDoc({ tables: [noted] }))).toStrictEqual([]);
    expect(run(noteMissingForEmpty, budgetDoc({ tables: [capital([], '3.00')] }))).toStrictEqual([]);
  });

  it('fails an empty required table with no note', () => {
    expect(run(noteMissingForEmpty, budgetDoc({ tables: [capital([])] }))).toStrictEqual([
      finding(noteMissingForEmpty, 'warning', { table: 'capital-expenditure', line: 70 }),
    ]);
  });

  it('accepts, as info, an empty table the 情况说明 says is nil', () => {
    const doc = budgetDoc({ tables: [capital([])] });
    doc.sections.push({
      heading: '十、国有资本经营预算支出情况说明',
      text: '本部门2018年国有资本经营预算支出 0 万元。',
      source: { line: 90 },
    });
    const found = run(noteMissingForEmpty, doc);
    expect(found.map((f) => f.severity)).toStrictEqual(['info']);
  });

  it('treats a table of zeros as empty', () => {
    expect(run(noteMissingForEmpty, budgetDoc({ tables: [capital([], '0.00')] }))).toStrictEqual([
      finding(noteMissingForEmpty, 'warning', { table: 'capital-expenditure', line: 70 }),
    ]);
  });

  it('only asks for notes under the tables the profile requires', () => {
    // 政府采购预算表 is required in Hebei, not by the national profile.
    const procurement = table(
      'procurement',
      '部门政府采购预算表',
      ['预算资金'],
      [row(null, '合计', [null])],
      {
        line: 80,
      },
    );
    expect(run(noteMissingForEmpty, budgetDoc({ tables: [procurement] }))).toStrictEqual([]);
    expect(
      run(noteMissingForEmpty, budgetDoc({ tables: [procurement] }), { profile: 'hebei-county-budget' }),
    ).toStrictEqual([finding(noteMissingForEmpty, 'warning', { table: 'procurement', line: 80 })]);
  });
});
