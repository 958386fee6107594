// A whole pool site, as added on the add page: every pool it runs (not only the ones a registry
// coin names), and, for MiningCore, every coin it mines as a long-tail coin row with the pool's
// view of that coin's network. Requests go through the guarded request (SSRF guard, timeout, size
// cap) and leave one host at least 250 ms apart (lib/sources/pool-accounts/pace.ts): MiningCore's
// default API limit is 5 requests per second per IP.
import { algorithmFromUpstream } from '@/lib/mining/algorithms';
import type { PoolKind, PoolStats } from '@/lib/model/pools';
import type { NetworkStats } from '@/lib/model/types';
import { paceHost } from '@/lib/sources/pool-accounts/pace';
import { getJson } from '@/lib/sources/chain/request';
import { yiimpCurrencies, yiimpCurrenciesSchema } from '@/lib/sources/chain/yiimp';
import { parseOrThrow } from '@/lib/sources/parse';
import { cryptonoteStatsSchema, normalizeCryptonote } from './cryptonote-pool';
import { hashrateOrNull, nonNegative } from './bounds';
import { BLOCKS_PAGE_SIZE, miningCoreBlocksSchema, normalizeMiningCorePool, parseMiningCorePools, type MiningCorePool } from './miningcore';
import { normalizeNompPool, nompStatsSchema } from './nomp';
import type { PoolFetchOptions } from './types';
import { normalizeYiimpPool } from './yiimp';

/** At most this many pools are read from one site (one blocks request each on MiningCore). */
export const MAX_SITE_POOLS = 30;

/** Why a pool on the site gave nothing: a code the page words. */
export type SiteSkipCode =
  | 'bad-shape'
  | 'bad-id'
  | 'no-symbol'
  | 'unknown-algorithm'
  | 'no-network-figures'
  | 'difficulty-convention'
  | 'over-limit'
  | 'blocks-failed';

/** The block times a difficulty and a network hashrate may imply before their conventions are taken to differ (s). */
export const IMPLIED_BLOCK_TIME_RANGE = { min: 1, max: 86_400 } as const;
export type SiteSkip = { poolId: string; symbol: string | null; algorithm: string | null; code: SiteSkipCode };

export type PoolSiteReading = {
  /** One per pool read, tagged by the coin's ticker as the site writes it (upper case). */
  pools: PoolStats[];
  /** MiningCore only: one row per coin of a known algorithm, in the pool's view of its network. */
  coins: NetworkStats[];
  heights: Record<string, number>;
  skipped: SiteSkip[];
};

const TAG_RE = /^[A-Z0-9]{2,10}$/;
/** A pool id as a registry entry may name one (lib/registry/schema.ts poolRefSchema): it goes into URLs, pages and history. */
const POOL_ID_RE = /^[A-Za-z0-9$._-]{1,40}$/;

/** The site's ticker for a coin as our tag, or null when it cannot be one. */
export function tagOf(symbol: string | null | undefined): string | null {
  const tag = (symbol ?? '').trim().toUpperCase();
  return TAG_RE.test(tag) ? tag : null;
}

/** A coin name fit to show: plain text, at most 60 characters; the tag when the site gives none. */
export function plainName(name: string | null | undefined, tag: string): string {
  const clean = (name ?? '').replace(/[<>\u0000-\u001f\u007f]/g, '').trim().slice(0, 60);
  return clean.length > 0 ? clean : tag;
}

type RawBlock = ReturnType<typeof miningCoreBlocksSchema.parse>[number];

/**
 * The block reward a MiningCore pool last received, in whole coins: the newest block with a
 * positive reward, confirmed ones first. MiningCore sets a block's `reward` from the pool wallet's
 * coinbase transaction (src/Miningcore/Blockchain/Bitcoin/BitcoinPayoutHandler.cs: `block.Reward =
 * transactionInfo.Amount`), so it is the pool's (the miners') part of the block: masternode,
 * founder and dev outputs are already out of it. Null when no block says.
 */
export function lastBlockReward(blocks: readonly RawBlock[]): number | null {
  const newestFirst = [...blocks].sort((a, b) => (Date.parse(b.created) || 0) - (Date.parse(a.created) || 0));
  for (const status of ['confirmed', 'pending'] as const) {
    const found = newestFirst.find((b) => b.status === status && typeof b.reward === 'number' && Number.isFinite(b.reward) && b.reward > 0);
    if (found) return found.reward as number;
  }
  return null;
}

/**
 * A MiningCore pool's coin as a long-tail coin row: the pool's network figures (hashrate in H/s,
 * difficulty in the node's own convention, height), the reward of its last block (the miner's
 * part), no block time (MiningCore does not publish one: the estimate then goes by difficulty × k)
 * and no price. Null (with the reason) for a coin we cannot rank: no ticker, an algorithm the app
 * does not know, or neither a difficulty nor a network hashrate.
 */
