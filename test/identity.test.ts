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

// The signals a page carries when it is one part of a disclosure (a 三公 statement, a project table, a page
// of the 情况说明): each names the discloser, or its year and kind, in its own way.
describe('identity of a page', () => {
  const identity = (...lines: string[]) => {
    const doc = parseString(lines.join('\n'));
    return [doc.kind, doc.year, doc.department.name];
  };

  it('a 三公 heading names the discloser between the year and 三公', () => {
    expect(
      identity('2018年某市质量技术监督局“三公”经费预算情况说明', '“三公”经费预算合计32.6万元。'),
    ).toEqual(['budget', 2018, '某市质量技术监督局']);
  });

  it('a 三公 heading names the discloser before the year', () => {
    expect(
      identity('某市某区2019年度“三公”经费公开说明', '2019年度某区本级“三公”经费支出决算合计585.53万元。'),
    ).toEqual(['final', 2019, '某市某区']);
  });

  it('a project table’s 主管部门, its year in brackets under the title', () => {
    expect(
      identity(
        '发布时间:2022年09月12日',
        '某某经费项目绩效目标表',
        '(2021年)',
        '项目名称 某某经费',
        '主管部门 (433)某市供销合作社联合社(部门)',
        '目标3:2021年12月31日前完成',
      ),
    ).toEqual(['performance', 2021, '某市供销合作社联合社']);
  });

  it('a collective title (市直林业部门) gives way to the department’s own unit, 本级', () => {
    expect(
      identity(
        '市直林业部门2022年度部门预算 |',
        '二、部门预算单位构成 1、某市林业局本级 2、某市林业科学研究所 |',
      )[2],
    ).toBe('某市林业局');
  });

  it('the department’s own unit after a connective (共计 1 家，即某某办公厅本级)', () => {
    expect(identity('2019年部门预算', '纳入编制范围的预算单位共计 1 家，即某某办公厅本级。')[2]).toBe(
      '某某办公厅',
    );
  });

  it('a department named with its units (某市民政局下属共有 6 个事业单位)', () => {
    expect(identity('13', '另外,某市民政局下属共有 6 个事业单位,事业运行经费总预算安排 100 元。')[2]).toBe(
      '某市民政局',
    );
  });

  it('a region’s 本级 summed by its finance bureau, spending set against the budget: a final account', () => {
    expect(
      identity(
        '经某某州财政局汇总,2022年某某州州本级部门使用财政拨款安排“三公”经费支出总额为8万元,比年初预算增加1万元。',
        '2022年,州本级“三公”经费支出中公务接待费低于预算数。',
      ),
    ).toEqual(['final', 2022, '某某州']);
  });

  it('a web page’s 来源 names the discloser when the title names only its region', () => {
    expect(
      identity(
        '某县2017年度部门“三公”经费预算情况表',
        '来源:某县台创园   2017-04-27 00:00',
        '一、支出合计   250000',
      )[2],
    ).toBe('某县台创园');
  });
  it('a budget page is no final account for 预决算 in a regulation’s name, nor for the year before’s 决算', () => {
    expect(
      identity(
        '根据《关于印发四川省预决算公开操作规程的通知》的有关规定,经某市财政局汇总,2025年全市“三公”经费预算总额为19万元。',
      )[0],
    ).toBe('budget');
    expect(
      identity(
        '一、2022年“三公”经费预算安排情况',
        '2022年度“三公”经费预算总计21.8万元。',
        '二、2021年“三公”经费决算情况',
        '2021年度“三公”经费合计支出20.12万元。',
      )[0],
    ).toBe('budget');
  });
  it('a year given to the amounts compared 同比 is seen, after the document’s year is decided', () => {
    const doc = parseString(
      [
        '某区2016年一般公共预算安排“三公”经费决算数2364万元，比上年决算数下降16.77%。',
        '2015年某区“三公”经费支出决算同比下降的原因主要是从严控制。',
      ].join('\n'),
    );
    expect(doc.year).toBe(2016);
    expect(doc.yearsSeen.map((y) => [y.year, y.context])).toContainEqual([2015, '同比增减的说明']);
  });
});

