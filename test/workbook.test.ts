// The Shanghai budget workbook template (one sheet per table) read into the model like a PDF.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../src/parse.ts';

const template = new URL(
  '../../shared/samples/xlsx/shanghai-department-budget-workbook-template.xlsx',
  import.meta.url,
);

describe('Shanghai budget workbook template', () => {
  it('finds the nine tables by their titles, with the columns and codes the sheets print', async () => {
    const doc = await parseDocument(new Uint8Array(readFileSync(template)), 'template.xlsx');
    expect(doc.kind).toBe('budget');
    expect(doc.year).toBe(2026);
    expect(Object.keys(doc.tables).sort()).toEqual(
      [
        'summary',
        'income',
        'expenditure',
        'fiscal-summary',
        'general-expenditure',
        'fund-expenditure',
        'capital-expenditure',
        'general-basic',
        'three-public',
      ].sort(),
    );
    const income = doc.tables.income!;
    expect(income.title).toBe('2026年部门收入预算总表');
    expect(income.unit).toBe('元');
    // Row 7 of the sheet; 事业单位经营收入 is printed over two lines in one cell.
    expect(income.columns).toEqual(['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    // Rows 9–11: 类 / 款 / 项 in three columns, joined; the "…" filler rows are not rows.
    expect(income.rows.slice(0, 3).map((r) => [r.code, r.name])).toEqual([
      ['205', '教育支出'],
      ['20502', '普通教育'],
      ['2050205', '高等教育'],
    ]);
    expect(income.rows.some((r) => /…/.test(r.name))).toBe(false);
    expect(doc.tables['general-basic']!.columns).toEqual(['合计', '人员经费', '公用经费']);
    expect(doc.tables.summary!.rows.slice(0, 2).map((r) => [r.side, r.name])).toEqual([
      ['income', '一、财政拨款收入'],
      ['expenditure', '一、一般公共服务支出'],
    ]);
  });
});
