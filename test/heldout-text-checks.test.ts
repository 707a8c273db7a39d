// Text checks on pages of the kinds the third held-out round brought (issue 19, item 4): each case is a short
// synthetic page, read and checked end to end, once where the numbers agree and once where they do not.
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { parseString } from './helpers.ts';

const findings = (rule: string, ...lines: string[]) =>
  checkDocument(parseString(lines.join('\n'))).filter((f) => f.rule === rule && f.severity !== 'info');

describe('parts of a stated total', () => {
  it('another amount listed with the parts: they need not make the total, but may not exceed it', () => {
    const page = (basic: string, personnel: string) =>
      findings(
        'text-parts-sum',
        '三、部门预算收入及支出总体情况',
        `2024年基本支出${basic}万元，其中人员经费${personnel}万元，公用经费20万元，纳入财政专户的非税收入10万元。`,
      );
    expect(page('130', '100')).toEqual([]);
    expect(page('110', '100')).toHaveLength(1); // 100 + 20 > 110
  });
  it('without another amount, the two parts must make the total', () => {
    const page = (basic: string) =>
      findings(
        'text-parts-sum',
        '三、部门预算收入及支出总体情况',
        `2024年基本支出${basic}万元，其中人员经费100万元，公用经费20万元。`,
      );
    expect(page('120')).toEqual([]);
    expect(page('130')).toHaveLength(1);
  });
});

describe('a final account’s 决算 set against its own budget', () => {
  const page = (year: string) =>
    findings(
      'text-compared-year',
      '一、2021年度一般公共预算财政拨款“三公”经费支出决算表',
      '二、2021年度“三公”经费支出情况说明',
      `某区政府办2021年度“三公”经费支出决算为7万元。公务接待费支出5万元，与${year}年度预算相比减少1万元，下降16.67%，原因是厉行节约。`,
    );
  it('与本年度预算相比 compares no year; 与前两年相比 still does', () => {
    expect(page('2021')).toEqual([]);
    expect(page('2019')).toHaveLength(1);
  });
});

describe('a completion rate of a part listed after 其中', () => {
  it('is not set against the whole’s budget; the whole’s own rate still is', () => {
    // 6 of the whole's 20 would be 30%: the part's 60% is of its own budget, which the text does not state.
    expect(
      findings(
        'text-budget-completion',
        '（一）“三公”经费财政拨款支出决算总体情况说明。',
        '某局2017年度“三公”经费财政拨款支出年初预算为20.00万元，支出决算为10.00万元，完成预算的50.00%，其中：公务用车运行维护费支出决算为6.00万元，完成预算的60.00%；公务接待费支出决算为4.00万元，完成预算的40.00%。',
      ),
    ).toEqual([]);
    const wrong = findings(
      'text-budget-completion',
      '（一）“三公”经费财政拨款支出决算总体情况说明。',
      '某局2017年度“三公”经费财政拨款支出年初预算为20.00万元，支出决算为10.00万元，完成预算的40.00%，其中：公务接待费支出决算为4.00万元，完成预算的40.00%。',
    );
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.expected).toBe(50);
  });
});

describe('the sections on the 一般公共预算 and its 基本支出 are read', () => {
  const page = (personnel: string) =>
    findings(
      'text-parts-sum',
      '一、部门职责',
      '某学区负责辖区义务教育。',
      '二、一般公共预算情况',
      `（一）基本支出。2024年基本支出300万元，其中人员经费${personnel}万元，公用经费50万元。`,
    );
  it('parts exceeding the total they are stated with are found there', () => {
    expect(page('250')).toEqual([]);
    expect(page('290')).toHaveLength(1);
  });
});

describe('shares of a total whose list opens after its change', () => {
  const page = (share: string) =>
    findings(
      'text-share',
      '三、收支决算总体情况',
      `2023年某卫生院本年收入合计500万元，与上年相比增加50万元，增长11.11%；其中：财政拨款收入200万元，占40%；事业收入300万元，占${share}%。`,
    );
  it('are shares of that total', () => {
    expect(page('60')).toEqual([]);
    const wrong = page('70');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.expected).toBe(60);
  });
});

