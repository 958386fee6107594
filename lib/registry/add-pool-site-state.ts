// The add-pool-site form's fields and state, shared by the server action and the client form; no
// imports, so nothing server-side reaches the browser through it. The check's findings are codes
// and figures (base units: H/s, whole coins, percent); the form words and formats them.

export const ADD_POOL_SITE_FIELDS = ['poolKind', 'poolUrl'] as const;
export type AddPoolSiteField = (typeof ADD_POOL_SITE_FIELDS)[number];
export type AddPoolSiteValues = Partial<Record<AddPoolSiteField, string>>;

/** One pool the site runs, as the check found it. */
export type CheckedPool = {
  tag: string;
  poolId: string | null;
  feePercent: number | null;
  poolHashrate: number | null;
  networkHashrate: number | null;
  miners: number | null;
};

/** One coin the site would add as a long-tail row (MiningCore), with the network figures it gives. */
export type CheckedCoin = {
  tag: string;
  name: string;
  /** Algorithm slug (lib/mining/algorithms.ts). */
  algorithm: string;
  difficulty: number | null;
  networkHashrate: number | null;
  /** Whole coins, the miner's part; null when no block of the pool says. */
  blockReward: number | null;
  height: number | null;
};

export type CheckedSkip = {
  poolId: string;
  symbol: string | null;
  algorithm: string | null;
  code: 'bad-shape' | 'bad-id' | 'no-symbol' | 'unknown-algorithm' | 'no-network-figures' | 'difficulty-convention' | 'over-limit' | 'blocks-failed';
};

export type PoolSiteCheck = { pools: CheckedPool[]; coins: CheckedCoin[]; skipped: CheckedSkip[] };

export type AddPoolSiteState = {
  status: 'idle' | 'checked' | 'invalid';
  /** What the site answered (after a check that reached it). */
  check: PoolSiteCheck | null;
  /** An error for the whole form (too many checks, operator needed). */
  message: string | null;
  fieldErrors: Partial<Record<AddPoolSiteField, string>>;
  values: AddPoolSiteValues;
};

export const INITIAL_ADD_POOL_SITE_STATE: AddPoolSiteState = { status: 'idle', check: null, message: null, fieldErrors: {}, values: {} };
