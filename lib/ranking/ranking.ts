// Joins a snapshot's coins with a rig: one estimate per coin, filtered and sorted as the URL
// says. Used by the page and by /api/estimates so both rank identically.
import { getAlgorithm } from '@/lib/mining/algorithms';
import { coinOnBasis, type Basis } from '@/lib/mining/basis';
import { estimate, type Estimate } from '@/lib/mining/profit';
import type { Rig } from './rig';
import { comboRows } from './combos';
import type { RankedRow } from './row';
import { effectiveUsdPerKwh, tuneRigForCoin } from '@/lib/tuning/coin';
import { DEFAULT_TUNE } from '@/lib/tuning/rig';
import { integrateDay, type DayResult } from '@/lib/electricity/integrate';
import { rewardToEffort } from '@/lib/mining/score';
import type { DashboardState, SortSlug } from '@/lib/url/search-params';
import type { Coin } from '@/lib/model/types';

export type { RankedRow } from './row';

type SortKey = (row: RankedRow) => number | string | null;

const SORT_KEYS: Record<SortSlug, SortKey> = {
  profit: (r) => r.estimate?.profitUsdPerDay ?? null,
  score: (r) => r.score,
  revenue: (r) => r.estimate?.revenueUsdPerDay ?? null,
  coins: (r) => r.estimate?.coinsPerDay ?? null,
  cost: (r) => r.estimate?.powerCostUsdPerDay ?? null,
  price: (r) => r.coin.priceUsd,
  volume: (r) => r.coin.volume24hUsd,
  nethash: (r) => r.coin.networkHashrate,
  difficulty: (r) => r.coin.difficulty,
  reward: (r) => r.coin.blockReward,
  share: (r) => r.estimate?.networkShare ?? null,
  name: (r) => r.coin.name.toLowerCase(),
  algorithm: (r) => getAlgorithm(r.coin.algorithm)?.name.toLowerCase() ?? r.coin.algorithm,
};

export function estimateRow(current: Coin, rig: Rig, basis: Basis = 'current'): RankedRow {
  const { coin, used: basisUsed } = coinOnBasis(current, basis);
  // Devices-only figures follow the operating point chosen for this coin (tune=best, pl.<device>),
  // weighed at the day's effective price when a tariff applies.
  const tuned = rig.fromDevices?.includes(coin.algorithm)
    ? tuneRigForCoin(coin, {
        ...rig,
        electricityUsdPerKwh: rig.power ? effectiveUsdPerKwh(rig.power) : rig.electricityUsdPerKwh,
        tune: rig.tune ?? DEFAULT_TUNE,
        powerLimits: rig.powerLimits ?? {},
      })
    : null;
  const operatingPoints = tuned?.choices ?? null;
  const hashrate = tuned?.hashrate ?? rig.hashrates[coin.algorithm] ?? null;
  const powerWatts = tuned?.watts ?? rig.powerWatts[coin.algorithm] ?? null;
  if (hashrate === null) return { coin, hashrate, powerWatts, estimate: null, score: null, basisUsed, operatingPoints };
  const flat = estimate(coin, {
    hashrate,
    powerWatts: powerWatts ?? 0,
    electricityUsdPerKwh: rig.electricityUsdPerKwh,
    poolFeePercent: rig.poolFeeByTag?.[coin.tag] ?? rig.poolFeePercent,
  });
  const day = rig.power ? integrateDay(flat.revenueUsdPerDay, powerWatts ?? 0, rig.power) : null;
  const result = day ? onTariff(flat, day) : flat;
  return {
    coin,
    hashrate,
    powerWatts,
    estimate: result,
    score: rewardToEffort(result.profitUsdPerDay, powerWatts),
    basisUsed,
    day,
    operatingPoints,
  };
}

/**
 * The estimate for the day as billed: output scaled to the hours mined (23, 24 or 25 on DST days;
 * fewer with hours=profitable), power cost integrated hour by hour, and profit after fixed cost
 * and heat credit, so every column, sort and chart ranks on the day's integrated profit.
 */
function onTariff(flat: Estimate, day: DayResult): Estimate {
  const share = day.hoursMining / 24;
  return {
    ...flat,
    coinsPerDay: flat.coinsPerDay !== null ? flat.coinsPerDay * share : null,
    coinsPerDayJoined: flat.coinsPerDayJoined !== null ? flat.coinsPerDayJoined * share : null,
    revenueUsdPerDay: day.revenueUsdPerDay,
    revenueBtcPerDay: flat.revenueBtcPerDay !== null ? flat.revenueBtcPerDay * share : null,
    powerCostUsdPerDay: day.powerCostUsdPerDay,
    profitUsdPerDay: day.profitUsdPerDay,
  };
}

export function matchesFilters(
  coin: Coin,
  filters: Pick<DashboardState, 'algorithm' | 'device' | 'query'>,
): boolean {
  if (filters.algorithm && coin.algorithm !== filters.algorithm) return false;
  if (filters.device) {
    const devices = getAlgorithm(coin.algorithm)?.devices ?? [];
    if (!devices.some((d) => d.toLowerCase() === filters.device)) return false;
  }
  if (filters.query) {
    const q = filters.query.toLowerCase();
    if (!coin.tag.toLowerCase().includes(q) && !coin.name.toLowerCase().includes(q)) return false;
  }
  return true;
}

/** Rows for the coins that pass the filters, sorted; missing values always sort last. */
export function rankCoins(
  coins: readonly Coin[],
  rig: Rig,
  view: Pick<DashboardState, 'sort' | 'dir' | 'algorithm' | 'device' | 'query'> & {
    basis?: Basis;
    /** Profit discounted by the user's risk weights (lib/health); when given, the profit sort uses it. */
    riskAdjusted?: (row: RankedRow) => number | null;
  },
): RankedRow[] {
  const key = view.sort === 'profit' && view.riskAdjusted ? view.riskAdjusted : SORT_KEYS[view.sort];
  const sign = view.dir === 'asc' ? 1 : -1;
  const passes = (coin: Coin) => matchesFilters(coin, view);
  const rows = coins.filter(passes).map((coin) => estimateRow(coin, rig, view.basis));
  return [...rows, ...comboRows(coins, rows, rig, view.basis ?? 'current', passes)]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      // Rows the key cannot rank (no market to price profit) still rank among themselves by the
      // coins they would mine, which is what a miner can still compare; then by tag.
      if (ka === null && kb === null) return byCoinsPerDay(a, b) || a.coin.tag.localeCompare(b.coin.tag);
      if (ka === null) return 1;
      if (kb === null) return -1;
      const order = typeof ka === 'string' || typeof kb === 'string' ? String(ka).localeCompare(String(kb)) : ka - kb;
      return order !== 0 ? sign * order : a.coin.tag.localeCompare(b.coin.tag);
    });
}

/** More coins per day first; rows without an estimate after those with one. */
function byCoinsPerDay(a: RankedRow, b: RankedRow): number {
  const ca = a.estimate?.coinsPerDay ?? null;
  const cb = b.estimate?.coinsPerDay ?? null;
  if (ca === null || cb === null) return ca === cb ? 0 : ca === null ? 1 : -1;
  return cb - ca;
}
