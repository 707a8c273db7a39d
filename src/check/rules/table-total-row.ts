import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { at, codedTables, isPrinted, totalRow } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const tableTotalRow: Rule = {
  meta: {
    id: 'table-total-row',
    severity: 'error',
    title: '合计行等于各类之和',
    description: '按科目编码分级的表中，合计行逐列等于各类（3 位编码）行之和。',
    reason: '合计行是全部类级科目的汇总；不符说明漏列科目或汇总有误。',
    example: '基本支出表 合计行 人员经费 858.48，301 + 303 = 858.49。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const key of codedTables) {
      const table = doc.tables[key];
      const total = table && totalRow(table);
      if (!table || !total) continue;
      const classes = table.rows.filter((r) => r.code?.length === 3);
      if (classes.length === 0) continue;
      table.columns.forEach((column, c) => {
        if (!isPrinted(total, c) && !classes.some((r) => isPrinted(r, c))) return;
        compare(ctx, {
          expected: classes.reduce((s, r) => s + at(r, c), 0),
          actual: at(total, c),
          parts: classes.filter((r) => isPrinted(r, c)).length,
          unit: table.unit,
          what: `${table.title}合计行的${column}不等于各类科目之和`,
          where: { table: key, row: total.name, column, ...rowLine(total) },
          anchor: rowAnchor(table, total, c),
        });
      });
    }
  },
};
