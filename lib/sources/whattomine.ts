// WhatToMine's key-free lists, /coins.json (GPU) and /asic.json (ASIC): raw schema and reshaping
// into NetworkStats. Prices stay in BTC here; the snapshot converts them with the BTC/USD rate.
import { z } from 'zod';

import { algorithmFromUpstream } from '@/lib/mining/algorithms';
import type { NetworkStats } from '@/lib/model/types';
import { fetchJson } from './http';
import { isoFromUnixSeconds, parseEntries, parseOrThrow, positiveOrNull, signedNumber, upstreamNumber } from './parse';
import type { SourceResult } from '@/lib/sources/contract';

const optionalNumber = upstreamNumber.optional();

/** One entry as the 2017 coins.json recording has it; the newer single-coin fields are optional. */
export const whatToMineCoinSchema = z.object({
  id: z.number().int().optional(),
  /** Only the newer single-coin responses carry it; the list uses the map key as the name. */
  name: z.string().min(1).optional(),
  tag: z.string().min(1),
  algorithm: z.string().min(1),
  /** Observed average seconds, usually a string ("113.0"). */
  block_time: upstreamNumber,
  block_reward: upstreamNumber,
  block_reward24: optionalNumber,
  block_reward3: optionalNumber,
  block_reward7: optionalNumber,
  last_block: optionalNumber,
  difficulty: upstreamNumber,
  difficulty24: optionalNumber,
  difficulty3: optionalNumber,
  difficulty7: optionalNumber,
  /** H/s (Sol/s for Equihash), a string with up to 45 digits in 2017. */
  nethash: upstreamNumber,
  /** BTC per coin; USD per BTC on Bitcoin's own row. */
  exchange_rate: upstreamNumber,
  exchange_rate24: optionalNumber,
  exchange_rate3: optionalNumber,
  exchange_rate7: optionalNumber,
  /** 24 h volume in BTC. */
  exchange_rate_vol: optionalNumber,
  exchange_rate_curr: z.string().optional(),
  /** "$1,792,259,205.78" */
  market_cap: optionalNumber,
  /** "1,314.4536": coins per day at WhatToMine's default hashrate. */
  estimated_rewards: optionalNumber,
  estimated_rewards24: optionalNumber,
  btc_revenue: optionalNumber,
  btc_revenue24: optionalNumber,
  profitability: optionalNumber,
  profitability24: optionalNumber,
  pool_fee: optionalNumber,
  /** "$0.92", "-$0.02" */
  revenue: signedNumber.optional(),
  cost: signedNumber.optional(),
  profit: signedNumber.optional(),
  status: z.string().optional(),
  lagging: z.boolean(),
  testing: z.boolean().optional(),
  listed: z.boolean().optional(),
  /** Unix seconds. */
  timestamp: z.number(),
});
export type WhatToMineCoin = z.infer<typeof whatToMineCoinSchema>;

/** The list envelope; entries are checked one by one so one bad coin does not sink the list. */
export const whatToMineListSchema = z.object({ coins: z.record(z.string(), z.unknown()) });

export type WhatToMineKind = 'gpu' | 'asic';

export type WhatToMineData = {
  coins: NetworkStats[];
  /** From the BTC row (exchange_rate in USD), which only the ASIC list has; else null. */
  btcUsd: number | null;
  /** 24 h volume in BTC by coin tag (NetworkStats.volume24hUsd is left null for the snapshot). */
  volume24hBtcByTag: Record<string, number>;
};

const NICEHASH_TAG = 'NICEHASH';

export function normalizeWhatToMine(raw: unknown, kind: WhatToMineKind): SourceResult<WhatToMineData> {
  const source = `whattomine-${kind}`;
  const list = parseOrThrow(whatToMineListSchema, raw, source);
  const { parsed, skipped } = parseEntries(whatToMineCoinSchema, Object.entries(list.coins), source);

  const coins: NetworkStats[] = [];
  const volume24hBtcByTag: Record<string, number> = {};
  let btcUsd: number | null = null;

  for (const { name: key, entry } of parsed) {
    if (entry.tag === NICEHASH_TAG) {
      skipped.push({ name: key, reason: 'NiceHash pseudo-coin' });
      continue;
    }
    const algorithm = algorithmFromUpstream(entry.algorithm);
    if (!algorithm) {
      skipped.push({ name: key, reason: `unknown algorithm "${entry.algorithm}"` });
      continue;
    }
    const isBitcoin = entry.tag === 'BTC';
    if (isBitcoin) btcUsd = positiveOrNull(entry.exchange_rate);
    // Bitcoin's volume unit is not documented (its rate is in USD), so only other rows give one.
    const volume = entry.exchange_rate_vol;
    if (!isBitcoin && typeof volume === 'number' && volume >= 0) volume24hBtcByTag[entry.tag] = volume;

    // WhatToMine's own averages; Bitcoin's rates are in USD, every other row's in BTC.
    const window = (difficulty?: number | null, reward?: number | null, rate?: number | null) => {
      const figures = {
        difficulty: positiveOrNull(difficulty),
        networkHashrate: null,
        blockReward: positiveOrNull(reward),
        priceUsd: isBitcoin ? positiveOrNull(rate) : null,
        priceBtc: isBitcoin ? 1 : positiveOrNull(rate),
        source: 'upstream' as const,
        points: null,
      };
      return figures.difficulty === null && figures.priceUsd === null && (isBitcoin || figures.priceBtc === null)
        ? undefined
        : figures;
    };
    const averages = Object.fromEntries(
      (
        [
          ['24h', window(entry.difficulty24, entry.block_reward24, entry.exchange_rate24)],
          ['3d', window(entry.difficulty3, entry.block_reward3, entry.exchange_rate3)],
          ['7d', window(entry.difficulty7, entry.block_reward7, entry.exchange_rate7)],
        ] as const
      ).filter(([, figures]) => figures !== undefined),
    );

    coins.push({
      tag: entry.tag,
      name: entry.name ?? key,
      algorithm: algorithm.slug,
      blockTimeSeconds: positiveOrNull(entry.block_time),
      blockReward: positiveOrNull(entry.block_reward),
      difficulty: positiveOrNull(entry.difficulty),
      networkHashrate: positiveOrNull(entry.nethash),
      emissionPerDay: null,
      priceUsd: null,
      priceBtc: isBitcoin ? 1 : positiveOrNull(entry.exchange_rate),
      volume24hUsd: null,
      lagging: entry.lagging,
      updatedAt: isoFromUnixSeconds(entry.timestamp),
      averages,
    });
  }
  return { data: { coins, btcUsd, volume24hBtcByTag }, skipped };
}

export async function fetchWhatToMine(
  kind: WhatToMineKind,
  { baseUrl, timeoutMs }: { baseUrl: string; timeoutMs: number },
): Promise<SourceResult<WhatToMineData>> {
  const path = kind === 'gpu' ? '/coins.json' : '/asic.json';
  const raw = await fetchJson(`${baseUrl.replace(/\/+$/, '')}${path}`, { timeoutMs, source: `whattomine-${kind}` });
  return normalizeWhatToMine(raw, kind);
}
