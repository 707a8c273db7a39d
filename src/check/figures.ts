// The table figure each kind of stated amount refers to (domain.md §4, text against tables).
import type { BudgetTable, Document, MoneyUnit, StatedAmount, TableRow } from '../model/document.ts';
import { at, bareName, columnIndex, summarySide, threePublicRows, totalRow } from './tables.ts';

export interface Figure {
  /** Scaled, in `unit`. */
  value: number;
  unit: MoneyUnit;
  /** Where the figure is printed, for the message. */
  label: string;
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
  stated: Pick<StatedAmount, 'subject' | 'item'>,
): Figure | undefined {
  const t = doc.tables;
  const fromRow = (row: TableRow | undefined, column: number, unit: MoneyUnit, label: string) =>
    row ? { value: at(row, column), unit, label } : undefined;
  const summary = t.summary;
  switch (stated.subject) {
    case 'income-total':
      return summary && fromRow(summarySide(summary, 'income').total, 0, summary.unit, '收支总表收入总计');
    case 'carry-over':
      if (!summary) return undefined;
      return fromRow(summarySide(summary, 'income').carry[0], 0, summary.unit, '收支总表上年结转');
    case 'expenditure-total':
      return (
        summary && fromRow(summarySide(summary, 'expenditure').total, 0, summary.unit, '收支总表支出总计')
      );
    case 'general-budget-income':
    case 'fund-income':
    case 'capital-income':
    case 'special-account-income':
    case 'unit-funds-income': {
      if (!summary) return undefined;
      const pattern = incomeItem[stated.subject]!;
      const row = summarySide(summary, 'income').items.find((r) => pattern.test(bareName(r.name)));
      return fromRow(row, 0, summary.unit, `收支总表「${row?.name ?? ''}」`);
    }
    case 'basic':
    case 'project': {
      const table = t.expenditure;
      if (!table) return undefined;
      const name = stated.subject === 'basic' ? '基本支出' : '项目支出';
      const c = columnIndex(table, name);
      return c < 0 ? undefined : fromRow(totalRow(table), c, table.unit, `支出总表${name}合计`);
    }
    case 'operating-cost': {
      // Shanghai prints 机关运行经费 as a column of its 三公 table; it need not equal 公用经费 there.
      const tp = t['three-public'];
      const c = tp ? tp.columns.findIndex((name) => /机关运行经费/.test(name)) : -1;
      if (tp && c >= 0) return fromRow(tp.rows[0], c, tp.unit, `${tp.title}机关运行经费`);
      const table = t['general-basic'];
      if (!table) return undefined;
      const col = columnIndex(table, '公用经费');
      return col < 0 ? undefined : fromRow(totalRow(table), col, table.unit, '基本支出表公用经费合计');
    }
    case 'personnel':
    case 'public': {
      const table = t['general-basic'];
      if (!table) return undefined;
      const name = stated.subject === 'personnel' ? '人员经费' : '公用经费';
      const c = columnIndex(table, name);
      return c < 0 ? undefined : fromRow(totalRow(table), c, table.unit, `基本支出表${name}合计`);
    }
    case 'three-public':
    case 'three-public-part': {
      const table = t['three-public'];
      if (!table) return undefined;
      // Shanghai's one-line table: the parts are columns, not rows.
      if (table.columns.includes('小计') && table.rows.length === 1) {
        const pattern =
          stated.subject === 'three-public'
            ? /^合计$/
            : stated.item
              ? threePublicColumns[stated.item]
              : undefined;
        const c = pattern ? table.columns.findIndex((name) => pattern.test(name)) : -1;
        return c < 0
          ? undefined
          : fromRow(table.rows[0], c, table.unit, `${table.title}「${table.columns[c]}」`);
      }
      return stated.subject === 'three-public' ? threePublicTotal(table) : threePublicPart(table, stated);
    }
    default:
      return undefined;
  }
}

const threePublicColumns: Record<string, RegExp> = {
  '因公出国（境）费': /因公出国/,
  公务用车购置及运维费: /^小计$/,
  公务用车购置费: /购置费$/,
  公务用车运行维护费: /^运(?:行|维)(?:维护)?费$/,
  公务接待费: /公务接待/,
};

function threePublicTotal(table: BudgetTable): Figure | undefined {
  const row = table.rows.find((r) => /三公.*小计/.test(r.name)) ?? table.rows.find((r) => r.name === '合计');
  return row ? { value: at(row, 0), unit: table.unit, label: `"三公"经费表${row.name}` } : undefined;
}

function threePublicPart(table: BudgetTable, stated: Pick<StatedAmount, 'item'>): Figure | undefined {
  const pattern = stated.item ? threePublicRows[stated.item as keyof typeof threePublicRows] : undefined;
  const row = pattern ? table.rows.find((r) => pattern.test(bareName(r.name))) : undefined;
  return row ? { value: at(row, 0), unit: table.unit, label: `"三公"经费表「${row.name}」` } : undefined;
}
