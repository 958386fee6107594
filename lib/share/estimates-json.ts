// The JSON the estimates API returns: the same ranking as the page, flattened for callers.
import type { DashboardState } from '@/lib/url/search-params';
import type { Snapshot } from '@/lib/model/types';
import { buildView } from '@/lib/ranking/view';
import type { SpotFeed } from '@/lib/electricity/tariff';
import { formatIsoDate } from '@/lib/electricity/zone';
import type { CoinHealthData } from '@/lib/health/data';
import { RISK_ADJUSTED_FORMULA } from '@/lib/health/score';

export function estimatesResponse(
  snapshot: Snapshot,
  state: DashboardState,
  spot: SpotFeed | null = null,
  healthData: ReadonlyMap<string, CoinHealthData> = new Map(),
) {
  const { rig: rigWithPower, rows, isDefaultRig, weights, weightsActive } = buildView(snapshot, state, spot, healthData);
  const { power, ...rig } = rigWithPower;
  return {
    asOf: snapshot.asOf,
    stale: snapshot.stale,
    mode: snapshot.mode,
    rig: { ...rig, isDefault: isDefaultRig },
    // The day the figures cover, hour by hour (null on a flat price: 24 hours at kwh=).
    electricity: power
      ? {
          source: power.source,
          timeZone: power.timeZone,
          date: formatIsoDate(power.date),
          hourStarts: power.hours.map((h) => new Date(h.startMs).toISOString()),
          hourPricesUsdPerKwh: power.hourPricesUsdPerKwh,
          overheadPercent: power.overheadPercent,
          fixedUsdPerDay: power.fixedUsdPerDay,
          heatUsdPerKwh: power.heatUsdPerKwh,
          hours: power.hoursMode,
          notice: power.notice,
        }
      : null,
    // Risk against reward: the weights in force (0–100 per health part) and how they discount profit.
    // With weightsActive the rows are ranked by riskAdjustedUsdPerDay instead of profitUsdPerDay.
    riskWeights: { preset: state.riskPreset, weights, weightsActive, formula: RISK_ADJUSTED_FORMULA },
    units: {
      hashrate: 'base units per second (H/s; Sol/s for Equihash; G/s for Cuckoo)',
      money: 'USD (the page\'s per= and cur= switches do not apply here)',
      period: 'per day',
    },
    /** best: each coin at its devices' most profitable operating point; stock: the catalog's stock figures. */
    tune: state.tune,
    estimates: rows.map(({ coin, hashrate, powerWatts, estimate, score, day, operatingPoints, combo, risk, health }) => ({
      // coin: one coin's row; merged: one hash earning the parent and its aux coins (the pool must pay
      // them); dual: two algorithms at once. Combined rows' revenue and profit are their parts' sum.
      kind: combo?.kind ?? 'coin',
      tag: coin.tag,
      name: coin.name,
      algorithm: coin.algorithm,
      hashrate,
      powerWatts,
      // Per device, the point the figures above use (per device, not × count); null where hand-typed.
      operatingPoints:
        operatingPoints?.map(({ device, count, point }) => ({
          device,
          count,
          label: point.label,
          hashrate: point.hashrate,
          watts: point.watts,
          powerLimitPercent: point.powerLimitPercent ?? null,
        })) ?? null,
      parts:
        combo?.parts.map(({ tag, algorithm, hashrate: partHashrate, coinsPerDay, revenueUsdPerDay }) => ({
          tag,
          algorithm,
          hashrate: partHashrate,
          coinsPerDay,
          revenueUsdPerDay,
        })) ?? null,
      unpricedParts: combo?.unpriced ?? null,
      auxMissing: combo?.auxMissing ?? null,
      priceUsd: coin.priceUsd,
      volume24hUsd: coin.volume24hUsd,
      basis: estimate?.basis ?? null,
      coinsPerDay: estimate?.coinsPerDay ?? null,
      // The miner's part of each block (coins) and its share of the whole (0..1; null = split not verified).
      minerReward: coin.minerReward,
      minerShare: coin.minerShare,
      revenueUsdPerDay: estimate?.revenueUsdPerDay ?? null,
      revenueBtcPerDay: estimate?.revenueBtcPerDay ?? null,
      powerCostUsdPerDay: estimate?.powerCostUsdPerDay ?? null,
      // Integrated over the day's hours under the tariff; on a flat price, 24 hours at kwh=.
      fixedCostUsdPerDay: estimate ? (day?.fixedCostUsdPerDay ?? 0) : null,
      heatCreditUsdPerDay: estimate ? (day?.heatCreditUsdPerDay ?? 0) : null,
      hoursMining: estimate ? (day?.hoursMining ?? 24) : null,
      // After power, fixed cost and heat credit.
      profitUsdPerDay: estimate?.profitUsdPerDay ?? null,
      networkShare: estimate?.networkShare ?? null,
      networkShareJoined: estimate?.networkShareJoined ?? null,
      coinsPerDayJoined: estimate?.coinsPerDayJoined ?? null,
      soloDaysToBlock: estimate?.soloDaysToBlock ?? null,
      rewardToEffortUsdPerKwh: score,
      // Every risk figure the page shows; null where unknown (never 0 for "no data").
      risk: {
        liquidityShare: risk.liquidity,
        networkShare: hashrate !== null ? risk.network.joinedShare : null,
        soloDays: risk.variance.soloDays,
        rentalCostUsdPerHour: risk.security.usdPerHour,
      },
      // Coin health 0–100 per part, null where there is no data (lib/health).
      health: { score: health.score, parts: health.parts },
      riskAdjustedUsdPerDay: health.riskAdjustedUsdPerDay,
      flags: coin.flags.map((f) => f.code),
      source: coin.source,
      priceSource: coin.priceSource,
    })),
  };
}
