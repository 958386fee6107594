// lib/pools/math.ts and lib/pools/blocks.ts: every figure worked by hand in the comment beside it.
import { describe, expect, it } from 'vitest';

import { summarizeBlocks, type PoolBlock } from '@/lib/pools/blocks';
import {
  bestPoolIndex,
  expectedPaidCoinsPerDay,
  payoutOdds,
  poissonAtLeast,
  poolFigures,
  poolNetworkHashrate,
  type PoolRig,
} from '@/lib/pools/math';
import type { CoinFigures } from '@/lib/mining/profit';
import type { PoolStats } from '@/lib/model/pools';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

// A small k = 1 coin: D = 1000, T = 10 s, so N = D × k / T = 100 H/s; reward 10 coins; $2 a coin.
const COIN: CoinFigures = {
  blockTimeSeconds: 10,
  blockReward: 10,
  difficulty: 1000,
  networkHashrate: 100,
  emissionPerDay: null,
  workFactor: 1,
  priceUsd: 2,
  priceBtc: null,
};
const RIG: PoolRig = { hashrate: 5, powerWatts: 0, electricityUsdPerKwh: 0.1, flatFeePercent: 1 };

function pool(patch: Partial<PoolStats> = {}): PoolStats {
  return {
    tag: 'TEST',
    kind: 'miningcore',
    url: 'http://pool.test',
    poolId: 'test1',
    feePercent: 2,
    payoutScheme: 'PPLNS',
    minimumPayout: 100,
    poolHashrate: 30,
    miners: 10,
    networkHashrate: 100,
    networkDifficulty: 1000,
    lastBlockAt: ago(10),
    blocks24h: 100,
    blocks24hAtLeast: false,
    effortPercent: 100,
    orphanRate: 0,
    settledBlocks: 20,
    ...patch,
  };
}

describe('poissonAtLeast', () => {
  it.each([
    // P(X ≥ 1) = 1 − e^−1 = 1 − 0.36787944 = 0.63212056
    [1, 1, 0.6321205588],
    // P(X ≥ 2) = 1 − e^−1 (1 + 1) = 1 − 0.73575888 = 0.26424112
    [2, 1, 0.2642411177],
    // P(X ≥ 3) for λ = 2: 1 − e^−2 (1 + 2 + 2) = 1 − 5 × 0.13533528 = 0.32332358
    [3, 2, 0.3233235838],
    // Nothing needed: certain. Nothing expected: never.
    [0, 5, 1],
    [1, 0, 0],
  ])('P(X ≥ %d) with λ = %d is %d', (n, lambda, expected) => {
    expect(poissonAtLeast(n, lambda)).toBeCloseTo(expected, 9);
  });

  it('stays exact where e^−λ underflows (λ = 1000)', () => {
    // P(X ≥ 1) = 1 − e^−1000 = 1 in doubles; P(X ≥ λ) is a little over one half for a large λ
    // (the Poisson median is about λ − 1/3): 0.5 < P < 0.52.
    expect(poissonAtLeast(1, 1000)).toBe(1);
    const half = poissonAtLeast(1000, 1000)!;
    expect(half).toBeGreaterThan(0.5);
    expect(half).toBeLessThan(0.52);
  });

  it('refuses nonsense rather than answer NaN', () => {
    expect(poissonAtLeast(1, Number.NaN)).toBeNull();
    expect(poissonAtLeast(1, -1)).toBeNull();
  });
});

