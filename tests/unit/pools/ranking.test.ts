// The ranking's "best pool" option (`pool=best`): each coin at its best pool's fee for this rig;
// the flat `fee=` stays the default.
import { describe, expect, it } from 'vitest';

import { coinSchema, type Snapshot } from '@/lib/model/types';
import type { SnapshotPool } from '@/lib/model/pools';
import { bestPoolFees, withBestPools } from '@/lib/ranking/pool-rig';
import { estimateRow } from '@/lib/ranking/ranking';
import { rigFromState } from '@/lib/ranking/rig';
import { parseDashboardParams, serializeDashboardState } from '@/lib/url/search-params';
import { networkStats } from '@/tests/support/factories';

const AS_OF = '2026-12-01T12:00:00.000Z';
// RVN-like: D = 85,166, k = 2^32, T = 60 s, R = 2,500, so N = 6.0962e12 H/s.
const coin = coinSchema.parse({
  ...networkStats('RVN'),
  workFactor: 2 ** 32,
  source: 'whattomine-gpu',
  priceSource: null,
  impliedNetworkHashrate: null,
  flags: [],
});
const N = (85166 * 2 ** 32) / 60;

function pool(poolId: string, feePercent: number, patch: Partial<SnapshotPool> = {}): SnapshotPool {
  return {
    tag: 'RVN',
    kind: 'miningcore',
    url: 'https://pool.example',
    poolId,
    feePercent,
    payoutScheme: 'PPLNS',
    minimumPayout: 1,
    poolHashrate: N / 10,
    miners: 10,
    networkHashrate: N,
    networkDifficulty: 85166,
    lastBlockAt: AS_OF,
    blocks24h: 144,
    blocks24hAtLeast: false,
    effortPercent: 100,
    orphanRate: 0,
    settledBlocks: 50,
    sourceId: 'pool:miningcore:pool.example',
    fetchedAt: AS_OF,
    stale: false,
    ...patch,
  };
}

const snapshot = (pools: SnapshotPool[]): Snapshot => ({
  asOf: AS_OF,
  mode: 'live',
  stale: false,
  btcUsd: null,
  eurPerUsd: null,
  rentals: [],
  sources: [],
  coins: [coin],
  pools,
});

describe('pool=best', () => {
  it('parses, serializes, and names a bad value', () => {
    expect(parseDashboardParams(new URLSearchParams('pool=best')).state.poolChoice).toBe('best');
    expect(parseDashboardParams(new URLSearchParams('')).state.poolChoice).toBe('flat');
    expect(serializeDashboardState(parseDashboardParams(new URLSearchParams('pool=best')).state)).toContain('pool=best');
    expect(parseDashboardParams(new URLSearchParams('pool=cheapest')).errors.map((e) => e.param)).toEqual(['pool']);
  });

  it('estimates each coin at its best pool’s fee, the flat fee staying the default', () => {
    const { state } = parseDashboardParams(new URLSearchParams('hr.kawpow=100M&fee=2'));
    const pools = [pool('a', 1.5), pool('b', 0.5, { lastBlockAt: '2026-11-20T00:00:00.000Z' }), pool('c', 0.9)];
    const rig = rigFromState(state);
    // b is cheapest but overdue (11.5 days since its block, > 3 × 600 s at 10 % of the network): c at 0.9 %.
    expect(bestPoolFees(snapshot(pools), rig)).toEqual({ RVN: 0.9 });
    // coins/day = 100e6 × 86400 × 2500 / (85166 × 2^32) = 59.0511; × (1 − 0.009) = 58.5196; flat: × 0.98 = 57.8700.
    const best = estimateRow(coin, withBestPools(rig, snapshot(pools), { poolChoice: 'best' })).estimate!;
    const flat = estimateRow(coin, withBestPools(rig, snapshot(pools), { poolChoice: 'flat' })).estimate!;
    expect(best.coinsPerDay).toBeCloseTo(59.0511 * 0.991, 3);
    expect(flat.coinsPerDay).toBeCloseTo(59.0511 * 0.98, 3);
    // A coin with no pools keeps the flat fee.
    expect(estimateRow(coin, withBestPools(rig, snapshot([]), { poolChoice: 'best' })).estimate!.coinsPerDay).toBeCloseTo(59.0511 * 0.98, 3);
  });
});
