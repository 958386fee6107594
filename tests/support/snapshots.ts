// A small live snapshot for view-model tests, merged by the real merge from factory figures.
import type { NetworkStats, Snapshot } from '@/lib/model/types';
import { mergeSources } from '@/lib/snapshot/merge';
import { emptyPayload } from '@/lib/sources/contract';
import { DEFAULT_STATE, type DashboardState } from '@/lib/url/search-params';
import { networkStats } from './factories';

export const FETCHED = '2026-11-24T12:00:00.000Z';

/** A live snapshot of the given coins from one source ("w"), BTC at $60,000, no CoinGecko ids. */
export function liveSnapshot(coins: NetworkStats[], overrides: Partial<Snapshot> = {}): Snapshot {
  const snapshot = mergeSources(
    [
      {
        status: { id: 'whattomine-gpu', name: 'w', url: 'http://127.0.0.1/', ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: coins.length },
        payload: { ...emptyPayload(), btcUsd: 60_000, coins },
      },
    ],
    'live',
    { coingeckoIds: Object.fromEntries(coins.map((c) => [c.tag, null])) },
  );
  return { ...snapshot, ...overrides };
}

/** RVN-like (D = 85,166, k = 2^32, T = 60 s, R = 2,500) at $0.05 with $1M traded a day. */
export const rvnLike = (tag: string, overrides: Partial<NetworkStats> = {}) =>
  networkStats(tag, { priceUsd: 0.05, volume24hUsd: 1_000_000, updatedAt: FETCHED, ...overrides });

/** The view models' rig: 30 MH/s of KawPow at 200 W, $0.10/kWh, no pool fee. */
export const KAWPOW_RIG_STATE: DashboardState = {
  ...DEFAULT_STATE,
  hashrates: { kawpow: 30e6 },
  powerWatts: { kawpow: 200 },
  electricityUsdPerKwh: 0.1,
  poolFeePercent: 0,
};
