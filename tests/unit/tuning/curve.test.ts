import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { curveVertices, hashrateAtPower, pointAtPowerLimit } from '@/lib/tuning/curve';

const MH = 1e6;
// Radeon VII on Autolykos2, TeamRedMiner doc/AUTOLYKOS_TUNING.txt (Linux): 1500 MHz 237.5 MH/s at
// 145 W (the catalog's stock point), 1700 MHz 268.2 MH/s at 183 W (its "max" point).
const RADEON_VII = [
  { watts: 145, hashrate: 237.5 * MH },
  { watts: 183, hashrate: 268.2 * MH },
];

describe('power-limit curve (upper concave hull through the origin, flat past its peak)', () => {
  it('passes through every published point on the hull', () => {
    for (const p of RADEON_VII) expect(hashrateAtPower(RADEON_VII, p.watts)).toBeCloseTo(p.hashrate, 0);
    expect(curveVertices(RADEON_VII)).toEqual(RADEON_VII);
  });

  it('interpolates linearly between points, worked by hand', () => {
    // 164 W is halfway from 145 to 183 W: 237.5 + 0.5 × (268.2 − 237.5) = 252.85 MH/s.
    expect(hashrateAtPower(RADEON_VII, 164) / MH).toBeCloseTo(252.85, 9);
    // Below the lowest point the curve is the line to the origin: 101.5 W = 70 % of 145 W → 70 % of 237.5 = 166.25.
    expect(hashrateAtPower(RADEON_VII, 101.5) / MH).toBeCloseTo(166.25, 9);
    // Past the highest point nothing is extrapolated.
    expect(hashrateAtPower(RADEON_VII, 400) / MH).toBeCloseTo(268.2, 9);
    expect(hashrateAtPower(RADEON_VII, 0)).toBe(0);
    expect(hashrateAtPower(RADEON_VII, -5)).toBe(0);
    expect(hashrateAtPower(RADEON_VII, Number.NaN)).toBe(0);
  });

  it('drops a point under the hull and stays above it', () => {
    // (100 W, 50) lies under the chord from the origin to (150 W, 90), which gives 60 at 100 W.
    const points = [
      { watts: 100, hashrate: 50 },
      { watts: 150, hashrate: 90 },
      { watts: 200, hashrate: 100 },
    ];
    expect(curveVertices(points)).toEqual([points[1], points[2]]);
    expect(hashrateAtPower(points, 100)).toBeCloseTo(60, 12);
    // 175 W: 90 + 0.5 × 10 = 95.
    expect(hashrateAtPower(points, 175)).toBeCloseTo(95, 12);
  });

  it('keeps only the monotone part: a point with more power and less hashrate is dominated', () => {
    // RX 580 8GB on Autolykos2: WhatToMine's stock 59.5 MH/s at 120 W; TeamRedMiner's tuned
    // Nitro+ 580 68.62 MH/s at 80 W. The tuned point has more hashrate for less power.
    const rx580 = [
      { watts: 120, hashrate: 59.5 * MH },
      { watts: 80, hashrate: 68.62 * MH },
    ];
    expect(curveVertices(rx580)).toEqual([rx580[1]]);
    expect(hashrateAtPower(rx580, 120) / MH).toBeCloseTo(68.62, 9);
    // A 100 % limit of the stock 120 W is a ceiling: the curve's best needs only 80 W.
    expect(pointAtPowerLimit(rx580, 120, 100)).toEqual({ watts: 80, hashrate: 68.62 * MH });
  });

  it('reads a power limit as percent of the stock power', () => {
    // 70 % of 145 W = 101.5 W → 166.25 MH/s (above); 120 % = 174 W → 237.5 + 29/38 × 30.7 = 260.92895 MH/s.
    expect(pointAtPowerLimit(RADEON_VII, 145, 70)!.watts).toBeCloseTo(101.5, 12);
    expect(pointAtPowerLimit(RADEON_VII, 145, 70)!.hashrate / MH).toBeCloseTo(166.25, 9);
    expect(pointAtPowerLimit(RADEON_VII, 145, 120)!.hashrate / MH).toBeCloseTo(260.92895, 4);
    // 150 % = 217.5 W: capped at the last published point, 183 W.
    expect(pointAtPowerLimit(RADEON_VII, 145, 150)).toEqual({ watts: 183, hashrate: 268.2 * MH });
    expect(pointAtPowerLimit([], 145, 70)).toBeNull();
    expect(pointAtPowerLimit(RADEON_VII, 145, Number.NaN)).toBeNull();
  });

  it('is monotone and concave for any set of points, and never below a published point', () => {
    const point = fc.record({
      watts: fc.double({ min: 1, max: 5000, noNaN: true }),
      hashrate: fc.double({ min: 1, max: 1e12, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 6 }), (points) => {
        const top = Math.max(...points.map((p) => p.watts)) * 1.2;
        const xs = Array.from({ length: 41 }, (_, i) => (top * i) / 40);
        const ys = xs.map((x) => hashrateAtPower(points, x));
        const scale = Math.max(...points.map((p) => p.hashrate));
        for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(-1e-9 * scale);
        // Concave on an even grid: second differences never positive.
        for (let i = 2; i < ys.length; i++) expect(ys[i]! - 2 * ys[i - 1]! + ys[i - 2]!).toBeLessThanOrEqual(1e-9 * scale);
        for (const p of points) expect(hashrateAtPower(points, p.watts)).toBeGreaterThanOrEqual(p.hashrate * (1 - 1e-12));
      }),
    );
  });
});
