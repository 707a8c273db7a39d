import { describe, expect, it } from 'vitest';
import { projectIndicatorWeights } from '../../src/check/rules/project-indicator-weights.ts';
import type { Indicator, Project } from '../../src/model/document.ts';
import { indicator, performanceDoc, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

const weighted = (level1: string, weight: string, line: number): Indicator => ({
  ...indicator({ level1, level2: level1 === '产出指标' ? '数量指标' : '社会效益指标', value: '≥1次', line }),
  weight,
});
const scored = (indicators: Indicator[], scoredAs?: Project['scored']): Project => ({
  ...project({ indicators, line: 200 }),
  ...(scoredAs ? { scored: scoredAs } : {}),
});

describe('project-indicator-weights', () => {
  it('passes weights that add up by 一级指标 and in all, to the stated total or to 100', () => {
    const stated = scored(
      [
        weighted('产出指标', '30', 210),
        weighted('产出指标', '20', 211),
        weighted('效益指标', '30', 212),
        weighted('满意度指标', '10', 213),
      ],
      { total: '90', levels: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' } },
    );
    const hundred = scored([
      weighted('产出指标', '50', 220),
      weighted('效益指标', '40', 221),
      weighted('满意度指标', '10', 222),
    ]);
    expect(run(projectIndicatorWeights, performanceDoc({ projects: [stated, hundred] }))).toStrictEqual([]);
  });

  it('checks only the levels whose indicators were read (a table cut after its 产出指标)', () => {
    const cut = scored([weighted('产出指标', '50', 210)], {
      total: '90',
      levels: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' },
    });
    expect(run(projectIndicatorWeights, performanceDoc({ projects: [cut] }))).toStrictEqual([]);
  });

  it('fails a level whose indicators do not add up to its stated weight, and a total that is not 100', () => {
    const level = scored([weighted('产出指标', '30', 210), weighted('产出指标', '16', 211)], {
      levels: { 产出指标: '50' },
    });
    const total = scored([
      weighted('产出指标', '50', 220),
      weighted('效益指标', '30', 221),
      weighted('满意度指标', '10', 222),
    ]);
    expect(run(projectIndicatorWeights, performanceDoc({ projects: [level, total] }))).toStrictEqual([
      finding(projectIndicatorWeights, 'error', { project: projectCode, line: 200 }, 100, 90),
      finding(projectIndicatorWeights, 'error', { project: projectCode, line: 210 }, 50, 46),
    ]);
  });
});
