// The ranking's row and its merged/dual part, as types only: ranking.ts builds rows, combos.ts
// builds the combined ones, and both name these without importing each other.
import type { BasisUsed } from '@/lib/mining/basis';
import type { Estimate } from '@/lib/mining/profit';
import type { Coin } from '@/lib/model/types';
import type { DayResult } from '@/lib/electricity/integrate';
import type { Part } from '@/lib/tuning/merged';
import type { DeviceChoice } from '@/lib/tuning/rig';

export type Combo = {
  kind: 'merged' | 'dual';
  /** Catalog dual label, or the parent tag for merged rows. */
  label: string;
  parts: Part[];
  /** Parts left out of the revenue for want of a price. */
  unpriced: string[];
  /** Merged only: aux coins of the group that the data does not have (not counted). */
  auxMissing: string[];
};

export type RankedRow = {
  coin: Coin;
  /** The rig's hashrate and power for this coin's algorithm; null when the rig has none. */
  hashrate: number | null;
  powerWatts: number | null;
  /** null when the rig has no hashrate for this algorithm. */
  estimate: Estimate | null;
  /** Reward-to-effort (lib/mining/score.ts): profit per kWh, USD/kWh. */
  score: number | null;
  /** Which figures the estimate used: current, or an upstream or history average. */
  basisUsed: BasisUsed;
  /** The day hour by hour under the rig's tariff; null on a flat price (then 24 hours at kwh=). */
  day?: DayResult | null;
  /** The operating point chosen per device (lib/tuning); null where the figures are hand-typed or none. */
  operatingPoints?: DeviceChoice[] | null;
  /** A merged or dual row: the parts whose revenue it sums (lib/ranking/combos.ts); absent on a coin's own row. */
  combo?: Combo;
};
