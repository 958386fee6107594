import { describe, expect, it } from 'vitest';
import { coinOnBasis } from '@/lib/mining/basis';
import { mergeSources } from '@/lib/snapshot/merge';
import type { Averages, WindowFigures } from '@/lib/model/types';
import { networkStats } from '../../support/factories';

const upstream = (figures: Partial<WindowFigures>): WindowFigures => ({
  difficulty: null,
  networkHashrate: null,
  blockReward: null,
  priceUsd: null,
  priceBtc: null,
  source: 'upstream',
  points: null,
  ...figures,
});

function coin(averages: Averages = {}) {
  const snapshot = mergeSources(
    [
      {
        status: { id: 'whattomine-gpu', name: 'w', url: 'u', ok: true, fetchedAt: '2026-11-24T12:00:00Z', error: null, stale: false, coins: 1 },
        payload: {
          coins: [networkStats('RVN', { priceBtc: 5e-7, averages, updatedAt: '2026-11-24T12:00:00Z' })],
          quotes: [],
          btcUsd: 60_000,
          btcEur: null,
          volume24hBtcByTag: {},
          rentals: [],
          supplies: [],
          heights: {},
        },
      },
    ],
    'live',
  );
  return snapshot.coins[0]!;
}

describe('coinOnBasis', () => {
  it('leaves the coin as it is on the current basis', () => {
    const c = coin();
    expect(coinOnBasis(c, 'current')).toEqual({ coin: c, used: 'current' });
  });

  it('uses the upstream 24 h difficulty and price, and scales the network hashrate with difficulty', () => {
    // Current D = 85,166 and N = D × 2^32 / 60; the 24 h average D = 170,332 is twice as hard,
    // so N doubles. Price: 4e-7 BTC × 60,000 USD/BTC = 0.024 USD.
    const c = coin({ '24h': upstream({ difficulty: 170_332, priceBtc: 4e-7 }) });
    const { coin: avg, used } = coinOnBasis(c, '24h');
    expect(used).toBe('upstream');
    expect(avg.difficulty).toBe(170_332);
    expect(avg.networkHashrate).toBeCloseTo(2 * c.networkHashrate!, 0);
    expect(avg.priceUsd).toBeCloseTo(0.024, 12);
    expect(avg.blockReward).toBe(c.blockReward);
  });

  it('falls back to current figures when the window has no average', () => {
    const c = coin({ '24h': upstream({ difficulty: 1 }) });
    expect(coinOnBasis(c, '7d')).toEqual({ coin: c, used: 'current' });
  });
});
