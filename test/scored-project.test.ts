// A project 绩效目标表 in the scored layout (no 项目编码; 指标性质, 指标方向, 目标值, 计量单位, 分值), copied from a
// web page with its empty cells gone: the project, its money, the weights stated and each indicator.
import { describe, expect, it } from 'vitest';
import { parseString } from './helpers.ts';

const page = [
  '某某经费项目绩效目标表',
  '(2021年)',
  '项目名称 某某经费',
  '主管部门 (433)某市供销合作社联合社(部门)',
  '实施单位 (433001)某市供销合作社联合社',
  '资金总额 3',
  '其中: 财政拨款数 3',
  '其他资金 0',
  '年度目标 目标1:聘用人员1人 目标2:2021年12月31日前完成',
  '绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分) 一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值 备注',
  '产出指标 数量指标 出差人数 正向 = 8 4',
  '产出指标 数量指标 出差人次 正向 = 24 人/次 4',
  '产出指标 时效指标 资金到位时间 正向 = 44,561 44,561 10',
  '产出指标 成本指标 年度预算总成本 反向 = 3 万元 32',
];

describe('a scored project table', () => {
  it('reads the project, its money and the weights stated', () => {
    const doc = parseString(page.join('\n'));
    expect([doc.kind, doc.year, doc.department.name]).toEqual(['performance', 2021, '某市供销合作社联合社']);
    const p = doc.projects[0]!;
    expect([p.name, p.code, p.budget?.value, p.fiscal?.value, p.other?.value, p.unitCode]).toEqual([
      '某某经费',
      '',
      '3',
      '3',
      '0',
      '433001',
    ]);
    expect(p.scored).toEqual({ total: '90', levels: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' } });
  });

  it('reads each indicator from both ends: the labels, the value and its unit, the 分值', () => {
    const p = parseString(page.join('\n')).projects[0]!;
    expect(p.indicators.map((i) => [i.level2, i.level3, i.value, i.weight, i.unitCell])).toEqual([
      ['数量指标', '出差人数', '=8', '4', undefined],
      ['数量指标', '出差人次', '=24人/次', '4', undefined],
      ['时效指标', '资金到位时间', '=44561', '10', '44,561'],
      ['成本指标', '年度预算总成本', '=3万元', '32', undefined],
    ]);
    expect(p.indicators.map((i) => i.direction)).toEqual(['正向', '正向', '正向', '反向']);
  });
});
