// Exact money: toScaled (the integer ten-thousandths the checks add up) against big.js on any decimal.
import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toScaled } from '../src/model/decimal.ts';

describe('toScaled', () => {
  it('equals big.js × 10^4 for every decimal of up to 4 places', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.nat({ max: 4 }), fc.nat({ max: 9999 }))
      .map(([negative, whole, places, digits]) => {
        const fraction = String(digits).padStart(4, '0').slice(0, places);
        return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
      });
    fc.assert(
      fc.property(decimal, (value) => {
        expect(toScaled(value)).toBe(Number(new Big(value).times(10000).toFixed(0)) || 0);
      }),
      { numRuns: 5000 },
    );
  });

  it('is null for anything that is not such a decimal, 0 for no value', () => {
    for (const bad of [
      '',
      '-',
      '.',
      '1.',
      '.5',
      '1.23456',
      '1,000',
      '1e3',
      ' 1',
      '1 ',
      '+1',
      '--1',
      '1.2.3',
      '１',
    ])
      expect(toScaled(bad), JSON.stringify(bad)).toBeNull();
    expect(toScaled(null)).toBe(0);
    expect(toScaled(undefined)).toBe(0);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const valid = /^-?\d+(?:\.\d{1,4})?$/.test(s);
        expect(toScaled(s) === null).toBe(!valid);
      }),
      { numRuns: 5000 },
    );
  });
});
