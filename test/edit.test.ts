// Applying a user's corrections to a document (src/edit/apply.ts): where an edit lands, how a typed amount
// is read, and the Chinese message for each edit that cannot be applied.
import { describe, expect, it } from 'vitest';
import { applyEdits, EditError } from '../src/edit/apply.ts';
import { parseSeed } from './helpers.ts';

const doc = parseSeed('004_b9fc89043e8814d5.txt');
const message = (edits: unknown) => {
  try {
    applyEdits(doc, edits);
  } catch (e) {
    if (e instanceof EditError) return e.message;
    throw e;
  }
  throw new Error('edits were applied');
};

describe('applyEdits', () => {
  it('changes a copy: the cell by code and column name, a printed amount read exactly', () => {
    const { document, applied } = applyEdits(doc, [
      { table: 'general-basic', row: '301', column: '合计', value: ' 1,198.90 ' },
    ]);
    const row = (d: typeof doc) => d.tables['general-basic']!.rows.find((r) => r.code === '301')!;
    expect(row(document).amounts[0]).toEqual({ value: '1198.90', source: row(doc).amounts[0]!.source });
    expect(row(doc).amounts[0]!.value).toBe('198.91');
    const index = doc.tables['general-basic']!.rows.indexOf(row(doc));
    expect(applied).toEqual([
      {
        edit: { table: 'general-basic', row: index, column: '合计', value: '1198.90' },
        target: `${doc.tables['general-basic']!.title}「301 工资福利支出」合计`,
        before: '198.91',
        after: '1198.90',
      },
    ]);
  });

  it('reaches an empty cell of a two-sided table by row and column index, and empties a cell with ""', () => {
    const summary = doc.tables.summary!;
    const empty = summary.rows.findIndex((r) => r.side === 'income' && r.amounts[0] == null);
    const filled = summary.rows.findIndex((r) => r.side === 'expenditure' && r.amounts[0]);
    const { document } = applyEdits(doc, [
      { table: 'summary', row: empty, column: 0, value: '-3.5' },
      { table: 'summary', row: filled, column: '预算数', value: '' },
    ]);
    expect(document.tables.summary!.rows[empty]!.amounts[0]).toEqual({
      value: '-3.5',
      source: summary.rows[empty]!.source,
    });
    expect(document.tables.summary!.rows[filled]!.amounts[0]).toBeNull();
  });

  it('re-reads an edited 指标值', () => {
    const project = doc.projects.find((p) => p.indicators.some((i) => i.value === '≥99百分'))!;
    const indicator = project.indicators.findIndex((i) => i.value === '≥99百分');
    const { document } = applyEdits(doc, [{ project: project.code, indicator, value: '≥ 99%' }]);
    const edited = document.projects.find((p) => p.code === project.code)!.indicators[indicator]!;
    expect(edited.value).toBe('≥ 99%');
    expect(edited.parsed).toEqual({ type: 'quantity', operator: '≥', number: '99', unit: '%', rest: '' });
  });

  it('refuses what it cannot apply, naming the edit', () => {
    const cell = { table: 'general-basic', row: '301', column: '合计' };
    expect(message([])).toBe('请给出要修改的内容（edits 列表）');
    expect(message({ table: 'x' })).toBe('请给出要修改的内容（edits 列表）');
    expect(message([{ ...cell, value: 198.9 }])).toBe('第 1 处修改：value 应为文本，如 "198.90"');
    expect(
      message([
        { ...cell, value: '1' },
        { ...cell, value: '19８.9O' },
      ]),
    ).toBe('第 2 处修改：「19８.9O」不是有效的金额，应为数字，如 198.90');
    expect(message([{ ...cell, value: '1.1234567' }])).toBe(
      '第 1 处修改：「1.1234567」有 7 位小数，此表金额（单位：万元）最多 2 位小数',
    );
    expect(message([{ ...cell, value: '1234567890123456' }])).toContain('最多 15 位整数');
    expect(message([{ ...cell, table: 'nonsense', value: '1' }])).toBe('第 1 处修改：没有这个表：nonsense');
    expect(message([{ ...cell, table: 'final-summary', value: '1' }])).toBe(
      '第 1 处修改：此文档没有「收入支出决算总表」',
    );
    expect(message([{ ...cell, row: 9999, value: '1' }])).toBe('第 1 处修改：行序号 9999 超出范围');
    expect(message([{ ...cell, column: '项目支出', value: '1' }])).toContain(
      '没有「项目支出」这一列（可用：合计、',
    );
    expect(message([{ ...cell, value: '198.91' }])).toBe('修改后的值与原值相同，没有需要保存的修改');
    expect(message([{ project: 'X', indicator: 0, value: '1' }])).toBe(
      '第 1 处修改：没有项目编码为「X」的项目',
    );
    expect(message([{ project: doc.projects[0]!.code, indicator: 1.5, value: '1' }])).toContain(
      '没有第 1.5 个指标',
    );
  });

  it('asks for a row index when a name stands for several rows', () => {
    const withTwins = structuredClone(doc);
    const table = withTwins.tables['three-public']!;
    table.rows.push({ ...structuredClone(table.rows[0]!), code: undefined });
    table.rows.push({ ...structuredClone(table.rows[0]!), code: undefined });
    const name = table.rows[0]!.name;
    try {
      applyEdits(withTwins, [{ table: 'three-public', row: name, column: 0, value: '1' }]);
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toMatch(/表中有 [23] 行都是「.*」，请用行序号指明/);
    }
  });
});
