import { describe, expect, it } from 'vitest';
import { projectIndicatorValue } from '../../src/check/rules/project-indicator-value.ts';
import { budgetDoc, indicator, project, projectCode } from './build.ts';
import { finding, run } from './check.ts';

const withValues = (...values: string[]) =>
  budgetDoc({
    projects: [project({ indicators: values.map((value, i) => indicator({ value, line: 210 + i })) })],
  });

describe('project-indicator-value', () => {
  it('passes measurable values: operator + number + unit, deadlines, qualitative phrases', () => {
    expect(
      run(projectIndicatorValue, withValues('≥25家', '≥90%', '≤3.96万元', '2025年12月底', '明显改善')),
    ).toStrictEqual([]);
  });

  it('fails a number glued to free text (≥700按计划完成工作)', () => {
    expect(run(projectIndicatorValue, withValues('≥25家', '≥700按计划完成工作'))).toStrictEqual([
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 211 }),
    ]);
  });

  it('fails an empty value and a bare 是 / 否, each at its own line', () => {
    expect(run(projectIndicatorValue, withValues('', '是', '否', '是否有效节约成本'))).toStrictEqual([
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 210 }),
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 211 }),
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 212 }),
    ]);
  });
  it('passes a unit per unit (人/次, 万元/人)', () => {
    expect(run(projectIndicatorValue, withValues('=24人/次', '≤0.5万元/人'))).toStrictEqual([]);
  });

  it('fails a number with no unit, and a 时效 value that is a spreadsheet’s date serial (44561)', () => {
    const doc = budgetDoc({
      projects: [
        project({
          indicators: [
            indicator({ value: '=8', line: 210 }),
            indicator({ level2: '时效指标', level3: '资金到位时间', value: '=44561', line: 211 }),
          ],
        }),
      ],
    });
    const found = run(projectIndicatorValue, doc);
    expect(found).toStrictEqual([
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 210 }),
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 211 }),
    ]);
    expect(found[1]!.message).toMatch(/2021年12月31日/);
  });

  it('fails a pass rate above 100%, not a growth rate or a plain count', () => {
    const doc = budgetDoc({
      projects: [
        project({
          indicators: [
            indicator({ level2: '质量指标', level3: '设备更新验收合格率', value: '292%', line: 210 }),
            indicator({ level2: '质量指标', level3: '服务对象满意度', value: '≥95%', line: 211 }),
            indicator({ level2: '效益指标', level3: '产值增长率', value: '≥120%', line: 212 }),
          ],
        }),
      ],
    });
    expect(run(projectIndicatorValue, doc)).toStrictEqual([
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 210 }),
    ]);
  });

  it('fails a ceiling on a 正向 indicator and a floor on a 反向 one', () => {
    const directed = (direction: '正向' | '反向', value: string, line: number) => ({
      ...indicator({ level3: '宣传品制作个数', value, line }),
      direction,
    });
    const doc = budgetDoc({
      projects: [
        project({
          indicators: [
            directed('正向', '≥1个', 210),
            directed('正向', '≤1个', 211),
            directed('反向', '≤2万元', 212),
            directed('反向', '≥2万元', 213),
          ],
        }),
      ],
    });
    expect(run(projectIndicatorValue, doc)).toStrictEqual([
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 211 }),
      finding(projectIndicatorValue, 'warning', { project: projectCode, line: 213 }),
    ]);
  });
});
