import Big from 'big.js';
import type { Indicator } from '../../model/document.ts';
import { projectAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

const sum = (indicators: Indicator[]) => indicators.reduce((acc, i) => acc.plus(i.weight ?? 0), new Big(0));
const complete = ['产出指标', '效益指标', '满意度指标'];

export const projectIndicatorWeights: Rule = {
  meta: {
    id: 'project-indicator-weights',
    severity: 'error',
    title: '绩效指标分值之和与所写权重一致',
    description:
      '绩效目标表给各指标打分值（权重）时：每个一级指标下各指标分值之和等于表中写明的该一级指标权重（"其中产出指标权重分值50分"），写明的各一级指标权重之和等于总权重，全部指标分值之和等于总权重；未写总权重而产出、效益、满意度指标齐全时，应为 100 分。只核对识别出指标的一级指标。',
    reason: '分值是绩效自评打分的依据，各项之和与总分不符，评分就无法按表执行。',
    example: '"产出指标权重分值50分"，所列产出指标分值合计 46 分。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      const weighted = p.indicators.filter((i) => i.weight !== undefined);
      if (weighted.length === 0) continue;
      const report = (message: string, expected: Big, actual: Big, at = p.source) =>
        ctx.report({
          message: `项目"${p.name}"${message}`,
          where: { project: p.code, ...lineOf(at) },
          anchor: projectAnchor(doc, p),
          expected: Number(expected.toFixed()),
          actual: Number(actual.toFixed()),
        });
      const levels = p.scored?.levels ?? {};
      for (const [level, stated] of Object.entries(levels)) {
        const of = weighted.filter((i) => i.level1 === level);
        if (of.length === 0) continue; // none recognised: nothing to add up
        const total = sum(of);
        if (!total.eq(stated))
          report(
            `的${level}各指标分值之和为 ${total.toFixed()} 分，与所写${level}权重 ${stated} 分不符`,
            new Big(stated),
            total,
            of[0]!.source,
          );
      }
      const statedTotal = p.scored?.total;
      const levelNames = Object.keys(levels);
      if (statedTotal !== undefined && levelNames.length > 0) {
        const ofLevels = levelNames.reduce((acc, l) => acc.plus(levels[l]!), new Big(0));
        if (!ofLevels.eq(statedTotal))
          report(
            `所写各一级指标权重之和为 ${ofLevels.toFixed()} 分，与所写总权重 ${statedTotal} 分不符`,
            new Big(statedTotal),
            ofLevels,
          );
      }
      // The whole table: every level stated (or the three) has its indicators, so none was cut off.
      const present = new Set(weighted.map((i) => i.level1));
      // With no total stated, the three 一级指标 make the table whole (and its 分值 add to 100).
      const expectedLevels =
        statedTotal !== undefined && levelNames.length > 0 ? [...new Set([...levelNames])] : complete;
      if (!expectedLevels.every((l) => present.has(l))) continue;
      const target = new Big(statedTotal ?? 100);
      const all = sum(weighted);
      if (!all.eq(target))
        report(
          `全部指标分值之和为 ${all.toFixed()} 分，应为${statedTotal === undefined ? '' : '所写总权重'} ${target.toFixed()} 分`,
          target,
          all,
        );
    }
  },
};
