// Cloud-mining / hash-rental contract evaluator: what a contract's hashrate would earn over its
// term against what it costs. Pure: numbers in, numbers out; every figure finite or null.
//
// Model (stated in CONTRACT_ASSUMPTIONS for display):
// - revenue on day t = coins/day now × coin price × (1 − fee) ÷ (1 + g)^(t/30): difficulty grows
//   by g a month, compounding, and the rig's coins fall in step; the coin price is held constant;
// - expected revenue over D days = ∫₀ᴰ r₀ ÷ (1 + g)^(t/30) dt = r₀ × (1 − e^(−kD)) ÷ k, k = ln(1 + g) ÷ 30;
// - the growth model is lib/mining/growth.ts, shared with the coin page's projection;
// - cost = upfront + (price per day + maintenance per day) × D.
// Many such offers lose money by construction: their daily price is above what the hashrate earns
// at today's difficulty, so they lose even if difficulty never rises ('loses-at-current-difficulty').
import { outputBetween } from './growth';

export const CONTRACT_ASSUMPTIONS =
  'Coin price held constant at today’s; difficulty grows by the given % a month, compounding, so coins/day fall as ÷ (1 + g)^(days ÷ 30); fee is a % of revenue; costs are the daily price plus maintenance for every day of the term, plus any upfront payment.';

export type ContractInput = {
  /** Contract hashrate in base units (H/s, Sol/s, G/s); only used for the price per unit. */
  hashrate: number;
  /** USD for the whole contract hashrate: per day of the term, and/or once upfront. */
  priceUsd: { perDay?: number; upfront?: number };
  durationDays: number;
  /** Pool / maintenance fee, % of revenue (clamped to 0–100). */
  feePercent: number;
  maintenanceUsdPerDay?: number;
  /** Coins per day the contract hashrate mines today (lib/mining/profit estimate). */
  coinsPerDayNow: number;
  coinPriceUsd: number;
  /** Difficulty growth, % per month (30 days); negative when difficulty falls (> −100). */
  difficultyGrowthPercentPerMonth: number;
};

export type ContractVerdict = 'loses-at-current-difficulty' | 'loses-with-growth' | 'profitable';

export type ContractEvaluation = {
  /** USD per day the hashrate earns today, after the fee. */
  revenueUsdPerDayNow: number | null;
  expectedRevenueUsd: number | null;
  totalCostUsd: number | null;
  netUsd: number | null;
  /** Net over the term if difficulty never grew: below 0 means the offer loses by construction. */
  netAtZeroGrowthUsd: number | null;
  /** First whole day from which the cumulative net stays ≥ 0 to the end; null when it ends below 0. */
  breakEvenDay: number | null;
  /**
   * The difficulty growth (% a month) at which net = 0 over the term, by bisection: a profitable
   * contract survives growth up to this; a negative value is the fall in difficulty a losing one
   * needs. Null when there is none within BREAK_EVEN_GROWTH_RANGE or nothing is earned.
   */
  breakEvenGrowthPercentPerMonth: number | null;
  /** Daily price ÷ contract hashrate, to compare with NiceHash's price per H/s. */
  usdPerHashPerDay: number | null;
  verdict: ContractVerdict | null;
  /** Input fields that were not usable numbers; every figure is null when this is not empty. */
  invalidFields: string[];
};

/** Growth searched for the break-even, % per month. */
export const BREAK_EVEN_GROWTH_RANGE = { min: -50, max: 1000 } as const;
const BISECTION_TOLERANCE_PERCENT = 1e-9;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

type Terms = {
  revenuePerDayNow: number;
  costPerDay: number;
  upfront: number;
  durationDays: number;
};

/** ∫₀ᵗ r₀ e^(−k s) ds (lib/mining/growth.ts). May be ±Infinity. */
function revenueUntil(revenuePerDayNow: number, growthPercent: number, t: number): number {
  if (revenuePerDayNow === 0 || t === 0) return 0;
  return revenuePerDayNow * outputBetween(growthPercent, 0, t);
}

function netUntil(terms: Terms, growthPercent: number, t: number): number {
  return revenueUntil(terms.revenuePerDayNow, growthPercent, t) - (terms.upfront + terms.costPerDay * t);
}

/**
 * Smallest whole day d (1…⌈D⌉, the last one counted at D) with net ≥ 0, given net(D) ≥ 0. Net is
 * concave in t for g ≥ 0 and convex for g < 0, starting at −upfront ≤ 0, so on days 1…⌈D⌉ it is
 * negative up to some day and non-negative after: a binary search finds the switch.
 */
