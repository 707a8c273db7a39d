// Each table the recogniser reads carries its confidence and the signals behind it (title, header, columns,
// codes, totals, how amounts reached their columns); the seeds' tables are read with confidence, a table
// rebuilt from flattened text or placed by identities is not 'high', and rows without codes make a coded
// table 'low'.
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { chooseProfile } from '../src/check/profiles.ts';
import { toJson } from '../src/export/json.ts';
import type { Document } from '../src/model/document.ts';
import { toFindingsJson } from '../src/report/json.ts';
import { parseSeed, parseString } from './helpers.ts';

describe('table confidence', () => {
  it('the seeds tables are read with confidence (none low), with reasons', () => {
    for (const seed of ['000', '004']) {
      const doc = parseSeed(seed);
      for (const t of Object.values(doc.tables)) {
        expect(t!.confidence?.level, `${seed} ${t!.key}`).not.toBe('low');
        expect(t!.confidence?.reasons[0]).toBe('表名符合该类表');
      }
    }
    const general = parseSeed('004').tables['general-expenditure']!;
    expect(general.confidence).toEqual({
      level: 'high',
      reasons: [
        '表名符合该类表',
        '表头注明单位或编制部门',
        '表头列与该类表一致',
        '21/21 行有科目编码',
        '有合计行',
      ],
    });
    // Seed 000 is PDF text without its empty cells: amounts are placed by the identities.
    const placed = parseSeed('000').tables.expenditure!.confidence!;
    expect(placed.level).toBe('medium');
    expect(placed.reasons.some((r) => r.includes('按表内勾稽关系推定所在列'))).toBe(true);
  });

  it('a table rebuilt from flattened text says so', () => {
    const doc = parseString(
      '部门预算一般公共预算财政拨款支出表 单位：万元 科目编码 科目名称 合计 基本支出 项目支出 合计 30 20 10 201 一般公共服务支出 30 20 10 20113 商贸事务 30 20 10',
    );
    const t = doc.tables['general-expenditure']!;
    expect(t.rows.map((r) => r.code ?? r.name)).toEqual(['合计', '201', '20113']);
    expect(t.confidence?.level).toBe('medium');
    expect(t.confidence?.reasons).toContain('由网页平铺文本重建行');
  });

  it('a coded table whose rows have no codes is low, and its sums give warnings, not errors', () => {
    const doc = parseString(
      [
        '部门预算一般公共预算财政拨款支出表',
        '单位：万元',
        '科目编码 科目名称 合计 基本支出 项目支出',
        '栏次 1 2 3 4',
        '1 合计 30.00 20.00 10.00',
        '2 一般公共服务 30.00 20.00 11.00',
        '3 商贸事务 30.00 20.00 12.00',
        '4 行政运行 30.00 20.00 13.00',
      ].join('\n'),
    );
    const t = doc.tables['general-expenditure']!;
    expect(t.confidence?.level).toBe('low');
    expect(t.confidence?.reasons).toContain('0/3 行有科目编码');
    const sums = checkDocument(doc).filter((f) => f.rule === 'table-row-sum');
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.every((f) => f.severity !== 'error')).toBe(true);
    // `yusuan parse` gives each table with its confidence and reasons; check --format json keeps the
    // finding format the architecture fixes.
    const parsed = JSON.parse(toJson([{ file: 'x.txt', document: doc }])) as Document;
    expect(parsed.tables['general-expenditure']!.confidence).toMatchObject({ level: 'low' });
    const json = JSON.parse(
      toFindingsJson([{ file: 'x.txt', document: doc, profile: chooseProfile(doc).name, findings: sums }]),
    );
    expect(Object.keys(json.files[0]).sort()).toEqual(['document', 'file', 'findings']);
  });

  it('a header naming none of the kind’s columns makes the columns assumed, low, and their sums not errors', () => {
    const page = (header: string) =>
      parseString(
        [
          '某县2017年度部门“三公”经费预算情况表',
          '单位：元',
          header,
          '一、支出合计   250000',
          '1、因公出国(境)费用    ',
          '2、公务接待费   150000',
          '3、公务用车费   100000',
        ].join('\n'),
      );
    const assumed = page('项目 2016-执行数 2017-预算数');
    expect(assumed.tables['three-public']?.confidence?.level).toBe('low');
    expect(assumed.tables['three-public']?.confidence?.reasons).toContain(
      '表头未印出该类表的列名，各列按该类表推定',
    );
    expect(
      checkDocument(assumed).filter((f) => f.rule === 'table-row-sum' && f.severity === 'error'),
    ).toEqual([]);
    // Named by part of a column's name (公共预算 of 一般公共预算财政拨款), the columns are the kind's.
    const named = page('项目 合计 其中：公共预算财政拨款');
    expect(named.tables['three-public']?.confidence?.reasons).not.toContain(
      '表头未印出该类表的列名，各列按该类表推定',
    );
  });

  it('a table cut by the end of the input, only its header read, is low and not taken for an empty one', () => {
    const doc = parseString(
      ['一、收支情况', '收入100万元。', '表1-1 部门收入总表', '单位:万元', '项 目 事业收入 科目编码'].join(
        '\n',
      ),
    );
    expect(doc.tables.income?.confidence?.level).toBe('low');
    expect(checkDocument(doc).filter((f) => f.rule === 'note-missing-for-empty')).toEqual([]);
  });
});
