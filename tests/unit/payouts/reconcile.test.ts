import { describe, expect, it } from 'vitest';

import {
  blocksPerDay,
  estimatedCoinsPerDay,
  luckBand,
  poissonQuantile,
  reconcileDay,
  reconcilePeriod,
  type DayInput,
  type NetworkFigures,
} from '@/lib/payouts/reconcile';

// The worked case used across the payouts tests (and the e2e spec):
// network N = 1e11 H/s, block time T = 60 s, reward R = 10 coins, pool fee 1 %;
// the miner at H = 1e8 H/s holds H/N = 1/1000 of the network.
// Network blocks per day = 86400 / 60 = 1440; the miner's share = 1.44 blocks/day
// → 14.4 coins/day before the fee, 14.4 × 0.99 = 14.256 coins/day after it.
const NET: NetworkFigures = { difficulty: null, networkHashrate: 1e11, blockReward: 10, blockTimeSeconds: 60, workFactor: null };
const FEE = 1;

const week = (credited: number, overrides: Partial<DayInput> = {}): DayInput[] =>
  Array.from({ length: 7 }, (_, i) => ({
    date: `2026-11-2${i}`,
    hashrate: 1e8,
    creditedCoins: credited,
    history: NET,
    pool: null,
    poolHashrate: 1e10,
    ...overrides,
  }));

describe('blocksPerDay and estimatedCoinsPerDay', () => {
  it('H/N × 86400/T: 1e8 / 1e11 × 1440 = 1.44 blocks/day; × 10 × 0.99 = 14.256 coins', () => {
    expect(blocksPerDay(1e8, NET)).toBeCloseTo(1.44, 12);
    expect(estimatedCoinsPerDay(1e8, NET, FEE)).toBeCloseTo(14.256, 12);
  });

  it('from difficulty when N or T is missing: H × 86400 × R / (D × k)', () => {
    // D = 1e4, k = 2^32: one block is 4.294967296e13 hashes; 1e8 H/s × 86400 s = 8.64e12 hashes
    // → 8.64e12 / 4.294967296e13 = 0.201166... blocks/day × 10 coins = 2.01166... coins (no fee)
    const figures: NetworkFigures = { difficulty: 1e4, networkHashrate: null, blockReward: 10, blockTimeSeconds: null, workFactor: 2 ** 32 };
    expect(estimatedCoinsPerDay(1e8, figures, 0)).toBeCloseTo((8.64e12 / 4.294967296e13) * 10, 12);
  });

  it('refuses incomplete figures and impossible fees instead of returning NaN', () => {
    expect(blocksPerDay(1e8, { ...NET, networkHashrate: 0, difficulty: null })).toBeNull();
    expect(estimatedCoinsPerDay(1e8, { ...NET, blockReward: null }, FEE)).toBeNull();
    expect(estimatedCoinsPerDay(1e8, NET, 101)).toBeNull();
    expect(estimatedCoinsPerDay(Number.NaN, NET, FEE)).toBeNull();
  });
});

describe('reconcileDay', () => {
  it('uses our history first and gives the ratio: 13.5 / 14.256 = 0.94697', () => {
    const day = reconcileDay({ ...week(13.5)[0]!, pool: { ...NET, networkHashrate: 5e10 } }, FEE);
    expect(day.basis).toBe('history');
    expect(day.status).toBe('ok');
    expect(day.estimatedCoins).toBeCloseTo(14.256, 10);
    expect(day.ratio).toBeCloseTo(13.5 / 14.256, 10);
    // The pool at 1e10 H/s is 1/10 of the network: 144 blocks that day.
    expect(day.expectedPoolBlocks).toBeCloseTo(144, 10);
  });

  it("falls back to the pool's own record, stated as 'pool'", () => {
    // The pool records N = 5e10: the miner's share doubles → 28.512 coins/day.
    const day = reconcileDay({ ...week(13.5)[0]!, history: null, pool: { ...NET, networkHashrate: 5e10 } }, FEE);
    expect(day.basis).toBe('pool');
    expect(day.estimatedCoins).toBeCloseTo(28.512, 10);
  });

  it('marks a day with neither record instead of filling it', () => {
    const day = reconcileDay({ ...week(13.5)[0]!, history: null, pool: null }, FEE);
    expect(day).toMatchObject({ status: 'no-network-figures', basis: null, estimatedCoins: null, ratio: null, creditedCoins: 13.5 });
  });

  it('a day without credit data has an estimate but no ratio', () => {
    const day = reconcileDay({ ...week(13.5)[0]!, creditedCoins: null }, FEE);
    expect(day).toMatchObject({ status: 'no-credit', ratio: null });
    expect(day.estimatedCoins).toBeCloseTo(14.256, 10);
  });
});

