// Risk against reward in the ranking: the same two coins change places when the user weighs
// liquidity, and the API rows carry the risk figures and the health parts. Worked by hand below.
import { describe, expect, it } from 'vitest';

import { buildView } from '@/lib/ranking/view';
import { estimatesResponse } from '@/lib/share/estimates-json';
import { mergeSources } from '@/lib/snapshot/merge';
import { emptyPayload } from '@/lib/sources/contract';
import { DEFAULT_STATE, parseDashboardParams, type DashboardState } from '@/lib/url/search-params';
import type { CoinHealthData } from '@/lib/health/data';
import { networkStats } from '../../support/factories';

const FETCHED = '2026-11-24T12:00:00.000Z';

// Both coins are RVN-like (D = 85,166, k = 2^32, T = 60 s, R = 2,500), so a 30 MH/s rig mines
// 30e6 × 86,400 × 2,500 ÷ (85,166 × 2^32) = 17.7155 coins a day of either; power 0 W, fee 0 %.
// THIN: $0.04 a coin → $0.70862 a day, into $20 of daily volume: share 3.5431 %, liquidity
//   100 × (1 − 0.035431 ÷ 0.05) = 29.138.
// DEEP: $0.03 a coin → $0.53147 a day, into $1,000,000: liquidity 100 × (1 − 1.063e-5) ≈ 100.
// Network share: H ÷ (N + H) = 30e6 ÷ 6.0964e12 = 4.92e-6 → part 99.998 for both.
// No rental prices, no coin-health figures: security, markets, development, community have no data;
// data health = 100 × 2 ÷ 6 = 33.33 for both.
const snapshot = mergeSources(
  [
    {
      status: { id: 'whattomine-gpu', name: 'w', url: 'http://127.0.0.1/', ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 2 },
      payload: {
        ...emptyPayload(),
        btcUsd: 60_000,
        coins: [
          networkStats('THIN', { priceUsd: 0.04, volume24hUsd: 20, updatedAt: FETCHED }),
          networkStats('DEEP', { priceUsd: 0.03, volume24hUsd: 1_000_000, updatedAt: FETCHED }),
        ],
      },
    },
  ],
  'live',
  { coingeckoIds: { THIN: null, DEEP: null } },
);

function state(query: string): DashboardState {
  const { state: s, errors } = parseDashboardParams(new URLSearchParams(`hr.kawpow=30MH&w.kawpow=0&fee=0&${query}`));
  expect(errors).toEqual([]);
  return s;
}

describe('risk-adjusted ranking', () => {
  it('profit (the default) ranks THIN first, as today', () => {
    const view = buildView(snapshot, state(''));
    expect(view.weightsActive).toBe(false);
    expect(view.rows.map((r) => r.coin.tag)).toEqual(['THIN', 'DEEP']);
    expect(view.rows[0]!.estimate!.profitUsdPerDay).toBeCloseTo(0.70862, 4);
    // With no weight the risk-adjusted figure is the profit itself.
    expect(view.rows[0]!.health.riskAdjustedUsdPerDay).toBeCloseTo(0.70862, 4);
    expect(view.rows[0]!.health.parts.liquidity).toBeCloseTo(29.138, 2);
    expect(view.rows[0]!.health.parts.dataHealth).toBeCloseTo(100 / 3, 6);
    expect(view.rows[0]!.health.parts.security).toBeNull();
    expect(view.rows[0]!.health.parts.markets).toBeNull();
  });

  it('cautious ranks DEEP first', () => {
    // THIN: 0.70862 × liquidity (1 − 1 × (1 − 0.29138)) × data (1 − 0.75 × (1 − 0.3333)) × share 0.99998
    //     = 0.70862 × 0.29138 × 0.5 × 0.99998 = $0.10324
    // DEEP: 0.53147 × 0.99999 × 0.5 × 0.99998 = $0.26573
    const view = buildView(snapshot, state('risk=cautious'));
    expect(view.rows.map((r) => r.coin.tag)).toEqual(['DEEP', 'THIN']);
    expect(view.rows[0]!.health.riskAdjustedUsdPerDay).toBeCloseTo(0.26573, 4);
    expect(view.rows[1]!.health.riskAdjustedUsdPerDay).toBeCloseTo(0.10324, 4);
  });

  it('one explicit weight is enough: rw.liquidity=100 alone flips them too', () => {
    // THIN: 0.70862 × 0.29138 = $0.20648; DEEP: 0.53147 × 0.99999 = $0.53146
    const view = buildView(snapshot, state('rw.liquidity=100'));
    expect(view.weightsActive).toBe(true);
    expect(view.rows.map((r) => r.coin.tag)).toEqual(['DEEP', 'THIN']);
    expect(view.rows[1]!.health.riskAdjustedUsdPerDay).toBeCloseTo(0.20648, 4);
  });

  it('other sorts are left alone by the weights', () => {
    const view = buildView(snapshot, state('risk=cautious&sort=price'));
    expect(view.rows.map((r) => r.coin.tag)).toEqual(['THIN', 'DEEP']);
  });

  it('coin-health figures enter the parts (markets, community, development)', () => {
    const data: CoinHealthData = {
      tag: 'DEEP',
      coingeckoId: 'deep',
      community: { xFollowers: 1000, redditSubscribers: null, telegramMembers: null, source: 'coingecko' },
      development: {
        commitCount4Weeks: 5,
        activeDays4Weeks: 3,
        stars: null,
        contributors: null,
        pullRequestsMerged: null,
        lastCommitAt: '2026-11-21T12:00:00.000Z',
        lastReleaseAt: null,
        archived: false,
        source: 'coingecko+github',
      },
      markets: { usableMarkets: 2, usableVolumeUsd: 10_000, topExchangeShare: 0.5, topExchange: 'a', tickers: 2, excluded: { stale: 0, anomalous: 0, spread: 0 } },
      repos: ['deep/deep'],
      fetchedAt: FETCHED,
      githubFetchedAt: '2026-11-24T12:00:00.000Z',
      error: null,
    };
    const view = buildView(snapshot, state(''), null, new Map([['DEEP', data]]));
    const deep = view.rows.find((r) => r.coin.tag === 'DEEP')!;
    // markets: log10(10) ÷ 3 → 33.33; community: audience 1,000 → 33.33;
    // development: activity 100 × 5 ÷ 20 = 25, recency (3 days) 100 → 62.5; data health 5 of 6 → 83.33
    expect(deep.health.parts.markets).toBeCloseTo(100 / 3, 6);
    expect(deep.health.parts.community).toBeCloseTo(100 / 3, 6);
    expect(deep.health.parts.development).toBeCloseTo(62.5, 6);
    expect(deep.health.lastCommitDaysAgo).toBeCloseTo(3, 6);
    expect(deep.health.parts.dataHealth).toBeCloseTo(500 / 6, 6);
  });
});

