import { describe, expect, it } from 'vitest';
import { powerLimitPercents, profitByPowerLimit } from '@/lib/tuning/power-limit-series';

const MH = 1e6;
// Radeon VII on Autolykos2: stock 237.5 MH/s at 145 W, max 268.2 MH/s at 183 W.
const radeon = {
  device: 'amd-radeon-vii',
  count: 1,
  points: [
    { label: 'stock', hashrate: 237.5 * MH, watts: 145 },
    { label: 'max', hashrate: 268.2 * MH, watts: 183 },
  ],
};
const r = 2e-9; // USD per H/s per day

describe('profit against power limit', () => {
  it('steps to where the curve stops rising: 183 / 145 = 126.2 % → 127', () => {
    const percents = powerLimitPercents([radeon]);
    expect(percents[0]).toBe(30);
    expect(percents.at(-1)).toBe(127);
    expect(percents).toContain(100);
  });

  it('is worked by hand at 100 % and at the top, and marks the best', () => {
    const { points, best } = profitByPowerLimit([radeon], r, 0.06);
    // 100 %: 2e-9 × 237.5e6 − 145 × 0.024 × 0.06 = 0.475 − 0.2088 = 0.2662.
    expect(points.find((p) => p.percent === 100)?.profitUsdPerDay).toBeCloseTo(0.2662, 12);
    // 127 % = 184.15 W, capped at 183 W: 0.5364 − 0.26352 = 0.27288; the best below the break-even 0.0673.
    expect(best).toMatchObject({ percent: 127, watts: 183 });
    expect(best?.profitUsdPerDay).toBeCloseTo(0.27288, 12);
    // Above the break-even price the stock power (100 %) is best: 0.475 − 3.48 × 0.07 = 0.2314.
    expect(profitByPowerLimit([radeon], r, 0.07).best).toMatchObject({ percent: 100 });
    // 50 %: half of stock on the line to the origin: 0.5 × 0.2662 = 0.1331.
    expect(points.find((p) => p.percent === 50)?.profitUsdPerDay).toBeCloseTo(0.1331, 12);
  });

  it('is empty without a revenue figure', () => {
    expect(profitByPowerLimit([radeon], null, 0.1)).toEqual({ points: [], best: null });
  });
});
