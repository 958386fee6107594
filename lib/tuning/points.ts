// A device's operating points on one algorithm, from the catalog: the row's own figure (labelled
// "stock" unless the row names its setting), then the points the row lists. Citations stay in the catalog; these carry figures only.
import { getDevice, type DeviceRate, type RigDevice } from '@/lib/hardware/catalog';
import { STOCK_LABEL } from '@/lib/hardware/ids';
import type { OperatingPoint } from './best';
import type { DeviceCandidates } from './rig';

export function operatingPointsOf(rate: DeviceRate): OperatingPoint[] {
  const own: OperatingPoint = { label: rate.label ?? STOCK_LABEL, hashrate: rate.hashrate, watts: rate.watts };
  const others = (rate.points ?? []).map(({ label, hashrate, watts, powerLimitPercent }) =>
    powerLimitPercent === undefined ? { label, hashrate, watts } : { label, hashrate, watts, powerLimitPercent },
  );
  return [own, ...others];
}

/** The rig's devices that have a figure for `algorithm`, each with its points (unknown ids skipped). */
export function rigCandidates(devices: readonly RigDevice[], algorithm: string): DeviceCandidates[] {
  const found: DeviceCandidates[] = [];
  for (const { id, count } of devices) {
    const rate = getDevice(id)?.rates.find((r) => r.algorithm === algorithm);
    if (rate) found.push({ device: id, count, points: operatingPointsOf(rate) });
  }
  return found;
}
