// The rig as the pool figures see it: its hashrate and power on one algorithm, the flat kWh price
// and the flat fee (`fee=`, used for pools that publish none).
import type { PoolRig } from '@/lib/pools/math';
import type { Rig } from './rig';

export function poolRigFor(rig: Rig, algorithm: string): PoolRig {
  return {
    hashrate: rig.hashrates[algorithm] ?? 0,
    powerWatts: rig.powerWatts[algorithm] ?? 0,
    electricityUsdPerKwh: rig.electricityUsdPerKwh,
    flatFeePercent: rig.poolFeePercent,
  };
}
