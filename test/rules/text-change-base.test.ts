import { describe, expect, it } from 'vitest';
import { textChangeBase } from '../../src/check/rules/text-change-base.ts';
import { readStatedDeltas } from '../../src/recognise/deltas.ts';
import { budgetDoc, section } from './build.ts';
import { finding, run } from './check.ts';

const heading = '一、预算收支增减变化情况说明';
const docOf = (text: string) => budgetDoc({ statedDeltas: readStatedDeltas([section(heading, 5, text)]) });

describe('text-change-base', () => {
  it('passes parts whose rates put their year before within the whole’s', () => {
    const doc = docOf(
      '基本支出预算较上年增17.1万元，增幅17.18%。\n1.工资福利支出较上年增18.67万元，增21.86%。\n2.对个人和家庭补助支出较上年增加0.11万元，增幅1.5%。',
    );
    expect(run(textChangeBase, doc)).toStrictEqual([]);
  });

  it('fails a part whose change and rate put its year before above the whole’s, on the part’s line', () => {
    const doc = docOf(
      '基本支出预算较上年增17.1万元，增幅17.18%。\n1.工资福利支出较上年增18.67万元，增21.86%。\n2.对个人和家庭补助支出较上年增加0.11万元，增幅0.01%。',
    );
    expect(run(textChangeBase, doc)).toStrictEqual([
      finding(textChangeBase, 'error', { section: heading, line: 7 }, 99.53, 1100),
    ]);
  });

  it('allows what the printed digits allow: a rate rounded to one decimal', () => {
    // 99.5 ÷ 100% = 99.5 before; 0.4 ÷ 0.4% = 100 before, but 0.45 ÷ 0.35% is more and 0.35 ÷ 0.45% less.
    const doc = docOf('“三公”经费比上年减少99.5万元，下降100%。公务接待费比上年减少0.4万元，下降0.4%。');
    expect(run(textChangeBase, doc)).toStrictEqual([]);
  });
});
