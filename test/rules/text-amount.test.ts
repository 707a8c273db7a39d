import { describe, expect, it } from 'vitest';
import { textAmount } from '../../src/check/rules/text-amount.ts';
import type { StatedAmount } from '../../src/model/document.ts';
import { budgetDoc, finalDoc, performanceDoc, project, row, section, stated, table } from './build.ts';
import { finding, run } from './check.ts';

const overall = '二、部门预算安排的总体情况';
const threePublicSection = '四、"三公"经费预算情况';

// The tables the 情况说明 refers to, consistent with each other.
const tables = [
  table(
    'summary',
    '部门预算收支总表',
    ['预算数'],
    [
      row(null, '一、一般公共预算拨款收入', ['2300.00'], 'income'),
      row(null, '二、政府性基金预算拨款收入', [null], 'income'),
      row(null, '五、单位资金收入', ['11.68'], 'income'),
      row(null, '本年收入合计', ['2311.68'], 'income'),
      row(null, '上年结转结余', ['70.00'], 'income'),
      row(null, '收入总计', ['2381.68'], 'income'),
      row(null, '一、一般公共服务支出', ['2381.68'], 'expenditure'),
      row(null, '本年支出合计', ['2381.68'], 'expenditure'),
      row(null, '支出总计', ['2381.68'], 'expenditure'),
    ],
  ),
  table(
    'expenditure',
    '部门预算支出总表',
    ['合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'],
    [row(null, '合计', ['2381.68', '896.68', '1485.00', null, null, null])],
    { line: 30 },
  ),
  table(
    'general-basic',
    '一般公共预算财政拨款基本支出表',
    ['合计', '人员经费', '公用经费'],
    [row(null, '合计', ['896.68', '858.48', '38.20'])],
    { line: 40 },
  ),
  table(
    'three-public',
    '财政拨款"三公"经费支出表',
    ['合计', '一般公共预算财政拨款', '政府性基金预算拨款', '国有资本经营预算财政拨款'],
    [
      row(null, '"三公"经费小计', ['12.00', '12.00', null, null]),
      row(null, '一、因公出国（境）费', [null, null, null, null]),
      row(null, '二、公务用车购置及运维费', ['7.00', '7.00', null, null]),
      row(null, '其中：公务用车购置费', [null, null, null, null]),
      row(null, '公务用车运行维护费', ['7.00', '7.00', null, null]),
      row(null, '三、公务接待费', ['5.00', '5.00', null, null]),
    ],
    { line: 50 },
  ),
];

// What the 情况说明 says, one amount per line from line 100: all of it true to the tables.
const truthful: StatedAmount[] = [
  stated('income-total', '2381.68', { line: 100 }),
  stated('general-budget-income', '2300', { line: 101 }),
  stated('unit-funds-income', '11.68', { line: 102 }),
  stated('carry-over', '70', { line: 103 }),
  stated('expenditure-total', '2381.68', { line: 104 }),
  stated('basic', '896.68', { line: 105 }),
  stated('project', '1485', { line: 106 }),
  stated('personnel', '858.48', { line: 107, section: '三、机关运行经费' }),
  stated('public', '38.20', { line: 108, section: '三、机关运行经费' }),
  stated('operating-cost', '38.2', { line: 109, section: '三、机关运行经费' }),
  stated('three-public', '12', { line: 110, section: threePublicSection }),
  stated('three-public-part', '0', { line: 111, section: threePublicSection, item: '因公出国（境）费' }),
  stated('three-public-part', '7', { line: 112, section: threePublicSection, item: '公务用车购置及运维费' }),
  stated('three-public-part', '7', { line: 113, section: threePublicSection, item: '公务用车运行维护费' }),
  stated('three-public-part', '5', { line: 114, section: threePublicSection, item: '公务接待费' }),
];

