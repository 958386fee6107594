import { describe, expect, it } from 'vitest';
import { integrateDay, type DayCosts } from '@/lib/electricity/integrate';

const day = (prices: number[], extra: Partial<DayCosts> = {}): DayCosts => ({
  hourPricesUsdPerKwh: prices,
  overheadPercent: 0,
  fixedUsdPerDay: 0,
  heatUsdPerKwh: 0,
  hoursMode: 'all',
  ...extra,
});
const repeat = (n: number, price: number) => Array<number>(n).fill(price);

describe('integrateDay', () => {
  it('a two-rate schedule: 7 h at 0.08 and 17 h at 0.24 USD/kWh', () => {
    // 1000 W → 1 kWh an hour. Cost = 7 × 0.08 + 17 × 0.24 = 0.56 + 4.08 = 4.64 USD.
    // Revenue 12 USD/day → 0.5 USD an hour; 24 hours mined → 12. Profit = 12 − 4.64 = 7.36.
    const r = integrateDay(12, 1000, day([...repeat(7, 0.08), ...repeat(17, 0.24)]));
    expect(r.powerCostUsdPerDay).toBeCloseTo(4.64, 12);
    expect(r.profitUsdPerDay).toBeCloseTo(7.36, 12);
    expect(r.hoursMining).toBe(24);
    expect(r.breakEvenUsdPerKwh).toBeCloseTo(0.5, 12);
  });

  it('only profitable hours: the same schedule with revenue 4.8 USD/day mines the 7 cheap hours', () => {
    // 0.2 USD an hour. At 0.08: 0.2 − 0.08 = +0.12 (mine); at 0.24: 0.2 − 0.24 = −0.04 (off).
    // Mining 7 h: revenue 1.4, cost 0.56, profit 0.84. Mining all 24 h: 4.8 − 4.64 = 0.16.
    const prices = [...repeat(7, 0.08), ...repeat(17, 0.24)];
    const all = integrateDay(4.8, 1000, day(prices));
    const profitable = integrateDay(4.8, 1000, day(prices, { hoursMode: 'profitable' }));
    expect(all.profitUsdPerDay).toBeCloseTo(0.16, 12);
    expect(profitable.hoursMining).toBe(7);
    expect(profitable.revenueUsdPerDay).toBeCloseTo(1.4, 12);
    expect(profitable.powerCostUsdPerDay).toBeCloseTo(0.56, 12);
    expect(profitable.profitUsdPerDay).toBeCloseTo(0.84, 12);
    expect(profitable.hours.map((h) => h.mining)).toEqual([...repeat(7, 1), ...repeat(17, 0)].map(Boolean));
  });

  it('a spot day with negative hours: being paid to draw power lowers the cost', () => {
    // 500 W → 0.5 kWh an hour. 10 h at 0.10, 4 h at −0.05, 10 h at 0.32 USD/kWh.
    // All hours: cost = 0.5 × (1.0 − 0.2 + 3.2) = 2.0; revenue 3.6 → profit 1.6.
    // Break-even = 0.15 / 0.5 = 0.30 USD/kWh, so profitable-only drops the ten 0.32 hours:
    // revenue 0.15 × 14 = 2.1, cost 0.5 × (1.0 − 0.2) = 0.4, profit 1.7.
    const prices = [...repeat(10, 0.1), ...repeat(4, -0.05), ...repeat(10, 0.32)];
    const all = integrateDay(3.6, 500, day(prices));
    expect(all.powerCostUsdPerDay).toBeCloseTo(2.0, 12);
    expect(all.profitUsdPerDay).toBeCloseTo(1.6, 12);
    expect(all.hours[10]!.profitIfMiningUsd).toBeCloseTo(0.175, 12); // 0.15 + 0.5 × 0.05
    const profitable = integrateDay(3.6, 500, day(prices, { hoursMode: 'profitable' }));
    expect(profitable.hoursMining).toBe(14);
    expect(profitable.powerCostUsdPerDay).toBeCloseTo(0.4, 12);
    expect(profitable.profitUsdPerDay).toBeCloseTo(1.7, 12);
  });

  it('fixed cost and overhead', () => {
    // 1000 W + 10 % overhead → 1.1 kWh an hour, 26.4 kWh a day at 0.10 → 2.64 USD.
    // Fixed 1.5 USD/day. Revenue 5 → profit = 5 − 2.64 − 1.5 = 0.86.
    const r = integrateDay(5, 1000, day(repeat(24, 0.1), { overheadPercent: 10, fixedUsdPerDay: 1.5 }));
    expect(r.kwhPerHour).toBeCloseTo(1.1, 12);
    expect(r.powerCostUsdPerDay).toBeCloseTo(2.64, 12);
    expect(r.fixedCostUsdPerDay).toBe(1.5);
    expect(r.profitUsdPerDay).toBeCloseTo(0.86, 12);
  });

  it('fixed cost is paid even in hours the rig is off', () => {
    // Revenue 1.2/day = 0.05/h against 1 kWh at 0.10: every hour loses, so nothing is mined;
    // profit = −fixed = −2.
    const r = integrateDay(1.2, 1000, day(repeat(24, 0.1), { fixedUsdPerDay: 2, hoursMode: 'profitable' }));
    expect(r.hoursMining).toBe(0);
    expect(r.powerCostUsdPerDay).toBe(0);
    expect(r.profitUsdPerDay).toBe(-2);
  });

  it('heat credit: every kWh drawn is a kWh of heat', () => {
    // 1000 W, 24 kWh at 0.10 → cost 2.4; heat at 0.06 → credit 1.44. Revenue 2 → 2 − 2.4 + 1.44 = 1.04.
    const r = integrateDay(2, 1000, day(repeat(24, 0.1), { heatUsdPerKwh: 0.06 }));
    expect(r.heatCreditUsdPerDay).toBeCloseTo(1.44, 12);
    expect(r.profitUsdPerDay).toBeCloseTo(1.04, 12);
    // Without the credit each hour loses 0.0833 − 0.10; with it, it earns 0.0833 − 0.04: all mined.
    const profitable = integrateDay(2, 1000, day(repeat(24, 0.1), { heatUsdPerKwh: 0.06, hoursMode: 'profitable' }));
    expect(profitable.hoursMining).toBe(24);
    expect(integrateDay(2, 1000, day(repeat(24, 0.1), { hoursMode: 'profitable' })).hoursMining).toBe(0);
  });

  it('switches at the break-even price: just below mines, exactly at or above does not', () => {
    // Revenue 2.4/day = 0.1 USD an hour, 1 kWh an hour: break-even 0.10 USD/kWh.
    // 12 h at 0.0999 (+0.0001 each, mined), 6 h at 0.1 (0, off), 6 h at 0.1001 (off).
    // Profit = 12 × 0.0001 = 0.0012.
    const prices = [...repeat(12, 0.0999), ...repeat(6, 0.1), ...repeat(6, 0.1001)];
    const r = integrateDay(2.4, 1000, day(prices, { hoursMode: 'profitable' }));
    expect(r.breakEvenUsdPerKwh).toBeCloseTo(0.1, 12);
    expect(r.hoursMining).toBe(12);
    expect(r.profitUsdPerDay).toBeCloseTo(0.0012, 12);
  });

  it('with heat, break-even moves up by the heat price', () => {
    // 0.08 USD an hour, 1 kWh, heat 0.04: break-even = 0.08 + 0.04 = 0.12 USD/kWh.
    const r = integrateDay(1.92, 1000, day([0.1199, 0.12, 0.1201], { heatUsdPerKwh: 0.04, hoursMode: 'profitable' }));
    expect(r.breakEvenUsdPerKwh).toBeCloseTo(0.12, 12);
    expect(r.hours.map((h) => h.mining)).toEqual([true, false, false]);
  });

  it('a coin without a price: no revenue, no profit, the rig counted as running', () => {
    const r = integrateDay(null, 1000, day(repeat(24, 0.1), { hoursMode: 'profitable', fixedUsdPerDay: 1 }));
    expect(r.profitUsdPerDay).toBeNull();
    expect(r.revenueUsdPerDay).toBeNull();
    expect(r.hoursMining).toBe(24);
    expect(r.powerCostUsdPerDay).toBeCloseTo(2.4, 12);
  });

  it('never NaN: bad inputs count as zero', () => {
    const r = integrateDay(Number.NaN, Number.NaN, day([Number.NaN, Infinity], { overheadPercent: Number.NaN }));
    expect(r.profitUsdPerDay).toBeNull();
    expect(r.powerCostUsdPerDay).toBe(0);
  });
});
