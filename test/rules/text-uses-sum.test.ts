import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/engine.ts';
import { textUsesSum } from '../../src/check/rules/text-uses-sum.ts';
import { parseString } from '../helpers.ts';
import { finding } from './check.ts';

const page = (project: string, extra = '') =>
  checkDocument(
    parseString(
      [
        '一、基本情况',
        '张某镇人民政府下属预算单位一个。',
        '二、预算情况说明',
        '张某镇人民政府2018年部门预算收入总数8105563.00元，较2017年部门预算收入总数8014212.00元增长1.13%；2018年部门预算支出总数8105563.00元，较2017年部门预算支出总数8014212.00元增长1.13%。',
        '部门基本支出预算7031563.00元，其中：人员支出5901832.00元，公用支出1129731.00元。',
        `部门专项项目预算${project}元（明细项目见附表）。${extra}`,
      ].join('\n'),
    ),
    {},
    [textUsesSum],
  );

describe('text-uses-sum', () => {
  it('passes 基本支出 and 项目支出 stated in sentences of their own that add to the total', () => {
    expect(page('1074000.00')).toStrictEqual([]);
  });

  it('fails them when they do not, on the total’s line', () => {
    expect(page('74000.00')).toStrictEqual([
      finding(textUsesSum, 'error', { section: '二、预算情况说明', line: 4, page: 1 }, 8105563, 7105563),
    ]);
  });

  it('does not check a section that names other spending (预留机动经费, 经营支出)', () => {
    expect(page('74000.00', '单位预留机动经费预算数为1000000.00元。')).toStrictEqual([]);
  });
});
