// The JSON the estimates API returns: the same ranking as the page, flattened for callers.
import type { DashboardState } from '@/lib/url/search-params';
import type { Snapshot } from '@/lib/model/types';
import { buildView } from '@/lib/ranking/view';

export function estimatesResponse(snapshot: Snapshot, state: DashboardState) {
  const { rig, rows, isDefaultRig } = buildView(snapshot, state);
  return {
    asOf: snapshot.asOf,
    stale: snapshot.stale,
    mode: snapshot.mode,
    rig: { ...rig, isDefault: isDefaultRig },
    units: {
      hashrate: 'base units per second (H/s; Sol/s for Equihash; G/s for Cuckoo)',
      money: 'USD (the page\'s per= and cur= switches do not apply here)',
      period: 'per day',
    },
    estimates: rows.map(({ coin, hashrate, powerWatts, estimate, score }) => ({
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
      rewardToEffortUsdPerKwh: score,
      flags: coin.flags.map((f) => f.code),
      source: coin.source,
      priceSource: coin.priceSource,
    })),
  };
}
