// The best point flips from "max" to "efficient" as electricity gets dearer, on the catalog's one
// card with both points published (Radeon VII, Verthash, TeamRedMiner's tuning examples) and the
// embedded snapshot's VTC, the same case tests/e2e/tuning.embedded.spec.ts clicks through.
import { describe, expect, it } from 'vitest';
import { embeddedSnapshot } from '@/lib/snapshot/embedded';
import { getDevice } from '@/lib/hardware/catalog';
import { breakEvenUsdPerKwh, bestOperatingPoint, pointProfitUsdPerDay } from '@/lib/tuning/best';
import { revenueUsdPerHashDay, tuneRigForCoin } from '@/lib/tuning/coin';
import { operatingPointsOf } from '@/lib/tuning/points';

// VTC in hashrate.no's recording of 2024-03-16: emission 7,200 VTC/day, difficulty 38, k 2^32
// (vertcoin-core GetDifficulty), T 150 s, no block reward, so the difficulty basis with
// R = 7,200 × 150 / 86,400 = 12.5 VTC; $0.020337670831184; default pool fee 1 %:
//   coins per H/s per day = 7,200 × 150 / (38 × 2^32 = 163,208,757,248) = 6.6172920e-6;
//   r = 6.6172920e-6 × 0.99 × 0.020337670831184 = 1.3323450e-7 USD per H/s per day.
// Radeon VII on Verthash: efficient 1.508 MH/s at 123 W, max 1.802 MH/s at 183 W.
//   Extra revenue of max: (H_max − H_eff) × r = 294,000 × 1.3323450e-7 = 0.0391709 USD/day.
//   Extra power of max:   (W_max − W_eff) × 24 h = 60 W × 24 h = 1.44 kWh/day.
//   Break-even p = 0.0391709 / 1.44 = 0.0272020 USD/kWh.
// At 0.02 max earns 0.0391709 − 1.44 × 0.02 = +0.0103709 USD/day more; at 0.03 it earns
// 0.0391709 − 1.44 × 0.03 = −0.0040291, so efficient pays more.
const R_BY_HAND = ((7200 * 150) / (38 * 2 ** 32)) * 0.99 * 0.020337670831184;

describe('Radeon VII on VTC: max at cheap power, efficient at dear power', () => {
  const vtc = embeddedSnapshot().coins.find((c) => c.tag === 'VTC')!;
  const rate = getDevice('amd-radeon-vii')!.rates.find((r) => r.algorithm === 'verthash')!;
  const points = operatingPointsOf(rate);
  const [efficient, max] = points;

  it('reads the catalog row: its own figure is the efficient point, max is listed', () => {
    expect(points).toEqual([
      { label: 'efficient', hashrate: 1_508_000, watts: 123 },
      { label: 'max', hashrate: 1_802_000, watts: 183 },
    ]);
  });

  it('prices a hash as worked by hand', () => {
    expect(R_BY_HAND).toBeCloseTo(1.332345e-7, 13);
    expect(revenueUsdPerHashDay(vtc, 1)! / R_BY_HAND).toBeCloseTo(1, 9);
  });

  it('flips at the break-even price worked by hand', () => {
    const r = revenueUsdPerHashDay(vtc, 1)!;
    const flip = breakEvenUsdPerKwh(max!, efficient!, r)!;
    expect(flip).toBeCloseTo(0.027202, 6);
    expect(pointProfitUsdPerDay(max!, r, 0.02) - pointProfitUsdPerDay(efficient!, r, 0.02)).toBeCloseTo(0.0103709, 6);
    expect(pointProfitUsdPerDay(max!, r, 0.03) - pointProfitUsdPerDay(efficient!, r, 0.03)).toBeCloseTo(-0.0040291, 6);
    expect(bestOperatingPoint(points, r, 0.02)?.label).toBe('max');
    expect(bestOperatingPoint(points, r, flip - 1e-6)?.label).toBe('max');
    expect(bestOperatingPoint(points, r, flip + 1e-6)?.label).toBe('efficient');
    expect(bestOperatingPoint(points, r, 0.03)?.label).toBe('efficient');
  });

  it('the rig choice follows the price; tune=stock keeps the row’s own (efficient) figure', () => {
    const rig = { devices: [{ id: 'amd-radeon-vii', count: 2 }], powerLimits: {}, poolFeePercent: 1 };
    const cheap = tuneRigForCoin(vtc, { ...rig, tune: 'best', electricityUsdPerKwh: 0.02 })!;
    expect(cheap.choices[0]!.point.label).toBe('max');
    expect(cheap.hashrate).toBe(2 * 1_802_000);
    expect(cheap.watts).toBe(366);
    const dear = tuneRigForCoin(vtc, { ...rig, tune: 'best', electricityUsdPerKwh: 0.03 })!;
    expect(dear.choices[0]!.point.label).toBe('efficient');
    expect(dear.watts).toBe(246);
    expect(tuneRigForCoin(vtc, { ...rig, tune: 'stock', electricityUsdPerKwh: 0.02 })!.choices[0]!.point.label).toBe('efficient');
  });
});
