// A page from the middle of a 情况说明, as web pages hold them: no heading, half-width punctuation, the 三公
// parts under names of their own (公车购置及运行费) and listed in the sentence after their total. Its stated
// amounts are read as one section and checked against each other. The texts are written here.
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { parseString } from './helpers.ts';

const errors = (text: string) =>
  checkDocument(parseString(text))
    .filter((f) => f.severity === 'error')
    .map((f) => f.message);

describe('a fragment without headings', () => {
  const page = (car: string, purchase: string) =>
    [
      '某某县2022年一般公共预算安排“三公”经费决算数30万元,比上年决算数下降10%。分项情况是:因公出国(境)经费0万元,与上年持平;',
      `公务接待费10万元,比上年决算数下降5%;公车购置及运行费${car}万元(其中公务用车购置费${purchase}万元,公务用车运行费12万元)。`,
    ].join('\n');

  it('reads its amounts and passes when they agree', () => {
    const doc = parseString(page('20', '8'));
    expect(doc.sections.map((s) => s.heading)).toEqual(['']);
    expect(
      doc.statedAmounts.map((s) => [s.subject, s.item ?? null, s.value, s.change?.direction ?? null]),
    ).toEqual([
      ['three-public', null, '30', null],
      ['three-public-part', '因公出国（境）费', '0', null],
      ['three-public-part', '公务接待费', '10', null],
      ['three-public-part', '公务用车购置及运维费', '20', null],
      ['three-public-part', '公务用车购置费', '8', null],
      ['three-public-part', '公务用车运行维护费', '12', null],
    ]);
    expect(errors(page('20', '8'))).toEqual([]);
  });

  it('fails parts that do not add up, over the sentence that lists them', () => {
    expect(errors(page('21', '8'))).toEqual([
      '情况说明中"三公"经费的各分项之和与总数不符（30万元；分项：因公出国（境）费0万元、公务接待费10万元、公务用车购置及运维费21万元）：应为 30.00万元，实为 31.00万元，相差 1.00万元',
      '情况说明中公务用车购置及运维费的各分项之和与总数不符（21万元；分项：公务用车购置费8万元、公务用车运行维护费12万元）：应为 21.00万元，实为 20.00万元，相差 1.00万元',
    ]);
  });

  it('does not rate a change against an amount that is itself a change', () => {
    const doc = parseString(
      '“三公”经费支出决算总额为 6 万元,比预算增加 0 万元,比去年增加 1.5 万元,增长 33.3%,主要是公务接待增加。',
    );
    expect(doc.statedChanges).toEqual([]);
    expect(
      errors('“三公”经费支出决算总额为 6 万元,比预算增加 0 万元,比去年增加 1.5 万元,增长 33.3%。'),
    ).toEqual([]);
  });
});

describe('the discloser of a fragment', () => {
  it('is the unit the 三公 statement names, even wrapped over two lines', () => {
    const doc = parseString(
      [
        '2021年度一般公共预算财政拨款安排的“三公”经费支出决算总额为3.20万元。(一)因公出国(境)费支出0万元。全年使用财政拨',
        '款安排某某市某某检测中心出国团组0个,累计0人次。',
      ].join('\n'),
    );
    expect(doc.department.name).toBe('某某市某某检测中心');
    expect(doc.year).toBe(2021);
  });

  it('is not taken from a sentence that names no unit', () => {
    const doc = parseString('2021年度“三公”经费支出决算总额为3.20万元。全年使用财政拨款安排出国团组0个。');
    expect(doc.department.name).not.toMatch(/出国|团组/);
  });
});
