// The one way rules compare two amounts: exact, with the 0.01 rounding tolerance (none for a "sum" of a
// single part).
import { judge, plain, show } from './money.ts';
import type { Anchor, Context, Severity, Where } from './types.ts';

export interface Comparison {
  /** Scaled (ten-thousandths): what the figure should be. */
  expected: number;
  /** Scaled: the figure as printed. */
  actual: number;
  where: Where;
  /** The exact place, where the rule has the row in hand (`rowAnchor`). */
  anchor?: Anchor;
  /** Describes the discrepancy; the amounts are appended. */
  what: string;
  severity?: Severity;
  unit: string;
  /** When `expected` is a sum: how many printed (rounded) amounts it adds up. */
  parts?: number;
}

/** Reports when the amounts differ; returns whether they did. */
export function compare(ctx: Context, c: Comparison): boolean {
  const severity = judge(c.expected, c.actual, c.severity ?? 'error', c.parts);
  if (!severity) return false;
  const rounding = severity === 'info' ? '（差额在 0.01 以内，属四舍五入）' : '';
  ctx.report({
    severity,
    message: `${c.what}：应为 ${show(c.expected)}${c.unit}，实为 ${show(c.actual)}${c.unit}，相差 ${show(Math.abs(c.expected - c.actual))}${c.unit}${rounding}`,
    where: c.where,
    ...(c.anchor ? { anchor: c.anchor } : {}),
    expected: plain(c.expected),
    actual: plain(c.actual),
  });
  return true;
}
