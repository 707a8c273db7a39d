// The table figure each kind of stated amount refers to (domain.md §4, text against tables).
import type { Document, MoneyUnit, StatedAmount, TableRow } from '../model/document.ts';
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
export function tableFigure(doc: Document, stated: StatedAmount): Figure | undefined {
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
    case 'personnel':
    case 'public':
    case 'operating-cost': {
      const table = t['general-basic'];
      if (!table) return undefined;
      const name = stated.subject === 'personnel' ? '人员经费' : '公用经费';
      const c = columnIndex(table, name);
      return c < 0 ? undefined : fromRow(totalRow(table), c, table.unit, `基本支出表${name}合计`);
    }
    case 'three-public': {
      const table = t['three-public'];
      if (!table) return undefined;
      const row =
        table.rows.find((r) => /三公.*小计/.test(r.name)) ?? table.rows.find((r) => r.name === '合计');
      return fromRow(row, 0, table.unit, `"三公"经费表${row?.name ?? ''}`);
    }
    case 'three-public-part': {
      const table = t['three-public'];
      const pattern = stated.item ? threePublicRows[stated.item as keyof typeof threePublicRows] : undefined;
      if (!table || !pattern) return undefined;
      const row = table.rows.find((r) => pattern.test(bareName(r.name)));
      return fromRow(row, 0, table.unit, `"三公"经费表「${row?.name ?? ''}」`);
    }
    default:
      return undefined;
  }
}
