import { describe, expect, it } from 'vitest';
import { requiredSections } from '../../src/check/rules/required-sections.ts';
import { budgetDoc, performanceDoc, section } from './build.ts';
import { finding, run } from './check.ts';

const headings = [
  '一、部门职责及机构设置情况',
  '二、部门预算安排的总体情况',
  '三、机关运行经费安排情况',
  '四、财政拨款"三公"经费预算情况及增减变化原因',
  '五、政府采购预算情况',
  '六、国有资产占用情况',
  '七、名词解释',
];
const sections = (hs: string[]) => hs.map((h, i) => section(h, 100 + i));

describe('required-sections', () => {
  it('passes a budget 情况说明 with the seven national sections', () => {
    expect(run(requiredSections, budgetDoc({ sections: sections(headings) }))).toStrictEqual([]);
  });

  it('fails a budget without 名词解释 or the 三公 section, naming the required section', () => {
    const doc = budgetDoc({
      sections: sections(headings.filter((h) => !/名词解释|三公/.test(h))),
    });
    expect(run(requiredSections, doc)).toStrictEqual([
      finding(requiredSections, 'warning', { section: '"三公"经费' }),
      finding(requiredSections, 'warning', { section: '名词解释' }),
    ]);
  });

  it('accepts either keyword of a section (机构设置 without 部门职责)', () => {
    const doc = budgetDoc({ sections: sections(['一、机构设置', ...headings.slice(1)]) });
    expect(run(requiredSections, doc)).toStrictEqual([]);
  });

  it('reports a budget with fewer than half its sections recognised once, as info', () => {
    const few = budgetDoc({ sections: sections(headings.slice(0, 3)) });
    const findings = run(requiredSections, few);
    expect(findings.map((f) => f.severity)).toStrictEqual(['info']);
    expect(findings[0]!.message).toMatch(/^只识别出情况说明的 3 个规定章节（共 7 个）/);
    const most = budgetDoc({ sections: sections(headings.slice(0, 4)) });
    expect(run(requiredSections, most).map((f) => [f.severity, f.where.section])).toStrictEqual([
      ['warning', '政府采购'],
      ['warning', '国有资产'],
      ['warning', '名词解释'],
    ]);
  });

  it('asks a performance text for 总体绩效目标, 分项绩效目标 and 工作保障措施', () => {
    const ok = performanceDoc({
      sections: sections(['一、总体绩效目标', '二、分项绩效目标', '三、工作保障措施']),
    });
    expect(run(requiredSections, ok)).toStrictEqual([]);
    const missing = performanceDoc({ sections: sections(['一、总体绩效目标']) });
    expect(run(requiredSections, missing)).toStrictEqual([
      finding(requiredSections, 'warning', { section: '分项绩效目标' }),
      finding(requiredSections, 'warning', { section: '工作保障措施' }),
    ]);
  });
  it('reports a performance document with none of its three (a project table on its own) once, as info', () => {
    const alone = performanceDoc({ sections: sections(['再生资源回收市场管理经费项目绩效目标表']) });
    expect(run(requiredSections, alone).map((f) => f.severity)).toStrictEqual(['info']);
  });
});
