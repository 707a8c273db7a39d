// The parts of "三公"经费 found in a 三公 table (src/model/three-public.ts), in both printed layouts: one
// row per part, and Shanghai's one line whose columns are the parts. Every label variant the checks, the
// charts and the generated paragraphs read before they shared these patterns is read here.
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { threePublicLayout, threePublicPartOfItem, threePublicParts } from '../src/model/three-public.ts';
import { parseString } from './helpers.ts';
import { row, table } from './rules/build.ts';

const columns = ['合计', '一般公共预算财政拨款', '政府性基金预算拨款'];
const rowsTable = (names: string[], amounts: (string | null)[][]) =>
  table(
    'three-public',
    '部门预算财政拨款“三公”经费支出表',
    columns,
    names.map((n, i) => row(null, n, amounts[i] ?? ['1', '1', null])),
  );

describe('threePublicParts, one row per part', () => {
  const t = rowsTable(
    [
      '合计',
      '“三公”经费小计',
      '一、因公出国（境）费',
      '其中：教学科研人员因公出国（境）费',
      '其他因公出国（境）费',
      '二、公务用车购置及运维费',
      '其中：公务用车购置费',
      '公务用车运行维护费',
      '三、公务接待费',
      '四、会议费',
    ],
    [
      ['76.35', '76.35', null],
      ['66.35', '66.35', null],
      ['50.00', '50.00', null],
      [null, null, null],
      ['50.00', '50.00', null],
      ['11.35', '11.35', null],
      [null, null, null],
      ['11.35', '11.35', null],
      ['5.00', '5.00', null],
      ['10.00', '10.00', null],
    ],
  );

  it('finds each part’s row, with its printed label and the amount of the column asked for', () => {
    expect(threePublicLayout(t)).toBe('rows');
    expect(threePublicParts(t)).toEqual({
      total: { row: 1, column: 0, label: '“三公”经费小计', amount: '66.35' },
      abroad: { row: 2, column: 0, label: '一、因公出国（境）费', amount: '50.00' },
      car: { row: 5, column: 0, label: '二、公务用车购置及运维费', amount: '11.35' },
      carPurchase: { row: 6, column: 0, label: '其中：公务用车购置费', amount: null },
      carRunning: { row: 7, column: 0, label: '公务用车运行维护费', amount: '11.35' },
      reception: { row: 8, column: 0, label: '三、公务接待费', amount: '5.00' },
    });
    expect(threePublicParts(t, 2).abroad).toEqual({
      row: 2,
      column: 2,
      label: '一、因公出国（境）费',
      amount: null,
    });
  });

  it('takes the 合计 row for 三公 when no 小计 is printed, and leaves out the parts it does not print', () => {
    const t2 = rowsTable(
      ['合计', '1.因公出国(境)费', '2.公务接待费'],
      [
        ['3', '3', null],
        ['1', '1', null],
        [null, null, null],
      ],
    );
    const parts = threePublicParts(t2);
    expect(parts.total).toMatchObject({ row: 0, label: '合计', amount: '3' });
    expect(parts.abroad).toMatchObject({ row: 1, amount: '1' });
    // 公务接待费 is printed with its cells empty: null, not 0.
    expect(parts.reception).toMatchObject({ row: 2, amount: null });
    // Not printed at all: absent.
    expect(parts).not.toHaveProperty('car');
    expect(parts).not.toHaveProperty('carPurchase');
    expect(parts).not.toHaveProperty('carRunning');
  });

  it.each([
    ['公务用车购置及运行维护费', 'car'],
    ['二、公务用车购置及运维费', 'car'],
    ['（二）公务用车购置及运行费', 'car'],
    ['公务用车购置费', 'carPurchase'],
    ['其中：公务用车购置费', 'carPurchase'],
    ['其中:公务用车购置费', 'carPurchase'],
    ['公务用车运行维护费', 'carRunning'],
    ['其中：公务用车运维费', 'carRunning'],
    ['公务用车运行费', 'carRunning'],
    ['一、因公出国（境）费', 'abroad'],
    ['因公出国(境)费', 'abroad'],
    ['三、公务接待费', 'reception'],
    ['"三公"经费小计', 'total'],
    ['“三公”经费小计', 'total'],
    ['三公经费小计', 'total'],
  ])('reads the row %s as %s', (name, part) => {
    const parts = threePublicParts(rowsTable([name], [['2', '2', null]]));
    expect(Object.keys(parts)).toEqual([part]);
    expect(parts[part as keyof typeof parts]).toEqual({ row: 0, column: 0, label: name, amount: '2' });
  });

  it.each([
    '其中：教学科研人员因公出国（境）费',
    '其他因公出国（境）费',
    '四、会议费',
    '培训费',
    '公务用车购置费用说明',
    '机关运行经费',
    '一般公共预算',
  ])('does not take the row %s for a part', (name) => {
    expect(threePublicParts(rowsTable([name, '其他'], []))).toEqual({});
  });
});

