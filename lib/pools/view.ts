// The pools of one coin for one rig: each pool's figures (lib/pools/math.ts) and the best pool,
// in the order the pools answered. Pure: the page and GET /api/coins/{tag}/pools both use it.
import type { CoinFigures } from '@/lib/mining/profit';
import type { SnapshotPool } from '@/lib/model/pools';
import { bestPoolIndex, poolFigures, type PoolFigures, type PoolRig } from './math';

export type PoolRow = { pool: SnapshotPool; figures: PoolFigures; best: boolean };

export function buildPoolRows(coin: CoinFigures, pools: readonly SnapshotPool[], rig: PoolRig, nowMs: number): PoolRow[] {
  const rows = pools.map((pool) => ({ pool, figures: poolFigures(pool, coin, rig, nowMs) }));
  const best = bestPoolIndex(rows);
  return rows.map((row, index) => ({ ...row, best: index === best }));
}

/** A pool's figures as the API names them (README "API"): codes and numbers, no sentences. */
export function poolRowJson(row: PoolRow) {
  const { pool, figures } = row;
  return {
    kind: pool.kind,
    url: pool.url,
    poolId: pool.poolId,
    feePercent: pool.feePercent,
    feePercentUsed: figures.feePercentUsed,
    feeFrom: figures.feeFrom,
    payoutScheme: pool.payoutScheme,
    minimumPayout: pool.minimumPayout,
    poolHashrate: pool.poolHashrate,
    miners: pool.miners,
    networkShare: figures.networkShare,
    lastBlockAt: pool.lastBlockAt,
    blocks24h: pool.blocks24h,
    blocks24hAtLeast: pool.blocks24hAtLeast,
    effortPercent: pool.effortPercent,
    orphanRate: pool.orphanRate,
    coinsPerDay: figures.coinsPerDay,
    revenueUsdPerDay: figures.revenueUsdPerDay,
    daysToMinimumPayout: figures.daysToMinimumPayout,
    payoutWithinWeek: figures.payoutWithinWeek,
    warnings: figures.warnings,
    best: row.best,
    fetchedAt: pool.fetchedAt,
    stale: pool.stale,
  };
}
