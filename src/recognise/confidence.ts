// How sure the recogniser is of a table, from the signals it read the table by: the title (always, since
// tables are found by their titles), the header (unit, department or year line; the kind's column names),
// the rows (codes in a coded table, a 合计/总计 row) and how the amounts reached their columns. The table's
// own sums are not signals: they are what the rules check, and a defective table is still well read.
import type { BudgetTable, TableConfidence } from '../model/document.ts';
import type { TableSpec } from './catalogue.ts';

export interface ReadingSignals {
  /** A header line (单位：…, 预算年度, 编制部门) was read under the title. */
  header: boolean;
  /** The table was rebuilt from flattened text (cells one per line or in one run). */
  flattened: boolean;
  /** Rows with more amounts than the table has columns. */
  overfull: number;
  /** Rows whose amounts were placed by the kind's identities (empty cells not printed). */
  placed: number;
  /** The columns were read from the printed header (by position, or named one per cell). */
  printedColumns: boolean;
  /**
   * The header's text as printed (the lines between the title and the first row), where the columns were
   * not read from it: the kind's columns count as named only where it names them.
   */
  headerText?: string;
}

const total = /合计|总计|小计/;

/** Whether a header names a column, in full or by four of its characters (公共预算 of 一般公共预算财政拨款). */
const namedIn = (column: string, header: string) =>
  Array.from({ length: Math.max(1, column.length - 3) }, (_, k) => column.slice(k, k + 4)).some((part) =>
    header.includes(part),
  );
/** A total row: labelled so, or printed without a label (a one-line table of totals). */
const isTotal = (name: string) => name === '' || total.test(name);

export function confidenceOf(table: BudgetTable, spec: TableSpec, signals: ReadingSignals): TableConfidence {
  const reasons = ['表名符合该类表'];
  let score = 1;
  let low = false;
  let capped = false;
  if (signals.header) {
    score++;
    reasons.push('表头注明单位或编制部门');
  } else reasons.push('未见表头单位行');

  const named = table.columns.filter((c) => spec.columns.some((k) => c.endsWith(k) || k.endsWith(c))).length;
  if (signals.printedColumns && table.columns.length > 0) {
    score++;
    reasons.push(`表头列按印刷读取（${table.columns.length} 列）`);
  } else if (
    table.columns.length > 0 &&
    named === table.columns.length &&
    signals.headerText !== undefined &&
    !table.columns.some((c) => namedIn(c, signals.headerText!))
  ) {
    // The kind's columns assumed, the header naming none of them (项目 2016-执行数 2017-预算数).
    low = true;
    reasons.push('表头未印出该类表的列名，各列按该类表推定');
  } else if (table.columns.length > 0 && named === table.columns.length) {
    score++;
    reasons.push('表头列与该类表一致');
  } else reasons.push(`表头列 ${named}/${table.columns.length} 与该类表一致`);

  const rows = table.rows;
  const body = rows.filter((r) => !isTotal(r.name));
  const amounts = rows.some((r) => r.amounts.some((a) => a !== null));
  if (body.length === 0 && !amounts) {
    reasons.push(
      table.notesSayEmpty ? '空表（注明空表）' : rows.length > 0 ? '空表（只印合计行）' : '未读到数据行',
    );
    capped = true;
  } else {
    if (spec.rows === 'coded') {
      const coded = body.filter((r) => r.code).length;
      reasons.push(`${coded}/${body.length} 行有科目编码`);
      // Rows without codes in a coded table: read from something else (prose, another table's rows).
      if (body.length >= 3 && coded * 2 < body.length) low = true;
      else score++;
    } else {
      score++;
      reasons.push(`${rows.length} 行`);
    }
    if (rows.some((r) => isTotal(r.name))) {
      score++;
      reasons.push('有合计行');
    } else reasons.push('未见合计行');
    if (!amounts) {
      low = true;
      reasons.push('各行均无金额');
    }
    const pages = new Set(rows.map((r) => r.source.page).filter((p) => p !== undefined));
    if (pages.size > 1) reasons.push(`跨 ${pages.size} 页续表`);
  }
  if (signals.flattened) {
    capped = true;
    reasons.push('由网页平铺文本重建行');
  }
  if (signals.placed > 0) {
    capped = true;
    reasons.push(`${signals.placed} 行金额按表内勾稽关系推定所在列（空单元格未印出）`);
  }
  if (signals.overfull > 0) {
    reasons.push(`${signals.overfull} 行金额多于列数`);
    if (signals.overfull * 5 > rows.length) low = true;
    else capped = true;
  }
  const level = low || score < 3 ? 'low' : capped || score < 5 ? 'medium' : 'high';
  return { level, reasons };
}
