// A YIIMP-style pool's /api/currencies: one object keyed by coin symbol with the pool's view of
// each chain (height, difficulty, network hashrate in H/s, reward per block in coins).
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '../parse';
import { chainStats } from './figures';
import { ChainConfigError, getJson } from './request';
import type { ChainFetchOptions, ChainSource, ChainStats } from './types';

type YiimpSource = Extract<ChainSource, { kind: 'yiimp' }>;

const SOURCE = 'yiimp';

export const yiimpCurrencySchema = z.object({
  algo: z.string(),
  height: upstreamNumber.optional(),
  /** In the coin's own convention. */
  difficulty: upstreamNumber.optional(),
  /** H/s. */
  network_hashrate: upstreamNumber.optional(),
  /** Coins per block. */
  reward: upstreamNumber.optional(),
  /** Height of the pool's own last block, not the chain's tip. */
  lastblock: upstreamNumber.optional(),
  '24h_blocks': upstreamNumber.optional(),
});

export const yiimpCurrenciesSchema = z.record(z.string(), z.unknown());

export function normalizeYiimp(raw: unknown, symbol: string): ChainStats {
  const currencies = parseOrThrow(yiimpCurrenciesSchema, raw, SOURCE);
  // Pools key by upper-case ticker; accept the symbol in any case when there is no exact key.
  const key = Object.hasOwn(currencies, symbol)
    ? symbol
    : Object.keys(currencies).find((name) => name.toLowerCase() === symbol.toLowerCase());
  if (key === undefined) {
    const listed = Object.keys(currencies).slice(0, 20).join(', ');
    throw new ChainConfigError(`${SOURCE}: the pool lists no coin "${symbol}"${listed ? ` (it lists ${listed})` : ''}`);
  }
  const entry = parseOrThrow(yiimpCurrencySchema, currencies[key], `${SOURCE} ${key}`);
  return chainStats({
    height: entry.height ?? null,
    difficulty: entry.difficulty ?? null,
    networkHashrate: entry.network_hashrate ?? null,
    blockReward: entry.reward ?? null,
    blockTimeSeconds: null,
    updatedAt: null,
    // YIIMP's reward is the coinbase value after the masternode, superblock and founder payees it
    // pays (yiimp stratum/coinbase.cpp sets coind->reward from what is left), so the miner's part:
    // https://github.com/tpruvot/yaamp/blob/06c04c5d18fb40dc86486eb54bdf65bc7696493f/stratum/coinbase.cpp
    rewardBasis: 'miner',
  });
}

/** In-flight answers by URL: the coins one pool serves (and its pool figures) share one request per refresh. */
const inFlight = new Map<string, Promise<unknown>>();

export function yiimpCurrencies(url: string, opts: Pick<ChainFetchOptions, 'timeoutMs' | 'allowPrivate'>): Promise<unknown> {
  const key = `${url}|${opts.allowPrivate}`;
  let request = inFlight.get(key);
  if (!request) {
    request = getJson(url, { timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate, source: SOURCE }).finally(() =>
      inFlight.delete(key),
    );
    inFlight.set(key, request);
  }
  return request;
}

export async function fetchYiimp(source: YiimpSource, opts: ChainFetchOptions): Promise<ChainStats> {
  const raw = await yiimpCurrencies(`${source.url}/api/currencies`, opts);
  return normalizeYiimp(raw, source.symbol);
}
