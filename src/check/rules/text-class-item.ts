import type { BudgetTable, StatedClassItem, TableRow } from '../../model/document.ts';
import { compact } from '../../model/text.ts';
import { rowAnchor } from '../anchor.ts';
import { judge, scaled, show } from '../money.ts';
import type { Rule } from '../types.ts';
import { lineOf } from '../where.ts';

const digits = { 类: 3, 款: 5, 项: 7 } as const;

/** A name as compared: no spaces, no numbering, no 支出 at its end (一般公共服务（类） is 一般公共服务支出). */
const bare = (name: string) => name.replace(/支出$/, '');
const nameOf = (row: TableRow) => bare(compact(row.name).replace(/^[一二三四五六七八九十\d]+[、.．]/, ''));

/**
 * The coded rows a stated 科目 can be: of its level's code length, named as the text names it — or named
 * by the end of it, the rest being its parent's name glued on (人大事务行政运行 = 20101 人大事务 + 2010101 行政运行) —
 * and under the outer levels the text names (社会保障和就业（类）…).
 */
function candidates(table: BudgetTable, stated: StatedClassItem): TableRow[] {
  const coded = table.rows.filter((r) => r.code);
  const byCode = new Map(coded.map((r) => [r.code!, r]));
  const levels = stated.levels.map((l) => ({ ...l, name: bare(l.name) }));
  const last = levels[levels.length - 1]!;
  const outer = levels.slice(0, -1);
  return coded.filter((r) => {
    if (r.code!.length !== digits[last.level]) return false;
    const name = nameOf(r);
    if (name !== last.name) {
      const parent = byCode.get(r.code!.slice(0, r.code!.length - 2));
      if (!parent || !last.name.endsWith(name) || last.name.slice(0, -name.length) !== nameOf(parent))
        return false;
    }
    return outer.every((o) => {
      const ancestor = byCode.get(r.code!.slice(0, digits[o.level]));
      return ancestor !== undefined && nameOf(ancestor) === o.name;
    });
  });
}

/**
 * The tables a section's statements are of, by what its heading speaks of: 一般公共预算, 财政拨款 (or the
 * 一般公共预算 table where none of 财政拨款 is read), the whole budget (收支总体, 部门支出: every fund); any of
 * them under another heading.
 */
function inScope(tables: BudgetTable[], heading: string): BudgetTable[] {
  const of = (...keys: string[]) => tables.filter((t) => keys.includes(t.key));
  if (/一般公共预算/.test(heading)) return of('general-expenditure');
  if (/财政拨款/.test(heading)) {
    const fiscal = of('fiscal-expenditure');
    return fiscal.length > 0 ? fiscal : of('general-expenditure');
  }
  if (/收支|总体|部门支出|支出总表/.test(heading)) return of('expenditure');
  return tables;
}

export const textClassItem: Rule = {
  meta: {
    id: 'text-class-item',
    severity: 'error',
    title: '情况说明中按科目级次写明的金额与支出表一致',
    description:
      '情况说明按"X（类）""X（款）""X（项）"写明某一功能分类科目的金额时，必须等于财政拨款（一般公共预算）支出表中该科目编码行的合计数。只核对能在表中唯一找到的科目；金额恰为另一科目（如其上级）的，提示疑为科目名称写错。',
    reason: '按科目说明是对支出表的逐项解释；科目名称与金额对不上，读者无法据以核对。',
    example:
      '"人大事务行政运行（项）支出 10528.33 万元"，表中 2010101 行政运行为 4545.94 万元（10528.33 为 20101 人大事务）。',
    kinds: ['budget'],
  },
  check(doc, ctx) {
    // The tables of spending by function: all funds (支出总表), 财政拨款, 一般公共预算.
    const tables = [
      doc.tables.expenditure,
      doc.tables['fiscal-expenditure'],
      doc.tables['general-expenditure'],
    ].filter((t): t is BudgetTable => t?.rows.some((r) => r.code) === true);
    for (const stated of doc.statedClassItems ?? []) {
      // The 科目 as each table prints it: one row in it, or nothing certain to compare there.
      const rows = inScope(tables, stated.section)
        .filter((t) => t.unit === stated.unit)
        .map((t) => ({ table: t, row: candidates(t, stated) }))
        .filter((x) => x.row.length === 1 && x.row[0]!.amounts[0])
        .map((x) => ({ table: x.table, row: x.row[0]! }));
      if (rows.length === 0) continue;
      // A statement may be of any of the three (收支总体 counts every fund): one that agrees is enough.
      if (rows.some((x) => judge(scaled(x.row.amounts[0]!), scaled(stated.amount), 'error') !== 'error'))
        continue;
      // Reported against the table the section speaks of (一般公共预算…, 财政拨款…), else the narrowest.
      const spoken =
        rows.find((x) => /一般公共预算/.test(stated.section) && x.table.key === 'general-expenditure') ??
        rows.find((x) => /财政拨款/.test(stated.section) && x.table.key === 'fiscal-expenditure') ??
        rows[rows.length - 1]!;
      const { table, row } = spoken;
      const cell = row.amounts[0]!;
      const severity = judge(scaled(cell), scaled(stated.amount), 'error');
      if (!severity) continue;
      const same = table.rows.find(
        (r) => r !== row && r.code && r.amounts[0] && scaled(r.amounts[0]) === scaled(stated.amount),
      );
      const named = stated.levels.map((l) => `${l.name}（${l.level}）`).join('');
      ctx.report({
        severity,
        message: `情况说明所述${named} ${stated.amount}${stated.unit}与${table.title}「${row.code} ${row.name}」 ${show(scaled(cell))}${table.unit}不一致${same ? `；该金额为「${same.code} ${same.name}」的数，疑为科目名称写错` : ''}`,
        where: { section: stated.section, ...lineOf(stated.source) },
        anchor: rowAnchor(table, row, 0),
        expected: scaled(cell) / 10000,
        actual: scaled(stated.amount) / 10000,
      });
    }
  },
};