describe('poolFigures', () => {
  it('works a PPLNS pool with every warning by hand', () => {
    // Pool P = 45 H/s, fee 2 %, minimum 100 coins, last block 100 s ago, 10 % of 10 blocks orphaned.
    const figures = poolFigures(pool({ poolHashrate: 45, lastBlockAt: ago(100), orphanRate: 0.1, settledBlocks: 10 }), COIN, RIG, NOW);
    // coins/day = H × 86400 × R / (D × k) × (1 − fee) = 5 × 86400 × 10 / 1000 × 0.98 = 4320 × 0.98 = 4233.6
    expect(figures.coinsPerDay).toBeCloseTo(4233.6, 9);
    expect(figures.feePercentUsed).toBe(2);
    expect(figures.feeFrom).toBe('pool');
    // revenue = 4233.6 × $2 = $8467.20
    expect(figures.revenueUsdPerDay).toBeCloseTo(8467.2, 9);
    // days to minimum = 100 / 4233.6 = 0.02362056
    expect(figures.daysToMinimumPayout).toBeCloseTo(0.02362056, 8);
    // network share = 45 / 100
    expect(figures.networkShare).toBeCloseTo(0.45, 12);
    // expected pool block = D × k / P = 1000 / 45 = 22.222 s
    expect(figures.expectedSecondsPerPoolBlock).toBeCloseTo(22.2222222, 6);
    // Odds: each pool block pays R × 0.98 × H / (P + H) = 10 × 0.98 × 5/50 = 0.98, so n = ⌈100/0.98⌉ =
    // 103 blocks; one per 1000/50 = 20 s, λ = 7 × 86400 / 20 = 30240 blocks a week: certain.
    expect(figures.payoutWithinWeek).toBe(1);
    expect(figures.warnings).toEqual([
      // 0.45 > 0.40: a warning, not yet red.
      { code: 'pool-majority', level: 'warn', networkShare: 0.45, threshold: 0.4 },
      // 100 s since the last block > 3 × 22.22 s = 66.67 s.
      { code: 'pool-overdue', sinceSeconds: 100, expectedSeconds: 1000 / 45, factor: 3 },
      // 10 % > 5 % over 10 settled blocks.
      { code: 'high-orphan-rate', orphanRate: 0.1, threshold: 0.05, settledBlocks: 10 },
    ]);
  });

  it('turns red above half the network, and quiet below 40 %', () => {
    // 55 / 100 = 0.55 > 0.50.
    expect(poolFigures(pool({ poolHashrate: 55 }), COIN, RIG, NOW).warnings).toContainEqual({
      code: 'pool-majority',
      level: 'danger',
      networkShare: 0.55,
      threshold: 0.5,
    });
    // 40 / 100 = 0.40 is not above 0.40; last block 10 s ago < 3 × 1000/40 = 75 s.
    expect(poolFigures(pool({ poolHashrate: 40 }), COIN, RIG, NOW).warnings).toEqual([]);
  });

  it('flags a minimum payout beyond 30 days', () => {
    // 200000 coins at 4233.6 a day = 47.24 days > 30.
    const far = poolFigures(pool({ minimumPayout: 200_000 }), COIN, RIG, NOW);
    expect(far.daysToMinimumPayout).toBeCloseTo(47.2411, 4);
    expect(far.warnings).toEqual([{ code: 'payout-unreachable', daysToMinimumPayout: 200_000 / 4233.6, limitDays: 30 }]);
    // 120000 coins: 28.34 days, within 30.
    expect(poolFigures(pool({ minimumPayout: 120_000 }), COIN, RIG, NOW).warnings).toEqual([]);
  });

  it('uses the flat fee where the pool publishes none, and says so', () => {
    // 4320 × (1 − 0.01) = 4276.8
    const figures = poolFigures(pool({ feePercent: null }), COIN, RIG, NOW);
    expect(figures.feeFrom).toBe('flat');
    expect(figures.feePercentUsed).toBe(1);
    expect(figures.coinsPerDay).toBeCloseTo(4276.8, 9);
  });

  it('gives no rig figures (never NaN) when the rig has no hashrate on the algorithm', () => {
    const figures = poolFigures(pool(), COIN, { ...RIG, hashrate: 0 }, NOW);
    expect(figures.coinsPerDay).toBeNull();
    expect(figures.revenueUsdPerDay).toBeNull();
    expect(figures.daysToMinimumPayout).toBeNull();
    expect(figures.payoutWithinWeek).toBeNull();
    // The pool's own figures stay: 30 / 100.
    expect(figures.networkShare).toBeCloseTo(0.3, 12);
  });

  it('measures the share against the chain first, then difficulty, then the pool', () => {
    // The coin says N = 100.
    expect(poolNetworkHashrate(COIN, { networkHashrate: 999 })).toBe(100);
    // No N: D × k / T = 1000 / 10 = 100.
    expect(poolNetworkHashrate({ ...COIN, networkHashrate: null }, { networkHashrate: 999 })).toBe(100);
    // Neither: the pool's view.
    expect(poolNetworkHashrate({ ...COIN, networkHashrate: null, difficulty: null }, { networkHashrate: 999 })).toBe(999);
  });
});

