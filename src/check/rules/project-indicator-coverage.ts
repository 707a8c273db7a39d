import { projectAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

const classes: [string, RegExp][] = [
  ['产出指标', /产出|成本/],
  ['效益指标', /效益/],
  ['满意度指标', /满意/],
];

export const projectIndicatorCoverage: Rule = {
  meta: {
    id: 'project-indicator-coverage',
    severity: 'warning',
    title: '绩效指标覆盖产出、效益、满意度',
    description: '项目的绩效指标应至少各有一项产出指标（数量、质量、时效、成本）、效益指标和满意度指标。',
    reason: '财预〔2021〕101号等文件规定的绩效指标体系由产出、效益、满意度等一级指标构成。',
    example: '项目有产出和效益指标，但没有服务对象满意度指标。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      if (p.indicators.length === 0) continue; // project-target reports it
      const missing = classes
        .filter(([, re]) => !p.indicators.some((i) => re.test(i.level1)))
        .map(([n]) => n);
      if (missing.length === 0) continue;
      ctx.report({
        message: `项目"${p.name}"缺少${missing.join('、')}`,
        where: { project: p.code, ...lineOf(p.source) },
        anchor: projectAnchor(doc, p),
      });
    }
  },
};
