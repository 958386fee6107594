// A coin without a price still ranks: after the coins that can be priced, by the coins per day
// the rig would mine, and the table says "no market" rather than a blank.
import { describe, expect, it } from 'vitest';
import { mergeSources } from '@/lib/snapshot/merge';
import { rankCoins } from '@/lib/ranking/ranking';
import type { Rig } from '@/lib/ranking/rig';
import { networkStats } from '../../support/factories';
import { emptyPayload } from '@/lib/sources/contract';

const FETCHED = '2026-11-24T12:00:00.000Z';
const rig: Rig = { hashrates: { kawpow: 30e6 }, powerWatts: { kawpow: 200 }, electricityUsdPerKwh: 0.1, poolFeePercent: 0, devices: [] };

function coins() {
  const snapshot = mergeSources(
    [
      {
        status: { id: 'whattomine-gpu', name: 'w', url: 'http://127.0.0.1/', ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 3 },
        payload: {
          ...emptyPayload(),
          btcUsd: 60_000,
          coins: [
            networkStats('PRICED', { priceBtc: 1e-7, updatedAt: FETCHED }),
            // Same difficulty (85,166 at k = 2^32, T = 60 s); rewards differ, so coins/day differ.
            networkStats('BIG', { blockReward: 5000, updatedAt: FETCHED }),
            networkStats('SMALL', { blockReward: 100, updatedAt: FETCHED }),
          ],
        },
      },
    ],
    'live',
    { coingeckoIds: { PRICED: null, BIG: null, SMALL: null } },
  );
  return snapshot.coins;
}

describe('rankCoins with coins that have no market', () => {
  it('puts priced coins first and orders the unpriced ones by coins per day', () => {
    const rows = rankCoins(coins(), rig, { sort: 'profit', dir: 'desc', algorithm: null, device: null, query: null });
    expect(rows.map((r) => r.coin.tag)).toEqual(['PRICED', 'BIG', 'SMALL']);
    // BIG: 30e6 H/s × 86,400 s × 5,000 / (85,166 × 2^32) = 35.43 coins/day; SMALL: 100/5000 of that = 0.7086.
    expect(rows[1]!.estimate!.coinsPerDay).toBeCloseTo(35.43, 2);
    expect(rows[2]!.estimate!.coinsPerDay).toBeCloseTo(0.7086, 3);
    expect(rows[1]!.estimate!.profitUsdPerDay).toBeNull();
    expect(rows[1]!.coin.flags.map((f) => f.code)).toContain('no-price');
  });

  it('keeps them after the priced coins whichever way the column is sorted', () => {
    const rows = rankCoins(coins(), rig, { sort: 'profit', dir: 'asc', algorithm: null, device: null, query: null });
    expect(rows.map((r) => r.coin.tag)).toEqual(['PRICED', 'BIG', 'SMALL']);
  });
});
