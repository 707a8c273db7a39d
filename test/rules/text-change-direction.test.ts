import { describe, expect, it } from 'vitest';
import { textChangeDirection } from '../../src/check/rules/text-change-direction.ts';
import { readStatedRateWords } from '../../src/recognise/changes.ts';
import { budgetDoc, section } from './build.ts';
import { finding, run } from './check.ts';

const heading = '一、预算收支增减变化情况说明';
const docOf = (text: string) =>
  budgetDoc({ statedRateWords: readStatedRateWords([section(heading, 5, text)]) });

describe('text-change-direction', () => {
  it('passes a change and its rate stated in the same direction, and a change of nothing', () => {
    const doc = docOf(
      '工资福利支出较上年增18.67万元，增21.86%。商品和服务支出较上年减少0.04万元，下降0.1%。项目支出增加0万元，增长0%。',
    );
    expect(run(textChangeDirection, doc)).toStrictEqual([]);
  });

  it('fails a decrease stated with a rate of increase, and the reverse', () => {
    const doc = docOf('商品和服务支出较上年减0.04万元，增0.01%。对个人和家庭的补助增加0.11万元，降幅1.2%。');
    expect(run(textChangeDirection, doc)).toStrictEqual([
      finding(textChangeDirection, 'error', { section: heading, line: 5 }),
      finding(textChangeDirection, 'error', { section: heading, line: 5 }),
    ]);
  });
});
