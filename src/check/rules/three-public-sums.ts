import type { TableRow } from '../../model/document.ts';
import { threePublicLayout, threePublicRows } from '../../model/three-public.ts';
import { compare } from '../compare.ts';
import { show as money, tolerance } from '../money.ts';
import { at, bareName, isPrinted } from '../tables.ts';
import type { Rule } from '../types.ts';
import { rowLine } from '../where.ts';

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
    // Shanghai's one-line table is summed across its columns (table-row-sum).
    if (threePublicLayout(table) !== 'rows') return;
    const rows = table.rows;
    const part = threePublicRows(table);
    const rowOf = (name: keyof typeof part) => (part[name] === undefined ? undefined : rows[part[name]]);
    const total = rows.find((r) => r.name === '合计');
    // Without a 小计 row the model takes 合计 for 三公 itself.
    const subtotal = rowOf('total') === total ? undefined : rowOf('total');
    const abroad = rowOf('abroad');
    const cars = rowOf('car');
    const purchase = rowOf('carPurchase');
    const running = rowOf('carRunning');
    const reception = rowOf('reception');
    const meetings = find(rows, /^会议费$/);
    const training = find(rows, /^培训费$/);
    const sum = (parts: (TableRow | undefined)[], c: number) =>
      parts.reduce((n, p) => n + (p ? at(p, c) : 0), 0);
    // A 公务用车 row that disagrees with its parts where, with its parts' sum instead, the whole agrees too:
    // one wrong cell, reported once (at the car row), not again at every total above it.
    const wrongCar = new Set<number>();
    if (cars && (purchase || running) && !subtotal)
      table.columns.forEach((_, c) => {
        const parts = sum([purchase, running], c);
        const others = sum([abroad, reception, meetings, training], c);
        if (!total || Math.abs(at(cars, c) - parts) <= tolerance) return;
        if (Math.abs(at(total, c) - others - parts) <= tolerance) wrongCar.add(c);
      });
    const identity = (
      row: TableRow | undefined,
      parts: (TableRow | undefined)[],
      what: string | ((column: number) => string),
      skip = new Set<number>(),
    ) => {
      if (!row) return;
      const present = parts.filter((p): p is TableRow => p !== undefined);
      if (present.length === 0) return;
      table.columns.forEach((column, c) => {
        if (skip.has(c)) return;
        if (!isPrinted(row, c) && !present.some((p) => isPrinted(p, c))) return;
        compare(ctx, {
          expected: present.reduce((s, p) => s + at(p, c), 0),
          actual: at(row, c),
          parts: present.filter((p) => isPrinted(p, c)).length,
          unit: table.unit,
          what: `${table.title}的${row.name}（${column}）不等于${typeof what === 'string' ? what : what(c)}`,
          where: { table: table.key, row: row.name, column, ...rowLine(row) },
        });
      });
    };
    identity(
      subtotal,
      [abroad, cars, reception],
      '因公出国（境）费、公务用车购置及运行维护费与公务接待费之和',
    );
    identity(cars, [purchase, running], (c) =>
      wrongCar.has(c) && total
        ? `购置费与运行维护费之和（按此数，合计 ${money(at(total, c))} 与各项之和相符，而按本行所列数则各项之和为 ${money(sum([abroad, cars, reception, meetings, training], c))}）`
        : '购置费与运行维护费之和',
    );
    // Without a 小计 row, 合计 is the three parts themselves (and 会议费, 培训费 when printed).
    if (subtotal) identity(total, [subtotal, meetings, training], '"三公"经费小计（及会议费、培训费）之和');
    else identity(total, [abroad, cars, reception, meetings, training], '"三公"经费各项之和', wrongCar);
  },
};
