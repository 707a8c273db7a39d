// An amount a user types to correct a table cell: a plain decimal, or one with thousands separators in the
// right places ("1,234.56"), with at most the decimals the table prints. Shared by the server, which
// refuses anything else, and the web app, which says so before anything is sent.
import type { BudgetTable, Decimal } from './document.ts';

export type AmountInput = { value: Decimal | null } | { error: string };

const plain = /^-?\d+(?:\.\d+)?$/;
const grouped = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
// An amount a disclosure can print: up to 15 integer digits.
const maxWholeDigits = 15;

/**
 * The decimals a table's amounts may have: as many as it prints (a 元 table of whole amounts: none), and
 * always 2 in a 万元 table, which is printed to the 元 … 0.01 万元 at the least.
 */
export function tableDecimals(table: Pick<BudgetTable, 'rows' | 'unit'>): number {
  let most = table.unit === '万元' ? 2 : 0;
  for (const row of table.rows)
    for (const a of row.amounts) {
      const point = a ? a.value.indexOf('.') : -1;
      if (a && point >= 0) most = Math.max(most, a.value.length - point - 1);
    }
  return most;
}

/** Reads what the user typed; "" empties the cell. Full-width digits and commas count as their ASCII forms. */
export function readAmountInput(typed: string, decimals: number, unit: string): AmountInput {
  const text = typed.normalize('NFKC').trim();
  if (text === '') return { value: null };
  const minus = text.replace(/^[−－]/, '-');
  if (!plain.test(minus) && !grouped.test(minus)) {
    if (/^-?[\d,]+(?:\.\d+)?$/.test(minus))
      return { error: `「${typed.trim()}」的千位分隔符位置不对：应每三位一个逗号，如 1,234.56，或不用逗号` };
    return { error: `「${typed.trim()}」不是有效的金额，应为数字，如 198.90` };
  }
  const value = minus.replace(/,/g, '');
  const [whole = '', fraction = ''] = value.replace(/^-/, '').split('.');
  if (fraction.length > decimals)
    return {
      error:
        decimals === 0
          ? `「${typed.trim()}」有小数，此表金额以${unit}为单位、只印整数`
          : `「${typed.trim()}」有 ${fraction.length} 位小数，此表金额（单位：${unit}）最多 ${decimals} 位小数`,
    };
  if (whole.replace(/^0+(?=\d)/, '').length > maxWholeDigits)
    return { error: `「${typed.trim()}」超出金额的范围（最多 ${maxWholeDigits} 位整数）` };
  return { value };
}