// Held-out round 3: pages whose identity is stated only in their body, or in words other signals took for
// another kind (绩效工资, 与年度预算相比).
describe('identity of a page: round 3', () => {
  const identity = (...lines: string[]) => {
    const doc = parseString(lines.join('\n'));
    return [doc.kind, doc.year, doc.department.name];
  };

  it('绩效工资 (pay) does not make a budget page a performance text; 绩效目标 does', () => {
    const page = (item: string) =>
      identity(
        '（二）按支出结构分类划分',
        `1. 基本支出预算 500000 元，其中：人员经费 400000 元，主要包括：基本工资、${item}、住房公积金。`,
        '2024 年本年一般公共预算基本支出 500000 元。',
      )[0];
    expect(page('绩效工资')).toBe('budget');
    expect(page('项目绩效目标')).toBe('performance');
  });

  it('spending set against the year’s 年初预算 is a final account, a budget stated beside last year’s is not', () => {
    expect(
      identity(
        '二、“三公”经费财政拨款支出与年初预算对比情况。',
        '本部门“三公”经费支出3.1万元，年初预算为4万元。',
      )[0],
    ).toBe('final');
    expect(identity('本部门“三公”经费预算3.1万元，上年预算为4万元。')[0]).toBe('budget');
  });

  it('the discloser named after 关于, before the year of its 决算', () => {
    expect(
      identity(
        '关于某市某区司法局2017年度一般公共预算财政拨款“三公”经费支出决算情况说明',
        '支出决算为8.77万元。',
      )[2],
    ).toBe('某市某区司法局');
  });

  it('the discloser named in a sentence below a table printed one cell per line', () => {
    const cells = Array.from({ length: 30 }, (_, i) => (i % 2 ? `${i}.5 |` : '公务接待费 |'));
    expect(
      identity(
        '一、2021年度一般公共预算财政拨款“三公”经费支出决算表',
        ...cells,
        '某区政府办2021年度一般公共预算财政拨款“三公”经费支出预算为49.9万元，支出决算为7.69万元。',
      )[2],
    ).toBe('某区政府办');
  });

  it('与某年度预算相比 is not a cover saying 预算: no identity-kind problem on a 决算 table', () => {
    const doc = parseString(
      [
        '一、2021年度一般公共预算财政拨款“三公”经费支出决算表',
        '单位：万元',
        '项目 | 预算数 | 决算数 |',
        '合计 | 10 | 8 |',
        '公务接待费 | 10 | 8 |',
        '公务接待费支出8万元，与2021年度预算相比减少2万元。',
      ].join('\n'),
    );
    expect(doc.kind).toBe('final');
    expect(doc.problems.filter((p) => p.code === 'identity-kind')).toEqual([]);
  });

  it('the discloser as the subject of its functions (X的主要职能是…), a 学区 too; not 本单位', () => {
    expect(identity('一、部门职责', '某县某镇学区的主要职能是实施义务教育阶段学校的管理。')[2]).toBe(
      '某县某镇学区',
    );
    expect(identity('一、部门职责', '本单位的主要职能是实施义务教育阶段学校的管理。')[2]).toBe('');
  });

  it('a project’s performance-target table titled with its unit before the year', () => {
    expect(
      identity('某市环境卫生管理处2023年道路保洁服务项目支出绩效目标申报表', '产出指标 | 数量指标 |'),
    ).toEqual(['performance', 2023, '某市环境卫生管理处']);
  });

  it('a page’s opening sentence: 现将X2020年度…, 现将2021年度X政府采购决算…; a town named bare', () => {
    expect(
      identity(
        '按照信息公开工作部署和要求，现将某某镇2020年度“三公”经费决算情况公布如下：',
        '2020年度“三公”经费41万元，较上年减少19万元。',
      ),
    ).toEqual(['final', 2020, '某某镇']);
    expect(
      identity(
        '政府采购决算公开情况说明',
        '现将2021年度某某职业学院政府采购决算公开如下：',
        '政府采购支出总额28万元。',
      ),
    ).toEqual(['final', 2021, '某某职业学院']);
  });

  it('a title naming a region for the whole of its 三公, or a unit before a bare 决算', () => {
    expect(identity('2019年度某某县“三公”经费支出决算情况', '“三公”经费决算支出数为1165.08万元。')[2]).toBe(
      '某某县',
    );
    expect(identity('2017年某市第五小学决算', '第一部分 单位概况')[2]).toBe('某市第五小学');
  });

  it('a table header’s coded discloser cell above 预算年度', () => {
    expect(identity('部门预算公开表', '920某某县某镇财政所 |', '预算年度:2025 |', '单位:万元 |')[2]).toBe(
      '某某县某镇财政所',
    );
  });

  it('a project table’s 实施单位, on the next line or run into one line with its code', () => {
    expect(
      identity(
        '项目支出绩效自评表',
        '2019年度',
        '主管部门',
        '某市发改委',
        '实施单位',
        '某市食品工程学校',
        '项目资金',
      ),
    ).toEqual(['performance', 2019, '某市食品工程学校']);
    expect(
      identity(
        '项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 主管部门 219-某某镇人民政府 实施单位 219001-某某镇人民政府 项目资金',
      ),
    ).toEqual(['performance', 2022, '某某镇人民政府']);
  });

  it('a budget’s title decides its kind over 绩效 in its contents', () => {
    expect(
      identity(
        '某某镇人民政府2022年部门预算',
        '目 录',
        '十、《部门(单位)整体绩效目标表》',
        '第一部分 概况',
      )[0],
    ).toBe('budget');
  });

  it('a numbered heading (一、2018年度部门决算…) names no one; the 概况 sentence X是…事业单位 does', () => {
    expect(
      identity(
        '第一部分 概况',
        '某市第二实验小学是某市教育局直属的财政全额拨款事业单位，学校主要职责是实施小学义务教育。',
        '一、2018年度部门决算收支增减情况说明',
      )[2],
    ).toBe('某市第二实验小学');
  });

  it('a generic 部门 after the name, a verb before it, a part heading’s colon, a 单位预算', () => {
    expect(identity('某县某乡中心学校部门2020年度部门决算', '目 录')[2]).toBe('某县某乡中心学校');
    expect(identity('纳入某市某区某镇人民政府2023年部门预算编制范围的预算单位包括：')[2]).toBe(
      '某市某区某镇人民政府',
    );
    expect(identity('第二部分:某县某中学2022年单位预算情况说明', '收入预算100万元。')[2]).toBe('某县某中学');
  });

  it('the title page’s two lines, before the name the body gives in short', () => {
    expect(identity('某县某镇人民政府', '2020年部门预算编制说明', '某镇人民政府主要职能是……')[2]).toBe(
      '某县某镇人民政府',
    );
  });

  it('the year of the document, not the year its figures are compared with', () => {
    expect(
      identity(
        '（一）本单位2021年度总收入581.45万元，较2020年度决算数减少175.26万元。',
        '1.财政拨款收入382.17万元，较2020年度决算数减少157.86万元。',
        '2.上级补助收入8.38万元，较2020年度决算数减少17.40万元。',
      )[1],
    ).toBe(2021);
  });

  it('a project table’s 预算单位 before its 实施单位', () => {
    expect(
      identity(
        '2023年某某项目支出绩效目标审批表',
        '预算单位: 某县某乡人民政府',
        '实施单位 某乡 项目负责人 某某',
        '一级指标',
      )[2],
    ).toBe('某县某乡人民政府');
  });

  it('a budget page that mentions 预算绩效 among its own sections is a budget', () => {
    expect(
      identity(
        '（一）机关运行经费',
        '2023年，某镇人民政府的机关运行经费财政拨款预算为46.8万元。',
        '（二）政府采购情况',
        '2023年安排政府采购预算1.48万元。',
        '（四）预算绩效情况',
        '2023年开展绩效目标管理的项目7个，涉及预算489.65万元。',
      )[0],
    ).toBe('budget');
  });

  it('a project table’s coded 单位名称 cell, not the department’s generic one', () => {
    expect(
      identity(
        '| 部门预算项目绩效目标申报表(2023年度) | ||||',
        '| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 权重 |',
        '| 820-某镇部门 | 8,827,620.53 | |||',
        '| 820001-某县某镇人民政府 | 村组干部报酬 | 3,309,840.00 | 按时发放 | 效益指标 | 10 |',
      )[2],
    ).toBe('某县某镇人民政府');
  });

  it('a part heading naming the discloser’s 概况, before a short form in the prose; a 决算公开报告 title', () => {
    expect(
      identity(
        '第一部分自治区人民政府机关事务管理局概况',
        '一、主要职能',
        '机管局2013年收支总预算10000万元。',
      )[2],
    ).toBe('自治区人民政府机关事务管理局');
    expect(identity('2024年度某市自然资源局某口岸分局决算公开报告', '项目支出绩效自评表')[2]).toBe(
      '某市自然资源局某口岸分局',
    );
  });

  it('a scope (全区, 全市) before the year names no discloser', () => {
    expect(identity('2020年度全区“三公”经费决算情况', '全区“三公”经费决算支出1000万元。')[2]).toBe('');
  });
});

describe('a report on one year’s execution and the next year’s draft', () => {
  it('is the draft year’s budget', () => {
    const doc = parseString(
      [
        '关于某县2022年预算执行情况和2023年预算草案的报告',
        '（2023年2月8日在县第十七届人民代表大会第二次会议上）',
        '一、2022年财政预算执行情况',
        '2022年一般公共预算收入完成3000万元，2022年预算调整为3100万元。',
        '二、2023年预算草案',
        '2023年一般公共预算收入预算3200万元。',
      ].join('\n'),
    );
    expect([doc.kind, doc.year]).toEqual(['budget', 2023]);
  });
});

describe('a final account that quotes the budget report it follows', () => {
  it('is typed by its own years, not the quoted title’s', () => {
    const doc = parseString(
      [
        '某区人民政府关于提请审议2023年某区财政收支决算草案的议案',
        '2023年某区财政收支决算草案',
        '区人民代表大会审议批准《关于某区2023年预算执行情况和2024年预算草案的报告》，2023年某区财政收支决算草案现已编制完成。',
        '一、一般公共预算收支决算情况',
        '2023年一般公共预算收入决算数为5000万元，为调整预算的101%。',
      ].join('\n'),
    );
    expect(doc.kind).toBe('final');
  });
});
