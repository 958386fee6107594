// cryptonote-nodejs-pool (dvandal/cryptonote-nodejs-pool) sites: GET /stats, one coin per site.
// Field names and units from its lib/api.js: `config.fee` in percent, `config.minPaymentThreshold`
// in atomic units (÷ `config.coinUnits` for whole coins), `config.coinDifficultyTarget` the block
// time in seconds, `network.difficulty` (k = 1: network hashrate = difficulty ÷ block time),
// `pool.hashrate` in H/s, `pool.miners`, `pool.lastBlockFound` in ms since the epoch (a string),
// and `pool.blocks` a flat [member, height, member, height…] list of candidate and matured blocks
// whose members are colon-joined: rewardType:login:hash:time(s):difficulty:shares:orphaned[:reward]
// (lib/blockUnlocker.js), or without the rewardType in older versions. Block effort is shares ÷
// difficulty, the pool's own "luck". Reward type "prop": proportional payouts.
import { z } from 'zod';

import { summarizeBlocks, type PoolBlock } from '@/lib/pools/blocks';
import { parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { getJson } from '@/lib/sources/chain/request';
import { hashrateOrNull, isoOrNull, nonNegative, percentOrNull } from './bounds';
import type { PoolFetchOptions, PoolSite, PoolSiteResult } from './types';
import type { PoolStats } from '@/lib/model/pools';

const SOURCE = 'cryptonote-pool';

export const cryptonoteStatsSchema = z.object({
  config: z.object({
    /** Percent. */
    fee: upstreamNumber,
    /** Atomic units per coin (1e12 for Monero-like coins). */
    coinUnits: upstreamNumber,
    /** Seconds. */
    coinDifficultyTarget: upstreamNumber.optional(),
    symbol: z.string().optional(),
    /** Atomic units. */
    minPaymentThreshold: upstreamNumber.optional(),
  }),
  network: z.object({ difficulty: upstreamNumber, height: upstreamNumber.optional() }).optional(),
  pool: z.object({
    /** H/s. */
    hashrate: upstreamNumber,
    miners: upstreamNumber.optional(),
    blocks: z.array(z.union([z.string(), z.number()])).optional(),
    totalBlocks: upstreamNumber.optional(),
    /** ms since the epoch. */
    lastBlockFound: upstreamNumber.optional(),
  }),
});
export type CryptonoteStats = z.infer<typeof cryptonoteStatsSchema>;

/** One member of `pool.blocks`: candidates are pending, matured blocks confirmed or orphaned. */
export function parseCryptonoteBlock(member: string): PoolBlock | null {
  const parts = member.split(':');
  const offset = parts[0] === 'prop' || parts[0] === 'solo' ? 2 : 0; // rewardType and login
  // Older members: hash:time:difficulty:shares[:orphaned:reward].
  const seconds = Number(parts[offset + 1]);
  const difficulty = Number(parts[offset + 2]);
  const shares = Number(parts[offset + 3]);
  if (parts.length < offset + 4 || !Number.isFinite(seconds)) return null;
  const orphanedField = parts[offset + 4];
  const matured = offset === 2 ? parts.length >= 8 || orphanedField === 'true' : parts.length >= offset + 6;
  const status = orphanedField === 'true' ? 'orphaned' : matured ? 'confirmed' : 'pending';
  return {
    status,
    foundAtMs: seconds * 1000,
    effort: difficulty > 0 && shares >= 0 ? shares / difficulty : null,
  };
}

export function normalizeCryptonote(stats: CryptonoteStats, where: { tag: string; url: string }, nowMs: number): PoolStats {
  const members = (stats.pool.blocks ?? []).filter((_, i) => i % 2 === 0).map(String);
  const blocks = members.map(parseCryptonoteBlock).filter((b): b is PoolBlock => b !== null);
  const summary = summarizeBlocks(blocks, nowMs);
  const units = stats.config.coinUnits;
  const target = stats.config.coinDifficultyTarget ?? null;
  const difficulty = nonNegative(stats.network?.difficulty ?? null);
  const listed = isoOrNull(stats.pool.lastBlockFound ?? null, nowMs);
  return {
    tag: where.tag,
    kind: 'cryptonote-pool',
    url: where.url,
    poolId: null,
    feePercent: percentOrNull(stats.config.fee),
    payoutScheme: 'PROP',
    minimumPayout:
      units !== null && units > 0 && stats.config.minPaymentThreshold != null ? nonNegative(stats.config.minPaymentThreshold / units) : null,
    poolHashrate: hashrateOrNull(stats.pool.hashrate),
    miners: nonNegative(stats.pool.miners ?? null),
    networkHashrate: difficulty !== null && target !== null && target > 0 ? hashrateOrNull(difficulty / target) : null,
    networkDifficulty: difficulty,
    lastBlockAt:
      listed !== null && summary.lastBlockAt !== null
        ? (Date.parse(listed) > Date.parse(summary.lastBlockAt) ? listed : summary.lastBlockAt)
        : (listed ?? summary.lastBlockAt),
    blocks24h: summary.blocks24h,
    blocks24hAtLeast: false,
    effortPercent: summary.effortPercent,
    orphanRate: summary.orphanRate,
    settledBlocks: summary.settledBlocks,
  };
}

export async function fetchCryptonotePool(site: PoolSite, opts: PoolFetchOptions): Promise<PoolSiteResult> {
  const raw = await getJson(`${site.url}/stats`, { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE });
  const stats = parseOrThrow(cryptonoteStatsSchema, raw, SOURCE);
  const nowMs = opts.now?.() ?? Date.now();
  const result: PoolSiteResult = { pools: [], skipped: [] };
  for (const wanted of site.wanted) {
    const symbol = stats.config.symbol?.toUpperCase();
    if (symbol !== undefined && symbol !== wanted.tag.toUpperCase()) {
      result.skipped.push({ tag: wanted.tag, reason: `the site mines ${symbol}, not ${wanted.tag}` });
      continue;
    }
    result.pools.push(normalizeCryptonote(stats, { tag: wanted.tag, url: site.url }, nowMs));
  }
  return result;
}
