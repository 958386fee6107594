// lib/mining/projection.ts: break-even electricity price, profit against the price, and the cumulative
// projection (difficulty growth, reward changes applied once, hardware pay-back). Every case is
// worked out by hand in its comment; the properties check that hostile input never gives NaN.

import fc from 'fast-check';
import { evaluateContract } from '@/lib/mining/contract';
import { describe, expect, it } from 'vitest';
import {
  breakEvenElectricityUsdPerKwh,
  MAX_PROJECTION_DAYS,
  profitAgainstElectricity,
  projectCumulativeProfit,
  type Projection,
  type ProjectionInput,
} from '@/lib/mining/projection';

const RUNS = { numRuns: 1000 };

const base: ProjectionInput = {
  coinsPerDay: 10,
  priceUsd: 0.5,
  powerCostUsdPerDay: 2,
  days: 30,
  difficultyGrowthPercentPerMonth: 0,
  halvings: [],
  hardwareCostUsd: null,
};

describe('breakEvenElectricityUsdPerKwh', () => {
  it.each([
    // 300 W × 24 h / 1000 = 7.2 kWh/day; 1.44 / 7.2 = 0.20 USD/kWh.
    [1.44, 300, 0.2],
    // 1000 W → 24 kWh/day; 6 / 24 = 0.25.
    [6, 1000, 0.25],
    // No revenue: any positive price loses money, so break-even is exactly 0.
    [0, 300, 0],
    // 2 kW → 48 kWh/day; 1.2 / 48 = 0.025.
    [1.2, 2000, 0.025],
  ])('revenue %f USD/day at %f W → %f USD/kWh', (revenue, watts, expected) => {
    expect(breakEvenElectricityUsdPerKwh(revenue, watts)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['unknown revenue', null, 300],
    ['no power draw: never breaks even on power', 1.44, 0],
    ['negative watts', 1.44, -5],
    ['NaN watts', 1.44, Number.NaN],
    ['NaN revenue', Number.NaN, 300],
    ['negative revenue: no price ≥ 0 breaks even', -1, 300],
    ['overflow to Infinity', Number.MAX_VALUE, 1e-300],
  ])('is null for %s', (_label, revenue, watts) => {
    expect(breakEvenElectricityUsdPerKwh(revenue, watts)).toBeNull();
  });
});

describe('profitAgainstElectricity', () => {
  it('draws steps + 1 points from 0 to maxKwh', () => {
    // 300 W → 7.2 kWh/day. Revenue 1.44: at 0 → 1.44; at 0.1 → 1.44 − 0.72 = 0.72;
    // at 0.2 → 0 (the break-even); at 0.3 → 1.44 − 2.16 = −0.72; at 0.4 → −1.44.
    const points = profitAgainstElectricity({ revenueUsdPerDay: 1.44, powerWatts: 300, maxKwh: 0.4, steps: 4 });
    const kwh = [0, 0.1, 0.2, 0.3, 0.4];
    const profit = [1.44, 0.72, 0, -0.72, -1.44];
    expect(points).toHaveLength(5);
    points.forEach((p, i) => {
      expect(p.kwh).toBeCloseTo(kwh[i]!, 12);
      expect(p.profitUsdPerDay).toBeCloseTo(profit[i]!, 12);
    });
  });

  it('is flat when the rig draws no power', () => {
    const points = profitAgainstElectricity({ revenueUsdPerDay: 3, powerWatts: 0, maxKwh: 1, steps: 2 });
    expect(points.map((p) => p.profitUsdPerDay)).toEqual([3, 3, 3]);
  });

  it('uses 50 steps by default and clamps the count to 1…1000', () => {
    expect(profitAgainstElectricity({ revenueUsdPerDay: 1, powerWatts: 100, maxKwh: 1 })).toHaveLength(51);
    expect(profitAgainstElectricity({ revenueUsdPerDay: 1, powerWatts: 100, maxKwh: 1, steps: 0 })).toHaveLength(2);
    expect(profitAgainstElectricity({ revenueUsdPerDay: 1, powerWatts: 100, maxKwh: 1, steps: 1e9 })).toHaveLength(1001);
    expect(profitAgainstElectricity({ revenueUsdPerDay: 1, powerWatts: 100, maxKwh: 1, steps: 2.9 })).toHaveLength(3);
  });

  it.each([
    ['unknown revenue', null, 1],
    ['zero maxKwh', 1, 0],
    ['negative maxKwh', 1, -1],
    ['NaN maxKwh', 1, Number.NaN],
    ['infinite maxKwh', 1, Number.POSITIVE_INFINITY],
  ])('is empty for %s', (_label, revenue, maxKwh) => {
    expect(profitAgainstElectricity({ revenueUsdPerDay: revenue, powerWatts: 300, maxKwh, steps: 10 })).toEqual([]);
  });
});

describe('projectCumulativeProfit', () => {
  it('is linear with no growth and no reward change', () => {
    // 10 coins × $0.5 − $2 power = $3/day. Day 0 adds nothing; day d totals 3d.
    const { points, totalProfitUsd, breakEvenDay } = projectCumulativeProfit(base);
    expect(points).toHaveLength(31);
    expect(points[0]).toEqual({ day: 0, coinsPerDay: 10, profitUsd: 3, cumulativeProfitUsd: 0 });
    for (const p of points) {
      expect(p.coinsPerDay).toBe(10);
      expect(p.profitUsd).toBe(3);
      expect(p.cumulativeProfitUsd).toBeCloseTo(3 * p.day, 12);
    }
    expect(totalProfitUsd).toBeCloseTo(90, 12); // 30 days × $3
    expect(breakEvenDay).toBeNull(); // no hardware cost: nothing to pay back
  });

  it('compounds difficulty growth per 30 days: each day is what is mined during it', () => {
    // g = 10 %/month: difficulty × 1.1^(s/30), rate c e^(−k s), k = ln 1.1 / 30 = 0.0031770.
    // Day d's coins = c (e^(−k(d−1)) − e^(−k d)) / k:
    //   day 1: 100 × (1 − 0.9968280) / 0.0031770 = 99.8413; day 15: 95.4979; day 30: 91.0537
    //   (between 100/1.1^(29/30) = 91.198 and 100/1.1 = 90.909); day 60: 82.7760.
    // Total over 30 days = c (1 − 1.1^(−1)) / k = 100 × 0.0909091 / 0.0031770 = 2,861.47.
    const { points } = projectCumulativeProfit({
      ...base,
      coinsPerDay: 100,
      priceUsd: 1,
      powerCostUsdPerDay: 0,
      days: 60,
      difficultyGrowthPercentPerMonth: 10,
    });
    expect(points[0]!.coinsPerDay).toBe(100);
    expect(points[1]!.coinsPerDay).toBeCloseTo(99.8413, 4);
    expect(points[15]!.coinsPerDay).toBeCloseTo(95.4979, 4);
    expect(points[30]!.coinsPerDay).toBeCloseTo(91.0537, 4);
    expect(points[60]!.coinsPerDay).toBeCloseTo(82.776, 3);
    expect(points[30]!.cumulativeProfitUsd).toBeCloseTo(2861.4706, 3);
  });

  it('lets difficulty fall (negative growth) down to −90 % and clamps below', () => {
    // g = −50 %: k = ln 0.5 / 30 < 0; day 30 = 10 × (2^(29/30) − 2) / (30 k)… = 19.7707 (between 2^(29/30)·10 and 20).
    // g = −200 is clamped to −90: k = ln 0.1 / 30; day 30 = 96.2587.
    const half = projectCumulativeProfit({ ...base, days: 30, difficultyGrowthPercentPerMonth: -50 });
    expect(half.points[30]!.coinsPerDay).toBeCloseTo(19.7707, 4);
    const clamped = projectCumulativeProfit({ ...base, days: 30, difficultyGrowthPercentPerMonth: -200 });
    expect(clamped.points[30]!.coinsPerDay).toBeCloseTo(96.2587, 4);
  });

  it('gives the same total as the contract evaluator for the same growth (one model)', () => {
    // 30 days at $100/day now, 10 %/month growth, no costs: both say 2,861.47.
    const projection = projectCumulativeProfit({
      ...base,
      coinsPerDay: 100,
      priceUsd: 1,
      powerCostUsdPerDay: 0,
      days: 30,
      difficultyGrowthPercentPerMonth: 10,
    });
    const contract = evaluateContract({
      hashrate: 1,
      priceUsd: { perDay: 0 },
      durationDays: 30,
      feePercent: 0,
      coinsPerDayNow: 100,
      coinPriceUsd: 1,
      difficultyGrowthPercentPerMonth: 10,
    });
    expect(projection.totalProfitUsd).toBeCloseTo(2861.4706, 3);
    expect(contract.expectedRevenueUsd).toBeCloseTo(projection.totalProfitUsd, 6);
  });

  it('applies a halving once, from its day on (never quartered)', () => {
    // Halving at day 10: days 0–9 at 10 coins ($3/day), days ≥ 10 at 5 coins (5 × 0.5 − 2 = $0.5/day).
    // Cumulative at day 20 = days 1–9 (9 × 3 = 27) + days 10–20 (11 × 0.5 = 5.5) = 32.5.
    const { points } = projectCumulativeProfit({ ...base, days: 20, halvings: [{ day: 10, factor: 0.5 }] });
    expect(points[9]!.coinsPerDay).toBe(10);
    for (const p of points.slice(10)) expect(p.coinsPerDay).toBe(5);
    expect(points[20]!.cumulativeProfitUsd).toBeCloseTo(32.5, 12);
  });

  it('stacks separate changes and applies them in day order', () => {
    // Listed out of order: ×0.5 at day 4, ×0.8 at day 2. Day 3 → 8 coins, day 4 → 4 coins.
    const { points } = projectCumulativeProfit({
      ...base,
      days: 5,
      halvings: [
        { day: 4, factor: 0.5 },
        { day: 2, factor: 0.8 },
      ],
    });
    expect(points.map((p) => p.coinsPerDay)).toEqual([10, 10, 8, 8, 4, 4]);
  });

  it('ignores changes already behind us or with nonsense factors, and rounds fractional days up', () => {
    // Day −3 (past), NaN factor and a negative factor are ignored; day 2.5 applies from day 3.
    const { points } = projectCumulativeProfit({
      ...base,
      days: 4,
      halvings: [
        { day: -3, factor: 0.5 },
        { day: 1, factor: Number.NaN },
        { day: 1, factor: -1 },
        { day: 2.5, factor: 0.5 },
      ],
    });
    expect(points.map((p) => p.coinsPerDay)).toEqual([10, 10, 10, 5, 5]);
  });

  it('starts at minus the hardware cost and finds the break-even day', () => {
    // $3/day against $100 of hardware: day d totals 3d − 100; 3 × 33 = 99 < 100, 3 × 34 = 102.
    const { points, totalProfitUsd, breakEvenDay } = projectCumulativeProfit({
      ...base,
      days: 90,
      hardwareCostUsd: 100,
    });
    expect(points[0]!.cumulativeProfitUsd).toBe(-100);
    expect(points[33]!.cumulativeProfitUsd).toBeCloseTo(-1, 12);
    expect(breakEvenDay).toBe(34);
    expect(totalProfitUsd).toBeCloseTo(3 * 90 - 100, 12); // 170, hardware included
  });

  it('has a break-even day exactly when the cumulative first reaches zero', () => {
    // $3/day against $90: day 30 totals exactly 0 → break-even day 30 (≥ 0 counts).
    expect(projectCumulativeProfit({ ...base, days: 40, hardwareCostUsd: 90 }).breakEvenDay).toBe(30);
  });

  it('has no break-even day when the horizon is too short or the rig loses money', () => {
    // 3 × 30 = 90 < 100 within 30 days.
    expect(projectCumulativeProfit({ ...base, days: 30, hardwareCostUsd: 100 }).breakEvenDay).toBeNull();
    // 10 × 0.1 − 2 = −$1/day never pays back.
    expect(projectCumulativeProfit({ ...base, priceUsd: 0.1, hardwareCostUsd: 10 }).breakEvenDay).toBeNull();
  });

  it('treats a zero, negative or NaN hardware cost as none', () => {
    for (const hardwareCostUsd of [0, -50, Number.NaN, undefined]) {
      const result = projectCumulativeProfit({ ...base, hardwareCostUsd });
      expect(result.points[0]!.cumulativeProfitUsd).toBe(0);
      expect(result.breakEvenDay).toBeNull();
    }
  });

  it('gives a single point for a zero-day horizon', () => {
    const result = projectCumulativeProfit({ ...base, days: 0, hardwareCostUsd: 50 });
    expect(result.points).toHaveLength(1);
    expect(result.totalProfitUsd).toBe(-50);
    expect(result.breakEvenDay).toBeNull();
  });

  it('floors fractional days and clamps the horizon to 3650 days', () => {
    expect(projectCumulativeProfit({ ...base, days: 7.9 }).points).toHaveLength(8);
    const long = projectCumulativeProfit({ ...base, days: 100_000 });
    expect(long.points).toHaveLength(MAX_PROJECTION_DAYS + 1);
    expect(long.points.at(-1)!.day).toBe(3650);
  });

  it.each([
    ['NaN days', { days: Number.NaN }],
    ['negative days', { days: -1 }],
    ['infinite days', { days: Number.POSITIVE_INFINITY }],
    ['unknown coins per day', { coinsPerDay: null }],
    ['NaN price', { priceUsd: Number.NaN }],
    ['negative power cost', { powerCostUsdPerDay: -1 }],
    ['overflowing revenue', { coinsPerDay: Number.MAX_VALUE, priceUsd: Number.MAX_VALUE }],
  ])('returns no points for %s', (_label, patch) => {
    expect(projectCumulativeProfit({ ...base, ...patch })).toEqual({ points: [], totalProfitUsd: 0, breakEvenDay: null });
  });
});

const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -0, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer({ min: -5000, max: 5000 }),
);

