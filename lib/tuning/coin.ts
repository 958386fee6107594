// One coin's operating points for the rig: the coin's revenue per unit of hashrate (from the same
// estimate the ranking uses, so fees and basis agree), weighed against power at the user's price.
import { estimate, type CoinFigures } from '@/lib/mining/profit';
import type { RigDevice } from '@/lib/hardware/catalog';
import type { DayCosts } from '@/lib/electricity/integrate';
import { rigCandidates } from './points';
import { chooseRigPoints, type RigChoice, type TuneMode } from './rig';

export type TuningInput = {
  devices: readonly RigDevice[];
  tune: TuneMode;
  powerLimits: Readonly<Record<string, number>>;
  electricityUsdPerKwh: number;
  poolFeePercent: number;
};

/**
 * USD per H/s per day for this coin after the pool fee: the estimate at 1 H/s (revenue is linear in
 * hashrate). Null without a price or the figures for an estimate.
 */
export function revenueUsdPerHashDay(coin: CoinFigures, poolFeePercent: number): number | null {
  return estimate(coin, { hashrate: 1, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent }).revenueUsdPerDay;
}

/** The rig's chosen points on the coin's algorithm; null when no device of the rig mines it. */
export function tuneRigForCoin(coin: CoinFigures & { algorithm: string }, rig: TuningInput): RigChoice | null {
  const candidates = rigCandidates(rig.devices, coin.algorithm);
  if (candidates.length === 0) return null;
  // Revenue per hash only matters where some device has a choice to weigh.
  const choosing = rig.tune === 'best' && candidates.some((c) => c.points.length > 1 && rig.powerLimits[c.device] === undefined);
  return chooseRigPoints(candidates, {
    mode: rig.tune,
    revenueUsdPerHashDay: choosing ? revenueUsdPerHashDay(coin, rig.poolFeePercent) : null,
    electricityUsdPerKwh: rig.electricityUsdPerKwh,
    powerLimits: rig.powerLimits,
  });
}

/**
 * One price that ranks points as the day's tariff does, with every hour mined: profit per day is
 * r × h − W × 24 / 1000 × (1 + overhead) × mean over hours of (price − heat credit), so that
 * effective price is (1 + overhead / 100) × (mean hourly price − heat). Exact for hours=all; with
 * hours=profitable it is an approximation (the hours mined then depend on the point).
 */
export function effectiveUsdPerKwh(costs: Pick<DayCosts, 'hourPricesUsdPerKwh' | 'overheadPercent' | 'heatUsdPerKwh'>): number {
  const prices = costs.hourPricesUsdPerKwh.filter(Number.isFinite);
  if (prices.length === 0) return 0;
  const mean = prices.reduce((a, b) => a + b, 0) / prices.length;
  const overhead = Number.isFinite(costs.overheadPercent) && costs.overheadPercent > 0 ? costs.overheadPercent : 0;
  const heat = Number.isFinite(costs.heatUsdPerKwh) && costs.heatUsdPerKwh > 0 ? costs.heatUsdPerKwh : 0;
  return (1 + overhead / 100) * (mean - heat);
}
