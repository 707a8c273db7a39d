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
