// lib/format/money.ts: formatMoney writes USD as formatUsd does, EUR with the same precision rules, BTC
// with four significant figures, the same "−" sign everywhere, and never "NaN" or "Infinity".

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/lib/format/money';
import { formatUsd, MISSING } from '@/lib/format/units';

describe('formatMoney', () => {
  it.each([
    [1234.56, '$1,234.56'],
    [-0.42, '−$0.42'],
    [0.0123456, '$0.01235'],
    [115_923_006.4, '$115,923,006'],
  ])('USD %f → %s (as formatUsd)', (value, expected) => {
    expect(formatMoney(value, 'USD')).toBe(expected);
    expect(formatMoney(value, 'USD')).toBe(formatUsd(value));
  });

  it.each([
    [1234.56, '€1,234.56'], // ≥ 1: two decimals
    [12_345.6, '€12,346'], // ≥ 10,000: whole euros
    [0.0123456, '€0.01235'], // < 1: four significant digits
    [0, '€0.00'],
    [-0.42, '−€0.42'],
  ])('EUR %f → %s', (value, expected) => {
    expect(formatMoney(value, 'EUR')).toBe(expected);
  });

  it.each([
    [0.00012345, '0.0001235 BTC'], // four significant digits
    [1.5, '1.5 BTC'],
    [12_345.678, '12,350 BTC'],
    [-0.0005, '−0.0005 BTC'],
    [0, '0 BTC'],
  ])('BTC %f → %s', (value, expected) => {
    expect(formatMoney(value, 'BTC')).toBe(expected);
  });

  it('accepts lower-case codes (URL slugs) and falls back for others', () => {
    expect(formatMoney(2, 'usd')).toBe('$2.00');
    expect(formatMoney(2, 'eur')).toBe('€2.00');
    expect(formatMoney(2, 'btc')).toBe('2 BTC');
    expect(formatMoney(2.5, 'XMR')).toBe('2.5 XMR');
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'writes %s as an em dash',
    (value) => {
      for (const currency of ['USD', 'EUR', 'BTC'] as const) expect(formatMoney(value, currency)).toBe(MISSING);
    },
  );

  it('never prints NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom('USD', 'EUR', 'BTC'), (value, currency) => {
        const text = formatMoney(value, currency);
        expect(text).not.toMatch(/NaN|Infinity/);
        if (Number.isFinite(value) && value < 0 && text !== MISSING) expect(text.startsWith('−')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
