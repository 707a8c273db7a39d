import { describe, expect, it } from 'vitest';
import { textListSum } from '../../src/check/rules/text-list-sum.ts';
import { readStatedLists } from '../../src/recognise/lists.ts';
import { budgetDoc, section } from './build.ts';
import { finding, run } from './check.ts';

const heading = '二、收入支出决算情况说明';
const docOf = (text: string) => budgetDoc({ statedLists: readStatedLists([section(heading, 5, text)]) });

describe('text-list-sum', () => {
  it('passes numbered parts that add to their total, wrapped lines and all', () => {
    const doc = docOf(
      [
        '（一）收入决算情况。2021年度，收入总计为463.7379万元，其中：',
        '1.财政拨款收入364.6552万元，为财政拨款资金。较上年度决算数减少24.1522万元，',
        '下降6.2118%，主要是公共卫生财政拨款减少。',
        '2.上级补助收入0万元，与上年相比没有变化。',
        '3.事业收入93.1608万元，为事业单位开展专业业务活动及辅助活动所取得的收入。',
        '4.上年结转和结余5.9219万元。',
        '（二）支出决算情况',
      ].join('\n'),
    );
    expect(run(textListSum, doc)).toStrictEqual([]);
  });

  it('fails numbered parts that add to more than their total, on the total’s line', () => {
    const doc = docOf(
      [
        '（一）收入决算情况。2021年度，收入总计为457.8161万元，其中：',
        '1.财政拨款收入364.6552万元，为财政拨款资金。',
        '2.事业收入93.1608万元，为事业收入。',
        '3.上年结转和结余5.9219万元。',
      ].join('\n'),
    );
    expect(run(textListSum, doc)).toStrictEqual([
      finding(textListSum, 'error', { section: heading, line: 5 }, 457.8161, 463.7379),
    ]);
  });

  it('reads no list whose items do not open with their amount', () => {
    const doc = docOf(
      [
        '项目支出预算476.71万元，其中：',
        '1.某某小学项目1个，分别是：1872万元。',
        '2.某某项目1个，分别是：122.21万元。',
      ].join('\n'),
    );
    expect(doc.statedLists).toStrictEqual([]);
    expect(run(textListSum, doc)).toStrictEqual([]);
  });
});
