// The department of a disclosure whose tables have no 编制部门 line, from what such documents print: a
// 部门：X line above a table, a title naming it before the year, the title page; never a part heading.
import { describe, expect, it } from 'vitest';
import { parseString } from './helpers.ts';

const contents = [
  '目  录',
  '第一部分 部门概况',
  '一、主要职能',
  '第二部分 2023 年度部门预算表',
  '一、收支预算总表',
];

describe('department from the document', () => {
  it('a part heading (第二部分 2023 年度部门预算表) names no department', () => {
    expect(parseString(contents.join('\n')).department.name).not.toMatch(/第二部分/);
  });

  it('from a 部门：X line beside the unit', () => {
    const text = [...contents, '收支预算总表', '部门：      某市水务局                     单位：万元'].join(
      '\n',
    );
    expect(parseString(text).department.name).toBe('某市水务局');
  });

  it('from a title naming it before the year, after a part heading or 附件', () => {
    const heading = [...contents, '第二部分 某县文化和旅游局 2023 年度部门预算表'].join('\n');
    expect(parseString(heading).department.name).toBe('某县文化和旅游局');
    const appendix = [...contents, '附件：某县文化和旅游局 2023 年度部门预算公开表'].join('\n');
    expect(parseString(appendix).department.name).toBe('某县文化和旅游局');
  });

  it('from the title page: the name above the year and 部门预算', () => {
    const text = ['- 1 -', '某省交通运输厅', '', '2023年部门预算', ...contents].join('\n');
    expect(parseString(text).department.name).toBe('某省交通运输厅');
  });

  it('from a sentence naming it before the year, when nothing else names it', () => {
    const text = [
      ...contents,
      '某局2023年部门预算由机关和 3 个所属单位预算组成，收支全部纳入预算，厉行节约。',
    ].join('\n');
    expect(parseString(text).department.name).toBe('某局');
  });
});
