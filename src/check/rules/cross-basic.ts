import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { at, bareName, columnIndex, summarySide, totalRow } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const crossBasic: Rule = {
  meta: {
    id: 'cross-basic',
    severity: 'error',
    title: '基本支出与基本支出表一致',
    description:
      '一般公共预算财政拨款支出表的基本支出合计 = 一般公共预算财政拨款基本支出表合计；部门预算支出总表的基本支出合计也应等于它（收入全部为一般公共预算拨款时为错误，否则为警告）。',
    reason: '基本支出表是一般公共预算基本支出按经济分类的展开，两表总数必须一致。',
    example: '一般公共预算支出表 基本支出 896.68，基本支出表合计 896.67。',
    kinds: ['budget'],
  },
  check(doc, ctx) {
    const basic = doc.tables['general-basic'];
    const basicTotal = basic && totalRow(basic);
    if (!basic || !basicTotal) return;
    const general = doc.tables['general-expenditure'];
    const generalTotal = general && totalRow(general);
    const gc = general ? columnIndex(general, '基本支出') : -1;
    if (generalTotal && gc >= 0) {
      compare(ctx, {
        expected: at(generalTotal, gc),
        actual: at(basicTotal, 0),
        unit: basic.unit,
        what: `${basic.title}合计与一般公共预算财政拨款支出表的基本支出合计不一致`,
        where: {
          table: 'general-basic',
          against: 'general-expenditure',
          row: basicTotal.name,
          column: basic.columns[0]!,
          ...rowLine(basicTotal),
        },
        anchor: rowAnchor(basic, basicTotal, 0),
      });
    }
    const expenditure = doc.tables.expenditure;
    const expenditureTotal = expenditure && totalRow(expenditure);
    const ec = expenditure ? columnIndex(expenditure, '基本支出') : -1;
    if (!expenditure || !expenditureTotal || ec < 0) return;
    // Only when all income is 一般公共预算 must all basic spending appear in the 一般公共预算 table.
    const items = doc.tables.summary ? summarySide(doc.tables.summary, 'income').items : [];
    const otherIncome = items.some((r) => !/^一般公共预算/.test(bareName(r.name)) && at(r, 0) !== 0);
    compare(ctx, {
      expected: at(basicTotal, 0),
      actual: at(expenditureTotal, ec),
      unit: expenditure.unit,
      severity: otherIncome ? 'warning' : 'error',
      what: `${expenditure.title}的基本支出合计与${basic.title}合计不一致`,
      where: {
        table: 'expenditure',
        against: 'general-basic',
        row: expenditureTotal.name,
        column: expenditure.columns[ec]!,
        ...rowLine(expenditureTotal),
      },
      anchor: rowAnchor(expenditure, expenditureTotal, ec),
    });
  },
};
