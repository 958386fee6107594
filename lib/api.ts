// The JSON the estimates API returns: the same ranking as the page, flattened for callers.
import { rankCoins } from './ranking';
import { rigFromState, usesDefaultRig } from './rig';
import type { DashboardState } from './search-params';
import type { Snapshot } from './types';

export function estimatesResponse(snapshot: Snapshot, state: DashboardState) {
  const rig = rigFromState(state);
  const rows = rankCoins(snapshot.coins, rig, state);
  return {
    asOf: snapshot.asOf,
    stale: snapshot.stale,
    mode: snapshot.mode,
    rig: { ...rig, isDefault: usesDefaultRig(state) },
    units: {
      hashrate: 'base units per second (H/s; Sol/s for Equihash; G/s for Cuckoo)',
      money: 'USD',
      period: 'per day',
    },
    estimates: rows.map(({ coin, hashrate, powerWatts, estimate }) => ({
      tag: coin.tag,
      name: coin.name,
      algorithm: coin.algorithm,
      hashrate,
      powerWatts,
      priceUsd: coin.priceUsd,
      volume24hUsd: coin.volume24hUsd,
      basis: estimate?.basis ?? null,
      coinsPerDay: estimate?.coinsPerDay ?? null,
      revenueUsdPerDay: estimate?.revenueUsdPerDay ?? null,
      revenueBtcPerDay: estimate?.revenueBtcPerDay ?? null,
      powerCostUsdPerDay: estimate?.powerCostUsdPerDay ?? null,
      profitUsdPerDay: estimate?.profitUsdPerDay ?? null,
      networkShare: estimate?.networkShare ?? null,
      networkShareJoined: estimate?.networkShareJoined ?? null,
      coinsPerDayJoined: estimate?.coinsPerDayJoined ?? null,
      soloDaysToBlock: estimate?.soloDaysToBlock ?? null,
      flags: coin.flags.map((f) => f.code),
      source: coin.source,
      priceSource: coin.priceSource,
    })),
  };
}