describe('/api/estimates rows', () => {
  it('carry risk figures, health parts and the risk-adjusted profit', () => {
    const body = estimatesResponse(snapshot, state('risk=cautious'));
    expect(body.riskWeights).toMatchObject({ preset: 'cautious', weightsActive: true });
    expect(body.riskWeights.weights.liquidity).toBe(100);
    const deep = body.estimates[0]!;
    expect(deep.tag).toBe('DEEP');
    expect(deep.risk.liquidityShare).toBeCloseTo(0.53147 / 1_000_000, 10);
    expect(deep.risk.networkShare).toBeCloseTo(4.921e-6, 8);
    expect(deep.risk.rentalCostUsdPerHour).toBeNull();
    // Solo: D × k ÷ H = 3.6579e14 ÷ 30e6 = 1.2193e7 s = 141.12 days
    expect(deep.risk.soloDays).toBeCloseTo(141.12, 1);
    expect(Object.keys(deep.health.parts).sort()).toEqual(
      ['community', 'dataHealth', 'development', 'liquidity', 'markets', 'networkShare', 'security'],
    );
    expect(deep.health.parts.community).toBeNull();
    expect(deep.riskAdjustedUsdPerDay).toBeCloseTo(0.26573, 4);
  });

  it('the default state changes nothing in the order', () => {
    const body = estimatesResponse(snapshot, { ...DEFAULT_STATE, hashrates: { kawpow: 30e6 }, powerWatts: { kawpow: 0 }, poolFeePercent: 0 });
    expect(body.estimates.map((e) => e.tag)).toEqual(['THIN', 'DEEP']);
    expect(body.riskWeights.weightsActive).toBe(false);
  });
});

describe('pool concentration (lib/pools figures in the snapshot)', () => {
  const pool = (poolHashrate: number | null) => ({
    tag: 'DEEP',
    kind: 'miningcore' as const,
    url: 'https://pool.example',
    poolId: null,
    feePercent: 1,
    payoutScheme: 'PPLNS',
    minimumPayout: 1,
    poolHashrate,
    miners: 10,
    networkHashrate: null,
    networkDifficulty: null,
    lastBlockAt: null,
    blocks24h: null,
    blocks24hAtLeast: false,
    effortPercent: null,
    orphanRate: null,
    settledBlocks: null,
    sourceId: 'pool:miningcore:pool.example',
    fetchedAt: FETCHED,
    stale: false,
  });

  it('the largest known pool caps security: 40 % of the network → 100 × (1 − 0.4 ÷ 0.5) = 20', async () => {
    const { largestPoolShares } = await import('@/lib/ranking/row-health');
    // N = 85,166 × 2^32 ÷ 60 = 6.0964e12 H/s; pools at 40 % and 10 % of it, one with no figure.
    const n = (85166 * 2 ** 32) / 60;
    const withPools = { ...snapshot, pools: [pool(0.4 * n), pool(0.1 * n), pool(null)] };
    expect(largestPoolShares(withPools).get('DEEP')).toBeCloseTo(0.4, 12);
    const deep = buildView(withPools, state('')).rows.find((r) => r.coin.tag === 'DEEP')!;
    // No rental prices here, so the pool figure alone sets security.
    expect(deep.health.parts.security).toBeCloseTo(20, 10);
    expect(deep.health.largestPoolShare).toBeCloseTo(0.4, 12);
    const thin = buildView(withPools, state('')).rows.find((r) => r.coin.tag === 'THIN')!;
    expect(thin.health.parts.security).toBeNull();
  });
});

describe('table columns', () => {
  it('show the risk-adjusted profit per period and the health score', async () => {
    const { TABLE_COLUMNS } = await import('@/lib/ranking/columns');
    const view = buildView(snapshot, state('risk=cautious'));
    const deep = view.rows[0]!;
    const value = (id: string) => TABLE_COLUMNS.find((c) => c.id === id)!.value(deep, { currency: 'usd', period: 'week' }, view.rates);
    // $0.26573 a day × 7 = $1.8601 a week
    expect(value('riskadj')).toBeCloseTo(0.26573 * 7, 3);
    // (100 + 99.998 + 33.33) ÷ 3 = 77.78 → 78
    expect(value('health')).toBe(78);
  });
});
