// Exact decimal arithmetic for amounts. Amounts travel as strings; sums go through big.js.
import Big from 'big.js';
import type { Decimal } from './document.ts';

/** Reads a printed amount ("1,111.68", "5 0.00", "－3.5") into a Decimal, or null if it is not one. */
export function toDecimal(printed: string): Decimal | null {
  if (decimal.test(printed)) return printed; // most amounts are printed plainly
  const s = printed.replace(separators, '').replace(leadingMinus, '-');
  return decimal.test(s) ? s : null;
}

const decimal = /^-?\d+(\.\d+)?$/;
const separators = /[\s,，]/g;
const leadingMinus = /^[－—-]/;

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
  // By hand rather than with a regular expression: the checks read every amount several times.
  const negative = value.charCodeAt(0) === 0x2d;
  let i = negative ? 1 : 0;
  let whole = 0;
  const start = i;
  for (; i < value.length; i++) {
    const d = value.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === start) return null;
  let fraction = 0;
  if (i < value.length) {
    if (value.charCodeAt(i) !== 0x2e || i + 1 === value.length || value.length - i - 1 > 4) return null;
    let scale = 1000;
    for (i++; i < value.length; i++, scale /= 10) {
      const d = value.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) return null;
      fraction += d * scale;
    }
  }
  const n = whole * 10000 + fraction;
  return negative && n !== 0 ? -n : n;
}

/**
 * A scaled amount (integer ten-thousandths, as toScaled gives) of unit `from` as a plain decimal string in
 * unit `to`, exactly: 元 → 万元 moves the point four places and keeps every digit.
 */
export function scaledToDecimal(
  scaled: number,
  from: '元' | '万元' = '元',
  to: '元' | '万元' = from,
): Decimal {
  const value = new Big(scaled).div(10000);
  if (from === to) return value.toFixed();
  return (from === '元' ? value.div(10000) : value.times(10000)).toFixed();
}
