// The table figure each kind of stated amount refers to (domain.md §4, text against tables).

import type { BudgetTable, Document, MoneyUnit, StatedAmount, TableRow } from '../model/document.ts';
import {
  type ThreePublicPartName,
  threePublicLayout,
  threePublicPartOfItem,
  threePublicParts,
} from '../model/three-public.ts';
import { rowAnchor } from './anchor.ts';
import { convert, scaled } from './money.ts';
import {
  at,
  bareName,
  columnIndex,
  sideRows,
  summarySide,
  threePublicColumnsOf,
  totalRow,
} from './tables.ts';
import type { Anchor } from './types.ts';

export interface Figure {
  /** Scaled, in `unit`. */
  value: number;
  unit: MoneyUnit;
  /** Where the figure is printed, for the message. */
  label: string;
  /** The cell it is read from, where it is one cell. */
  anchor?: Anchor;
}

const incomeItem: Partial<Record<StatedAmount['subject'], RegExp>> = {
  'general-budget-income': /^一般公共预算/,
  'fund-income': /^政府性基金/,
  'capital-income': /^国有资本经营/,
  'special-account-income': /^财政专户/,
  'unit-funds-income': /^单位资金/,
};

/** The figure in the tables that a stated level amount must equal; undefined when the table is absent. */
export function tableFigure(
  doc: Document,
  stated: Pick<StatedAmount, 'subject' | 'item'> & Partial<Pick<StatedAmount, 'section'>>,
): Figure | undefined {
  if (doc.kind === 'final') return finalFigure(doc, stated);
  const t = doc.tables;
  const fromRow = (table: BudgetTable, row: TableRow | undefined, column: number, label: string) =>
    row
      ? { value: at(row, column), unit: table.unit, label, anchor: rowAnchor(table, row, column) }
      : undefined;
  const summary = t.summary;
  switch (stated.subject) {
    case 'income-total':
      return summary && fromRow(summary, summarySide(summary, 'income').total, 0, '收支总表收入总计');
    case 'carry-over':
      if (!summary) return undefined;
      return fromRow(summary, summarySide(summary, 'income').carry[0], 0, '收支总表上年结转');
    case 'expenditure-total':
      return summary && fromRow(summary, summarySide(summary, 'expenditure').total, 0, '收支总表支出总计');
    case 'fiscal-total':
      return fiscalTotal(t['fiscal-summary']);
    case 'general-budget-income':
    case 'fund-income':
    case 'capital-income':
    case 'special-account-income':
    case 'unit-funds-income': {
      if (!summary) return undefined;
      const pattern = incomeItem[stated.subject]!;
      const row = summarySide(summary, 'income').items.find((r) => pattern.test(bareName(r.name)));
      return fromRow(summary, row, 0, `收支总表「${row?.name ?? ''}」`);
    }
    case 'basic':
    case 'project': {
      const table = t.expenditure;
      if (!table) return undefined;
      const name = stated.subject === 'basic' ? '基本支出' : '项目支出';
      const c = columnIndex(table, name);
      return c < 0 ? undefined : fromRow(table, totalRow(table), c, `支出总表${name}合计`);
    }
    case 'operating-cost': {
      // Shanghai prints 机关运行经费 as a column of its 三公 table; it need not equal 公用经费 there.
      const tp = t['three-public'];
      const c = tp ? tp.columns.findIndex((name) => /机关运行经费/.test(name)) : -1;
      if (tp && c >= 0) return fromRow(tp, tp.rows[0], c, `${tp.title}机关运行经费`);
      const table = t['general-basic'];
      if (!table) return undefined;
      const col = columnIndex(table, '公用经费');
      return col < 0 ? undefined : fromRow(table, totalRow(table), col, '基本支出表公用经费合计');
    }
    case 'personnel':
    case 'public': {
      const table = t['general-basic'];
      if (!table) return undefined;
      const name = stated.subject === 'personnel' ? '人员经费' : '公用经费';
      const c = columnIndex(table, name);
      return c < 0 ? undefined : fromRow(table, totalRow(table), c, `基本支出表${name}合计`);
    }
    case 'three-public':
    case 'three-public-part': {
      const table = t['three-public'];
      if (!table) return undefined;
      // Shanghai's one-line table: the parts are columns, not rows.
      if (threePublicLayout(table) === 'columns') {
        const c = threePublicColumn(table.columns, stated);
        return c < 0 ? undefined : fromRow(table, table.rows[0], c, `${table.title}「${table.columns[c]}」`);
      }
      return stated.subject === 'three-public' ? threePublicTotal(table) : threePublicPart(table, stated);
    }
    default:
      return undefined;
  }
}

