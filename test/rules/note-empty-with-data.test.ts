import { describe, expect, it } from 'vitest';
import { noteEmptyWithData } from '../../src/check/rules/note-empty-with-data.ts';
import { budgetDoc, row, table } from './build.ts';
import { finding, run } from './check.ts';

const note = '注：无政府性基金预算财政拨款预算，空表列示。';
const fund = (amount: string | null, page?: number) => {
  const t = table(
    'fund-expenditure',
    '政府性基金预算财政拨款支出表',
    ['合计', '基本支出', '项目支出'],
    [row(null, '合计', [amount, null, amount])],
    { line: 60, notes: [note], notesSayEmpty: true },
  );
  if (page !== undefined) t.source.page = page;
  return t;
};

describe('note-empty-with-data', () => {
  it('passes a table noted empty whose cells are empty or zero', () => {
    expect(run(noteEmptyWithData, budgetDoc({ tables: [fund(null)] }))).toStrictEqual([]);
    expect(run(noteEmptyWithData, budgetDoc({ tables: [fund('0.00')] }))).toStrictEqual([]);
  });

  it('fails a table noted 空表列示 that prints an amount', () => {
    expect(run(noteEmptyWithData, budgetDoc({ tables: [fund('8.00')] }))).toStrictEqual([
      finding(noteEmptyWithData, 'error', { table: 'fund-expenditure', line: 60 }),
    ]);
  });

  it('gives the page when the table has one', () => {
    expect(run(noteEmptyWithData, budgetDoc({ tables: [fund('8.00', 12)] }))).toStrictEqual([
      finding(noteEmptyWithData, 'error', { table: 'fund-expenditure', line: 60, page: 12 }),
    ]);
  });

  it('does not mind data under a note that does not say the table is empty', () => {
    const t = fund('8.00');
    t.notes = ['注：本表反映政府性基金预算财政拨款支出。'];
    t.notesSayEmpty = false;
    expect(run(noteEmptyWithData, budgetDoc({ tables: [t] }))).toStrictEqual([]);
  });
});
