// lib/mining/contract.ts: hand-worked contracts, the break-even growth, and no NaN for hostile inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { BREAK_EVEN_GROWTH_RANGE, CONTRACT_ASSUMPTIONS, evaluateContract, type ContractInput } from '@/lib/mining/contract';

// Revenue over D days with difficulty growing g a month: r0 × (1 − e^(−kD)) / k, k = ln(1 + g) / 30.
const revenue = (r0: number, growthPercent: number, days: number) => {
  const k = Math.log1p(growthPercent / 100) / 30;
  return k === 0 ? r0 * days : (r0 * -Math.expm1(-k * days)) / k;
};

/** A $10/day contract for a hashrate that mines 1 coin a day worth $8: 30 days. */
const losing: ContractInput = {
  hashrate: 100e6,
  priceUsd: { perDay: 10 },
  durationDays: 30,
  feePercent: 0,
  coinsPerDayNow: 1,
  coinPriceUsd: 8,
  difficultyGrowthPercentPerMonth: 0,
};

/** $100 upfront + $5/day + $1/day maintenance, earning 0.5 coin × $20 less a 2 % fee: 90 days at +3 %/month. */
const profitable: ContractInput = {
  hashrate: 1e9,
  priceUsd: { perDay: 5, upfront: 100 },
  durationDays: 90,
  feePercent: 2,
  maintenanceUsdPerDay: 1,
  coinsPerDayNow: 0.5,
  coinPriceUsd: 20,
  difficultyGrowthPercentPerMonth: 3,
};

describe('a contract that loses by construction', () => {
  // Revenue $8 a day, cost $10 a day: 30 × 8 = $240 against 30 × 10 = $300, net −$60 with no
  // difficulty growth at all. It only breaks even if difficulty falls: 8 × 30 × (e^u − 1)/u = 300
  // with u = −ln(1 + g) gives u = 0.4308, g = e^(−u) − 1 = −35.0039 % a month.
  const result = evaluateContract(losing);

  it('loses at the current difficulty', () => {
    expect(result.revenueUsdPerDayNow).toBe(8);
    expect(result.expectedRevenueUsd).toBeCloseTo(240, 9);
    expect(result.totalCostUsd).toBe(300);
    expect(result.netUsd).toBeCloseTo(-60, 9);
    expect(result.netAtZeroGrowthUsd).toBeCloseTo(-60, 9);
    expect(result.verdict).toBe('loses-at-current-difficulty');
    expect(result.breakEvenDay).toBeNull();
  });

  it('would need difficulty to fall 35.0 % a month to break even', () => {
    expect(result.breakEvenGrowthPercentPerMonth).not.toBeNull();
    expect(Math.abs(result.breakEvenGrowthPercentPerMonth! - -35.0038539757)).toBeLessThan(0.01);
  });

  it('still loses by construction when difficulty is expected to rise', () => {
    expect(evaluateContract({ ...losing, difficultyGrowthPercentPerMonth: 10 }).verdict).toBe('loses-at-current-difficulty');
  });

  it('prices the hashrate per H/s: $10 / 1e8 H/s = 1e-7 USD per H/s per day', () => {
    expect(result.usdPerHashPerDay).toBeCloseTo(1e-7, 20);
  });
});

