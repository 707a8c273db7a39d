import type { TableRow } from '../../model/document.ts';
import { rowAnchor } from '../anchor.ts';
import { compare } from '../compare.ts';
import { at, codedTables, isPrinted } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

export const tableParentChildren: Rule = {
  meta: {
    id: 'table-parent-children',
    severity: 'error',
    title: '上级科目等于下级科目之和',
    description:
      '按科目编码分级的表中，每个类（3 位）等于其下各款（5 位）之和，每个款等于其下各项（7 位）之和，逐列核对。',
    reason: '政府收支分类科目逐级汇总，上级科目金额必须等于所属下级科目金额之和。',
    example: '支出总表 21011 行政事业单位医疗 108.34，其下 2101101 40.99 + 2101102 67.34 = 108.33。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    for (const key of codedTables) {
      const table = doc.tables[key];
      if (!table) continue;
      // Each code's rows two digits longer, and the codes with a longer code an odd number of digits below
      // them (malformed): built once per table instead of scanning every row for every parent.
      const children = new Map<string, TableRow[]>();
      const malformedUnder = new Set<string>();
      for (const r of table.rows) {
        const code = r.code;
        if (!code) continue;
        const parentCode = code.slice(0, code.length - 2);
        if (code.length > 2) {
          const list = children.get(parentCode);
          if (list) list.push(r);
          else children.set(parentCode, [r]);
        }
        for (let n = 1; n < code.length; n++)
          if ((code.length - n) % 2 === 1) malformedUnder.add(code.slice(0, n));
      }
      for (const parent of table.rows) {
        const code = parent.code;
        if (!code || code.length >= 7) continue;
        const mine = children.get(code);
        if (!mine) continue;
        // A child whose code is malformed (3012 for 30102) belongs here but cannot be counted;
        // code-format reports it.
        if (malformedUnder.has(code)) continue;
        table.columns.forEach((column, c) => {
          if (!isPrinted(parent, c) && !mine.some((r) => isPrinted(r, c))) return;
          compare(ctx, {
            expected: mine.reduce((s, r) => s + at(r, c), 0),
            actual: at(parent, c),
            parts: mine.filter((r) => isPrinted(r, c)).length,
            unit: table.unit,
            what: `${table.title}「${code} ${parent.name}」的${column}不等于其下级科目之和`,
            where: { table: key, row: code, column, ...rowLine(parent) },
            anchor: rowAnchor(table, parent, c),
          });
        });
      }
    }
  },
};
