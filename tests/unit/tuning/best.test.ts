import { describe, expect, it } from 'vitest';
import { bestOperatingPoint, breakEvenUsdPerKwh, pointProfitUsdPerDay } from '@/lib/tuning/best';
import { chooseRigPoints } from '@/lib/tuning/rig';

const MH = 1e6;
const stock = { label: 'stock', hashrate: 237.5 * MH, watts: 145 };
const max = { label: 'max', hashrate: 268.2 * MH, watts: 183 };
// A coin paying $0.002 per MH/s per day: r = 2e-9 USD per H/s per day.
const r = 2e-9;

describe('best operating point at an electricity price', () => {
  it('weighs revenue against power, worked by hand', () => {
    // stock: 2e-9 × 237.5e6 = 0.475 USD/day revenue; 145 W × 0.024 = 3.48 kWh/day.
    // max:   2e-9 × 268.2e6 = 0.5364;                   183 W × 0.024 = 4.392 kWh/day.
    expect(pointProfitUsdPerDay(stock, r, 0.06)).toBeCloseTo(0.475 - 3.48 * 0.06, 12); // 0.2662
    expect(pointProfitUsdPerDay(max, r, 0.06)).toBeCloseTo(0.5364 - 4.392 * 0.06, 12); // 0.27288
    expect(bestOperatingPoint([stock, max], r, 0.06)).toBe(max);
    // At 0.07: stock 0.475 − 0.2436 = 0.2314 beats max 0.5364 − 0.30744 = 0.22896.
    expect(bestOperatingPoint([stock, max], r, 0.07)).toBe(stock);
  });

  it('flips at the break-even price, worked by hand', () => {
    // p = r × Δh / (0.024 × Δw) = 2e-9 × 30.7e6 / (0.024 × 38) = 0.0614 / 0.912 = 0.06732456… USD/kWh.
    const flip = breakEvenUsdPerKwh(max, stock, r)!;
    expect(flip).toBeCloseTo(0.0614 / 0.912, 12);
    expect(bestOperatingPoint([stock, max], r, flip - 1e-6)).toBe(max);
    expect(bestOperatingPoint([stock, max], r, flip + 1e-6)).toBe(stock);
    expect(breakEvenUsdPerKwh(stock, max, r)).toBeCloseTo(flip, 12);
  });

  it('has no break-even when one point dominates, and keeps stock without a price', () => {
    const efficient = { label: 'efficient', hashrate: 68.62 * MH, watts: 80 };
    const wtm = { label: 'stock', hashrate: 59.5 * MH, watts: 120 };
    expect(breakEvenUsdPerKwh(efficient, wtm, r)).toBeNull();
    expect(breakEvenUsdPerKwh(stock, { ...stock, label: 'x' }, r)).toBeNull();
    expect(bestOperatingPoint([wtm, efficient], r, 0)).toBe(efficient);
    expect(bestOperatingPoint([stock, max], null, 0.5)).toBe(stock);
    expect(bestOperatingPoint([stock, max], Number.NaN, 0.5)).toBe(stock);
    expect(bestOperatingPoint([], r, 0.1)).toBeNull();
  });

  it('at a price of zero, takes the most hashrate; ties go to less power', () => {
    expect(bestOperatingPoint([stock, max], r, 0)).toBe(max);
    const same = { label: 'efficient', hashrate: max.hashrate, watts: 150 };
    expect(bestOperatingPoint([stock, max, same], r, 0)).toBe(same);
  });
});

describe('rig choice: per device, summed', () => {
  const radeon = { device: 'amd-radeon-vii', count: 2, points: [stock, max] };
  const single = { device: 'amd-rx-5700-xt', count: 1, points: [{ label: 'stock', hashrate: 108.8 * MH, watts: 84 }] };

  it('sums the chosen points × counts', () => {
    // At 0.06 each Radeon VII runs "max": 2 × 268.2 + 108.8 = 645.2 MH/s; 2 × 183 + 84 = 450 W.
    const chosen = chooseRigPoints([radeon, single], { mode: 'best', revenueUsdPerHashDay: r, electricityUsdPerKwh: 0.06 });
    expect(chosen.hashrate / MH).toBeCloseTo(645.2, 9);
    expect(chosen.watts).toBe(450);
    expect(chosen.choices.map((c) => c.point.label)).toEqual(['max', 'stock']);
  });

  it('tune=stock keeps stock; a power limit wins over both', () => {
    const stockOnly = chooseRigPoints([radeon], { mode: 'stock', revenueUsdPerHashDay: r, electricityUsdPerKwh: 0.06 });
    expect(stockOnly.choices[0]!.point).toBe(stock);
    // 70 % of 145 W = 101.5 W → 166.25 MH/s, × 2.
    const limited = chooseRigPoints([radeon], {
      mode: 'best',
      revenueUsdPerHashDay: r,
      electricityUsdPerKwh: 0.06,
      powerLimits: { 'amd-radeon-vii': 70 },
    });
    expect(limited.choices[0]!.point).toMatchObject({ label: 'pl-70', powerLimitPercent: 70 });
    expect(limited.hashrate / MH).toBeCloseTo(332.5, 9);
    expect(limited.watts).toBeCloseTo(203, 12);
  });
});

describe('effective price under a tariff', () => {
  it('is (1 + overhead) × (mean hourly price − heat credit), worked by hand', async () => {
    const { effectiveUsdPerKwh } = await import('@/lib/tuning/coin');
    // Hours at 0.10 and 0.20: mean 0.15; heat worth 0.05; 10 % overhead → 1.1 × 0.10 = 0.11.
    expect(effectiveUsdPerKwh({ hourPricesUsdPerKwh: [0.1, 0.2], overheadPercent: 10, heatUsdPerKwh: 0.05 })).toBeCloseTo(0.11, 12);
    expect(effectiveUsdPerKwh({ hourPricesUsdPerKwh: [], overheadPercent: 10, heatUsdPerKwh: 0 })).toBe(0);
  });
});