describe('text-amount', () => {
  it('passes a 情况说明 whose every level amount equals its table figure', () => {
    expect(run(textAmount, budgetDoc({ tables, statedAmounts: truthful }))).toStrictEqual([]);
  });

  it('fails 项目支出 stated as last year’s figure (expected = the table, actual = the text)', () => {
    const doc = budgetDoc({ tables, statedAmounts: [stated('project', '1270', { line: 106 })] });
    expect(run(textAmount, doc)).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 106 }, 1485, 1270),
    ]);
  });

  it('fails each subject against its own figure', () => {
    const doc = budgetDoc({
      tables,
      statedAmounts: [
        stated('carry-over', '60', { line: 103 }),
        stated('operating-cost', '38.19', { line: 109, section: '三、机关运行经费' }),
        stated('three-public-part', '6', { line: 114, section: threePublicSection, item: '公务接待费' }),
      ],
    });
    expect(run(textAmount, doc)).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 103 }, 70, 60),
      finding(textAmount, 'info', { section: '三、机关运行经费', line: 109 }, 38.2, 38.19),
      finding(textAmount, 'error', { section: threePublicSection, line: 114 }, 5, 6),
    ]);
  });

  it('checks a narrative 项目支出 total against the projects’ tables when there is no 支出总表', () => {
    const projects = [
      project({ code: '11010125P000000000001', budget: '50.00', fiscal: '50.00', line: 200 }),
      project({ code: '11010125P000000000002', budget: '300000', fiscal: '300000', unit: '元', line: 300 }),
    ];
    const text = (value: string) => [stated('project', value, { line: 20, section: '一、项目支出情况' })];
    expect(run(textAmount, performanceDoc({ projects, statedAmounts: text('80') }))).toStrictEqual([]);
    expect(run(textAmount, performanceDoc({ projects, statedAmounts: text('90') }))).toStrictEqual([
      finding(textAmount, 'error', { section: '一、项目支出情况', line: 20 }, 80, 90),
    ]);
  });

  it('compares 机关运行经费 with 公用经费, as a warning where that identity may not hold', () => {
    const orgUnit = (nature: string) => ({
      name: `某某${nature}单位`,
      nature,
      rank: '',
      funding: '财政拨款',
      source: { line: 2 },
    });
    const statedOperating = [stated('operating-cost', '38.00', { line: 109, section: '三、机关运行经费' })];
    const expected = [finding(textAmount, 'error', { section: '三、机关运行经费', line: 109 }, 38.2, 38)];
    // 行政单位, and 参照公务员法管理的事业单位: 机关运行经费 is the 公用经费.
    for (const natures of [['行政'], ['行政', '参照公务员法管理的事业单位']])
      expect(
        run(textAmount, budgetDoc({ tables, units: natures.map(orgUnit), statedAmounts: statedOperating })),
      ).toStrictEqual(expected);
    // A department with a 事业单位 of its own: its 公用经费 may be more than 机关运行经费.
    const warned = (d: ReturnType<typeof budgetDoc>) => {
      const found = run(textAmount, d);
      expect(found.map((f) => [f.severity, f.expected, f.actual])).toEqual([['warning', 38.2, 38]]);
      expect(found[0]!.message).toMatch(/部门含事业单位/);
    };
    warned(budgetDoc({ tables, units: ['行政', '事业'].map(orgUnit), statedAmounts: statedOperating }));
    // Without a 机构设置 table, the 情况说明 saying so.
    const says = (text: string) =>
      budgetDoc({
        tables,
        sections: [section('一、部门职责及机构设置', 20, text)],
        statedAmounts: statedOperating,
      });
    warned(says('本部门预算包括机关本级和所属事业单位 2 个。'));
    expect(run(textAmount, says('本部门为行政单位，不含事业单位。'))).toStrictEqual(expected);
  });

  it('reports a difference of 0.01 as info and 0.02 as error', () => {
    const within = run(
      textAmount,
      budgetDoc({ tables, statedAmounts: [stated('basic', '896.67', { line: 105 })] }),
    );
    expect(within).toStrictEqual([
      finding(textAmount, 'info', { section: overall, line: 105 }, 896.68, 896.67),
    ]);
    const beyond = run(
      textAmount,
      budgetDoc({ tables, statedAmounts: [stated('basic', '896.66', { line: 105 })] }),
    );
    expect(beyond).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 105 }, 896.68, 896.66),
    ]);
  });

  it('converts an amount stated in 元 to the table unit before comparing', () => {
    const ok = budgetDoc({ tables, statedAmounts: [stated('public', '382000', { unit: '元', line: 108 })] });
    expect(run(textAmount, ok)).toStrictEqual([]);
    const off = budgetDoc({ tables, statedAmounts: [stated('public', '392000', { unit: '元', line: 108 })] });
    expect(run(textAmount, off)).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 108 }, 38.2, 39.2),
    ]);
  });

  it('names a factor of 10,000 (元 written as 万元) in the message', () => {
    const doc = budgetDoc({ tables, statedAmounts: [stated('public', '382000', { line: 108 })] });
    const findings = run(textAmount, doc);
    expect(findings).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 108 }, 38.2, 382000),
    ]);
    expect(findings[0]!.message).toContain('10000 倍');
  });

  it('compares 财政拨款收支总计 with the 财政拨款收支总表 总计', () => {
    const fiscal = table(
      'fiscal-summary',
      '部门预算财政拨款收支总表',
      ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      [
        row(null, '一、一般公共预算拨款收入', ['2300.00'], 'income'),
        row(null, '本年收入合计', ['2300.00'], 'income'),
        row(null, '上年结转', ['81.68'], 'income'),
        row(null, '收入总计', ['2381.68'], 'income'),
        row(null, '一、一般公共服务支出', ['2381.68', '2381.68', null, null], 'expenditure'),
        row(null, '支出总计', ['2381.68', '2381.68', null, null], 'expenditure'),
      ],
      { line: 60 },
    );
    const ok = budgetDoc({
      tables: [fiscal],
      statedAmounts: [stated('fiscal-total', '2381.68', { line: 100 })],
    });
    expect(run(textAmount, ok)).toStrictEqual([]);
    const off = budgetDoc({
      tables: [fiscal],
      statedAmounts: [stated('fiscal-total', '2300', { line: 100 })],
    });
    expect(run(textAmount, off)).toStrictEqual([
      finding(textAmount, 'error', { section: overall, line: 100 }, 2381.68, 2300),
    ]);
  });

  it('ignores 比上年 changes, project items and subjects whose table is absent', () => {
    const doc = budgetDoc({
      tables: [],
      statedAmounts: [
        stated('income-total', '1', { line: 100 }),
        stated('project', '99', {
          line: 101,
          change: { direction: 'increase', comparedYear: 2024, explained: true },
        }),
        stated('project-item', '5', { line: 102, item: '外贸企业安全检查经费' }),
      ],
    });
    expect(run(textAmount, doc)).toStrictEqual([]);
    const withTables = budgetDoc({ tables, statedAmounts: doc.statedAmounts.slice(1) });
    expect(run(textAmount, withTables)).toStrictEqual([]);
  });
});

