// estimate() counts only the miner's part of the block (issue 14).
import { describe, expect, it } from 'vitest';
import { estimate, minerRewardFactor, type CoinFigures } from '@/lib/mining/profit';

const coin: CoinFigures = {
  blockTimeSeconds: 60,
  blockReward: 450,
  difficulty: 67_256,
  networkHashrate: null,
  emissionPerDay: null,
  workFactor: 2 ** 32,
  priceUsd: 0.1,
  priceBtc: null,
};
const rig = { hashrate: 1e9, powerWatts: 100, electricityUsdPerKwh: 0.1, poolFeePercent: 1 };

describe('minerRewardFactor', () => {
  it.each([
    [{}, 1],
    [{ minerShare: 0.5 }, 0.5],
    [{ minerShare: 0.5, rewardBasis: 'whole' as const }, 0.5],
    [{ minerShare: 0.5, rewardBasis: 'miner' as const }, 1],
    [{ minerShare: null }, 1],
    [{ minerShare: 0 }, 1],
    [{ minerShare: 1.5 }, 1],
    [{ minerShare: Number.NaN }, 1],
  ])('%o → %d', (figures, expected) => {
    expect(minerRewardFactor(figures)).toBe(expected);
  });
});

describe('estimate with a miner share', () => {
  it('CLORE-like block of 450 with a 50 % miner share: half the coins, half the revenue, same cost and odds', () => {
    // Whole: 1e9 × 86400 × 450 / (67,256 × 2^32) × 0.99 = 134.600… × 0.99 = 133.254… coins/day.
    const whole = estimate(coin, rig);
    const half = estimate({ ...coin, minerShare: 0.5 }, rig);
    const expectedWhole = ((1e9 * 86400 * 450) / (67_256 * 2 ** 32)) * 0.99;
    expect(whole.coinsPerDay).toBeCloseTo(expectedWhole, 9);
    expect(half.coinsPerDay).toBeCloseTo(expectedWhole / 2, 9);
    expect(half.revenueUsdPerDay).toBeCloseTo((expectedWhole / 2) * 0.1, 9);
    // Power: 100 W × 24 h / 1000 × 0.1 USD = 0.24 USD/day, whatever the share.
    expect(half.powerCostUsdPerDay).toBeCloseTo(0.24, 12);
    expect(half.soloDaysToBlock).toBe(whole.soloDaysToBlock);
  });
});