describe('a profitable contract', () => {
  // r0 = 0.5 × 20 × 0.98 = $9.80 a day. k = ln(1.03)/30; 90k = 3 ln(1.03), e^(−90k) = 1/1.03³ = 0.915142;
  // revenue = 9.8 × (1 − 0.915142) / k = $844.02. Cost = 100 + (5 + 1) × 90 = $640. Net = $204.02.
  // At zero growth: 9.8 × 90 − 640 = $242.
  const result = evaluateContract(profitable);

  it('earns more than it costs over the term', () => {
    expect(result.revenueUsdPerDayNow).toBeCloseTo(9.8, 12);
    expect(result.expectedRevenueUsd).toBeCloseTo(844.0244616917, 8);
    expect(result.totalCostUsd).toBe(640);
    expect(result.netUsd).toBeCloseTo(204.0244616917, 8);
    expect(result.netAtZeroGrowthUsd).toBeCloseTo(242, 9);
    expect(result.verdict).toBe('profitable');
  });

  it('breaks even on day 28', () => {
    // Net after 27 days: 9.8 × (1 − e^(−27k))/k − 100 − 6 × 27 = −0.889; after 28: +2.649.
    expect(revenue(9.8, 3, 27) - 100 - 6 * 27).toBeCloseTo(-0.8885628026, 8);
    expect(result.breakEvenDay).toBe(28);
  });

  it('survives difficulty growth up to 25.43 % a month, found within 0.01 %', () => {
    // 9.8 × (1 − e^(−x))/x × 90 = 640 at x = 90k: x = 0.6801, g = e^(30k) − 1 = 25.4333 %.
    const g = result.breakEvenGrowthPercentPerMonth!;
    expect(Math.abs(g - 25.4333312752)).toBeLessThan(0.01);
    // And net over the term is 0 there (to a cent).
    expect(Math.abs(revenue(9.8, g, 90) - 640)).toBeLessThan(0.01);
  });

  it('loses with growth above the break-even: 40 % a month', () => {
    // 9.8 × (1 − 1.4^(−3))/(ln(1.4)/30) − 640 = −84.66.
    const steep = evaluateContract({ ...profitable, difficultyGrowthPercentPerMonth: 40 });
    expect(steep.netUsd).toBeCloseTo(-84.6580653027, 8);
    expect(steep.verdict).toBe('loses-with-growth');
    expect(steep.breakEvenDay).toBeNull();
    expect(steep.breakEvenGrowthPercentPerMonth).toBeCloseTo(result.breakEvenGrowthPercentPerMonth!, 9);
  });
});

describe('edges', () => {
  it('says what it assumes', () => {
    expect(CONTRACT_ASSUMPTIONS).toMatch(/price held constant/i);
  });

  it('breaks even on day 1 with no upfront and revenue above the daily cost', () => {
    const result = evaluateContract({ ...losing, coinPriceUsd: 12 });
    expect(result.verdict).toBe('profitable');
    expect(result.breakEvenDay).toBe(1);
  });

  it('has no break-even growth when nothing is earned, or when nothing costs anything', () => {
    expect(evaluateContract({ ...losing, coinsPerDayNow: 0 }).breakEvenGrowthPercentPerMonth).toBeNull();
    const free = evaluateContract({ ...losing, priceUsd: {} });
    expect(free.verdict).toBe('profitable');
    expect(free.breakEvenGrowthPercentPerMonth).toBeNull();
    expect(BREAK_EVEN_GROWTH_RANGE.max).toBe(1000);
  });

  it('a fee of 100 % leaves no revenue; fees are clamped to 0–100', () => {
    expect(evaluateContract({ ...losing, feePercent: 150 }).expectedRevenueUsd).toBe(0);
    expect(evaluateContract({ ...losing, feePercent: -20 }).expectedRevenueUsd).toBeCloseTo(240, 9);
  });

  it('difficulty falling (negative growth) raises revenue', () => {
    const falling = evaluateContract({ ...losing, difficultyGrowthPercentPerMonth: -40 });
    expect(falling.netUsd!).toBeGreaterThan(0);
    // Still flagged: it only wins if difficulty falls.
    expect(falling.verdict).toBe('loses-at-current-difficulty');
  });

  it.each([
    ['durationDays', { durationDays: 0 }],
    ['durationDays', { durationDays: Number.NaN }],
    ['coinPriceUsd', { coinPriceUsd: -1 }],
    ['coinsPerDayNow', { coinsPerDayNow: Number.POSITIVE_INFINITY }],
    ['feePercent', { feePercent: Number.NaN }],
    ['difficultyGrowthPercentPerMonth', { difficultyGrowthPercentPerMonth: -100 }],
    ['priceUsd.perDay', { priceUsd: { perDay: -5 } }],
  ] as const)('names the unusable field %s and gives no figures', (field, patch) => {
    const result = evaluateContract({ ...losing, ...patch });
    expect(result.invalidFields).toContain(field);
    expect(result.verdict).toBeNull();
    expect(result.netUsd).toBeNull();
    expect(result.expectedRevenueUsd).toBeNull();
  });
});