describe('text-amount on a final account (决算)', () => {
  // The final-account tables: 决算数 columns; 基本支出 of all funds (支出决算表) differs from the
  // 一般公共预算 one (其他收入 spent on basic); 人员/公用经费 are the two blocks' 合计 lines; Shanghai's
  // 三公 line of 预算数/决算数 pairs (合计, 因公出国, 公务用车小计, 购置, 运行, 接待) with a 预算数 only.
  const finalTables = [
    table(
      'final-summary',
      '收入支出决算总表',
      ['决算数'],
      [
        row(null, '一、一般公共预算财政拨款收入', ['2940.05'], 'income'),
        row(null, '八、其他收入', ['6.20'], 'income'),
        row(null, '本年收入合计', ['2946.25'], 'income'),
        row(null, '年初结转和结余', ['49.14'], 'income'),
        row(null, '总计', ['2995.39'], 'income'),
        row(null, '一、一般公共服务支出', ['2940.05'], 'expenditure'),
        row(null, '本年支出合计', ['2940.05'], 'expenditure'),
        row(null, '年末结转和结余', ['55.34'], 'expenditure'),
        row(null, '总计', ['2995.39'], 'expenditure'),
      ],
    ),
    table(
      'final-expenditure',
      '支出决算表',
      ['本年支出合计', '基本支出', '项目支出'],
      [row(null, '合计', ['2946.25', '2343.11', '603.14'])],
      { line: 30 },
    ),
    table(
      'final-general-expenditure',
      '一般公共预算财政拨款支出决算表',
      ['合计', '基本支出', '项目支出'],
      [row(null, '合计', ['2940.05', '2336.91', '603.14'])],
      { line: 40 },
    ),
    table(
      'final-general-basic',
      '一般公共预算财政拨款基本支出决算表',
      ['决算数'],
      [
        row('301', '工资福利支出', ['2152.26']),
        row('302', '商品和服务支出', ['184.65']),
        row(null, '人员经费合计', ['2152.26']),
        row(null, '公用经费合计', ['184.65']),
      ],
      { line: 50 },
    ),
    table(
      'final-three-public',
      '财政拨款“三公”经费支出决算表',
      Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? '预算数' : '决算数')),
      [row(null, '', ['0.95', '0.40', null, null, null, null, null, null, null, null, '0.95', '0.40'])],
      { line: 60 },
    ),
  ];
  const overall = '一、收入支出决算总体情况说明';
  const spending = '三、支出决算情况说明';
  const general = '六、一般公共预算财政拨款基本支出决算情况说明';
  const threePublic = '七、财政拨款“三公”经费支出决算情况说明';
  const truthfulFinal: StatedAmount[] = [
    stated('income-total', '2995.39', { line: 100, section: overall }),
    stated('expenditure-total', '2995.39', { line: 101, section: overall }),
    stated('basic', '2343.11', { line: 102, section: spending }),
    stated('project', '603.14', { line: 103, section: spending }),
    stated('basic', '2336.91', { line: 104, section: general }),
    stated('personnel', '2152.26', { line: 105, section: general }),
    stated('public', '184.65', { line: 106, section: general }),
    stated('three-public', '0.40', { line: 107, section: threePublic }),
    stated('three-public-part', '0', { line: 108, section: threePublic, item: '因公出国（境）费' }),
    stated('three-public-part', '0', { line: 109, section: threePublic, item: '公务用车购置及运维费' }),
    stated('three-public-part', '0.40', { line: 110, section: threePublic, item: '公务接待费' }),
    stated('operating-cost', '184.65', { line: 111, section: '十一、其他重要事项的情况说明' }),
  ];

  it('passes a 情况说明 whose every 决算数 equals the final-account tables', () => {
    expect(run(textAmount, finalDoc({ tables: finalTables, statedAmounts: truthfulFinal }))).toStrictEqual(
      [],
    );
  });

  it('compares 财政拨款收入支出总计 with the 财政拨款收入支出决算总表 总计 (with 年初结转)', () => {
    const fiscal = table(
      'final-fiscal-summary',
      '财政拨款收入支出决算总表',
      ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
      [
        row(null, '一、一般公共预算财政拨款', ['2940.05'], 'income'),
        row(null, '一、一般公共服务支出', ['2940.05', '2940.05', null, null], 'expenditure'),
        row(null, '本年收入合计', ['2940.05'], 'income'),
        row(null, '本年支出合计', ['2940.05', '2940.05', null, null], 'expenditure'),
        row(null, '年初财政拨款结转和结余', ['21.63'], 'income'),
        row(null, '年末财政拨款结转和结余', ['21.63', '21.63', null, null], 'expenditure'),
        row(null, '总计', ['2961.68'], 'income'),
        row(null, '总计', ['2961.68', '2961.68', null, null], 'expenditure'),
      ],
      { incomeColumns: ['决算数'], line: 70 },
    );
    const section = '四、财政拨款收入支出决算总体情况说明';
    const doc = finalDoc({
      tables: [fiscal],
      statedAmounts: [
        stated('fiscal-total', '2961.68', { line: 100, section }),
        stated('fiscal-total', '0.3', { line: 101, section }),
      ],
    });
    expect(run(textAmount, doc)).toStrictEqual([
      finding(textAmount, 'error', { section, line: 101 }, 2961.68, 0.3),
    ]);
  });

  it('compares with the 决算数, not the 预算数 printed beside it', () => {
    const doc = finalDoc({
      tables: finalTables,
      statedAmounts: [
        stated('three-public', '0.95', { line: 107, section: threePublic }),
        stated('three-public-part', '0.95', { line: 110, section: threePublic, item: '公务接待费' }),
      ],
    });
    expect(run(textAmount, doc)).toStrictEqual([
      finding(textAmount, 'error', { section: threePublic, line: 107 }, 0.4, 0.95),
      finding(textAmount, 'error', { section: threePublic, line: 110 }, 0.4, 0.95),
    ]);
  });

  it('takes 基本支出 of the 一般公共预算 section from the 一般公共预算 table, else from the 支出决算表', () => {
    const doc = finalDoc({
      tables: finalTables,
      statedAmounts: [
        stated('basic', '2336.91', { line: 102, section: spending }),
        stated('basic', '2343.11', { line: 104, section: general }),
        stated('public', '184.56', { line: 106, section: general }),
      ],
    });
    expect(run(textAmount, doc)).toStrictEqual([
      finding(textAmount, 'error', { section: spending, line: 102 }, 2343.11, 2336.91),
      finding(textAmount, 'error', { section: general, line: 104 }, 2336.91, 2343.11),
      finding(textAmount, 'error', { section: general, line: 106 }, 184.65, 184.56),
    ]);
  });
});