describe('shares of a whole the text names but does not state', () => {
  const page = (share: string) =>
    findings(
      'text-share',
      '五、一般公共预算支出情况说明',
      '1. 基本支出预算 800000 元，占一般公共预算支出的80%，同比减少 1000 元，下降 0.12%。',
      `2. 项目支出 200000 元，占一般公共预算支出的 ${share}%，同比增加 1000 元，增长 0.5%。`,
    );
  it('are checked against the sum of the parts so stated, when one of them fits it', () => {
    expect(page('20')).toEqual([]);
    const wrong = page('25');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.expected).toBe(20);
  });
  it('are not when no share fits the sum (the parts are not the whole)', () => {
    expect(
      findings(
        'text-share',
        '五、一般公共预算支出情况说明',
        '1. 基本支出预算 800000 元，占一般公共预算支出的40%。',
        '2. 工资福利支出 600000 元，占一般公共预算支出的 30%。',
      ),
    ).toEqual([]);
  });
});

describe('a final account’s 本年支出合计 and its uses', () => {
  const page = (project: string, more = '') =>
    findings(
      'text-parts-sum',
      '一、部门决算表',
      '三、收支决算总体情况',
      `2023年某卫生院本年支出合计500万元，其中：基本支出400万元，占80%；项目支出${project}万元，占20%${more}。`,
    );
  it('are 基本支出 + 项目支出', () => {
    expect(page('100')).toEqual([]);
    expect(page('99.89')).toHaveLength(1);
  });
  it('need not be when another use the model has no subject for is listed (经营支出)', () => {
    expect(page('90', '；经营支出10万元，占2%')).toEqual([]);
  });
});

describe('amounts a sentence has no subject for', () => {
  it('an economic class is not 支出, nor is its change the section’s 三公', () => {
    const doc = parseString(
      [
        '（二）按支出结构分类划分。',
        '1. 基本支出预算 800000 元，同比减少 1000 元，下降 0.12%。其中：',
        '工资福利支出预算 700000 元，同比减少 50000 元，下降 6.67%。',
        '七、“三公”经费情况说明',
        '2023 年“三公”经费支出预算 0 元，同比无变化。',
      ].join('\n'),
    );
    const subjects = doc.statedAmounts.map((a) => [a.subject, a.value]);
    expect(subjects).toContainEqual(['basic', '800000']);
    expect(subjects).not.toContainEqual(['expenditure-total', '700000']);
    expect(subjects).not.toContainEqual(['three-public', '50000']);
  });
  it('a sentence opening with a change is of what the sentence before was about; 一般公共预算拨款项目支出 is 项目支出', () => {
    const doc = parseString(
      [
        '四、一般公共预算情况',
        '（一）基本支出。2024年基本支出300万元，其中人员经费200万元，公用经费100万元。比2023年预算增加60万元，增长25%。',
        '（二）项目支出。2024年一般公共预算拨款项目支出预算50万元，比2023年预算减少10万元，下降16.67%。',
      ].join('\n'),
    );
    const changes = doc.statedAmounts.filter((a) => a.change).map((a) => [a.subject, a.value]);
    expect(changes).toEqual([
      ['basic', '60'],
      ['project', '10'],
    ]);
  });
});

describe('a total stated with its change before its list', () => {
  const page = (project: string) =>
    findings(
      'text-parts-sum',
      '一、部门决算表',
      '三、收支决算总体情况',
      `2023年某卫生院本年支出合计500万元，与上年相比减少10万元，下降1.96%；其中：基本支出400万元，与上年相比减少5万元；项目支出${project}万元，与上年相比减少5万元。`,
    );
  it('its level’s parts are checked too, not only its change’s', () => {
    expect(page('100')).toEqual([]);
    expect(page('99.89')).toHaveLength(1);
  });
});

describe('a 三公 决算 table printed with 机关运行经费', () => {
  it('is recognised by its title; a title with another cost beside 三公 is not', () => {
    const tables = (title: string) =>
      Object.keys(parseString([title, '单位：万元', '合计 | 10.00 | 8.00 |'].join('\n')).tables);
    expect(tables('2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表')).toContain(
      'final-three-public',
    );
    expect(tables('2017年度一般公共预算财政拨款“三公”经费及差旅费支出决算表')).not.toContain(
      'final-three-public',
    );
  });
});

