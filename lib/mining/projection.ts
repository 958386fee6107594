// Pure what-if arithmetic for the coin page: the electricity price at which mining stops paying,
// profit against that price, and cumulative profit over a horizon with difficulty growth and
// reward changes. Numbers in, numbers out: no I/O, no clock, no React. Never returns NaN/Infinity.
import { outputBetween } from './growth';
import { powerCostUsdPerDay } from './profit';

/** Longest projection horizon: ten years. */
export const MAX_PROJECTION_DAYS = 3650;
/** Difficulty growth is clamped to −90 … +1000 % per 30 days. */
export const MIN_GROWTH_PERCENT_PER_MONTH = -90;
export const MAX_GROWTH_PERCENT_PER_MONTH = 1000;

const MAX_ELECTRICITY_STEPS = 1000;
const DEFAULT_ELECTRICITY_STEPS = 50;

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** kWh a rig draws per day: W × 24 / 1000. */
function kwhPerDay(powerWatts: number): number {
  return (powerWatts * 24) / 1000;
}

/**
 * The electricity price (USD/kWh) at which profit is zero: revenue / (W × 24 / 1000).
 * Example: $1.44/day at 300 W → 1.44 / 7.2 = $0.20/kWh.
 * Null when revenue is unknown, not finite or negative (no price ≥ 0 breaks even), and when the rig
 * draws no power (W ≤ 0): without a power cost, no electricity price ever makes it unprofitable.
 */
export function breakEvenElectricityUsdPerKwh(revenueUsdPerDay: number | null, powerWatts: number): number | null {
  if (!finite(revenueUsdPerDay) || revenueUsdPerDay < 0) return null;
  if (!finite(powerWatts) || powerWatts <= 0) return null;
  const price = revenueUsdPerDay / kwhPerDay(powerWatts);
  return Number.isFinite(price) ? price : null;
}

export type ElectricityPoint = { kwh: number; profitUsdPerDay: number };

/**
 * Profit per day at `steps + 1` evenly spaced electricity prices from 0 to maxKwh (inclusive).
 * Empty when revenue is unknown or maxKwh is not a positive finite number. Watts ≤ 0 or not finite
 * cost nothing (a flat line, as in profit.ts). Steps are floored and clamped to 1…1000; a missing or
 * non-finite count uses 50.
 */
export function profitAgainstElectricity({
  revenueUsdPerDay,
  powerWatts,
  maxKwh,
  steps,
}: {
  revenueUsdPerDay: number | null;
  powerWatts: number;
  maxKwh: number;
  steps?: number;
}): ElectricityPoint[] {
  if (!finite(revenueUsdPerDay) || !finite(maxKwh) || maxKwh <= 0) return [];
  const count = finite(steps)
    ? Math.min(Math.max(Math.floor(steps), 1), MAX_ELECTRICITY_STEPS)
    : DEFAULT_ELECTRICITY_STEPS;
  const points: ElectricityPoint[] = [];
  for (let i = 0; i <= count; i++) {
    const kwh = maxKwh * (i / count);
    const profit = revenueUsdPerDay - powerCostUsdPerDay(powerWatts, kwh);
    if (!Number.isFinite(profit)) return [];
    points.push({ kwh, profitUsdPerDay: profit });
  }
  return points;
}

/** A reward change `day` days from now: the block reward is multiplied by `factor` from that day on. */
export type RewardChange = { day: number; factor: number };

export type ProjectionPoint = {
  day: number;
  /** The rig's coins per day on this day, after difficulty growth and reward changes. */
  coinsPerDay: number;
  /** Profit per day on this day (USD/day). */
  profitUsd: number;
  /** −hardware cost + the profit of days 1…day. */
  cumulativeProfitUsd: number;
};

export type Projection = {
  points: ProjectionPoint[];
  /** The cumulative profit at the horizon, hardware cost included (= the last point's cumulative). */
  totalProfitUsd: number;
  /** First day the cumulative profit is ≥ 0; null without a hardware cost or if never within the horizon. */
  breakEvenDay: number | null;
};

export type ProjectionInput = {
  coinsPerDay: number | null;
  priceUsd: number | null;
  powerCostUsdPerDay: number;
  days: number;
  difficultyGrowthPercentPerMonth: number;
  halvings?: readonly RewardChange[];
  hardwareCostUsd?: number | null;
};

const EMPTY: Projection = { points: [], totalProfitUsd: 0, breakEvenDay: null };