const hostileInput: fc.Arbitrary<ProjectionInput> = fc.record({
  coinsPerDay: fc.option(anyNumber, { nil: null }),
  priceUsd: fc.option(anyNumber, { nil: null }),
  powerCostUsdPerDay: anyNumber,
  days: fc.oneof(anyNumber, fc.integer({ min: 0, max: 4000 })),
  difficultyGrowthPercentPerMonth: anyNumber,
  halvings: fc.array(fc.record({ day: anyNumber, factor: anyNumber }), { maxLength: 5 }),
  hardwareCostUsd: fc.option(anyNumber, { nil: null }),
});

const allFinite = (result: Projection) =>
  Number.isFinite(result.totalProfitUsd) &&
  (result.breakEvenDay === null || Number.isInteger(result.breakEvenDay)) &&
  result.points.every(
    (p) =>
      Number.isFinite(p.day) &&
      Number.isFinite(p.coinsPerDay) &&
      Number.isFinite(p.profitUsd) &&
      Number.isFinite(p.cumulativeProfitUsd),
  );

describe('properties', () => {
  it('projectCumulativeProfit never throws nor returns NaN/Infinity', () => {
    fc.assert(
      fc.property(hostileInput, (input) => {
        const result = projectCumulativeProfit(input);
        expect(allFinite(result)).toBe(true);
        expect(result.points.length).toBeLessThanOrEqual(MAX_PROJECTION_DAYS + 1);
        if (result.breakEvenDay !== null) {
          expect(result.points[result.breakEvenDay]!.cumulativeProfitUsd).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the last cumulative equals totalProfitUsd, and day 0 starts at minus the hardware cost', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: -90, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (coinsPerDay, priceUsd, cost, days, growth, hardware) => {
          const result = projectCumulativeProfit({
            coinsPerDay,
            priceUsd,
            powerCostUsdPerDay: cost,
            days,
            difficultyGrowthPercentPerMonth: growth,
            hardwareCostUsd: hardware,
          });
          expect(result.points).toHaveLength(days + 1);
          expect(result.points[0]!.cumulativeProfitUsd).toBe(hardware > 0 ? -hardware : 0);
          expect(result.totalProfitUsd).toBe(result.points.at(-1)!.cumulativeProfitUsd);
        },
      ),
      RUNS,
    );
  });

  it('growing difficulty never raises coins per day', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        (coinsPerDay, growth, days) => {
          const { points } = projectCumulativeProfit({ ...base, coinsPerDay, days, difficultyGrowthPercentPerMonth: growth });
          for (let i = 1; i < points.length; i++) {
            expect(points[i]!.coinsPerDay).toBeLessThanOrEqual(points[i - 1]!.coinsPerDay);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('breakEvenElectricityUsdPerKwh zeroes the profit at that price', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (revenue, watts) => {
          const price = breakEvenElectricityUsdPerKwh(revenue, watts);
          expect(price).not.toBeNull();
          const [point] = profitAgainstElectricity({ revenueUsdPerDay: revenue, powerWatts: watts, maxKwh: price || 1, steps: 1 }).slice(-1);
          if (price! > 0) expect(Math.abs(point!.profitUsdPerDay)).toBeLessThanOrEqual(1e-9 * Math.max(1, revenue));
        },
      ),
      RUNS,
    );
  });

  it('breakEvenElectricityUsdPerKwh and profitAgainstElectricity never give NaN/Infinity', () => {
    fc.assert(
      fc.property(fc.option(anyNumber, { nil: null }), anyNumber, anyNumber, anyNumber, (revenue, watts, maxKwh, steps) => {
        const price = breakEvenElectricityUsdPerKwh(revenue, watts);
        expect(price === null || (Number.isFinite(price) && price >= 0)).toBe(true);
        const points = profitAgainstElectricity({ revenueUsdPerDay: revenue, powerWatts: watts, maxKwh, steps });
        expect(points.length).toBeLessThanOrEqual(1001);
        expect(points.every((p) => Number.isFinite(p.kwh) && Number.isFinite(p.profitUsdPerDay))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
