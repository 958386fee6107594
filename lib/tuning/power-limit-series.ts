// Profit against a power limit for the rig on one coin: every device at the same percent of its
// stock power, hashrate from each device's curve (lib/tuning/curve.ts), summed × counts.
// Pure: numbers in, numbers out.
import { curveVertices, MIN_POWER_LIMIT_PERCENT, pointAtPowerLimit } from './curve';
import type { DeviceCandidates } from './rig';

export type PowerLimitPoint = { percent: number; hashrate: number; watts: number; profitUsdPerDay: number };

/** Percent steps from `from` to where the last device's curve stops rising (at least 100 %, at most 200 %). */
export function powerLimitPercents(devices: readonly DeviceCandidates[], step = 5, from = 30): number[] {
  let top = 100;
  for (const { points } of devices) {
    const stock = points[0];
    const last = curveVertices(points).at(-1);
    if (stock && last) top = Math.max(top, Math.ceil((last.watts / stock.watts) * 100));
  }
  top = Math.min(top, 200);
  const percents: number[] = [];
  for (let p = Math.max(from, MIN_POWER_LIMIT_PERCENT); p < top; p += step) percents.push(p);
  percents.push(top);
  return percents;
}

/**
 * profit(p) = r × Σ count × h_i(p) − Σ count × w_i(p) × 24 / 1000 × price, with r the coin's USD
 * per H/s per day after fees. Empty without devices or a revenue figure.
 */
export function profitByPowerLimit(
  devices: readonly DeviceCandidates[],
  revenueUsdPerHashDay: number | null,
  electricityUsdPerKwh: number,
  percents: readonly number[] = powerLimitPercents(devices),
): { points: PowerLimitPoint[]; best: PowerLimitPoint | null } {
  if (revenueUsdPerHashDay === null || !Number.isFinite(revenueUsdPerHashDay) || devices.length === 0) return { points: [], best: null };
  const kwh = electricityUsdPerKwh > 0 ? electricityUsdPerKwh : 0;
  const points: PowerLimitPoint[] = [];
  for (const percent of percents) {
    let hashrate = 0;
    let watts = 0;
    for (const { points: devicePoints, count } of devices) {
      const stock = devicePoints[0];
      const at = stock ? pointAtPowerLimit(devicePoints, stock.watts, percent) : null;
      if (!at || !(count > 0)) continue;
      hashrate += at.hashrate * count;
      watts += at.watts * count;
    }
    points.push({ percent, hashrate, watts, profitUsdPerDay: revenueUsdPerHashDay * hashrate - (watts * 24 * kwh) / 1000 });
  }
  // Best: the highest profit; ties to the lower limit (less power for the same money).
  let best: PowerLimitPoint | null = null;
  for (const p of points) if (!best || p.profitUsdPerDay > best.profitUsdPerDay + 1e-12) best = p;
  return { points, best };
}