describe('counts stated with their parts', () => {
  const page = (total: string, other: string) =>
    findings(
      'text-count-parts',
      '一、国有资产占用情况',
      `共有车辆 ${total} 辆，其中：一般公务用车 1 辆、特种专业技术用车 1 辆、其他用车 ${other} 辆。`,
    );
  it('the parts make the count when the list reaches 其他', () => {
    expect(page('2', '0')).toEqual([]);
    expect(page('3', '0')).toHaveLength(1);
    expect(page('1', '0')).toHaveLength(1);
  });
  it('people are not counted by class (the classes overlap), nor a list within the list', () => {
    expect(findings('text-count-parts', '一、部门职责', '共有职工30人，其中女职工12人，党员20人。')).toEqual(
      [],
    );
    expect(
      findings(
        'text-count-parts',
        '一、国有资产占用情况',
        '共有车辆2辆，其中一般公务用车2辆（其中越野车1辆）。',
      ),
    ).toEqual([]);
  });
});

describe('the year of a 截至 date', () => {
  const budget = (year: string) =>
    findings(
      'text-date-year',
      '2024年部门预算',
      '一、国有资产占用情况',
      `截至${year}年12月31日，本部门共有车辆2辆。`,
    );
  it('a budget gives the year before’s; a final account its own', () => {
    expect(budget('2023')).toEqual([]);
    expect(budget('2022')).toHaveLength(1);
    const final = (year: string) =>
      findings(
        'text-date-year',
        '2023年度部门决算',
        '十二、国有资产占用情况',
        `截至${year}年12月31日，共有车辆2辆。`,
      );
    expect(final('2023')).toEqual([]);
    expect(final('2022')).toHaveLength(1);
  });
});

describe('the parts of 基本支出 each in a sentence of its own', () => {
  const page = (basic: string) =>
    findings(
      'text-parts-sum',
      '一、一般公共预算基本支出情况说明',
      `2023 年本年一般公共预算基本支出 ${basic} 元，其中：`,
      '人员经费 800000 元，主要包括：基本工资、津贴补贴、住房公积金。',
      '公用经费 100000 元，主要包括：办公费、工会经费。',
    );
  it('make it', () => {
    expect(page('900000')).toEqual([]);
    expect(page('950000')).toHaveLength(1);
  });
});

describe('the fourth held-out round’s kinds', () => {
  it('a share of a whole named after 占, stated before as “…为X万元”', () => {
    const page = (other: string) =>
      findings(
        'text-share',
        '一、2022年部门预算收支情况说明',
        `2022年某镇人民政府收入预算总额为7783.26万元，比上年增加7122.54万元。其中：财政拨款收入751.8万元，占收入预算总额的9.7%；其他收入7000万元，占收入预算总额的${other}%。`,
      );
    expect(page('89.9')).toEqual([]);
    expect(page('90.3')).toHaveLength(1);
  });

  it('the changes of 基本支出’s economic classes, each in a sentence of its own, against its change', () => {
    const page = (whole: string) =>
      findings(
        'text-change-parts',
        '一、预算收支增减变化情况说明',
        `2018年基本支出预算较上年增${whole}万元。主要变动原因如下：`,
        '1.工资福利支出较上年增18.67万元。',
        '2.商品和服务支出较上年减0.04万元。',
        '3.对个人和家庭补助支出较上年增加0.11万元。',
      );
    expect(page('18.74')).toEqual([]);
    expect(page('17.1')).toHaveLength(1);
  });
});

describe('the fifth held-out round’s kinds', () => {
  it('人员支出 and 公用支出 are the halves of 基本支出, a 类 (住房保障支出) no spending total', () => {
    const page = (basic: string) =>
      findings(
        'text-parts-sum',
        '二、收支预算情况说明',
        `单位预算支出5212.91万元(含人员支出4450.87万元、占总支出85.38% 公用支出762.04万元,占总支出14.62%)。其中:基本支出${basic}万元,占总支出100%。住房保障支出245.93万元，占总支出4.72%。`,
      );
    expect(page('5212.91')).toEqual([]);
  });
});

