import {
  codeOfEconomicName,
  codeTableVersion,
  economicName,
  functionalClassName,
  sameName,
} from '../../model/codes.ts';
import { rowAnchor } from '../anchor.ts';
import { codedTables, economicTables } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const codeName: Rule = {
  meta: {
    id: 'code-name',
    severity: 'warning',
    title: '科目名称与编码相符',
    description: `支出功能分类的类级科目、部门预算支出经济分类的类级和款级科目，名称须与该年度的科目表一致（随附科目表版本 ${codeTableVersion}，按年度区分更名）；科目表中没有的编码也提示核实。`,
    reason:
      '科目名称按年度调整（如"医疗卫生与计划生育支出"2019 年起改为"卫生健康支出"）；编码配错名称会导致数据归类错误。',
    example: '30217 印成"会议费"（30217 为公务接待费，会议费为 30215）。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const key of codedTables) {
      const table = doc.tables[key];
      if (!table) continue;
      const economic = economicTables.includes(key);
      for (const row of table.rows) {
        const code = row.code;
        // Functional 类, economic 类 and 款; a code of another length is code-format's finding.
        if (!code || (!economic && code.length !== 3) || (economic && code.length !== 3 && code.length !== 5))
          continue;
        const expected = economic ? economicName(code, doc.year) : functionalClassName(code, doc.year);
        const where = { table: key, row: code, ...rowLine(row) };
        if (expected === undefined) {
          ctx.report({
            message: `${table.title}的科目编码 ${code}（${row.name}）不在随附科目表中，请核实`,
            where,
            anchor: rowAnchor(table, row),
          });
          continue;
        }
        if (sameName(expected, row.name)) continue;
        const other = economic
          ? codeOfEconomicName(row.name, doc.year).filter((c) => c.length === code.length)
          : [];
        const hint = other.length > 0 ? `；"${row.name}"是科目 ${other.join('、')} 的名称` : '';
        ctx.report({
          message: `${table.title}的科目 ${code} 名称应为"${expected}"，实为"${row.name}"${hint}`,
          where,
          anchor: rowAnchor(table, row),
        });
      }
    }
  },
};