describe('threePublicParts, Shanghai’s one line whose columns are the parts', () => {
  const shanghai = table(
    'three-public',
    '部门“三公”经费和机关运行经费预算表',
    ['合计', '因公出国(境)费', '公务接待费', '小计', '购置费', '运行费', '机关运行经费预算数'],
    [row(null, '', ['0.95', null, '0.95', '0', null, null, '229.43'])],
  );

  it('finds each part’s column on row 0, whatever column the caller asks for', () => {
    expect(threePublicLayout(shanghai)).toBe('columns');
    expect(threePublicParts(shanghai, 5)).toEqual({
      total: { row: 0, column: 0, label: '合计', amount: '0.95' },
      abroad: { row: 0, column: 1, label: '因公出国(境)费', amount: null },
      reception: { row: 0, column: 2, label: '公务接待费', amount: '0.95' },
      car: { row: 0, column: 3, label: '小计', amount: '0' },
      carPurchase: { row: 0, column: 4, label: '购置费', amount: null },
      carRunning: { row: 0, column: 5, label: '运行费', amount: null },
    });
  });

  it.each([
    ['运维费', 'carRunning'],
    ['运行维护费', 'carRunning'],
    ['公务用车运行费', 'carRunning'],
    ['公务用车购置费', 'carPurchase'],
    ['因公出国（境）费', 'abroad'],
    ['公务接待', 'reception'],
  ])('reads the column %s as %s', (name, part) => {
    const t = table('three-public', '“三公”经费', ['合计', '小计', name], [row(null, '', ['3', '2', '1'])]);
    expect(threePublicParts(t)[part as 'abroad']).toEqual({ row: 0, column: 2, label: name, amount: '1' });
  });

  it('leaves out a part whose column is not printed', () => {
    const t = table(
      'three-public',
      '“三公”经费',
      ['合计', '因公出国(境)费', '公务接待费'],
      [row(null, '', ['3', '1', '2'])],
    );
    const parts = threePublicParts(t);
    expect(Object.keys(parts).sort()).toEqual(['abroad', 'reception', 'total']);
    expect(parts.car).toBeUndefined();
  });
});

describe('threePublicPartOfItem', () => {
  it('maps the items a text states to their parts', () => {
    expect(threePublicPartOfItem('因公出国（境）费')).toBe('abroad');
    expect(threePublicPartOfItem('公务用车购置及运维费')).toBe('car');
    expect(threePublicPartOfItem('公务用车购置费')).toBe('carPurchase');
    expect(threePublicPartOfItem('公务用车运行维护费')).toBe('carRunning');
    expect(threePublicPartOfItem('公务接待费')).toBe('reception');
    expect(threePublicPartOfItem('会议费')).toBeUndefined();
    expect(threePublicPartOfItem(undefined)).toBeUndefined();
  });

  it('a purchase row printed without its 费 (公务用车购置) is still the car’s purchase part', () => {
    const doc = parseString(
      [
        '2021年某区“三公”经费预算表',
        '单位：万元',
        '项目 | 预算数 |',
        '合计 | 5000 |',
        '因公出国（境）费 | 100 |',
        '公务接待费 | 830 |',
        '公务用车购置及运行维护费 | 4070 |',
        '其中：公务用车运行维护费 | 2648 |',
        '公务用车购置 | 1422 |',
      ].join('\n'),
    );
    expect(checkDocument(doc).filter((f) => f.rule === 'three-public-sums' && f.severity !== 'info')).toEqual(
      [],
    );
  });
});