describe('poissonQuantile and luckBand', () => {
  it('λ = 4, exact: P(X≤0) = e⁻⁴ = 0.0183 < 0.025 ≤ P(X≤1) = 5e⁻⁴ = 0.0916 → 1; P(X≤7) = 0.9489 < 0.975 ≤ P(X≤8) = 0.9786 → 8', () => {
    expect(poissonQuantile(0.025, 4)).toBe(1);
    expect(poissonQuantile(0.975, 4)).toBe(8);
    // band = [1/4, 8/4]
    expect(luckBand(4)).toEqual({ low: 0.25, high: 2 });
  });

  it('λ = 1008 (normal form): 1008 ∓ 1.96·√1008 + (1.96² − 1)/6 = 1008 ∓ 62.228 + 0.474 → 946 and 1071', () => {
    expect(poissonQuantile(0.025, 1008)).toBe(946);
    expect(poissonQuantile(0.975, 1008)).toBe(1071);
    const band = luckBand(1008)!;
    expect(band.low).toBeCloseTo(946 / 1008, 12); // 0.93849
    expect(band.high).toBeCloseTo(1071 / 1008, 12); // 1.0625
  });

  it('matches the exact quantile at the switch-over within one block (λ = 500: 457 and 544 exact)', () => {
    // scipy.stats.poisson.ppf([0.025, 0.975], 500) = [457, 544]; at 501 = [458, 545]
    expect(poissonQuantile(0.025, 500)).toBe(457);
    expect(poissonQuantile(0.975, 500)).toBe(544);
    expect(Math.abs(poissonQuantile(0.025, 501) - 458)).toBeLessThanOrEqual(1);
  });

  it('has no band without expected blocks', () => {
    expect(luckBand(0)).toBeNull();
    expect(luckBand(Number.NaN)).toBeNull();
  });
});

describe('reconcilePeriod: seven days at 1e8 H/s, pool at 1e10 H/s', () => {
  it('paid 13.5 a day: realised ÷ estimated = 94.5 / 99.792 = 0.94697, within the luck band', () => {
    // Σ estimated = 7 × 14.256 = 99.792; Σ credited = 7 × 13.5 = 94.5.
    // λ = 7 days × 144 pool blocks = 1008 → band [0.9385, 1.0625] (above).
    const period = reconcilePeriod(week(13.5), FEE);
    expect(period.estimatedCoins).toBeCloseTo(99.792, 10);
    expect(period.creditedCoins).toBeCloseTo(94.5, 10);
    expect(period.realisedOverEstimated).toBeCloseTo(0.946969, 5);
    expect(period.expectedBlocks).toBeCloseTo(1008, 8);
    expect(period.luckBasis).toBe('pool');
    expect(period.luckBand?.low).toBeCloseTo(0.93849, 5);
    expect(period.verdict).toBe('within');
  });

  it('paid 40 % less (8.5536 a day = 0.6 × 14.256): ratio 0.6 is below the band, flagged', () => {
    const period = reconcilePeriod(week(8.5536), FEE);
    expect(period.realisedOverEstimated).toBeCloseTo(0.6, 10);
    expect(period.verdict).toBe('below');
  });

  it("without the pool's hashrate the band is the miner's own blocks: λ = 7 × 1.44 = 10.08, too wide to flag 0.6", () => {
    // Poisson(10.08): 2.5 % point 4, 97.5 % point 17 → [0.397, 1.687]; 0.6 is inside.
    const period = reconcilePeriod(week(8.5536, { poolHashrate: null }), FEE);
    expect(period.luckBasis).toBe('miner');
    expect(period.expectedBlocks).toBeCloseTo(10.08, 10);
    expect(period.luckBand?.low).toBeCloseTo(4 / 10.08, 10);
    expect(period.luckBand?.high).toBeCloseTo(17 / 10.08, 10);
    expect(period.verdict).toBe('within');
  });

  it('leaves days without figures out of both sums', () => {
    const days = week(13.5);
    days[3] = { ...days[3]!, history: null };
    const period = reconcilePeriod(days, FEE);
    expect(period.days[3]?.status).toBe('no-network-figures');
    expect(period.estimatedCoins).toBeCloseTo(6 * 14.256, 10);
    expect(period.creditedCoins).toBeCloseTo(6 * 13.5, 10);
  });

  it('has no ratio and no band when nothing can be estimated', () => {
    const period = reconcilePeriod(week(13.5, { history: null }), FEE);
    expect(period).toMatchObject({ realisedOverEstimated: null, luckBand: null, verdict: null, expectedBlocks: null });
  });
});
