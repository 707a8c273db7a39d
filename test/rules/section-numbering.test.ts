import { describe, expect, it } from 'vitest';
import { chineseNumeral, sectionNumbering } from '../../src/check/rules/section-numbering.ts';
import { budgetDoc, section } from './build.ts';
import { finding, run } from './check.ts';

const names = [
  '部门职责及机构设置',
  '部门预算安排的总体情况',
  '收入预算情况',
  '支出预算情况',
  '财政拨款收支预算情况',
  '一般公共预算支出情况',
  '机关运行经费安排情况',
  '政府采购预算情况',
  '国有资产信息',
  '"三公"经费预算情况',
  '名词解释',
];
const numbered = (numbers: string[]) => numbers.map((n, i) => section(`${n}、${names[i]}`, 100 + 10 * i));

describe('section-numbering', () => {
  it('passes headings numbered 一、 to 十一、', () => {
    expect(chineseNumeral(11)).toBe('十一');
    const doc = budgetDoc({
      sections: numbered(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一']),
    });
    expect(run(sectionNumbering, doc)).toStrictEqual([]);
  });

  it('fails 8、 and 9、 in Arabic numerals between 七、 and 十、', () => {
    const doc = budgetDoc({
      sections: numbered(['一', '二', '三', '四', '五', '六', '七', '8', '9', '十', '十一']),
    });
    expect(run(sectionNumbering, doc)).toStrictEqual([
      finding(sectionNumbering, 'warning', { section: '8、政府采购预算情况', line: 170 }),
      finding(sectionNumbering, 'warning', { section: '9、国有资产信息', line: 180 }),
    ]);
  });

  it('numbers each part of a budget afresh, and still fails a gap inside a part', () => {
    const inPart = (heading: string, line: number, part: string) => ({ ...section(heading, line), part });
    const doc = budgetDoc({
      sections: [
        inPart('一、主要职能', 100, '第一部分概况'),
        inPart('二、机构设置情况', 110, '第一部分概况'),
        inPart('一、2018年收支总体情况', 120, '第三部分预算说明'),
        inPart('三、支出预算情况', 130, '第三部分预算说明'),
      ],
    });
    expect(run(sectionNumbering, doc)).toStrictEqual([
      finding(sectionNumbering, 'warning', { section: '三、支出预算情况', line: 130 }),
    ]);
  });

  it('leaves parts titled without numbers alone (Shanghai page titles)', () => {
    const doc = budgetDoc({
      sections: [section('上海市普陀区财政局主要职能', 100), section('名词解释', 120)],
    });
    expect(run(sectionNumbering, doc)).toStrictEqual([]);
  });

  it('fails a repeated number', () => {
    const doc = budgetDoc({ sections: numbered(['一', '二', '二']) });
    expect(run(sectionNumbering, doc)).toStrictEqual([
      finding(sectionNumbering, 'warning', { section: '二、收入预算情况', line: 120 }),
    ]);
  });

  it('reports a skipped number once, at the heading after the gap', () => {
    // 一、二、四、五、: 三、 is missing. 四、 breaks the sequence; 五、 follows 四、 as it should.
    const doc = budgetDoc({ sections: numbered(['一', '二', '四', '五']) });
    expect(run(sectionNumbering, doc)).toStrictEqual([
      finding(sectionNumbering, 'warning', { section: '四、收入预算情况', line: 120 }),
    ]);
  });
});

describe('section-numbering in final accounts made of parts', () => {
  const final = (headings: string[]) => {
    const doc = budgetDoc({ sections: headings.map((h, i) => section(h, 100 + 10 * i)) });
    doc.kind = 'final';
    return doc;
  };

  it('passes numbering that starts again in each part, and an unnumbered part heading', () => {
    const doc = final([
      '一、主要职能',
      '二、部门决算单位构成',
      '一、收入支出决算总体情况说明',
      '二、收入决算情况说明',
      '第四部分名词解释',
    ]);
    expect(run(sectionNumbering, doc)).toStrictEqual([]);
  });

  it('still fails a gap inside a part', () => {
    const doc = final([
      '一、主要职能',
      '二、部门决算单位构成',
      '一、收入支出决算总体情况说明',
      '三、支出决算情况说明',
    ]);
    expect(run(sectionNumbering, doc)).toStrictEqual([
      finding(sectionNumbering, 'warning', { section: '三、支出决算情况说明', line: 130 }),
    ]);
  });
});
