// The rig a page estimates for: the one in the URL, or a default that makes the first view
// useful. Base units throughout (H/s, W).
import type { DashboardState } from './search-params';

export type Rig = {
  /** Hashrate per algorithm slug, base units. */
  hashrates: Record<string, number>;
  /** Power draw at the wall per algorithm slug, watts. */
  powerWatts: Record<string, number>;
  electricityUsdPerKwh: number;
  poolFeePercent: number;
};

/**
 * One NVIDIA RTX 3070 (non-LHR), typical tuned figures as published by public benchmark
 * tables (hashrate.no, WhatToMine's GPU list): about 60 MH/s Ethash/Etchash at ~120 W,
 * 24 MH/s KawPow at ~140 W, 150 MH/s Autolykos2 at ~120 W. Approximate: enter your own.
 */
export const DEFAULT_RIG_NAME = 'one RTX 3070 (typical published figures)';
export const DEFAULT_RIG_HASHRATES: Readonly<Record<string, number>> = {
  ethash: 60e6,
  etchash: 60e6,
  kawpow: 24e6,
  autolykos2: 150e6,
};
export const DEFAULT_RIG_WATTS: Readonly<Record<string, number>> = {
  ethash: 120,
  etchash: 120,
  kawpow: 140,
  autolykos2: 120,
};

/** True when the URL names no hashrate or power for any algorithm. */
export function usesDefaultRig(state: DashboardState): boolean {
  return Object.keys(state.hashrates).length === 0 && Object.keys(state.powerWatts).length === 0;
}

export function rigFromState(state: DashboardState): Rig {
  const useDefault = usesDefaultRig(state);
  return {
    hashrates: useDefault ? { ...DEFAULT_RIG_HASHRATES } : { ...state.hashrates },
    powerWatts: useDefault ? { ...DEFAULT_RIG_WATTS } : { ...state.powerWatts },
    electricityUsdPerKwh: state.electricityUsdPerKwh,
    poolFeePercent: state.poolFeePercent,
  };
}
