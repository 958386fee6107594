// MiningCore (oliverw/miningcore) pool sites: GET /api/pools lists every pool the site runs, then
// GET /api/pools/{id}/blocks for each pool we want, one request after another (MiningCore's
// default API limit is 5 requests per second per IP; we stay far below it). Field names and
// units from its source (src/Miningcore/Api/Responses/GetPoolsResponse.cs, GetBlocksResponse.cs;
// camelCase JSON): poolFeePercent is the sum of all reward recipients' percentages (an upper
// bound on what a miner pays); paymentProcessing.minimumPayment is in whole coins; hashrates in
// H/s; block effort is accumulated share difficulty ÷ network difficulty (1 = 100 %); block
// status is pending, confirmed or orphaned.
import { z } from 'zod';

import { summarizeBlocks, type PoolBlock } from '@/lib/pools/blocks';
import { parseEntries, parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { getJson } from '@/lib/sources/chain/request';
import { hashrateOrNull, isoOrNull, nonNegative, percentOrNull, schemeCode } from './bounds';
import type { PoolFetchOptions, PoolSite, PoolSiteResult } from './types';
import type { PoolStats } from '@/lib/model/pools';

const SOURCE = 'miningcore';
/** Recent blocks asked per pool: enough for 24 h on a small coin and a steady orphan rate. */
export const BLOCKS_PAGE_SIZE = 50;

const dateString = z.string().nullable().optional();

export const miningCorePoolSchema = z.object({
  id: z.string().min(1),
  coin: z.object({ symbol: z.string().optional(), name: z.string().optional(), algorithm: z.string().optional() }),
  /** Percent. */
  poolFeePercent: upstreamNumber,
  paymentProcessing: z
    .object({
      /** Whole coins. */
      minimumPayment: upstreamNumber.optional(),
      payoutScheme: z.string().optional(),
    })
    .optional(),
  poolStats: z.object({
    /** H/s. */
    poolHashrate: upstreamNumber,
    connectedMiners: upstreamNumber.optional(),
    lastPoolBlockTime: dateString,
  }),
  networkStats: z.object({
    /** H/s. */
    networkHashrate: upstreamNumber,
    networkDifficulty: upstreamNumber,
    blockHeight: upstreamNumber.optional(),
    lastNetworkBlockTime: dateString,
  }),
  totalBlocks: upstreamNumber.optional(),
  lastPoolBlockTime: dateString,
  /** Effort of the current round, a fraction. */
  poolEffort: upstreamNumber.optional(),
});
export type MiningCorePool = z.infer<typeof miningCorePoolSchema>;

export const miningCorePoolsSchema = z.object({ pools: z.array(miningCorePoolSchema) });

/**
 * The /api/pools answer, each pool parsed on its own: one pool of an odd shape (a figure of 1e400)
 * is set aside by its id and the others are read. Throws SchemaError when the list is not a list,
 * or when it has pools and none parses: that is another version's shape.
 */
export function parseMiningCorePools(raw: unknown): { pools: MiningCorePool[]; unparsed: string[] } {
  const list = parseOrThrow(z.object({ pools: z.array(z.unknown()).max(500) }), raw, SOURCE);
  const entries = list.pools.map((entry, index) => {
    const id = typeof entry === 'object' && entry !== null && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : `#${index}`;
    return [id, entry] as const;
  });
  const { parsed, skipped } = parseEntries(miningCorePoolSchema, entries, SOURCE);
  return { pools: parsed.map((p) => p.entry), unparsed: skipped.map((s) => s.name.slice(0, 40)) };
}

export const miningCoreBlockSchema = z.object({
  poolId: z.string().optional(),
  blockHeight: upstreamNumber.optional(),
  status: z.enum(['pending', 'confirmed', 'orphaned']),
  /** Fraction: 1 = the expected work. */
  effort: upstreamNumber.nullable().optional(),
  /** Whole coins. */
  reward: upstreamNumber.optional(),
  created: z.string(),
});
export const miningCoreBlocksSchema = z.array(miningCoreBlockSchema);

export function normalizeMiningCoreBlocks(raw: unknown): PoolBlock[] {
  return parseOrThrow(miningCoreBlocksSchema, raw, `${SOURCE} blocks`).map((block) => {
    const at = Date.parse(block.created);
    return {
      status: block.status,
      foundAtMs: Number.isFinite(at) ? at : null,
      effort: block.effort ?? null,
    };
  });
}

/** One pool's figures, from its /api/pools entry and its recent blocks (fetched at `nowMs`). */
export function normalizeMiningCorePool(
  entry: MiningCorePool,
  blocks: readonly PoolBlock[],
  where: { tag: string; url: string },
  nowMs: number,
): PoolStats {
  const summary = summarizeBlocks(blocks, nowMs, BLOCKS_PAGE_SIZE);
  const stamp = entry.lastPoolBlockTime ?? entry.poolStats.lastPoolBlockTime ?? null;
  const listed = stamp ? isoOrNull(Date.parse(stamp), nowMs) : null;
  // The pool's own stamp covers blocks older than the page we asked; the newer of the two wins.
  const lastBlockAt =
    listed !== null && summary.lastBlockAt !== null
      ? (Date.parse(listed) > Date.parse(summary.lastBlockAt) ? listed : summary.lastBlockAt)
      : (listed ?? summary.lastBlockAt);
  return {
    tag: where.tag,
    kind: 'miningcore',
    url: where.url,
    poolId: entry.id,
    feePercent: percentOrNull(entry.poolFeePercent),
    payoutScheme: schemeCode(entry.paymentProcessing?.payoutScheme),
    minimumPayout: nonNegative(entry.paymentProcessing?.minimumPayment ?? null),
    poolHashrate: hashrateOrNull(entry.poolStats.poolHashrate),
    miners: nonNegative(entry.poolStats.connectedMiners ?? null),
    networkHashrate: hashrateOrNull(entry.networkStats.networkHashrate),
    networkDifficulty: nonNegative(entry.networkStats.networkDifficulty),
    lastBlockAt,
    blocks24h: summary.blocks24h,
    blocks24hAtLeast: summary.blocks24hAtLeast,
    effortPercent: summary.effortPercent,
    orphanRate: summary.orphanRate,
    settledBlocks: summary.settledBlocks,
  };
}

/** Picks the pool for a wanted coin: by id, or the one pool whose coin symbol is the tag. */
function pick(pools: readonly MiningCorePool[], tag: string, poolId: string | null): MiningCorePool | string {
  if (poolId !== null) return pools.find((p) => p.id === poolId) ?? `the site runs no pool "${poolId}"`;
  const matches = pools.filter((p) => p.coin.symbol?.toUpperCase() === tag.toUpperCase());
  if (matches.length === 1) return matches[0]!;
  return matches.length === 0 ? `the site runs no ${tag} pool` : `the site runs ${matches.length} ${tag} pools: name one by poolId`;
}

export async function fetchMiningCore(site: PoolSite, opts: PoolFetchOptions): Promise<PoolSiteResult> {
  const request = { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE };
  const { pools, unparsed } = parseMiningCorePools(await getJson(`${site.url}/api/pools`, request));
  const result: PoolSiteResult = { pools: [], skipped: [] };
  // Sequential on purpose: one site, one request at a time.
  for (const wanted of site.wanted) {
    const entry = pick(pools, wanted.tag, wanted.poolId);
    if (typeof entry === 'string') {
      const odd = wanted.poolId !== null && unparsed.includes(wanted.poolId);
      result.skipped.push({ tag: wanted.tag, reason: odd ? `the site's pool "${wanted.poolId}" is not in the shape this app reads` : entry });
      continue;
    }
    const url = `${site.url}/api/pools/${encodeURIComponent(entry.id)}/blocks?page=0&pageSize=${BLOCKS_PAGE_SIZE}`;
    const blocks = normalizeMiningCoreBlocks(await getJson(url, request));
    result.pools.push(normalizeMiningCorePool(entry, blocks, { tag: wanted.tag, url: site.url }, opts.now?.() ?? Date.now()));
  }
  return result;
}
