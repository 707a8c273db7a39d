// Which amounts of a 情况说明 sentence are changes: those stated with 增加/减少, and the parts listed after a
// change (其中：, 主要为, 主要原因是…); not the next item stated with its own level and its own change.
import { describe, expect, it } from 'vitest';
import { parseString } from './helpers.ts';

const changesOf = (text: string) =>
  parseString(text)
    .statedAmounts!.filter((a) => a.change)
    .map((a) => a.value);

describe('changes among the amounts of a sentence', () => {
  it('an item after another item’s change is a level, not a part of that change', () => {
    const text =
      '四、“三公”经费预算情况\n2017年某局“三公”经费支出合计35万元，比上年减少2.28万元。其中：公务用车购置及运行维护费5万元，比上年减少0.28万元，公务接待费30万元，比上年减少2万元，原因主要是严格执行八项规定。';
    expect(changesOf(text)).toEqual(['2.28', '0.28', '2']);
  });

  it('the parts listed after a change, by 其中 or by its reason, are changes', () => {
    const text =
      '四、“三公”经费预算情况\n2024年“三公”经费预算55万元，比上年增加10万元，主要原因是安排出国招商经费50万元、公务接待费少安排40万元。';
    expect(changesOf(text)).toEqual(['10', '50', '40']);
  });
});

describe('the year a change is set against', () => {
  const text =
    '（一）“三公”经费财政拨款支出决算总体情况说明\n某厅2023年度“三公”经费财政拨款支出决算为62.07万元，比上年决算数增加38.97万元，增长168.7%；比2019年（疫情前）决算数减少24.87万元，降低28.6%。其中：因公出国（境）费支出决算为12.02万元，比上年决算数增加12.02万元；公务接待费支出决算为22.59万元，比上年决算数增加20.63万元。\n2023年度“三公”经费支出决算大于上年决算数的主要情况：公务往来恢复正常。';
  it('a sentence set against the year before does not inherit a year named in an earlier one', () => {
    const changes = parseString(text).statedAmounts!.filter((a) => a.change);
    expect(changes.map((a) => [a.value, a.change!.comparedYear ?? null])).toEqual([
      ['38.97', null],
      ['24.87', 2019],
      ['12.02', null],
      ['20.63', null],
    ]);
  });

  it('a reason given as the template words it (…大于上年决算数的主要情况：…) explains the change', () => {
    const changes = parseString(text).statedAmounts!.filter((a) => a.change);
    expect(changes.every((a) => a.change!.explained)).toBe(true);
  });
});
