// lib/format/units.ts: what people type is parsed exactly, the URL form parses back to the same double,
// and no formatter ever prints "NaN" or "Infinity".

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HashrateUnit } from '@/lib/mining/algorithms';
import {
  formatAge,
  formatCompact,
  formatDays,
  formatHashrate,
  formatPercent,
  formatSignificant,
  formatUsd,
  MAX_HASHRATE,
  MISSING,
  parseHashrate,
  serializeHashrate,
} from '@/lib/format/units';

const RUNS = { numRuns: 1000 };

describe('parseHashrate accepts', () => {
  it.each([
    ['30', 30],
    ['30M', 30e6],
    ['30 MH/s', 30e6],
    ['1.2k', 1200],
    ['95G', 95e9],
    ['200T', 200e12],
    ['30 mh/s', 30e6], // any case: there is no milli-hash, so "m" is mega
    ['1,000', 1000],
    ['1e6', 1e6],
    ['580 Sol/s', 580],
    ['1.1M', 1_100_000], // built as "1.1e6", exactly 1,100,000, not 1.1 × 1e6
    ['  2 PH/s ', 2e15],
    ['0.5', 0.5],
    ['1000000E', MAX_HASHRATE],
  ])('%j → %d', (input, expected) => {
    expect(parseHashrate(input)).toEqual({ success: true, data: expected });
  });
});

describe('parseHashrate rejects, with a message', () => {
  it.each([
    ['', /enter a hashrate/i],
    ['abc', /not a hashrate/],
    ['-1', /not a hashrate/],
    ['0', /greater than zero/],
    ['NaN', /not a hashrate/],
    ['Infinity', /not a hashrate/],
    ['1e400', /finite/],
    ['1e25', /larger than any network/],
    ['30 XH/s', /not a hashrate/],
    ['١٢', /not a hashrate/], // Arabic-Indic digits
    ['３０', /not a hashrate/], // full-width digits
  ])('%j', (input, message) => {
    const result = parseHashrate(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error).toMatch(message);
  });
});

describe('serializeHashrate writes the short SI form', () => {
  it.each([
    [30e6, '30M'],
    [1200, '1.2k'],
    [95e9, '95G'],
    [2e14, '200T'],
    [7, '7'],
    [1000, '1k'],
    [1_100_000, '1.1M'],
    [2e15, '2P'],
    [0.5, '0.5'],
    [999.9, '999.9'],
  ])('%d → %s', (value, text) => {
    expect(serializeHashrate(value)).toBe(text);
  });
});

// Positive finite hashrates ≤ 1e24: decimal-looking ones (n × 10^e, built from text so "1.2e-3"
// is the double nearest 0.0012), products n × 10^e in floating point, and arbitrary doubles.
const decimalHashrate = fc
  .tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.integer({ min: -12, max: 15 }))
  .map(([n, e]) => Number(`${n}e${e}`));
const productHashrate = fc
  .tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -10, max: 18 }))
  .map(([n, e]) => n * 10 ** e);
const anyHashrate = fc.double({ min: Number.MIN_VALUE, max: MAX_HASHRATE, noNaN: true });
const validHashrate = fc
  .oneof(decimalHashrate, productHashrate, anyHashrate)
  .filter((x) => x > 0 && x <= MAX_HASHRATE);

describe('round trip', () => {
  it('parseHashrate(serializeHashrate(x)) is exactly x', () => {
    fc.assert(
      fc.property(validHashrate, (x) => {
        expect(parseHashrate(serializeHashrate(x))).toEqual({ success: true, data: x });
      }),
      RUNS,
    );
  });

  it('n × 10^e with 0 ≤ e ≤ 15 is short: its significant digits (at least 3), a point and a prefix', () => {
    // e.g. 1234 → "1.234k" (4 digits + "." + "k"), 123,000 → "123k", 1e11 → "100G"
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 15 }), (n, e) => {
        const significant = String(n).replace(/0+$/, '').length;
        expect(serializeHashrate(Number(`${n}e${e}`)).length).toBeLessThanOrEqual(Math.max(significant, 3) + 2);
      }),
      RUNS,
    );
  });
});

describe('formatting', () => {
  it.each([
    [6.747468194408e12, 'H/s', '6.75 TH/s'], // RVN's network hashrate in the hashrate.no recording
    [580, 'Sol/s', '580 Sol/s'],
    [30e6, 'H/s', '30 MH/s'],
    [1.2e3, 'H/s', '1.2 kH/s'],
    [5.258e20, 'H/s', '526 EH/s'],
    [0, 'H/s', '0 H/s'],
    [999.6, 'H/s', '1 kH/s'], // rounds to 1000 at three digits: shown with the next prefix
    [999_600_000, 'H/s', '1 GH/s'],
  ] as const)('formatHashrate(%d, %s) → %s', (value, unit, text) => {
    expect(formatHashrate(value, unit)).toBe(text);
  });

  it.each([
    [1234.56, '$1,234.56'],
    [0.0123, '$0.0123'],
    [-0.42, '−$0.42'],
    [0, '$0.00'],
    [5, '$5.00'],
    [1_234_567.891, '$1,234,568'], // 10,000 and up: whole dollars
    [5.4053626734882e-6, '$0.000005405'], // FREN's price in the hashrate.no recording
    [1.23e-9, '$0.00000000123'],
  ])('formatUsd(%d) → %s', (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });

  it.each([
    [0.0123, '1.23 %'],
    [1, '100 %'],
    [0.5, '50 %'],
  ])('formatPercent(%d) → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it.each([
    [0.5, '12 h'], // 0.5 × 24
    [3.2, '3.2 days'],
    [800, '2.2 years'], // 800 / 365.25 = 2.19
    [0.01, '14 min'], // 0.01 × 1440 = 14.4
    [1, '1 day'],
    [365.25, '1 year'],
  ])('formatDays(%d) → %s', (value, text) => {
    expect(formatDays(value)).toBe(text);
  });

  it.each([
    [42, '42 s'],
    [300, '5 min'],
    [3 * 3600, '3 h'],
    [5 * 86_400, '5 days'],
    [800 * 86_400, '2.2 years'],
  ])('formatAge(%d) → %s', (value, text) => {
    expect(formatAge(value)).toBe(text);
  });

  it('missing values are an em dash', () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(formatHashrate(value, 'H/s')).toBe(MISSING);
      expect(formatUsd(value)).toBe(MISSING);
      expect(formatPercent(value)).toBe(MISSING);
      expect(formatDays(value)).toBe(MISSING);
      expect(formatSignificant(value)).toBe(MISSING);
      expect(formatCompact(value)).toBe(MISSING);
    }
    expect(formatAge(Number.NaN)).toBe(MISSING);
    expect(formatAge(-1)).toBe(MISSING);
  });

  it('no formatter ever prints NaN or Infinity, for any number', () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 1e21, 1e-8, 999.9999, -0),
    );
    const units: HashrateUnit[] = ['H/s', 'Sol/s', 'G/s'];
    fc.assert(
      fc.property(anyNumber, (x) => {
        const outputs = [
          ...units.map((unit) => formatHashrate(x, unit)),
          formatUsd(x),
          formatPercent(x),
          formatDays(x),
          formatAge(x),
          formatSignificant(x),
          formatSignificant(x, 2),
          formatCompact(x),
        ];
        for (const text of outputs) {
          expect(text).not.toMatch(/NaN|Infinity|undefined/);
          expect(text.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });
});
