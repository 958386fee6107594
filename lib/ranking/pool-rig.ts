// The rig as the pool figures see it, and the "best pool" choice of the ranking (`pool=best`):
// each coin estimated at the fee of its best known pool for this rig (lib/pools/math.ts), coins
// without pools at the flat fee. The flat `fee=` stays the default.
import type { PoolRig } from '@/lib/pools/math';
import { buildPoolRows } from '@/lib/pools/view';
import type { Snapshot } from '@/lib/model/types';
import type { DashboardState } from '@/lib/url/search-params';
import type { Rig } from './rig';

export function poolRigFor(rig: Rig, algorithm: string): PoolRig {
  return {
    hashrate: rig.hashrates[algorithm] ?? 0,
    powerWatts: rig.powerWatts[algorithm] ?? 0,
    electricityUsdPerKwh: rig.electricityUsdPerKwh,
    flatFeePercent: rig.poolFeePercent,
  };
}

/**
 * Each coin's best pool fee, by tag, for this rig. "Now" is the snapshot's time, so the choice is
 * the same for every page that serves this snapshot.
 */
export function bestPoolFees(snapshot: Pick<Snapshot, 'asOf' | 'coins' | 'pools'>, rig: Rig): Record<string, number> {
  const nowMs = Date.parse(snapshot.asOf);
  const byTag = new Map<string, NonNullable<Snapshot['pools']>>();
  for (const pool of snapshot.pools ?? []) byTag.set(pool.tag, [...(byTag.get(pool.tag) ?? []), pool]);
  const fees: Record<string, number> = {};
  for (const [tag, pools] of byTag) {
    const coin = snapshot.coins.find((c) => c.tag === tag);
    if (!coin) continue;
    const best = buildPoolRows(coin, pools, poolRigFor(rig, coin.algorithm), nowMs).find((row) => row.best);
    if (best) fees[tag] = best.figures.feePercentUsed;
  }
  return fees;
}

/** The rig with `poolFeeByTag` filled when the URL asks for the best pool (`pool=best`). */
export function withBestPools(rig: Rig, snapshot: Pick<Snapshot, 'asOf' | 'coins' | 'pools'>, state: Pick<DashboardState, 'poolChoice'>): Rig {
  return state.poolChoice === 'best' ? { ...rig, poolFeeByTag: bestPoolFees(snapshot, rig) } : rig;
}