/**
 * Cumulative profit day by day over `days` days (points for day 0…days).
 *
 * - The coin price is held constant at today's priceUsd: we do not forecast prices.
 * - Difficulty grows g % per 30 days, compounding continuously (lib/mining/growth.ts, the model the
 *   contract evaluator uses too): day d's coins are what is mined between day d − 1 and day d,
 *   c × ∫ e^(−k s) ds over that day, k = ln(1 + g/100) / 30, so the total over D days is the
 *   contract's c × (1 − e^(−kD)) / k. g = 0 is flat; g is clamped to −90 … +1000, and a
 *   non-finite g counts as 0.
 * - Each reward change { day, factor } multiplies the reward from that day on (days ≥ day), once:
 *   two halvings of 0.5 quarter it, one never does. Fractional days apply from the next whole day.
 *   Changes with a non-finite or negative day, or a factor that is not a finite number ≥ 0, are
 *   ignored (a change already behind us is in today's figures).
 * - Day 0 is today, before any mining: its point shows today's rates, and its cumulative profit is
 *   −hardwareCostUsd. Day d ≥ 1 adds that day's profit, computed at the day-d rates, so after d days
 *   the cumulative is −hardware + Σ profit(1…d); with g = 0 and no changes it is −hardware + d × profit.
 * - breakEvenDay: with a hardware cost > 0, the first day whose cumulative is ≥ 0, or null if that does
 *   not happen within the horizon. Without a hardware cost (null, 0, negative, not finite) there is
 *   nothing to pay back and breakEvenDay is null.
 * - Invalid input never throws: days that are not finite or < 0 give no points; fractional days are
 *   floored; more than 3650 days are clamped to 3650. A missing, negative or non-finite coinsPerDay,
 *   priceUsd or powerCostUsdPerDay gives no points, as does a result too large to represent.
 */
export function projectCumulativeProfit(input: ProjectionInput): Projection {
  const { coinsPerDay, priceUsd, powerCostUsdPerDay: costPerDay, days } = input;
  if (!finite(days) || days < 0) return EMPTY;
  if (!finite(coinsPerDay) || coinsPerDay < 0) return EMPTY;
  if (!finite(priceUsd) || priceUsd < 0) return EMPTY;
  if (!finite(costPerDay) || costPerDay < 0) return EMPTY;

  const horizon = Math.min(Math.floor(days), MAX_PROJECTION_DAYS);
  const growth = finite(input.difficultyGrowthPercentPerMonth)
    ? Math.min(Math.max(input.difficultyGrowthPercentPerMonth, MIN_GROWTH_PERCENT_PER_MONTH), MAX_GROWTH_PERCENT_PER_MONTH)
    : 0;
  const hardware =
    finite(input.hardwareCostUsd) && input.hardwareCostUsd > 0 ? input.hardwareCostUsd : 0;

  // Each change applies from the first whole day at or after its day, in day order.
  const changes = (input.halvings ?? [])
    .filter((c) => finite(c.day) && c.day >= 0 && finite(c.factor) && c.factor >= 0)
    .map((c) => ({ day: Math.ceil(c.day), factor: c.factor }))
    .sort((a, b) => a.day - b.day);

  const points: ProjectionPoint[] = [];
  let rewardFactor = 1;
  let next = 0;
  let cumulative = hardware > 0 ? -hardware : 0;
  let breakEvenDay: number | null = null;

  for (let day = 0; day <= horizon; day++) {
    while (next < changes.length && changes[next]!.day <= day) {
      rewardFactor *= changes[next]!.factor;
      next++;
    }
    // Day 0 is today's rate; day d ≥ 1 is that day's output, (d − 1, d].
    const dayOutput = day === 0 || growth === 0 ? 1 : outputBetween(growth, day - 1, day);
    const coins = coinsPerDay * rewardFactor * dayOutput;
    const profit = coins * priceUsd - costPerDay;
    if (day > 0) cumulative += profit;
    if (!Number.isFinite(coins) || !Number.isFinite(profit) || !Number.isFinite(cumulative)) return EMPTY;
    if (hardware > 0 && breakEvenDay === null && cumulative >= 0) breakEvenDay = day;
    points.push({ day, coinsPerDay: coins, profitUsd: profit, cumulativeProfitUsd: cumulative });
  }

  return { points, totalProfitUsd: cumulative, breakEvenDay };
}
