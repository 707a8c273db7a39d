import type { TableRow } from '../../model/document.ts';
import { compare } from '../compare.ts';
import { at, bareName, isPrinted, threePublicRows } from '../tables.ts';
import type { Rule } from '../types.ts';
import { source } from './table-row-sum.ts';

const find = (rows: TableRow[], pattern: RegExp) => rows.find((r) => pattern.test(bareName(r.name)));

export const threePublicSums: Rule = {
  meta: {
    id: 'three-public-sums',
    severity: 'error',
    title: '"三公"经费表的小计与合计',
    description:
      '"三公"经费小计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费；合计 = 小计（+ 会议费 + 培训费，如列示）。逐列核对。',
    reason: '"三公"经费是预算公开的重点，其构成必须可以逐项加总。',
    example: '"三公"经费小计 0，而公务接待费 7。',
    kinds: ['budget', 'final'],
  },
  check(doc, ctx) {
    const table = doc.tables['three-public'];
    if (!table) return;
    const rows = table.rows;
    const subtotal = find(rows, /三公.*小计/);
    const abroad = find(rows, threePublicRows['因公出国（境）费']);
    const cars = find(rows, threePublicRows.公务用车购置及运维费);
    const purchase = find(rows, threePublicRows.公务用车购置费);
    const running = find(rows, threePublicRows.公务用车运行维护费);
    const reception = find(rows, threePublicRows.公务接待费);
    const meetings = find(rows, /^会议费$/);
    const training = find(rows, /^培训费$/);
    const total = rows.find((r) => r.name === '合计');
    const identity = (row: TableRow | undefined, parts: (TableRow | undefined)[], what: string) => {
      if (!row) return;
      const present = parts.filter((p): p is TableRow => p !== undefined);
      if (present.length === 0) return;
      table.columns.forEach((column, c) => {
        if (!isPrinted(row, c) && !present.some((p) => isPrinted(p, c))) return;
        compare(ctx, {
          expected: present.reduce((s, p) => s + at(p, c), 0),
          actual: at(row, c),
          parts: present.filter((p) => isPrinted(p, c)).length,
          unit: table.unit,
          what: `${table.title}的${row.name}（${column}）不等于${what}`,
          where: { table: table.key, row: row.name, column, ...source(row) },
        });
      });
    };
    identity(
      subtotal,
      [abroad, cars, reception],
      '因公出国（境）费、公务用车购置及运行维护费与公务接待费之和',
    );
    identity(cars, [purchase, running], '购置费与运行维护费之和');
    // Without a 小计 row, 合计 is the three parts themselves (and 会议费, 培训费 when printed).
    if (subtotal) identity(total, [subtotal, meetings, training], '"三公"经费小计（及会议费、培训费）之和');
    else identity(total, [abroad, cars, reception, meetings, training], '"三公"经费各项之和');
  },
};