export function miningCoreCoinStats(
  entry: MiningCorePool,
  blocks: readonly RawBlock[],
): { stats: NetworkStats; height: number | null } | { code: SiteSkipCode } {
  const tag = tagOf(entry.coin.symbol);
  if (tag === null) return { code: 'no-symbol' };
  const algorithm = entry.coin.algorithm ? algorithmFromUpstream(entry.coin.algorithm) : undefined;
  if (!algorithm) return { code: 'unknown-algorithm' };
  const difficulty = nonNegative(entry.networkStats.networkDifficulty);
  const networkHashrate = hashrateOrNull(entry.networkStats.networkHashrate);
  const usableDifficulty = difficulty !== null && difficulty > 0 ? difficulty : null;
  const usableHashrate = networkHashrate !== null && networkHashrate > 0 ? networkHashrate : null;
  if (usableDifficulty === null && usableHashrate === null) return { code: 'no-network-figures' };
  // With no block time to check against, the one check left: D × k ÷ N is the block time the two
  // figures imply. Outside 1 s – 1 day the site's difficulty is in another convention than our k
  // (a 2^32 slip is a factor of 4 billion), and an estimate by D × k would be that far off.
  if (usableDifficulty !== null && usableHashrate !== null && algorithm.workFactor !== null) {
    const impliedSeconds = (usableDifficulty * algorithm.workFactor) / usableHashrate;
    if (!(impliedSeconds >= IMPLIED_BLOCK_TIME_RANGE.min && impliedSeconds <= IMPLIED_BLOCK_TIME_RANGE.max)) {
      return { code: 'difficulty-convention' };
    }
  }
  const height = nonNegative(entry.networkStats.blockHeight ?? null);
  const lastNetworkBlock = entry.networkStats.lastNetworkBlockTime ? Date.parse(entry.networkStats.lastNetworkBlockTime) : NaN;
  const reward = lastBlockReward(blocks);
  return {
    stats: {
      tag,
      name: plainName(entry.coin.name, tag),
      algorithm: algorithm.slug,
      blockTimeSeconds: null,
      blockReward: reward,
      difficulty: usableDifficulty,
      networkHashrate: usableHashrate,
      emissionPerDay: null,
      priceUsd: null,
      priceBtc: null,
      volume24hUsd: null,
      lagging: false,
      updatedAt: Number.isFinite(lastNetworkBlock) ? new Date(lastNetworkBlock).toISOString() : null,
      averages: {},
      rewardBasis: 'miner',
      blockRewardToOthers: null,
    },
    height: height !== null && Number.isInteger(height) ? height : null,
  };
}

function paced(url: string, opts: PoolFetchOptions): Promise<unknown> {
  const host = URL.canParse(url) ? new URL(url).host : url;
  return paceHost(host).then(() => getJson(url, { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: 'pool site' }));
}

async function readMiningCore(url: string, opts: PoolFetchOptions): Promise<PoolSiteReading> {
  // Each pool on its own: one odd coin on a site of twenty leaves the other nineteen (a list where
  // none parses is another version's shape: SchemaError).
  const { pools, unparsed } = parseMiningCorePools(await paced(`${url}/api/pools`, opts));
  const reading: PoolSiteReading = { pools: [], coins: [], heights: {}, skipped: [] };
  for (const id of unparsed) reading.skipped.push({ poolId: id, symbol: null, algorithm: null, code: 'bad-shape' });
  let read = 0;
  // One pool after another, 250 ms apart: the site's own rate limit is per IP.
  for (const entry of pools) {
    const skip = (code: SiteSkipCode) =>
      reading.skipped.push({ poolId: entry.id, symbol: entry.coin.symbol ?? null, algorithm: entry.coin.algorithm ?? null, code });
    if (!POOL_ID_RE.test(entry.id)) {
      reading.skipped.push({ poolId: entry.id.slice(0, 40), symbol: null, algorithm: null, code: 'bad-id' });
      continue;
    }
    const tag = tagOf(entry.coin.symbol);
    if (tag === null) {
      skip('no-symbol');
      continue;
    }
    if (!entry.coin.algorithm || !algorithmFromUpstream(entry.coin.algorithm)) {
      skip('unknown-algorithm');
      continue;
    }
    if (read >= MAX_SITE_POOLS) {
      skip('over-limit');
      continue;
    }
    read += 1;
    let blocks: RawBlock[];
    let blocksRead = true;
    try {
      const raw = await paced(`${url}/api/pools/${encodeURIComponent(entry.id)}/blocks?page=0&pageSize=${BLOCKS_PAGE_SIZE}`, opts);
      blocks = parseOrThrow(miningCoreBlocksSchema, raw, 'miningcore blocks');
    } catch {
      // One pool's blocks failing leaves its network figures; the pool's block figures go unknown.
      skip('blocks-failed');
      blocks = [];
      blocksRead = false;
    }
    const nowMs = opts.now?.() ?? Date.now();
    const poolBlocks = blocks.map((b) => {
      const at = Date.parse(b.created);
      return { status: b.status, foundAtMs: Number.isFinite(at) ? at : null, effort: b.effort ?? null };
    });
    const pool = normalizeMiningCorePool(entry, poolBlocks, { tag, url }, nowMs);
    // No blocks read is not "no blocks found": the block figures are unknown, the pool's own stamp stays.
    reading.pools.push(
      blocksRead ? pool : { ...pool, blocks24h: null, blocks24hAtLeast: false, effortPercent: null, orphanRate: null, settledBlocks: null },
    );
    const coin = miningCoreCoinStats(entry, blocks);
    if ('code' in coin) skip(coin.code);
    // Two pools of one coin on the site (PPLNS and SOLO): the coin row comes from the first.
    else if (!reading.coins.some((c) => c.tag === coin.stats.tag && c.algorithm === coin.stats.algorithm)) {
      reading.coins.push(coin.stats);
      if (coin.height !== null) reading.heights[coin.stats.tag] = coin.height;
    }
  }
  return reading;
}

