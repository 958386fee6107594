// The contract of the pool adapters: where to ask (a pool site and the coins wanted from it) and
// what comes back (PoolStats, lib/model/pools.ts). Only lib/sources/pools knows the pool JSON.
import type { PoolKind, PoolStats } from '@/lib/model/pools';

export type PoolWanted = {
  tag: string;
  /** MiningCore pool id / NOMP pool name / YIIMP coin key; null: find the coin by its ticker. */
  poolId: string | null;
  /** A fee entered with the pool, used when the software publishes none (NOMP without poolFees). */
  feePercent: number | null;
};

export type PoolSite = { kind: PoolKind; url: string; wanted: readonly PoolWanted[] };

export type PoolFetchOptions = {
  timeoutMs: number;
  /** Operator opt-in: let the server reach private, loopback and link-local pool sites. */
  allowPrivate: boolean;
  /** The fetch time (ms): "24 h" and "time since last block" are counted from it. */
  now?: () => number;
};

export type PoolSiteResult = { pools: PoolStats[]; skipped: Array<{ tag: string; reason: string }> };