/** The 财政拨款收支总表's 总计: its income side's, or the expenditure side's when only that is read. */
function fiscalTotal(table: BudgetTable | undefined): Figure | undefined {
  if (!table) return undefined;
  const total = summarySide(table, 'income').total ?? summarySide(table, 'expenditure').total;
  return total
    ? {
        value: at(total, 0),
        unit: table.unit,
        label: `${table.title}总计`,
        anchor: rowAnchor(table, total, 0),
      }
    : undefined;
}

/** The column of a one-line 三公 table that a stated amount is about; -1 when none. */
function threePublicColumn(names: string[], stated: Pick<StatedAmount, 'subject' | 'item'>): number {
  const c = threePublicColumnsOf(names);
  // The "三公"经费 is its own 小计 when 合计 also counts 会议费 and 培训费.
  if (stated.subject === 'three-public') return c.three >= 0 ? c.three : c.total;
  const byItem: Record<string, number> = {
    '因公出国（境）费': c.abroad,
    公务用车购置及运维费: c.car,
    公务用车购置费: c.purchase,
    公务用车运行维护费: c.running,
    公务接待费: c.reception,
  };
  return stated.item ? (byItem[stated.item] ?? -1) : -1;
}

function threePublicTotal(table: BudgetTable): Figure | undefined {
  const row = table.rows.find((r) => r.role === 'three-public-total');
  return row
    ? {
        value: at(row, 0),
        unit: table.unit,
        label: `"三公"经费表${row.name}`,
        anchor: rowAnchor(table, row, 0),
      }
    : undefined;
}

function threePublicPart(table: BudgetTable, stated: Pick<StatedAmount, 'item'>): Figure | undefined {
  const name = threePublicPartOfItem(stated.item);
  const part = name && threePublicParts(table)[name];
  return part
    ? { value: scaled(part.amount), unit: table.unit, label: `"三公"经费表「${part.label}」` }
    : undefined;
}

/**
 * The 决算数 a final account's text must equal: the final-account tables print 决算数 columns (and, in 三公,
 * 预算数 beside them), 人员经费/公用经费 as the 合计 lines of the basic-expenditure table's two blocks.
 */
