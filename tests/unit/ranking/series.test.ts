import { describe, expect, it } from 'vitest';
import { profitSeries, withGaps } from '@/lib/ranking/series';

const MIN = 60_000;

describe('withGaps', () => {
  it('breaks the line where points are missing, not elsewhere', () => {
    // Points every 5 min, then nothing for 2 h: one null between 10:10 and 12:10.
    const at = (m: number) => Date.UTC(2026, 10, 24, 10, 0) + m * MIN;
    const points = [0, 5, 10, 130, 135].map((m) => ({ at: at(m), value: m }));
    const out = withGaps(points);
    expect(out.map((p) => p.value)).toEqual([0, 5, 10, null, 130, 135]);
    expect(out[3]!.at).toBe(at(70));
  });

  it('leaves a regular series alone and sorts it', () => {
    const points = [3, 1, 2].map((i) => ({ at: i * 5 * MIN, value: i }));
    expect(withGaps(points).map((p) => p.value)).toEqual([1, 2, 3]);
  });
});

describe('profitSeries', () => {
  it('prices each recorded moment with its own difficulty and price', () => {
    // RVN-like: k = 2^32, R = 2500. At D = 85,166 and $0.03, 100 MH/s mines
    // 100e6 × 86400 × 2500 / (85,166 × 2^32) = 59.05 RVN/day = $1.7715; 250 W at $0.10 = $0.60.
    const coin = { blockTimeSeconds: 60, blockReward: 2500, difficulty: 85_166, networkHashrate: null, emissionPerDay: null, workFactor: 2 ** 32, priceUsd: 0.03, priceBtc: null };
    const rig = { hashrate: 100e6, powerWatts: 250, electricityUsdPerKwh: 0.1, poolFeePercent: 0 };
    const out = profitSeries(coin, [
      { at: 1, difficulty: 85_166, networkHashrate: null, priceUsd: 0.03, blockReward: null },
      { at: 2, difficulty: 170_332, networkHashrate: null, priceUsd: 0.03, blockReward: null }, // twice as hard
      { at: 3, difficulty: 85_166, networkHashrate: null, priceUsd: null, blockReward: null }, // no price recorded
    ], rig);
    expect(out[0]!.value).toBeCloseTo(1.7715 - 0.6, 3);
    expect(out[1]!.value).toBeCloseTo(1.7715 / 2 - 0.6, 3);
    expect(out[2]!.value).toBeNull();
  });
});
