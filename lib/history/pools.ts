// Pool figures as history points: one per pool per fetch of its site, so the share of the network a
// pool holds over time shows a pool taking a network over. Stale pools (the site did not answer
// this time) repeat their last fetch time and so add nothing. Pure: the store writes them.
import { poolNetworkHashrate } from '@/lib/pools/math';
import type { Snapshot } from '@/lib/model/types';

export type PoolPoint = {
  tag: string;
  /** The pool site's source id (pool:<kind>:<site>) and the pool's id on it ('' where it has none). */
  sourceId: string;
  poolId: string;
  /** Epoch ms: when the site was asked. */
  at: number;
  /** H/s. */
  poolHashrate: number | null;
  /** Pool hashrate ÷ the coin's network hashrate (0–1; above 1 when the pool over-reports). */
  networkShare: number | null;
  feePercent: number | null;
  miners: number | null;
  blocks24h: number | null;
};

const finiteOrNull = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function snapshotPoolPoints(snapshot: Snapshot): PoolPoint[] {
  if (snapshot.mode !== 'live') return [];
  return (snapshot.pools ?? []).flatMap((pool) => {
    const at = pool.fetchedAt ? Date.parse(pool.fetchedAt) : Number.NaN;
    if (pool.stale || !Number.isFinite(at)) return [];
    const coin = snapshot.coins.find((c) => c.tag === pool.tag);
    const network = coin ? poolNetworkHashrate(coin, pool) : (pool.networkHashrate ?? null);
    const share = pool.poolHashrate !== null && network !== null && network > 0 ? pool.poolHashrate / network : null;
    return {
      tag: pool.tag,
      sourceId: pool.sourceId,
      poolId: pool.poolId ?? '',
      at,
      poolHashrate: finiteOrNull(pool.poolHashrate),
      networkShare: finiteOrNull(share),
      feePercent: finiteOrNull(pool.feePercent),
      miners: finiteOrNull(pool.miners),
      blocks24h: finiteOrNull(pool.blocks24h),
    };
  });
}
