// Exact comparisons of amounts for the rules: integer ten-thousandths of the document unit.
import Big from 'big.js';
import { toScaled } from '../model/decimal.ts';
import type { Amount, Decimal, MoneyUnit } from '../model/document.ts';
import type { Severity } from './types.ts';

/** An amount as exact integer ten-thousandths; an empty cell is 0. */
export function scaled(value: Amount | Decimal | null | undefined): number {
  const v = typeof value === 'object' && value !== null ? value.value : value;
  return toScaled(v) ?? Number(new Big(v ?? '0').times(10000).round().toString());
}

/** Back to a plain number of the document unit, for a finding's expected/actual. */
export function plain(scaledValue: number): number {
  return scaledValue / 10000;
}

/** 0.01 of the unit: a difference at most this large is rounding. */
export const tolerance = 100;

/**
 * How far a sum of `parts` printed amounts may be from its printed total by rounding alone: 0.01, as for
 * any comparison — reviewers hold a published table to add up as printed, so n × 0.005 for n parts would
 * excuse the differences of 0.02–0.03 they flag — except that a "sum" of one part is that part, rounded
 * the same way, so it must match exactly. Undefined parts: a comparison of two figures.
 */
export function roundingTolerance(parts?: number): number {
  return parts !== undefined && parts <= 1 ? 0 : tolerance;
}

/**
 * The severity a difference deserves: null when equal, info when within the rounding tolerance (of a sum
 * of `parts` amounts, when given), the rule's severity otherwise.
 */
export function judge(expected: number, actual: number, severity: Severity, parts?: number): Severity | null {
  const diff = Math.abs(expected - actual);
  if (diff === 0) return null;
  return diff <= roundingTolerance(parts) ? 'info' : severity;
}

/** Converts scaled amounts between 元 and 万元. */
export function convert(value: number, from: MoneyUnit, to: MoneyUnit): number {
  if (from === to) return value;
  return from === '元' ? Math.round(value / 10000) : value * 10000;
}

/** "1,234.5" style for messages. */
export function show(scaledValue: number): string {
  return plain(scaledValue).toFixed(2);
}

/** Half a unit of the last printed digit: 71.73 → 0.005, 6.2 → 0.05, 1270 → 0.5. */
export function halfUnit(value: string): Big {
  const decimals = (value.split('.')[1] ?? '').length;
  return new Big(5).div(new Big(10).pow(decimals + 1));
}
