// YIIMP pools as pool sources: the same /api/currencies answer the chain source reads (one request
// per site per refresh, shared through lib/sources/chain/yiimp.ts), read for the pool's own
// figures: `fees` in percent, `hashrate` in H/s, `workers`, `24h_blocks`, `timesincelast` (seconds
// since its last block, at the time of the answer) and `paymethod` (pps, pplns…). YIIMP publishes
// no minimum payout, effort or orphan count per coin. Its `network_hashrate` is difficulty × 2^32 ÷
// its observed block time for every coin (wrong for k = 1 coins, see lib/registry/fetchers.ts), so
// it is not used: the coin's own network figure is.
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { yiimpCurrenciesSchema, yiimpCurrencies, yiimpCurrencySchema } from '@/lib/sources/chain/yiimp';
import { hashrateOrNull, isoOrNull, nonNegative, percentOrNull, schemeCode } from './bounds';
import type { PoolFetchOptions, PoolSite, PoolSiteResult } from './types';
import type { PoolStats } from '@/lib/model/pools';

const SOURCE = 'yiimp';

export const yiimpPoolSchema = yiimpCurrencySchema.extend({
  /** Percent. */
  fees: upstreamNumber.optional(),
  /** H/s. */
  hashrate: upstreamNumber.optional(),
  workers: upstreamNumber.optional(),
  /** Seconds since the pool's last block. */
  timesincelast: upstreamNumber.optional(),
  paymethod: z.string().optional(),
});

export function normalizeYiimpPool(raw: unknown, key: string, where: { tag: string; url: string }, nowMs: number): PoolStats {
  const entry = parseOrThrow(yiimpPoolSchema, raw, `${SOURCE} ${key}`);
  const since = nonNegative(entry.timesincelast ?? null);
  const foundAny = (entry.lastblock ?? 0) > 0;
  return {
    tag: where.tag,
    kind: 'yiimp',
    url: where.url,
    poolId: key,
    feePercent: percentOrNull(entry.fees ?? null),
    payoutScheme: schemeCode(entry.paymethod),
    minimumPayout: null,
    poolHashrate: hashrateOrNull(entry.hashrate ?? null),
    miners: nonNegative(entry.workers ?? null),
    networkHashrate: null,
    networkDifficulty: nonNegative(entry.difficulty ?? null),
    lastBlockAt: foundAny && since !== null ? isoOrNull(nowMs - since * 1000, nowMs) : null,
    blocks24h: nonNegative(entry['24h_blocks'] ?? null),
    blocks24hAtLeast: false,
    effortPercent: null,
    orphanRate: null,
    settledBlocks: null,
  };
}

export async function fetchYiimpPool(site: PoolSite, opts: PoolFetchOptions): Promise<PoolSiteResult> {
  const raw = await yiimpCurrencies(`${site.url}/api/currencies`, opts);
  const currencies = parseOrThrow(yiimpCurrenciesSchema, raw, SOURCE);
  const nowMs = opts.now?.() ?? Date.now();
  const result: PoolSiteResult = { pools: [], skipped: [] };
  for (const wanted of site.wanted) {
    const wantedKey = wanted.poolId ?? wanted.tag;
    const key = Object.hasOwn(currencies, wantedKey)
      ? wantedKey
      : Object.keys(currencies).find((name) => name.toLowerCase() === wantedKey.toLowerCase());
    if (key === undefined) {
      result.skipped.push({ tag: wanted.tag, reason: `the pool lists no coin "${wantedKey}"` });
      continue;
    }
    result.pools.push(normalizeYiimpPool(currencies[key], key, { tag: wanted.tag, url: site.url }, nowMs));
  }
  return result;
}
