// Exact decimal arithmetic for amounts. Amounts travel as strings; sums go through big.js.
import Big from 'big.js';
import type { Decimal } from './document.ts';

/** Reads a printed amount ("1,111.68", "5 0.00", "－3.5") into a Decimal, or null if it is not one. */
export function toDecimal(printed: string): Decimal | null {
  const s = printed.replace(/[\s,，]/g, '').replace(/^[－—-]/, '-');
  return /^-?\d+(\.\d+)?$/.test(s) ? s : null;
}

export function big(value: Decimal | null | undefined): Big {
  return new Big(value ?? '0');
}

export function sum(values: (Decimal | null | undefined)[]): Big {
  return values.reduce<Big>((acc, v) => acc.plus(big(v)), new Big(0));
}

/** |a − b| as a Big. */
export function difference(a: Big, b: Big): Big {
  return a.minus(b).abs();
}

/** Plain number for JSON output (findings' expected/actual); never used in arithmetic. */
export function toNumber(value: Big | Decimal): number {
  return Number(typeof value === 'string' ? value : value.toString());
}

/**
 * A decimal as an exact integer number of ten-thousandths, for hot loops (placing columns) where
 * big.js is too slow. Exact while |value| < 9e11; null when the value has more than 4 decimals.
 */
export function toScaled(value: Decimal | null | undefined): number | null {
  if (value === null || value === undefined) return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(value);
  if (!m) return null;
  const n = Number(m[2]) * 10000 + Number((m[3] ?? '').padEnd(4, '0'));
  return m[1] ? -n : n;
}