describe('the seventh held-out round’s kinds', () => {
  it('a change’s one part listed under 其中 may be larger than it: the part not listed may have moved the other way', () => {
    expect(
      findings(
        'text-parts-sum',
        '二、“三公”经费决算情况说明',
        '公务用车购置及运行维护费支出决算1040.83万元，比上年减少35.99万元，其中：公务用车运行维护费支出决算比上年减少332.09万元。',
      ),
    ).toEqual([]);
  });

  it('a government’s 下级上解收入 is no income total to sum the items after it against', () => {
    expect(
      findings(
        'text-parts-sum',
        '一、收入决算情况',
        '2018年市级一般公共预算收入决算数129748万元，加上级补助收入428905万元，下级上解收入4409万元，上年结转结余收入41407万元，收入总计604469万元。',
      ),
    ).toEqual([]);
  });
});

describe('a count stated with the names it counts', () => {
  const page = (count: string, names: string) =>
    findings(
      'text-count-parts',
      '一、部门基本情况',
      `本中心设${count}个内设机构，分别为：${names}。本中心有事业编制25名。`,
    );
  it('the names listed make the count', () => {
    expect(page('3', '办公室、业务股、财务股')).toEqual([]);
    expect(page('三', '办公室、业务股、财务股')).toEqual([]);
    expect(page('4', '办公室、业务股、财务股')).toHaveLength(1);
    expect(page('两', '办公室、业务股、财务股')).toHaveLength(1);
  });
  it('the count after its name, with a colon', () => {
    const text = (n: string) =>
      findings('text-count-parts', '一、部门基本情况', `内设机构${n}个：综合科、规划科、执法科、财务科。`);
    expect(text('4')).toEqual([]);
    expect(text('5')).toHaveLength(1);
  });
  it('a list cut short by 等, or of clauses, is no list of names', () => {
    expect(page('9', '办公室、业务股等')).toEqual([]);
    expect(page('9', '办公室3人、业务股5人')).toEqual([]);
  });
});

describe('the eighth held-out round’s kinds', () => {
  it('a 三公 total with an aside in brackets before its change, its parts in sentences of their own', () => {
    const page = (whole: string) =>
      findings(
        'text-change-parts',
        '二、“三公”经费支出总体情况',
        `2019年度本级“三公”经费支出合计585.53万元（包括基本支出和项目支出安排的经费），同比减少${whole}万元。`,
        '其中：因公出国（境）经费0万元，同比减少0万元。公务用车购置及运行费585.53万元，同比减少144.92万元。',
        '公务接待费0.00万元，同比减少0.11万元，主要是厉行节约。',
      );
    expect(page('145.03')).toEqual([]);
    expect(page('144.92')).toHaveLength(1);
  });

  it('a part’s change whose own parts do not make it names the level and each part', () => {
    const found = findings(
      'text-parts-sum',
      '二、“三公”经费支出总体情况',
      '公务用车购置及运行费585.53万元，同比减少144.92万元（公务用车购置费0万元，同比减少0万元；公务用车运行维护费585.53万元，同比减少0万元）。',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/公务用车购置及运维费 585\.53万元，减少144\.92万元；分项：/);
  });
});

describe('a figure set against itself', () => {
  const page = (year: string) =>
    findings(
      'text-compared-year',
      '2022年度部门决算',
      '五、一般公共预算财政拨款支出决算具体情况',
      '1、20106-财政事务1084万元，较2021年决算数减少135万元，下降11.08%。',
      `2、20123-民族事务156万元，与${year}年决算数持平。`,
    );
  it('a final account’s 决算 compared with its own year’s 决算', () => {
    expect(page('2021')).toEqual([]);
    expect(page('2022')).toHaveLength(1);
  });
  it('not a final account’s 决算 set against its own year’s budget', () => {
    expect(
      findings(
        'text-compared-year',
        '2022年度部门决算',
        '二、“三公”经费支出决算情况',
        '公务接待费支出5.21万元，与2022年度预算相比减少1万元，原因是厉行节约。',
      ),
    ).toEqual([]);
  });
});