function finalFigure(
  doc: Document,
  stated: Pick<StatedAmount, 'subject' | 'item'> & Partial<Pick<StatedAmount, 'section'>>,
): Figure | undefined {
  const t = doc.tables;
  const fromRow = (table: BudgetTable, row: TableRow | undefined, column: number, label: string) =>
    row && column >= 0
      ? { value: at(row, column), unit: table.unit, label, anchor: rowAnchor(table, row, column) }
      : undefined;
  const summary = t['final-summary'];
  switch (stated.subject) {
    case 'income-total':
    case 'expenditure-total': {
      if (!summary) return undefined;
      const side = stated.subject === 'income-total' ? 'income' : 'expenditure';
      const label = `${summary.title}${side === 'income' ? '收入' : '支出'}总计`;
      return fromRow(summary, summarySide(summary, side).total, 0, label);
    }
    case 'fiscal-total':
      return fiscalTotal(t['final-fiscal-summary']);
    case 'carry-over': {
      const row = summary && sideRows(summary, 'income').find((r) => /^年初结转/.test(r.name));
      return summary && fromRow(summary, row, 0, `${summary.title}「${row?.name ?? ''}」`);
    }
    case 'general-budget-income':
    case 'fund-income':
    case 'capital-income': {
      if (!summary) return undefined;
      const pattern = incomeItem[stated.subject]!;
      const row = summarySide(summary, 'income').items.find((r) => pattern.test(bareName(r.name)));
      return fromRow(summary, row, 0, `${summary.title}「${row?.name ?? ''}」`);
    }
    case 'basic':
    case 'project': {
      // 一般公共预算财政拨款基本支出 (its own section) is the 一般公共预算 table's, not all funds'.
      const table = /一般公共预算/.test(stated.section ?? '')
        ? t['final-general-expenditure']
        : t['final-expenditure'];
      if (!table) return undefined;
      const name = stated.subject === 'basic' ? '基本支出' : '项目支出';
      return fromRow(table, totalRow(table), columnIndex(table, name), `${table.title}${name}合计`);
    }
    case 'personnel':
    case 'public':
    case 'operating-cost': {
      // 机关运行经费 = 公用经费 (domain.md §4; see operatingCostIsPublicCost): the final 三公 table has no
      // 机关运行经费 column.
      const name = stated.subject === 'personnel' ? '人员经费' : '公用经费';
      const table = t['final-general-basic'];
      if (!table) return undefined;
      const c = columnIndex(table, name);
      if (c >= 0) return fromRow(table, totalRow(table), c, `${table.title}${name}合计`);
      const row = table.rows.find((r) => !r.code && r.name === `${name}合计`);
      return fromRow(table, row, finalColumn(table), `${table.title}${name}合计`);
    }
    case 'three-public':
    case 'three-public-part':
      return finalThreePublic(t['final-three-public'], stated);
    default:
      return undefined;
  }
}

/** The 决算数 column of a final-account table (its only column when it prints one). */
function finalColumn(table: BudgetTable): number {
  const c = table.columns.findIndex((name) => /决算/.test(name));
  return c >= 0 ? c : table.columns.length === 1 ? 0 : -1;
}

/**
 * Shanghai prints the final 三公 table as one line of 预算数/决算数 pairs under the groups 合计, 因公出国（境）费,
 * 公务用车购置及运行费 (小计, 公务用车购置费, 公务用车运行费) and 公务接待费, in that order; the model keeps only
 * the pairs, so the 决算数 columns are taken by position. A table with rows is read like a budget's.
 */
const finalThreePublicOrder: ThreePublicPartName[] = [
  'total',
  'abroad',
  'car',
  'carPurchase',
  'carRunning',
  'reception',
];

function finalThreePublic(
  table: BudgetTable | undefined,
  stated: Pick<StatedAmount, 'subject' | 'item'>,
): Figure | undefined {
  if (!table) return undefined;
  const name = stated.subject === 'three-public' ? 'total' : threePublicPartOfItem(stated.item);
  const finals = table.columns.flatMap((column, i) => (/决算/.test(column) ? [i] : []));
  if (table.rows.length === 1 && finals.length === finalThreePublicOrder.length) {
    if (!table.columns.every((column) => /^(?:预算|决算)数$/.test(column))) return undefined;
    const group = name ? finalThreePublicOrder.indexOf(name) : -1;
    const c = group >= 0 ? finals[group]! : -1;
    const label = name === 'total' ? '合计' : stated.item;
    return c < 0
      ? undefined
      : { value: at(table.rows[0]!, c), unit: table.unit, label: `${table.title}${label}决算数` };
  }
  const c = finalColumn(table);
  if (c < 0 || threePublicLayout(table) !== 'rows') return undefined;
  const part = name && threePublicParts(table, c)[name];
  return part
    ? { value: scaled(part.amount), unit: table.unit, label: `${table.title}「${part.label}」决算数` }
    : undefined;
}

/** The figures a comparison of documents shows, in this order (the 三公 parts as the text names them). */
export const keyFigureNames = [
  '支出合计',
  '基本支出',
  '项目支出',
  '人员经费',
  '公用经费',
  '"三公"经费',
  '因公出国（境）费',
  '公务用车购置及运行维护费',
  '公务接待费',
] as const;
export type KeyFigureName = (typeof keyFigureNames)[number];