function breakEvenDay(terms: Terms, growthPercent: number): number {
  const lastDay = Math.ceil(terms.durationDays);
  const ok = (day: number) => netUntil(terms, growthPercent, Math.min(day, terms.durationDays)) >= 0;
  let lo = 1;
  let hi = lastDay;
  // The cap only matters for absurd terms (≥ 2^53 days), where doubles no longer step by 1.
  for (let i = 0; i < 2_000 && lo < hi; i++) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Net over the term is strictly decreasing in g when something is earned: bisect for net = 0. */
function breakEvenGrowth(terms: Terms): number | null {
  if (terms.revenuePerDayNow <= 0) return null;
  const net = (g: number) => netUntil(terms, g, terms.durationDays);
  let lo: number = BREAK_EVEN_GROWTH_RANGE.min;
  let hi: number = BREAK_EVEN_GROWTH_RANGE.max;
  // Overflow of the revenue at strongly negative growth is a (huge) positive net: only signs are used.
  if (!(net(lo) >= 0) || net(hi) > 0) return null;
  for (let i = 0; i < 200 && hi - lo > BISECTION_TOLERANCE_PERCENT; i++) {
    const mid = (lo + hi) / 2;
    if (net(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const NOTHING: Omit<ContractEvaluation, 'invalidFields'> = {
  revenueUsdPerDayNow: null,
  expectedRevenueUsd: null,
  totalCostUsd: null,
  netUsd: null,
  netAtZeroGrowthUsd: null,
  breakEvenDay: null,
  breakEvenGrowthPercentPerMonth: null,
  usdPerHashPerDay: null,
  verdict: null,
};

export function evaluateContract(input: ContractInput): ContractEvaluation {
  const invalid: string[] = [];
  /** A finite number ≥ 0; `undefined` reads as 0 where the field is optional. */
  const amount = (name: string, value: number | undefined, optional: boolean): number => {
    if (value === undefined && optional) return 0;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
    invalid.push(name);
    return 0;
  };

  const perDay = amount('priceUsd.perDay', input.priceUsd?.perDay, true);
  const upfront = amount('priceUsd.upfront', input.priceUsd?.upfront, true);
  const maintenance = amount('maintenanceUsdPerDay', input.maintenanceUsdPerDay, true);
  const coinsPerDay = amount('coinsPerDayNow', input.coinsPerDayNow, false);
  const coinPrice = amount('coinPriceUsd', input.coinPriceUsd, false);
  const durationDays = input.durationDays;
  if (!(Number.isFinite(durationDays) && durationDays > 0)) invalid.push('durationDays');
  if (!Number.isFinite(input.feePercent)) invalid.push('feePercent');
  const growth = input.difficultyGrowthPercentPerMonth;
  if (!(Number.isFinite(growth) && growth > -100)) invalid.push('difficultyGrowthPercentPerMonth');
  if (invalid.length > 0) return { ...NOTHING, invalidFields: invalid };

  const fee = Math.min(Math.max(input.feePercent, 0), 100);
  const revenuePerDayNow = coinsPerDay * coinPrice * (1 - fee / 100);
  const terms: Terms = { revenuePerDayNow, costPerDay: perDay + maintenance, upfront, durationDays };

  const expectedRevenueUsd = finiteOrNull(revenueUntil(revenuePerDayNow, growth, durationDays));
  const totalCostUsd = finiteOrNull(upfront + terms.costPerDay * durationDays);
  const netUsd =
    expectedRevenueUsd !== null && totalCostUsd !== null ? finiteOrNull(expectedRevenueUsd - totalCostUsd) : null;
  const netAtZeroGrowthUsd = finiteOrNull(netUntil(terms, 0, durationDays));

  let verdict: ContractVerdict | null = null;
  if (netAtZeroGrowthUsd !== null && netAtZeroGrowthUsd < 0) verdict = 'loses-at-current-difficulty';
  else if (netUsd !== null && netAtZeroGrowthUsd !== null) verdict = netUsd < 0 ? 'loses-with-growth' : 'profitable';

  const hashrate = input.hashrate;
  const usdPerHashPerDay =
    perDay > 0 && Number.isFinite(hashrate) && hashrate > 0 ? finiteOrNull(perDay / hashrate) : null;

  return {
    revenueUsdPerDayNow: finiteOrNull(revenuePerDayNow),
    expectedRevenueUsd,
    totalCostUsd,
    netUsd,
    netAtZeroGrowthUsd,
    breakEvenDay: netUsd !== null && netUsd >= 0 ? breakEvenDay(terms, growth) : null,
    breakEvenGrowthPercentPerMonth: expectedRevenueUsd !== null && totalCostUsd !== null ? breakEvenGrowth(terms) : null,
    usdPerHashPerDay,
    verdict,
    invalidFields: [],
  };
}
