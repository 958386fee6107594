// Which operating point pays best for one coin at one electricity price, and the price at which
// the choice flips. Revenue is linear in hashrate (coins per day = H × 86400 × R / (D × k)), so a
// coin is summed up by its revenue per unit of hashrate per day, r (USD per H/s per day):
//   profit(point) = r × hashrate − watts × 24 / 1000 × price per kWh.
// Pure: numbers in, numbers out.

export type OperatingPoint = {
  /** A code: "stock", "efficient", "max", "pl-70" (power limit 70 %)…; components word it. */
  label: string;
  hashrate: number;
  watts: number;
  /** Percent of the stock point's power, where the point is a power limit. */
  powerLimitPercent?: number;
};

/** kWh per watt-day: W × 24 h / 1000. */
const KWH_PER_WATT_DAY = 24 / 1000;

export function pointProfitUsdPerDay(point: OperatingPoint, revenueUsdPerHashDay: number, electricityUsdPerKwh: number): number {
  const kwh = electricityUsdPerKwh > 0 ? electricityUsdPerKwh : 0;
  return revenueUsdPerHashDay * point.hashrate - point.watts * KWH_PER_WATT_DAY * kwh;
}

/**
 * The most profitable point; ties go to the lower power, then to the earlier point (stock first).
 * Without a usable revenue figure (no price), the first point — stock — is kept: there is nothing to
 * weigh power against. Null for an empty list.
 */
export function bestOperatingPoint<P extends OperatingPoint>(
  points: readonly P[],
  revenueUsdPerHashDay: number | null,
  electricityUsdPerKwh: number,
): P | null {
  if (points.length === 0) return null;
  if (revenueUsdPerHashDay === null || !Number.isFinite(revenueUsdPerHashDay) || revenueUsdPerHashDay < 0) return points[0]!;
  let best = points[0]!;
  let bestProfit = pointProfitUsdPerDay(best, revenueUsdPerHashDay, electricityUsdPerKwh);
  for (const point of points.slice(1)) {
    const profit = pointProfitUsdPerDay(point, revenueUsdPerHashDay, electricityUsdPerKwh);
    if (profit > bestProfit || (profit === bestProfit && point.watts < best.watts)) {
      best = point;
      bestProfit = profit;
    }
  }
  return best;
}

/**
 * The electricity price (USD/kWh) at which two points pay the same:
 *   r × h_a − 0.024 × w_a × p = r × h_b − 0.024 × w_b × p  ⇒  p = r × (h_a − h_b) / (0.024 × (w_a − w_b)).
 * Below it the point with more hashrate per day pays more, above it the one drawing less power.
 * Null when no positive price separates them (same power, or one point has more hashrate for less power).
 */
export function breakEvenUsdPerKwh(a: OperatingPoint, b: OperatingPoint, revenueUsdPerHashDay: number): number | null {
  const dh = a.hashrate - b.hashrate;
  const dw = a.watts - b.watts;
  if (dw === 0 || !(revenueUsdPerHashDay > 0)) return null;
  const price = (revenueUsdPerHashDay * dh) / (KWH_PER_WATT_DAY * dw);
  return Number.isFinite(price) && price > 0 ? price : null;
}
