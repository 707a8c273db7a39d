// Project tables printed one indicator a row (部门预算项目绩效目标申报表: 单位名称 | 项目名称 | 预算数 | 年度目标 |
// 一级指标 … 权重 | 指标方向性): each project read with its unit, money, target and weighted indicators, a unit's
// second project under its merged cell, and a table cut short by the end of the input not checked for its weights.
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../src/check/engine.ts';
import { parseString } from './helpers.ts';

const header =
  '| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 |';
const table = (weight: string, last = '| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 50 | 正向指标 |') =>
  [
    '| 部门预算项目绩效目标申报表(2023年度) | ||||',
    '| 金额单位:元 | ||||',
    header,
    '| 820-某镇部门 | 3,969,840.00 | |||',
    `| 820001-某县某镇人民政府 | 村组干部报酬 | 3,309,840.00 | 按时发放村组干部报酬 | 效益指标 | 社会效益指标 | 维护社会稳定 | ≥ | 95 | % | ${weight} | 正向指标 |`,
    '| 产出指标 | 时效指标 | 维持时效 | ≥ | 1 | 年 | 20 | 正向指标 | |||||',
    '| 满意度指标 | 服务对象满意度指标 | 人民群众满意度 | ≥ | 95 | % | 10 | 正向指标 | |||||',
    '| 产出指标 | 质量指标 | 按时发放 | ≥ | 1 | 人/年 | 30 | 正向指标 | |||||',
    '| 基层组织活动经费 | 660,000.00 | 保障村社区正常运转。 | 满意度指标 | 服务对象满意度指标 | 辖区内群众满意度 | ≥ | 95 | % | 20 | 正向指标 | ||',
    '| 效益指标 | 经济效益指标 | 促进农村集体经济发展 | ≥ | 95 | % | 30 | 正向指标 | |||||',
    last,
  ].join('\n');
const weights = (text: string) =>
  checkDocument(parseString(text)).filter(
    (f) => f.rule === 'project-indicator-weights' && f.severity !== 'info',
  );

describe('project tables one indicator a row', () => {
  it('reads each project, the second under its unit’s merged cell', () => {
    const doc = parseString(table('40'));
    expect(doc.kind).toBe('performance');
    expect(doc.department.name).toBe('某县某镇人民政府');
    expect(
      doc.projects.map((p) => [
        p.name,
        p.unitCode,
        p.budget?.value,
        p.indicators.map((i) => i.weight).join('+'),
      ]),
    ).toEqual([
      ['村组干部报酬', '820001', '3309840.00', '40+20+10+30'],
      ['基层组织活动经费', '820001', '660000.00', '20+30+50'],
    ]);
    expect(doc.projects[1]!.indicators[2]).toMatchObject({
      level3: '行政村数量',
      value: '=11个',
      direction: '正向',
    });
  });

  it('checks the weights: 100 in all passes, 90 fails', () => {
    expect(weights(table('40'))).toEqual([]);
    expect(weights(table('30'))).toHaveLength(1);
  });

  it('a table cut short by the end of the input is said to be, and its last project’s weights not added up', () => {
    const doc = parseString(table('40', '| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10'));
    expect(doc.problems.map((p) => p.code)).toContain('project-cut');
    expect(weights(table('40', '| 产出指标 | 数量指标 | 行政村数量 | = | 11 | 个 | 10'))).toEqual([]);
  });
});
