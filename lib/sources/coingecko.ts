// CoinGecko /api/v3/simple/price: USD prices and 24 h volumes by CoinGecko id, plus BTC/USD.
import { z } from 'zod';

import { fetchJson } from './http';
import { isoFromUnixSeconds, parseEntries, parseOrThrow, positiveOrNull, signedNumber, upstreamNumber } from './parse';
import type { PriceQuote, SourceResult } from '@/lib/sources/contract';

/** One id's quote; CoinGecko omits fields it does not know, so each is optional. */
export const coinGeckoQuoteSchema = z.object({
  usd: upstreamNumber.nullable().optional(),
  /** Asked for Bitcoin only: BTC/EUR over BTC/USD gives the EUR rate from the same source. */
  eur: upstreamNumber.nullable().optional(),
  /** Bitcoin only, likewise: the GBP rate for GBP-priced electricity (Octopus Agile). */
  gbp: upstreamNumber.nullable().optional(),
  usd_24h_vol: upstreamNumber.nullable().optional(),
  /** Percent, signed: -1 is a real change here, not a sentinel. */
  usd_24h_change: signedNumber.nullable().optional(),
  /** Unix seconds. */
  last_updated_at: z.number().nullable().optional(),
});

export const coinGeckoSimplePriceSchema = z.record(z.string(), z.unknown());

export type CoinGeckoData = { quotes: PriceQuote[]; btcUsd: number | null; btcEur: number | null; btcGbp?: number | null };

const SOURCE = 'coingecko';
const BITCOIN_ID = 'bitcoin';

/** `requestedIds`, when given, reports ids the response left out. */
export function normalizeCoinGecko(raw: unknown, requestedIds: readonly string[] = []): SourceResult<CoinGeckoData> {
  const body = parseOrThrow(coinGeckoSimplePriceSchema, raw, SOURCE);
  const { parsed, skipped } = parseEntries(coinGeckoQuoteSchema, Object.entries(body), SOURCE);

  const quotes: PriceQuote[] = [];
  for (const { name: id, entry } of parsed) {
    const priceUsd = positiveOrNull(entry.usd);
    if (priceUsd === null) {
      skipped.push({ name: id, reason: entry.usd == null ? 'no USD price' : `unusable USD price ${entry.usd}` });
      continue;
    }
    const volume = entry.usd_24h_vol;
    quotes.push({
      id,
      priceUsd,
      volume24hUsd: typeof volume === 'number' && volume >= 0 ? volume : null,
      updatedAt: isoFromUnixSeconds(entry.last_updated_at),
    });
  }
  for (const id of requestedIds) {
    if (!(id in body)) skipped.push({ name: id, reason: 'not in the response (unknown id?)' });
  }
  const btcUsd = quotes.find((quote) => quote.id === BITCOIN_ID)?.priceUsd ?? null;
  const bitcoin = parsed.find((p) => p.name === BITCOIN_ID)?.entry;
  const btcEur = positiveOrNull(bitcoin?.eur);
  const btcGbp = positiveOrNull(bitcoin?.gbp);
  return { data: { quotes, btcUsd, btcEur, ...(btcGbp !== null ? { btcGbp } : {}) }, skipped };
}

export async function fetchCoinGeckoPrices(
  ids: readonly string[],
  { baseUrl, timeoutMs, apiKey }: { baseUrl: string; timeoutMs: number; apiKey?: string },
): Promise<SourceResult<CoinGeckoData>> {
  // Bitcoin is always asked for: its USD price converts WhatToMine's BTC prices.
  const requested = [...new Set([BITCOIN_ID, ...ids])].sort();
  const query =
    `ids=${requested.map(encodeURIComponent).join(',')}` +
    '&vs_currencies=usd,eur,gbp&include_24hr_vol=true&include_last_updated_at=true';
  const raw = await fetchJson(`${baseUrl.replace(/\/+$/, '')}/api/v3/simple/price?${query}`, {
    timeoutMs,
    source: SOURCE,
    ...(apiKey ? { headers: { 'x-cg-demo-api-key': apiKey } } : {}),
  });
  return normalizeCoinGecko(raw, requested);
}