describe('payoutOdds', () => {
  // A coin where the 10 H/s rig alone expects one block a week: D × k / H = 6,048,000 / 10 = 604,800 s.
  const WEEKLY: CoinFigures = { ...COIN, difficulty: 6_048_000, networkHashrate: null, blockTimeSeconds: 600 };

  it('SOLO: the rig must find the blocks itself', () => {
    // One block (reward 10 ≥ minimum 5): λ = 1, P = 1 − e^−1 = 0.63212056.
    expect(payoutOdds(7, 'SOLO', WEEKLY, 10, null, 0, 5, null)).toBeCloseTo(0.6321205588, 9);
    // Minimum 15 needs ⌈15/10⌉ = 2 blocks: P = 1 − 2e^−1 = 0.26424112.
    expect(payoutOdds(7, 'SOLO', WEEKLY, 10, null, 0, 15, null)).toBeCloseTo(0.2642411177, 9);
  });

  it('PPLNS: the pool’s blocks, shared by hashrate', () => {
    // Pool 30 + rig 10 = 40 H/s: one block per 6,048,000/40 = 151,200 s, λ = 604,800/151,200 = 4.
    // Each pays the rig 10 × 10/40 = 2.5 coins; minimum 5 needs 2 blocks: P = 1 − e^−4 (1 + 4) = 0.90842181.
    expect(payoutOdds(7, 'PPLNS', WEEKLY, 10, 30, 0, 5, null)).toBeCloseTo(0.9084218056, 9);
    // Unknown pool hashrate: no odds.
    expect(payoutOdds(7, 'PPLNS', WEEKLY, 10, null, 0, 5, null)).toBeNull();
  });

  it('PPS: paid as earned, so certain when the minimum comes within the week, else not', () => {
    expect(payoutOdds(7, 'PPS', WEEKLY, 10, 30, 0, 5, 6.9)).toBe(1);
    expect(payoutOdds(7, 'pps', WEEKLY, 10, 30, 0, 5, 7.1)).toBe(0);
  });
});

describe('bestPoolIndex', () => {
  it('picks the most paid after fee and orphans, passing over overdue and out-of-reach pools', () => {
    const rows = [
      // 4320 × 0.98 = 4233.6, less 10 % orphaned = 3810.24
      pool({ feePercent: 2, orphanRate: 0.1 }),
      // 4320 × 0.985 = 4255.2, no orphans: the best
      pool({ feePercent: 1.5, orphanRate: 0 }),
      // 4320 × 0.995 = 4298.4, but its last block is 1 day old (> 3 × 1000/30 s): overdue
      pool({ feePercent: 0.5, lastBlockAt: ago(86_400) }),
      // 4320 coins, but a minimum of 1e6 coins is 231.5 days away
      pool({ feePercent: 0, minimumPayout: 1e6 }),
    ].map((p) => ({ pool: p, figures: poolFigures(p, COIN, RIG, NOW) }));
    expect(expectedPaidCoinsPerDay(rows[0]!.pool, rows[0]!.figures)).toBeCloseTo(3810.24, 9);
    expect(bestPoolIndex(rows)).toBe(1);
    // PPS carries the orphan risk itself: 4233.6 counts in full.
    expect(expectedPaidCoinsPerDay({ orphanRate: 0.1, payoutScheme: 'PPS' }, rows[0]!.figures)).toBeCloseTo(4233.6, 9);
  });

  it('breaks a tie by pool size, and finds none among no candidates', () => {
    const small = pool({ poolHashrate: 10 });
    const large = pool({ poolHashrate: 20 });
    const rows = [small, large].map((p) => ({ pool: p, figures: poolFigures(p, COIN, RIG, NOW) }));
    expect(bestPoolIndex(rows)).toBe(1);
    expect(bestPoolIndex([])).toBeNull();
  });
});

describe('summarizeBlocks', () => {
  const block = (status: PoolBlock['status'], secondsAgo: number | null, effort: number | null): PoolBlock => ({
    status,
    foundAtMs: secondsAgo === null ? null : NOW - secondsAgo * 1000,
    effort,
  });

  it('counts 24 h, mean effort and the orphan rate by hand', () => {
    const summary = summarizeBlocks(
      [block('pending', 60, 0.5), block('confirmed', 3600, 1.5), block('orphaned', 90_000, 1.0), block('confirmed', 100_000, null)],
      NOW,
    );
    // Last block 60 s ago; 2 within 24 h (60 s, 3600 s); effort (0.5 + 1.5 + 1.0) / 3 = 100 %;
    // orphans 1 of the 3 settled (the pending one is not settled).
    expect(summary).toEqual({
      lastBlockAt: ago(60),
      blocks24h: 2,
      blocks24hAtLeast: false,
      effortPercent: 100,
      orphanRate: 1 / 3,
      settledBlocks: 3,
    });
  });

  it('says when a full page is all inside 24 h (a lower bound), and knows no blocks from unknown times', () => {
    const page = [block('confirmed', 10, 1), block('confirmed', 20, 1)];
    expect(summarizeBlocks(page, NOW, 2)).toMatchObject({ blocks24h: 2, blocks24hAtLeast: true });
    expect(summarizeBlocks(page, NOW, 50)).toMatchObject({ blocks24h: 2, blocks24hAtLeast: false });
    expect(summarizeBlocks([], NOW)).toMatchObject({ blocks24h: 0, lastBlockAt: null, orphanRate: null, effortPercent: null });
    expect(summarizeBlocks([block('pending', null, null)], NOW)).toMatchObject({ blocks24h: null, lastBlockAt: null });
  });
});
