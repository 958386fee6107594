// NOMP / s-nomp pool portals: GET /api/stats, one object for the whole portal with every coin's
// pool under `pools.<name>`. Field names and units from s-nomp's libs/stats.js: `hashrate` in
// H/s (share difficulty × 2^32 ÷ the algorithm's multiplier ÷ the window), `workerCount`,
// `poolStats.networkSols` (the node's networkhashps, H/s) and `networkDiff`, `blocks` as counts
// of pending, confirmed and orphaned blocks (all time), and `poolFees`, the pool config's
// rewardRecipients (address → percent), where the portal publishes it. No minimum payout, no
// block times: those figures stay null.
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { getJson } from '@/lib/sources/chain/request';
import { hashrateOrNull, nonNegative, percentOrNull } from './bounds';
import type { PoolFetchOptions, PoolSite, PoolSiteResult } from './types';
import type { PoolStats } from '@/lib/model/pools';

const SOURCE = 'nomp';

export const nompPoolSchema = z.object({
  name: z.string(),
  symbol: z.string().optional(),
  algorithm: z.string().optional(),
  /** Address → percent of each block. */
  poolFees: z.record(z.string(), upstreamNumber).optional(),
  /** H/s. */
  hashrate: upstreamNumber,
  workerCount: upstreamNumber.optional(),
  poolStats: z
    .object({
      /** H/s. */
      networkSols: upstreamNumber.optional(),
      networkDiff: upstreamNumber.optional(),
    })
    .optional(),
  blocks: z.object({ pending: upstreamNumber, confirmed: upstreamNumber, orphaned: upstreamNumber }),
});
export type NompPool = z.infer<typeof nompPoolSchema>;

export const nompStatsSchema = z.object({
  time: upstreamNumber.optional(),
  pools: z.record(z.string(), nompPoolSchema),
});

export function normalizeNompPool(pool: NompPool, key: string, where: { tag: string; url: string; feePercent: number | null }): PoolStats {
  const fees = pool.poolFees ? Object.values(pool.poolFees) : null;
  const poolFee = fees && fees.every((f) => f !== null) ? fees.reduce<number>((sum, f) => sum + (f ?? 0), 0) : null;
  const confirmed = nonNegative(pool.blocks.confirmed);
  const orphaned = nonNegative(pool.blocks.orphaned);
  const settled = confirmed !== null && orphaned !== null ? confirmed + orphaned : null;
  return {
    tag: where.tag,
    kind: 'nomp',
    url: where.url,
    poolId: key,
    feePercent: percentOrNull(poolFee) ?? where.feePercent,
    payoutScheme: null,
    minimumPayout: null,
    poolHashrate: hashrateOrNull(pool.hashrate),
    miners: nonNegative(pool.workerCount ?? null),
    networkHashrate: hashrateOrNull(pool.poolStats?.networkSols ?? null),
    networkDifficulty: nonNegative(pool.poolStats?.networkDiff ?? null),
    lastBlockAt: null,
    blocks24h: null,
    blocks24hAtLeast: false,
    effortPercent: null,
    orphanRate: settled !== null && settled > 0 ? orphaned! / settled : null,
    settledBlocks: settled,
  };
}

export async function fetchNomp(site: PoolSite, opts: PoolFetchOptions): Promise<PoolSiteResult> {
  const raw = await getJson(`${site.url}/api/stats`, { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE });
  const { pools } = parseOrThrow(nompStatsSchema, raw, SOURCE);
  const result: PoolSiteResult = { pools: [], skipped: [] };
  for (const wanted of site.wanted) {
    const key =
      wanted.poolId !== null
        ? (Object.hasOwn(pools, wanted.poolId) ? wanted.poolId : undefined)
        : Object.keys(pools).find((name) => pools[name]!.symbol?.toUpperCase() === wanted.tag.toUpperCase());
    if (key === undefined) {
      result.skipped.push({ tag: wanted.tag, reason: `the portal runs no pool "${wanted.poolId ?? wanted.tag}"` });
      continue;
    }
    result.pools.push(normalizeNompPool(pools[key]!, key, { tag: wanted.tag, url: site.url, feePercent: wanted.feePercent }));
  }
  return result;
}
