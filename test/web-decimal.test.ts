// The web app's display of amounts: rounded only when shown, grouped by thousands, 增减 and 增幅 exact.
import { describe, expect, it } from 'vitest';
import { difference, formatAmount, growth } from '../web/src/decimal.ts';

describe('display of amounts', () => {
  it('rounds half up to two decimals and groups thousands', () => {
    expect(formatAmount('15621.1123')).toBe('15,621.11');
    expect(formatAmount('189767551')).toBe('189,767,551.00');
    expect(formatAmount('0.005')).toBe('0.01');
    expect(formatAmount('-1234.565')).toBe('-1,234.57');
    expect(formatAmount('7')).toBe('7.00');
  });
  it('shows a missing amount as a dash, never as 0', () => {
    expect(formatAmount(null)).toBe('—');
    expect(formatAmount(undefined)).toBe('—');
  });
  it('gives 增减 and 增幅 against the base, exactly', () => {
    expect(difference('15621.1123', '18976.7551')).toBe('3355.6428');
    expect(difference(null, '1')).toBeNull();
    expect(growth('47.91', '37.91')).toBe('-20.87%');
    expect(growth('100', '112.345')).toBe('+12.35%');
    expect(growth('0', '5')).toBe('—');
    expect(growth('5', '5')).toBe('0.00%');
  });
});
