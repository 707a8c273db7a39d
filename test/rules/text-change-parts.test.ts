import { describe, expect, it } from 'vitest';
import { textChangeParts } from '../../src/check/rules/text-change-parts.ts';
import { readStatedDeltas } from '../../src/recognise/deltas.ts';
import { budgetDoc, section } from './build.ts';
import { finding, run } from './check.ts';

const heading = '一、预算收支增减变化情况说明';
const docOf = (text: string) => budgetDoc({ statedDeltas: readStatedDeltas([section(heading, 5, text)]) });

describe('text-change-parts', () => {
  it('passes parts whose changes add to the whole’s, with a part unchanged', () => {
    const doc = docOf(
      '2018年基本支出预算较上年增18.74万元，增幅18.83%。主要变动原因如下：\n1.工资福利支出较上年增18.67万元，增21.86%。\n2.商品和服务支出较上年减0.04万元，下降0.3%。\n3.对个人和家庭补助支出较上年增加0.11万元，增幅1.1%。\n' +
        '“三公”经费比上年减少0.06万元。因公出国（境）费与上年持平；公务用车购置及运行维护费1.5万元，与上年相比无变化；公务接待费比上年减少0.06万元。',
    );
    expect(run(textChangeParts, doc)).toStrictEqual([]);
  });

  it('fails parts whose changes do not add to the whole’s, on the whole’s line', () => {
    const doc = docOf(
      '2018年基本支出预算较上年增17.1万元，增幅17.18%。主要变动原因如下：\n1.工资福利支出较上年增18.67万元，增21.86%。\n2.商品和服务支出较上年减0.04万元。\n3.对个人和家庭补助支出较上年增加0.11万元。',
    );
    expect(run(textChangeParts, doc)).toStrictEqual([
      finding(textChangeParts, 'error', { section: heading, line: 5 }, 17.1, 18.74),
    ]);
  });

  it('reads a direction word in brackets, as some pages print it: 较上年(减少)16.23万元', () => {
    const doc = docOf(
      '基本支出预算较上年增 59.11万元，增幅22%。\n1.工资福利支出较上年增94.22万元。\n2.商品和服务支出较上年增1.11万元。\n3.对个人和家庭补助支出较上年(减少)16.23万元，减幅 71 %。',
    );
    expect(run(textChangeParts, doc)).toStrictEqual([
      finding(textChangeParts, 'error', { section: heading, line: 5 }, 59.11, 79.1),
    ]);
  });

  it('does not check a list that leaves a part out (the reason for the change, not its parts)', () => {
    const doc = docOf(
      '基本支出较上年增加17.1万元，主要是工资福利支出较上年增加18.67万元，商品和服务支出比上年减少0.04万元。',
    );
    expect(run(textChangeParts, doc)).toStrictEqual([]);
  });
});