async function readNomp(url: string, opts: PoolFetchOptions): Promise<PoolSiteReading> {
  const { pools } = parseOrThrow(nompStatsSchema, await paced(`${url}/api/stats`, opts), 'nomp');
  const reading: PoolSiteReading = { pools: [], coins: [], heights: {}, skipped: [] };
  for (const [key, pool] of Object.entries(pools).slice(0, MAX_SITE_POOLS)) {
    const tag = tagOf(pool.symbol);
    if (!POOL_ID_RE.test(key)) reading.skipped.push({ poolId: key.slice(0, 40), symbol: null, algorithm: null, code: 'bad-id' });
    else if (tag === null) reading.skipped.push({ poolId: key, symbol: pool.symbol ?? null, algorithm: pool.algorithm ?? null, code: 'no-symbol' });
    else reading.pools.push(normalizeNompPool(pool, key, { tag, url, feePercent: null }));
  }
  return reading;
}

async function readCryptonote(url: string, opts: PoolFetchOptions): Promise<PoolSiteReading> {
  const stats = parseOrThrow(cryptonoteStatsSchema, await paced(`${url}/stats`, opts), 'cryptonote-pool');
  const reading: PoolSiteReading = { pools: [], coins: [], heights: {}, skipped: [] };
  const tag = tagOf(stats.config.symbol);
  if (tag === null) reading.skipped.push({ poolId: '', symbol: stats.config.symbol ?? null, algorithm: null, code: 'no-symbol' });
  else reading.pools.push(normalizeCryptonote(stats, { tag, url }, opts.now?.() ?? Date.now()));
  return reading;
}

async function readYiimp(url: string, opts: PoolFetchOptions): Promise<PoolSiteReading> {
  const currencies = parseOrThrow(yiimpCurrenciesSchema, await yiimpCurrencies(`${url}/api/currencies`, opts), 'yiimp');
  const nowMs = opts.now?.() ?? Date.now();
  const reading: PoolSiteReading = { pools: [], coins: [], heights: {}, skipped: [] };
  for (const key of Object.keys(currencies).slice(0, MAX_SITE_POOLS)) {
    const tag = tagOf(key);
    if (!POOL_ID_RE.test(key)) reading.skipped.push({ poolId: key.slice(0, 40), symbol: null, algorithm: null, code: 'bad-id' });
    else if (tag === null) reading.skipped.push({ poolId: key, symbol: key, algorithm: null, code: 'no-symbol' });
    else reading.pools.push(normalizeYiimpPool(currencies[key], key, { tag, url }, nowMs));
  }
  return reading;
}

/**
 * Reads every pool the site runs; throws UpstreamError, SchemaError or AddressRefusedError when the
 * site's list itself cannot be read (the add page shows that by the URL field).
 */
export async function readPoolSite(kind: PoolKind, url: string, opts: PoolFetchOptions): Promise<PoolSiteReading> {
  switch (kind) {
    case 'miningcore':
      return readMiningCore(url, opts);
    case 'nomp':
      return readNomp(url, opts);
    case 'cryptonote-pool':
      return readCryptonote(url, opts);
    case 'yiimp':
      return readYiimp(url, opts);
  }
}
