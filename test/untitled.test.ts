// A table printed without its title line is found by its unit line and the rows only its kind has, and says so.
import { describe, expect, it } from 'vitest';
import { parseString } from './helpers.ts';

describe('tables without a title', () => {
  it('a 收支总表 by 收入总计, 支出总计 and 一般公共预算拨款收入, its cells one per line', () => {
    const cells = [
      '部门预算公开表',
      '某县某镇财政所 |',
      '预算年度:2025 |',
      '单位:万元 | ||',
      '序号 |',
      '收入 |',
      '支出 | ||',
      '项 目 |',
      '预算数 |',
      '项 目 |',
      '预算数 | |',
      '1 |',
      '一、一般公共预算拨款收入 |',
      '675.82 |',
      '一、一般公共服务支出 |',
      '516.39 |',
      '2 |',
      '二、政府性基金预算拨款收入 |',
      '|',
      '二、社会保障和就业支出 |',
      '159.43 |',
      '3 |',
      '本年收入合计 |',
      '675.82 |',
      '本年支出合计 |',
      '675.82 |',
      '4 |',
      '收入总计 |',
      '675.82 |',
      '支出总计 |',
      '675.82 |',
    ];
    const doc = parseString(cells.join('\n'));
    const summary = doc.tables.summary;
    expect(summary?.title).toBe('部门预算收支总表（未印表名）');
    expect(summary?.confidence?.reasons[0]).toBe('未印表名，按单位行与行名识别');
    expect(summary?.rows.some((r) => r.name === '收入总计')).toBe(true);
  });

  it('not a unit line under a title, nor one above rows of no kind', () => {
    const titled = parseString(
      ['部门收支总表', '单位:万元', '项目 预算数', '收入总计 10', '支出总计 10'].join('\n'),
    );
    expect(titled.tables.summary?.title).toBe('部门收支总表');
    const other = parseString(['单位:万元', '项目 | 金额 |', '办公设备 | 10 |', '合计 | 10 |'].join('\n'));
    expect(Object.keys(other.tables)).toEqual([]);
  });
});

describe('an untitled 三公 table whose total is the 三公 row itself', () => {
  it('beside 行政经费, its parts numbered after 其中 and named …支出', () => {
    const cells = [
      '单位:万元',
      '|',
      '项 目',
      '|',
      '合计',
      '|',
      '一般公共预算',
      '|',
      '行政经费',
      '|',
      '312.23',
      '|',
      '312.23',
      '|',
      '“三公”经费',
      '|',
      '29.00',
      '|',
      '29.00',
      '|',
      '其中:(一)因公出国(境)支出',
      '|',
      '0.00',
      '|',
      '0.00',
      '|',
      '(二)公务用车购置及运行维护支出',
      '|',
      '28.00',
      '|',
      '28.00',
      '|',
      '1.公务用车购置',
      '|',
      '0.00',
      '|',
      '0.00',
      '|',
      '2.公务用车运行维护费',
      '|',
      '28.00',
      '|',
      '28.00',
      '|',
      '(三)公务接待费支出',
      '|',
      '1.00',
      '|',
      '1.00',
      '|',
      '一、财政拨款安排的行政经费及“三公”经费预算情况:',
      '2019年本部门财政拨款安排“三公”经费29万元，比上年增加0.5万元。',
    ];
    const table = parseString(cells.join('\n')).tables['three-public'];
    expect(table?.title).toMatch(/未印表名/);
    expect(table?.rows.map((r) => [r.name, r.role])).toEqual([
      ['行政经费', undefined],
      ['“三公”经费', 'three-public-total'],
      ['其中:(一)因公出国(境)支出', 'three-public-abroad'],
      ['(二)公务用车购置及运行维护支出', 'three-public-car'],
      ['1.公务用车购置', 'three-public-car-purchase'],
      ['2.公务用车运行维护费', 'three-public-car-running'],
      ['(三)公务接待费支出', 'three-public-reception'],
    ]);
  });
});
