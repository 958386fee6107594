// hashrate.no /v1/coins (key-gated): network figures, daily emission and USD price per coin.
// Every value arrives as a string, including exponent forms ("5.7106939733697E-5").
import { z } from 'zod';

import { algorithmFromUpstream } from '@/lib/mining/algorithms';
import type { NetworkStats } from '@/lib/model/types';
import { fetchJson } from './http';
import { parseEntries, parseOrThrow, positiveOrNull, signedNumber, upstreamNumber } from './parse';
import type { SourceResult } from '@/lib/sources/contract';

// %-changes are signed and -1 is a real value there (BTG usdPrice1h in the 2024 recording).
const change = signedNumber.optional();

/** One coin as the 2024-03-16 recording has it. */
export const hashrateNoCoinSchema = z.object({
  coin: z.string().min(1),
  name: z.string().min(1),
  algo: z.string().min(1),
  usdPrice: upstreamNumber,
  usdPrice1h: change,
  usdPrice24h: change,
  usdPrice7d: change,
  usdPrice30d: change,
  /** Coins per day for one `coinEstimateUnit` of hashrate. */
  coinEstimate: upstreamNumber.optional(),
  coinEstimateUnit: z.string().optional(),
  coinEstimate1h: change,
  coinEstimate24h: change,
  coinEstimate7d: change,
  coinEstimate30d: change,
  coinEstimateAvg30d: change,
  usdEstimate: upstreamNumber.optional(),
  usdEstimate1h: change,
  usdEstimate24h: change,
  usdEstimate7d: change,
  usdEstimate30d: change,
  /** H/s (Sol/s for Equihash family, G/s for Cuckoo graphs). */
  networkHashrate: upstreamNumber,
  networkDifficulty: upstreamNumber,
  /** Coins per day, network-wide. */
  emission: upstreamNumber,
  emissionUSD: upstreamNumber.optional(),
});
export type HashrateNoCoin = z.infer<typeof hashrateNoCoinSchema>;

export const hashrateNoListSchema = z.array(z.unknown());

const SOURCE = 'hashrateno';

/**
 * hashrate.no's free plan allows 100 API calls a month (the hashrate.no Raycast extension's README:
 * https://github.com/raycast/extensions/blob/main/extensions/hashrate-no/README.md), so its coin
 * list is asked for at most every 8 hours: 90 calls in a 30-day month, whatever REFRESH_SECONDS is.
 */
export const HASHRATENO_MIN_INTERVAL_MS = 8 * 3600 * 1000;

/** `updatedAt`: the API gives no time, so the caller passes the recording's date, or null. */
export function normalizeHashrateNo(raw: unknown, updatedAt: string | null): SourceResult<NetworkStats[]> {
  const list = parseOrThrow(hashrateNoListSchema, raw, SOURCE);
  const named = list.map((entry, index): [string, unknown] => [entryName(entry, index), entry]);
  const { parsed, skipped } = parseEntries(hashrateNoCoinSchema, named, SOURCE);

  const coins: NetworkStats[] = [];
  for (const { name, entry } of parsed) {
    const algorithm = algorithmFromUpstream(entry.algo);
    if (!algorithm) {
      skipped.push({ name, reason: `unknown algorithm "${entry.algo}"` });
      continue;
    }
    coins.push({
      tag: entry.coin,
      name: entry.name,
      algorithm: algorithm.slug,
      blockTimeSeconds: null,
      blockReward: null,
      difficulty: positiveOrNull(entry.networkDifficulty),
      networkHashrate: positiveOrNull(entry.networkHashrate),
      emissionPerDay: positiveOrNull(entry.emission),
      priceUsd: positiveOrNull(entry.usdPrice),
      priceBtc: null,
      volume24hUsd: null,
      lagging: false,
      updatedAt,
      averages: {}, // hashrate.no publishes %-changes, not averages: history supplies them
    });
  }
  return { data: coins, skipped };
}

/** The coin ticker for skip reasons, before the entry is known to be valid. */
function entryName(entry: unknown, index: number): string {
  const coin = typeof entry === 'object' && entry !== null ? (entry as { coin?: unknown }).coin : undefined;
  return typeof coin === 'string' && coin !== '' ? coin : `#${index}`;
}

export async function fetchHashrateNo({
  baseUrl,
  apiKey,
  timeoutMs,
}: {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}): Promise<SourceResult<NetworkStats[]>> {
  // The API takes its key as a query parameter; fetchJson keeps URLs out of error messages.
  const url = `${baseUrl.replace(/\/+$/, '')}/v1/coins?apiKey=${encodeURIComponent(apiKey)}`;
  return normalizeHashrateNo(await fetchJson(url, { timeoutMs, source: SOURCE }), null);
}
