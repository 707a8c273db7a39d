import type { Indicator, Operator } from '../../model/document.ts';
import { projectAnchor } from '../anchor.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

/**
 * The date a spreadsheet's serial number stands for (44561 is 2021-12-31: days since 1899-12-30, as Excel
 * and WPS count them), when the number is one of this century's dates; undefined otherwise.
 */
export function excelDate(n: string): string | undefined {
  if (!/^\d{5}$/.test(n) || Number(n) < 36526 || Number(n) > 73050) return undefined;
  const d = new Date(Date.UTC(1899, 11, 30) + Number(n) * 86_400_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A share of a whole that cannot pass 100% (合格率, 满意度, 覆盖率…), not a growth or a ratio to another year. */
function boundedRate(ind: Indicator): boolean {
  const name = ind.level3 || ind.description;
  return (
    /(?:合格|达标|完成|到位|执行|覆盖|满意|知晓|验收|通过|参保|入学|巩固|及时|准确|正确|使用|出勤|就业|治愈|处置|办结)率|满意度/.test(
      name,
    ) && !/增长|增加|提高|提升|增幅|下降|降低|减少|超/.test(name)
  );
}

/** A target against its indicator's direction: a ceiling on a 正向 indicator, a floor on a 反向 one. */
function contrary(direction: Indicator['direction'], operator: Operator | undefined): boolean {
  if (direction === '正向') return operator === '≤' || operator === '<';
  if (direction === '反向') return operator === '≥' || operator === '>';
  return false;
}

export const projectIndicatorValue: Rule = {
  meta: {
    id: 'project-indicator-value',
    severity: 'warning',
    title: '指标值可衡量',
    description:
      '指标值应是"运算符 + 数字 + 单位"（如 ≥90%、≤3.96万元）、时限或公认的定性表述；空值、"是/否"、数字后直接接文字（如"≥700按计划完成工作"）、没有计量单位的数字（"=8"）都无法衡量；时效指标填了数字（"=44561"，表格的日期序列号）而非时限亦同。合格率、满意度等比率的指标值不会超过 100%；标明指标方向的，正向指标不应设上限（≤），反向指标不应设下限（≥）。',
    reason: '绩效指标须细化、量化、可衡量（财预〔2021〕101号），否则绩效自评无从判断是否完成。',
    example: '指标值"25完成25家企业的检查"。',
    kinds: ['budget', 'performance'],
  },
  check(doc, ctx) {
    for (const p of doc.projects) {
      for (const ind of p.indicators) {
        const v = ind.parsed;
        let problem: string | undefined;
        if (v.type === 'empty') problem = '指标值为空';
        else if (v.type === 'qualitative' && /^(?:是|否|是\/否|是或否|是否)$/.test(v.text))
          problem = `指标值"${ind.value}"不是可衡量的值`;
        else if (v.type === 'quantity' && v.rest !== '')
          problem = `指标值"${ind.value}"的数字后接了文字，无法衡量`;
        else if (v.type === 'quantity' && v.unit === '' && /时效/.test(ind.level2) && excelDate(v.number))
          problem = `指标值"${ind.value}"是数字而非时限，疑为表格的日期序列号（即 ${excelDate(v.number)}）`;
        else if (v.type === 'quantity' && v.unit === '')
          problem = `指标值"${ind.value}"没有计量单位${ind.unitCell ? `（计量单位一栏为"${ind.unitCell}"）` : ''}`;
        else if (v.type === 'quantity' && v.unit === '%' && boundedRate(ind) && Number(v.number) > 100)
          problem = `指标值"${ind.value}"超过 100%，而${ind.level3 || '该指标'}是不会超过 100% 的比率`;
        else if (v.type === 'quantity' && contrary(ind.direction, v.operator))
          problem = `指标方向为"${ind.direction}"，指标值却是"${ind.value}"（${ind.direction === '正向' ? '正向指标越大越好，不应设上限' : '反向指标越小越好，不应设下限'}）`;
        if (!problem) continue;
        ctx.report({
          message: `项目"${p.name}"的指标"${ind.level3 || ind.description}"：${problem}`,
          where: { project: p.code, ...lineOf(ind.source) },
          anchor: projectAnchor(doc, p, { indicator: ind }),
        });
      }
    }
  },
};
