// The one model of difficulty growth, used by the contract evaluator (/contract) and the coin
// page's projection, so the same growth= gives the same total in both.
//
// Difficulty grows g % per 30 days, compounding continuously: on day s it is (1 + g/100)^(s/30)
// times today's, so revenue (coins per day, at a constant price) is r₀ e^(−k s) with
// k = ln(1 + g/100) / 30. What is mined between day a and day b is the integral
// ∫ₐᵇ r₀ e^(−k s) ds: a day's output is its mean rate, not its rate at either end.

/** Days in the "month" of a growth rate. */
export const GROWTH_PERIOD_DAYS = 30;

/** k, per day, for g % per 30 days (g > −100). */
export function growthRatePerDay(growthPercentPerMonth: number): number {
  return Math.log1p(growthPercentPerMonth / 100) / GROWTH_PERIOD_DAYS;
}

/** Difficulty on day s as a multiple of today's: (1 + g/100)^(s/30). */
export function difficultyFactor(growthPercentPerMonth: number, day: number): number {
  return Math.exp(growthRatePerDay(growthPercentPerMonth) * day);
}

/**
 * ∫ₐᵇ e^(−k s) ds: the days' worth of today's output mined between day a and day b (a ≤ b),
 * stable as k → 0 (where it is b − a). May be ±Infinity for extreme inputs; callers check.
 */
export function outputBetween(growthPercentPerMonth: number, fromDay: number, toDay: number): number {
  const span = toDay - fromDay;
  if (span === 0) return 0;
  const k = growthRatePerDay(growthPercentPerMonth);
  const x = k * span;
  // (1 − e^(−x)) / x → 1 − x/2 as x → 0.
  const mean = Math.abs(x) < 1e-12 ? 1 - x / 2 : -Math.expm1(-x) / x;
  return Math.exp(-k * fromDay) * span * mean;
}
