// The rig a page estimates for: catalog devices × counts, summed per algorithm, with any
// hand-entered hashrate or power taking the place of the sum for its algorithm. With nothing
// in the URL, a default rig that makes the first view useful. Base units throughout (H/s, W).
import { getDevice, sumRig, type RigDevice } from '@/lib/hardware/catalog';
import type { DashboardState } from '@/lib/url/search-params';
import type { TuneMode } from '@/lib/tuning/rig';
import { resolvePowerDay, usesTariff, type PowerDay, type SpotFeed, type UsdRates } from '@/lib/electricity/tariff';

export type Rig = {
  /** Hashrate per algorithm slug, base units. */
  hashrates: Record<string, number>;
  /** Power draw at the wall per algorithm slug, watts. */
  powerWatts: Record<string, number>;
  electricityUsdPerKwh: number;
  poolFeePercent: number;
  /** `pool=best`: each coin's best pool fee by tag (lib/ranking/pool-rig.ts); coins without pools keep the flat fee. */
  poolFeeByTag?: Readonly<Record<string, number>>;
  devices: RigDevice[];
  /** The day's hourly electricity (tou=, spot=, fixed=, overhead=, heat=, hours=); null: flat kwh= all day. */
  power?: PowerDay | null;
  /** Operating points (lib/tuning): best per coin or stock, and power limits per device id. */
  tune?: TuneMode;
  powerLimits?: Record<string, number>;
  /** Algorithms whose figures come from the devices alone (no hand-typed hashrate or power): the tunable ones. */
  fromDevices?: string[];
};

/** What a tariff needs besides the URL: the data's time (its day is the day priced), a spot feed, rates. */
export type ElectricityContext = { asOfMs: number; spot?: SpotFeed | null; rates?: UsdRates };

/** One RTX 3070: a common card; its figures (and their sources) are in lib/hardware/devices.json. */
export const DEFAULT_DEVICES: readonly RigDevice[] = [{ id: 'nvidia-rtx-3070', count: 1 }];

export function defaultRigName(): string {
  return DEFAULT_DEVICES.map((d) => `${d.count} × ${getDevice(d.id)?.name ?? d.id}`).join(' + ');
}

/** True when the URL names no device, hashrate or power. */
export function usesDefaultRig(state: Pick<DashboardState, 'devices' | 'hashrates' | 'powerWatts'>): boolean {
  return state.devices.length === 0 && Object.keys(state.hashrates).length === 0 && Object.keys(state.powerWatts).length === 0;
}

export function rigFromState(state: DashboardState, electricity?: ElectricityContext): Rig {
  const devices = usesDefaultRig(state) ? [...DEFAULT_DEVICES] : state.devices;
  const summed = sumRig(devices);
  const hashrates = { ...summed.hashrates, ...state.hashrates };
  const powerWatts: Record<string, number> = {};
  for (const slug of Object.keys(hashrates)) {
    const watts = state.powerWatts[slug] ?? summed.powerWatts[slug];
    if (watts !== undefined) powerWatts[slug] = watts;
  }
  return {
    hashrates,
    powerWatts,
    electricityUsdPerKwh: state.electricityUsdPerKwh,
    poolFeePercent: state.poolFeePercent,
    devices,
    power:
      electricity && usesTariff(state) && Number.isFinite(electricity.asOfMs)
        ? resolvePowerDay(state, state.electricityUsdPerKwh, electricity.asOfMs, electricity.spot ?? null, electricity.rates ?? {})
        : null,
    tune: state.tune,
    powerLimits: state.powerLimits,
    fromDevices: Object.keys(summed.hashrates).filter(
      (slug) => state.hashrates[slug] === undefined && state.powerWatts[slug] === undefined,
    ),
  };
}
