// The miner's share in the merged coin (issue 14): a template's payees first (live truth), then the
// cited split at the chain height or the figures' date; whole-block figures are scaled, a source's
// miner-part figures are not. Every figure is worked by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { mergeSources, type SourceInput } from '@/lib/snapshot/merge';
import { estimate } from '@/lib/mining/profit';
import { type NetworkStats, type SourceId } from '@/lib/model/types';
import { networkStats } from '../../support/factories';
import { emptyPayload, type SourcePayload } from '@/lib/sources/contract';

const FETCHED = '2024-03-16T00:00:00.000Z';

const input = (id: SourceId, partial: Partial<SourcePayload>): SourceInput => ({
  status: { id, name: id, url: `http://127.0.0.1/${id}`, ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 0 },
  payload: { ...emptyPayload(), ...partial },
});
const stats = (tag: string, overrides: Partial<NetworkStats> = {}) => networkStats(tag, { updatedAt: FETCHED, ...overrides });
const rig = { hashrate: 1e9, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 };

describe('miner share and reward on merged coins', () => {
  it("a Dash-style template: the miner's part is coinbasevalue less its payees, and it beats the table", () => {
    // 6.25012345 − 3.4375679 = 2.81255555 coins; share 2.81255555 / 6.25012345 = 0.4499999996.
    const snapshot = mergeSources(
      [
        input('chain:NEOX', {
          coins: [
            stats('NEOX', {
              algorithm: 'kawpow',
              difficulty: 12345.6789,
              networkHashrate: null,
              blockReward: 6.25012345,
              blockRewardToOthers: 3.4375679,
              rewardBasis: 'whole',
            }),
          ],
        }),
      ],
      'live',
    );
    const coin = snapshot.coins[0]!;
    expect(coin.minerShareFrom).toBe('template');
    expect(coin.minerReward).toBeCloseTo(2.81255555, 10);
    expect(coin.minerShare).toBeCloseTo(0.4499999996, 10);
    // coins/day = 1e9 × 86400 × 6.25012345 / (12345.6789 × 2^32) × 0.45 = 10.1843… × 0.45 = 4.5829…
    const whole = (1e9 * 86400 * 6.25012345) / (12345.6789 * 2 ** 32);
    expect(estimate(coin, rig).coinsPerDay).toBeCloseTo(whole * (2.81255555 / 6.25012345), 9);
  });

  it('CLORE from hashrate.no (whole-block emission): 50 % by the cited split', () => {
    // No block reward, but D, k 2^32 (KawPow) and T 60 s (coin-facts): the difficulty basis with
    // R = 648,000 × 60 / 86,400 = 450 CLORE. 1e9 × 648,000 × 60 / (67,256 × 2^32 = 288,862,320,459,776)
    // = 134.596993952398 whole; × 0.5 = 67.298496976199 CLORE/day (the share applied once).
    const snapshot = mergeSources(
      [
        input('embedded', {
          coins: [stats('CLORE', { algorithm: 'kawpow', blockReward: null, difficulty: 67_256, networkHashrate: 4.863e12, emissionPerDay: 648_000 })],
        }),
      ],
      'embedded',
    );
    const clore = snapshot.coins[0]!;
    // The miner's reward per block is the derived R × share: 450 × 0.5 = 225 CLORE.
    expect(clore).toMatchObject({ rewardBasis: 'whole', minerShare: 0.5, minerShareFrom: 'schedule', minerReward: 225 });
    expect(estimate(clore, rig).basis).toBe('difficulty');
    expect(estimate(clore, rig).coinsPerDay).toBeCloseTo(67.298496976199, 9);
  });

  it("WhatToMine's reward is already the miner's part: the share is shown, not applied again", () => {
    // ZEC on 2024-03-16: 80 % to the miner (ZIP 1014); WhatToMine's block_reward 2.5 is the miner's part.
    const snapshot = mergeSources(
      [input('whattomine-gpu', { coins: [stats('ZEC', { algorithm: 'equihash', blockReward: 2.5, difficulty: 1e8, blockTimeSeconds: 75, networkHashrate: null })] })],
      'live',
    );
    const zec = snapshot.coins[0]!;
    expect(zec).toMatchObject({ rewardBasis: 'miner', minerShare: 0.8, minerReward: 2.5 });
    // 1e9 × 86400 × 2.5 / (1e8 × 8192) = 263.671875 Sol-coins/day, unscaled.
    expect(estimate(zec, rig).coinsPerDay).toBeCloseTo(263.671875, 9);
  });

  it('a coin without a cited split: share unknown, whole figure counted, no miner reward', () => {
    const snapshot = mergeSources([input('embedded', { coins: [stats('NOSPLITX', { algorithm: 'kawpow', blockReward: 5000 })] })], 'embedded');
    expect(snapshot.coins[0]).toMatchObject({ minerShare: null, minerShareFrom: null, minerReward: null, rewardBasis: 'whole' });
  });

  it("a chain source's reward keeps the chain's basis when an aggregator fills the rest", () => {
    // YIIMP (miner's part) gives the reward; hashrate.no fills the hashrate: basis stays 'miner'.
    const snapshot = mergeSources(
      [
        input('chain:CLORE', { coins: [stats('CLORE', { algorithm: 'kawpow', blockReward: 168.36446565, networkHashrate: null, rewardBasis: 'miner' })] }),
        input('hashrateno', { coins: [stats('CLORE', { algorithm: 'kawpow', blockReward: null, networkHashrate: 1.86e12, emissionPerDay: 485_000 })] }),
      ],
      'live',
    );
    const clore = snapshot.coins[0]!;
    expect(clore).toMatchObject({ rewardBasis: 'miner', minerShare: 0.5, minerReward: 168.36446565 });
  });
});
