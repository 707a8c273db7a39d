// Leftover template text the recogniser records for the placeholder rule: XX, ××, 待填写, and a figure the
// template asks for left blank (占 %，比上年减少 万元) in a sentence.
import { describe, expect, it } from 'vitest';
import { parseString } from './helpers.ts';

const placeholders = (text: string) => parseString(text).placeholders.map((p) => p.text);

describe('placeholders', () => {
  it('a share or a change with its unit but no number, in a sentence', () => {
    expect(
      placeholders(
        '“三公”经费35万元。其中：因公出国（境）费 0 万元，占 %，比上年减少 万元；公务接待费30万元。',
      ),
    ).toEqual(['占 %']);
    expect(placeholders('公务接待费30万元，比上年减少 万元。')).toEqual(['减少 万元']);
    expect(placeholders('商品和服务支出预算75800元，占基本支出预算%，同比增加52044.27元。')).toEqual([
      '占基本支出预算%',
    ]);
  });

  it('not a filled figure, 单位为万元, nor a header cell naming its column 增长%', () => {
    expect(placeholders('公务接待费30万元，占85.71%，比上年减少2万元。金额单位为万元。')).toEqual([]);
    expect(placeholders('人员经费1030180.29元，占基本支出预算90.86%。')).toEqual([]);
    expect(placeholders('项目\t2024年预算数\t比上年增长%')).toEqual([]);
  });

  it('a template’s alternatives left unchosen, not a direction word in brackets alone', () => {
    expect(placeholders('因公出国(境)费支出决算比预算数增加(减少)0万元，增长(下降)0%。')).toEqual([
      '增加(减少)',
    ]);
    expect(placeholders('公务接待费较上年增加/减少2万元。')).toEqual(['增加/减少']);
    expect(placeholders('公务接待费较上年（减少）2万元，下降10%。')).toEqual([]);
    expect(placeholders('公务接待费较上年减少（下降）2万元。')).toEqual([]);
  });
});
