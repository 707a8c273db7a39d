import type { StatedSubject, TableKey } from '../../model/document.ts';
import { compare } from '../compare.ts';
import { tableFigure } from '../figures.ts';
import { convert } from '../money.ts';
import type { Rule } from '../types.ts';

/** The department totals that are the sums of its units' (domain.md: a department is its units). */
const totals: { subject: StatedSubject; table: TableKey; row: string; column?: string }[] = [
  { subject: 'income-total', table: 'summary', row: '收入总计' },
  { subject: 'expenditure-total', table: 'summary', row: '支出总计' },
  { subject: 'basic', table: 'expenditure', row: '合计', column: '基本支出' },
  { subject: 'project', table: 'expenditure', row: '合计', column: '项目支出' },
  { subject: 'three-public', table: 'three-public', row: '合计' },
];

export const departmentUnitsTotal: Rule = {
  meta: {
    id: 'department-units-total',
    severity: 'error',
    title: '部门汇总数等于所属单位之和',
    description:
      '部门预算（决算）的收入总计、支出总计、基本支出、项目支出和"三公"经费合计，应等于数据库中所属各单位（编码以部门编码开头的单位预算）同年同类文件对应数之和；部门机构设置表列出的单位未全部入库时不检查。',
    reason: '部门预算由本级和所属单位汇总而成；汇总数与单位数之和不符，说明汇总或某一单位的数字有误。',
    example:
      '366 部门支出总计 2381.68 万元，所属 366001、366002 两个单位支出总计之和为 2371.68 万元，相差 10.00 万元。',
    kinds: ['budget', 'final'],
    needsUnits: true,
  },
  check(doc, ctx) {
    const units = ctx.units;
    if (!units?.length || doc.department.unitCode) return;
    // Until every listed unit is stored, their sum is not yet the department's.
    if (doc.units.length > units.length) return;
    const names = units.map((u) => u.department.unitCode ?? u.department.name).join('、');
    for (const total of totals) {
      const own = tableFigure(doc, total);
      const parts = units.map((u) => tableFigure(u, total));
      if (!own || parts.some((p) => p === undefined)) continue;
      let sum = 0;
      for (const p of parts) sum += convert(p!.value, p!.unit, own.unit);
      compare(ctx, {
        expected: sum,
        actual: own.value,
        unit: own.unit,
        what: `${own.label}与所属 ${units.length} 个单位（${names}）之和不符`,
        where: {
          table: total.table,
          row: total.row,
          ...(total.column ? { column: total.column } : {}),
        },
        ...(own.anchor ? { anchor: own.anchor } : {}),
      });
    }
  },
};