describe('properties', () => {
  const hostile = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, -1, -100, 1e-320, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  );
  const maybe = fc.option(hostile, { nil: undefined });
  const hostileInput: fc.Arbitrary<ContractInput> = fc.record({
    hashrate: hostile,
    priceUsd: fc.record({ perDay: maybe, upfront: maybe }),
    durationDays: hostile,
    feePercent: hostile,
    maintenanceUsdPerDay: maybe,
    coinsPerDayNow: hostile,
    coinPriceUsd: hostile,
    difficultyGrowthPercentPerMonth: hostile,
  });

  const money = fc.double({ min: 0, max: 1e6, noNaN: true });
  const validInput: fc.Arbitrary<ContractInput> = fc.record({
    hashrate: fc.double({ min: 1, max: 1e18, noNaN: true }),
    priceUsd: fc.record({ perDay: money, upfront: money }),
    durationDays: fc.double({ min: 0.5, max: 3650, noNaN: true }),
    feePercent: fc.double({ min: 0, max: 100, noNaN: true }),
    maintenanceUsdPerDay: money,
    coinsPerDayNow: fc.double({ min: 0, max: 1e6, noNaN: true }),
    coinPriceUsd: fc.double({ min: 0, max: 1e5, noNaN: true }),
    difficultyGrowthPercentPerMonth: fc.double({ min: -30, max: 200, noNaN: true }),
  });

  const numbersOf = (r: ReturnType<typeof evaluateContract>) => [
    r.revenueUsdPerDayNow,
    r.expectedRevenueUsd,
    r.totalCostUsd,
    r.netUsd,
    r.netAtZeroGrowthUsd,
    r.breakEvenDay,
    r.breakEvenGrowthPercentPerMonth,
    r.usdPerHashPerDay,
  ];

  it('never gives NaN or Infinity, whatever the input', () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const result = evaluateContract(input);
        for (const x of numbersOf(result)) expect(x === null || Number.isFinite(x)).toBe(true);
        expect([null, 'loses-at-current-difficulty', 'loses-with-growth', 'profitable']).toContain(result.verdict);
      }),
      { numRuns: 3000 },
    );
  });

  it('verdict, net and break-even day agree', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const r = evaluateContract(input);
        expect(r.invalidFields).toEqual([]);
        if (r.verdict === 'profitable') expect(r.netUsd!).toBeGreaterThanOrEqual(0);
        if (r.verdict === 'loses-with-growth') expect(r.netUsd!).toBeLessThan(0);
        if (r.verdict === 'loses-at-current-difficulty') expect(r.netAtZeroGrowthUsd!).toBeLessThan(0);
        expect(r.breakEvenDay !== null).toBe(r.netUsd !== null && r.netUsd >= 0);
        if (r.breakEvenDay !== null) {
          expect(r.breakEvenDay).toBeGreaterThanOrEqual(1);
          expect(r.breakEvenDay).toBeLessThanOrEqual(Math.ceil(input.durationDays));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('the break-even growth zeroes the net: above it the contract loses, below it it wins', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const g = evaluateContract(input).breakEvenGrowthPercentPerMonth;
        if (g === null) return;
        expect(g).toBeGreaterThanOrEqual(BREAK_EVEN_GROWTH_RANGE.min);
        expect(g).toBeLessThanOrEqual(BREAK_EVEN_GROWTH_RANGE.max);
        const above = evaluateContract({ ...input, difficultyGrowthPercentPerMonth: g + 0.01 }).netUsd!;
        const below = evaluateContract({ ...input, difficultyGrowthPercentPerMonth: g - 0.01 }).netUsd!;
        expect(above).toBeLessThanOrEqual(below);
        expect(above <= 1e-6 * (1 + Math.abs(below))).toBe(true);
        expect(below >= -1e-6 * (1 + Math.abs(above))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
