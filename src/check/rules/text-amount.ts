import { operatingCostIsPublicCost, projectsFigure, tableFigure } from '../figures.ts';
import { convert, judge, plain, scaled, show } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

export const textAmount: Rule = {
  meta: {
    id: 'text-amount',
    severity: 'error',
    title: '情况说明中的金额与表格一致',
    description:
      '情况说明中写明的收入总计、各项收入、上年结转、支出总计、财政拨款收支总计（财政拨款收支总表的总计）、基本支出、人员经费、公用经费、项目支出、机关运行经费、"三公"经费及其各项，必须等于对应表格中的数字。机关运行经费按公用经费核对；机构设置表或情况说明中有（非参公）事业单位的，机关运行经费可能小于公用经费，不一致只作警告。',
    reason: '情况说明是对预算表的文字解释，数字必须与表格一致；常见错误是沿用上年数字或把元写成万元。',
    example: '情况说明写"项目支出 1270 万元"，支出总表项目支出合计 1485.00 万元。',
    kinds: ['budget', 'performance', 'final'],
  },
  check(doc, ctx) {
    for (const stated of doc.statedAmounts) {
      if (stated.change) continue;
      // Without the 支出总表 (a fragment, a performance text): 项目支出 is what the projects' tables add up to.
      const figure =
        tableFigure(doc, stated) ??
        (stated.subject === 'project' && !doc.tables.expenditure ? projectsFigure(doc) : undefined);
      if (!figure) continue;
      // Compared at the precision of the statement: 229.43 万元 states 2,294,335 元 rounded to 100 元.
      let expected = convert(figure.value, figure.unit, stated.unit);
      if (figure.unit !== stated.unit) {
        const step = 10 ** (4 - Math.min(4, Math.max(2, (stated.value.split('.')[1] ?? '').length)));
        expected = Math.round(expected / step) * step;
      }
      const printed = scaled(stated.value);
      // 机关运行经费 stands for 公用经费 only where every unit is 行政 or 参公: elsewhere it may be less.
      const uncertain =
        stated.subject === 'operating-cost' &&
        /公用经费/.test(figure.label) &&
        !operatingCostIsPublicCost(doc);
      const severity = judge(expected, printed, uncertain ? 'warning' : 'error');
      if (!severity) continue;
      // Reported in the table's unit, as every finding is.
      const actual = convert(printed, stated.unit, figure.unit);
      // 元 written where 万元 is meant (or the reverse): a factor of 10,000.
      const factor =
        figure.value !== 0 && (actual === figure.value * 10000 || actual * 10000 === figure.value)
          ? '（相差 10000 倍，疑为元与万元混用）'
          : '';
      const name = stated.item ?? subjectNames[stated.subject] ?? stated.subject;
      ctx.report({
        severity,
        message: `情况说明所述${name} ${show(actual)}${figure.unit}与${figure.label} ${show(figure.value)}${figure.unit}不一致${factor}${uncertain ? '（部门含事业单位：机关运行经费仅为行政单位和参公事业单位的公用经费，可能小于公用经费合计，请核实）' : ''}`,
        where: { section: stated.section, ...lineOf(stated.source) },
        expected: plain(figure.value),
        actual: plain(actual),
      });
    }
  },
};

export const subjectNames: Record<string, string> = {
  'income-total': '收入总计',
  'general-budget-income': '一般公共预算收入',
  'fund-income': '政府性基金预算收入',
  'capital-income': '国有资本经营预算收入',
  'special-account-income': '财政专户核拨收入',
  'unit-funds-income': '单位资金收入',
  'carry-over': '上年结转',
  'expenditure-total': '支出总计',
  'year-expenditure': '本年支出合计',
  'fiscal-total': '财政拨款收支总计',
  basic: '基本支出',
  personnel: '人员经费',
  public: '公用经费',
  project: '项目支出',
  'three-public': '"三公"经费',
  'operating-cost': '机关运行经费',
};
