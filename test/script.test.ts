// A page in traditional characters, or a mirror glossing characters with pinyin (經(jīng)費(fèi)), is read as
// the simplified text it stands for; a simplified document is left as it is.
import { describe, expect, it } from 'vitest';
import type { LayoutLine } from '../src/read/layout.ts';
import { inSimplifiedScript } from '../src/recognise/script.ts';
import { parseString } from './helpers.ts';

const lines = (...texts: string[]): LayoutLine[] =>
  texts.map((text, k) => ({ no: k + 1, text, cells: null }));

describe('traditional characters and pinyin glosses', () => {
  it('reads a traditional 決算 page’s kind, year and department', () => {
    const doc = parseString(
      [
        '某市幼兒園2019年度部門決算公開',
        '一、某市幼兒園2019年度部門決算情況說明',
        '(一)收入決算情況。',
        '2019年度,本單位收入為100.00萬元,其中:財政撥款收入80.00萬元,占80%;事業收入20.00萬元,占20%。',
      ].join('\n'),
    );
    expect([doc.kind, doc.year, doc.department.name]).toEqual(['final', 2019, '某市幼儿园']);
  });

  it('restores the 年 a site’s page lost as a hyphen (2015-“三公”…), only on a page that never prints 年 after a year', () => {
    const [title, row] = inSimplifiedScript(
      lines('某县2015-“三公”经费汇总情况决算表', '合计 2015-04-27 3318'),
    );
    expect([title!.text, row!.text]).toEqual(['某县2015年“三公”经费汇总情况决算表', '合计 2015-04-27 3318']);
    const kept = lines('某县2015年部门预算', '2015-“三公”');
    expect(inSimplifiedScript(kept)).toBe(kept);
  });

  it('drops pinyin glosses after characters, even in simplified text', () => {
    const [line] = inSimplifiedScript(lines('“三公”经(jīng)费(fèi)预算'));
    expect(line!.text).toBe('“三公”经费预算');
  });

  it('leaves a simplified document (and a lone traditional character in it) untouched', () => {
    const given = lines('某县财政局2024年部门预算', '单位名称：某县於家村委会');
    expect(inSimplifiedScript(given)).toBe(given);
  });
});
