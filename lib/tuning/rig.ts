// The rig's operating point for one coin: per device, the best point at the user's electricity
// price (tune=best), the stock point (tune=stock), or the point at the user's power limit
// (pl.<device>=<percent>, which wins over both); then summed over the devices × counts.
// Pure: numbers in, numbers out.
import { bestOperatingPoint, type OperatingPoint } from './best';
import { pointAtPowerLimit } from './curve';

export const TUNE_MODES = ['best', 'stock'] as const;
export type TuneMode = (typeof TUNE_MODES)[number];
export const DEFAULT_TUNE: TuneMode = 'best';

/** One device of the rig and its points for one algorithm; points[0] is the catalog row's own figure (stock, unless the row names another setting). */
export type DeviceCandidates = { device: string; count: number; points: readonly OperatingPoint[] };

export type DeviceChoice = {
  device: string;
  count: number;
  point: OperatingPoint;
  /** How many points the device has on this algorithm: with one, there was nothing to choose. */
  pointCount: number;
};

export type RigChoice = {
  /** Summed over devices × counts, base units and watts. */
  hashrate: number;
  watts: number;
  choices: DeviceChoice[];
};

export function powerLimitLabel(percent: number): string {
  return `pl-${percent}`;
}

/**
 * Chooses each device's point. `revenueUsdPerHashDay` is the coin's USD per H/s per day (null
 * without a price: stock is kept). Devices with no points or a non-positive count add nothing.
 */
export function chooseRigPoints(
  devices: readonly DeviceCandidates[],
  options: {
    mode: TuneMode;
    revenueUsdPerHashDay: number | null;
    electricityUsdPerKwh: number;
    powerLimits?: Readonly<Record<string, number>>;
  },
): RigChoice {
  let hashrate = 0;
  let watts = 0;
  const choices: DeviceChoice[] = [];
  for (const { device, count, points } of devices) {
    const stock = points[0];
    if (!stock || !(count > 0)) continue;
    let point: OperatingPoint = stock;
    const limit = options.powerLimits?.[device];
    if (limit !== undefined) {
      const at = pointAtPowerLimit(points, stock.watts, limit);
      if (at) point = { label: powerLimitLabel(limit), hashrate: at.hashrate, watts: at.watts, powerLimitPercent: limit };
    } else if (options.mode === 'best') {
      point = bestOperatingPoint(points, options.revenueUsdPerHashDay, options.electricityUsdPerKwh) ?? stock;
    }
    hashrate += point.hashrate * count;
    watts += point.watts * count;
    choices.push({ device, count, point, pointCount: points.length });
  }
  return { hashrate, watts, choices };
}