const keyFigureSubjects: Record<
  Exclude<KeyFigureName, '支出合计'>,
  Pick<StatedAmount, 'subject' | 'item'>
> = {
  基本支出: { subject: 'basic' },
  项目支出: { subject: 'project' },
  人员经费: { subject: 'personnel' },
  公用经费: { subject: 'public' },
  '"三公"经费': { subject: 'three-public' },
  '因公出国（境）费': { subject: 'three-public-part', item: '因公出国（境）费' },
  公务用车购置及运行维护费: { subject: 'three-public-part', item: '公务用车购置及运维费' },
  公务接待费: { subject: 'three-public-part', item: '公务接待费' },
};

/**
 * A document's key figures, each in the unit of the table it is printed in, whatever the table's layout
 * (the 三公 parts as rows, or as the columns of Shanghai's one-line table, found by src/model/three-public.ts);
 * null where the document has no such table, row or column, never 0. A printed row's empty cell is 0.
 */
export function keyFigures(doc: Document): Record<KeyFigureName, Figure | null> {
  const out = {} as Record<KeyFigureName, Figure | null>;
  const expenditure = doc.kind === 'final' ? doc.tables['final-expenditure'] : doc.tables.expenditure;
  const total = expenditure && totalRow(expenditure);
  const c = expenditure ? expenditure.columns.findIndex((n) => /^(?:本年支出)?合计$/.test(n)) : -1;
  out.支出合计 =
    expenditure && total && c >= 0
      ? { value: at(total, c), unit: expenditure.unit, label: `${expenditure.title}合计` }
      : null;
  for (const [name, subject] of Object.entries(keyFigureSubjects))
    out[name as KeyFigureName] = tableFigure(doc, subject) ?? null;
  return out;
}

/** The 合计 of each functional 类 (3-digit code) of the expenditure table, in that table's unit. */
export function functionClassTotals(doc: Document): { code: string; name: string; figure: Figure }[] {
  const table = doc.kind === 'final' ? doc.tables['final-expenditure'] : doc.tables.expenditure;
  if (!table) return [];
  const c = table.columns.findIndex((n) => /^(?:本年支出)?合计$/.test(n));
  if (c < 0) return [];
  return table.rows
    .filter((r) => r.code?.length === 3)
    .map((r) => ({
      code: r.code!,
      name: r.name,
      figure: { value: at(r, c), unit: table.unit, label: `${table.title}「${r.code} ${r.name}」` },
    }));
}

/** A 事业单位 that is not 参照公务员法管理 (参公): its 公用经费 is not 机关运行经费. */
const publicInstitution = (text: string) => /事业/.test(text) && !/参照公务员法|参公/.test(text);

/**
 * Whether the department's 机关运行经费 is surely its 公用经费: it is only for 行政单位 and 参照公务员法管理的
 * 事业单位. With a 机构设置 table, every unit must be one of those; without one, the 情况说明 must not say
 * the department includes (other) 事业单位. Where it may not hold, a difference is a warning, not an error.
 */
export function operatingCostIsPublicCost(doc: Pick<Document, 'units' | 'sections'>): boolean {
  if (doc.units.length > 0) return !doc.units.some((u) => publicInstitution(u.nature));
  return !doc.sections.some((s) =>
    (s.text.match(/[^。；]*事业单位[^。；]*/g) ?? []).some(
      (sentence) => publicInstitution(sentence) && !/不含|没有|无/.test(sentence),
    ),
  );
}

/** The projects' 预算数 added up, in the document's unit: a narrative 项目支出 total is checked against it. */
export function projectsFigure(doc: Pick<Document, 'projects' | 'unit'>): Figure | undefined {
  const unit = doc.unit;
  const budgets = doc.projects.map((p) => p.budget && { value: scaled(p.budget), unit: p.unit });
  if (budgets.length === 0 || budgets.some((b) => !b)) return undefined;
  const value = budgets.reduce((sum, b) => sum + convert(b!.value, b!.unit, unit), 0);
  return { value, unit, label: `${doc.projects.length} 个项目绩效目标表预算数合计` };
}
