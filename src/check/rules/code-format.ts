import { rowAnchor } from '../anchor.ts';
import { codedTables, economicTables } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const codeFormat: Rule = {
  meta: {
    id: 'code-format',
    severity: 'error',
    title: '科目编码格式与层级',
    description:
      '支出功能分类科目编码为 3 位（类）、5 位（款）或 7 位（项），部门预算支出经济分类为 3 位或 5 位；每个款、项的上级科目必须在同一表中列出。',
    reason:
      '政府收支分类科目按类、款、项逐级编码；编码位数不对或缺少上级科目，说明编码录入有误或表格不完整。',
    example: '支出表中有 2011301 行政运行，却没有 20113 商贸事务。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const key of codedTables) {
      const table = doc.tables[key];
      if (!table) continue;
      const lengths = economicTables.includes(key) ? [3, 5] : [3, 5, 7];
      const codes = new Set(table.rows.map((r) => r.code).filter(Boolean));
      for (const row of table.rows) {
        const code = row.code;
        if (!code) continue;
        if (!lengths.includes(code.length)) {
          ctx.report({
            message: `${table.title}的科目编码 ${code} 位数不对（应为 ${lengths.join('/')} 位）`,
            where: { table: key, row: code, ...rowLine(row) },
            anchor: rowAnchor(table, row),
          });
          continue;
        }
        const parent = code.slice(0, code.length - 2);
        if (code.length > 3 && !codes.has(parent)) {
          ctx.report({
            message: `${table.title}的科目 ${code} ${row.name} 缺少上级科目 ${parent}`,
            where: { table: key, row: code, ...rowLine(row) },
            anchor: rowAnchor(table, row),
          });
        }
      }
    }
  },
};
