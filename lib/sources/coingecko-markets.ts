// CoinGecko /api/v3/coins/markets: circulating, total and max supply by CoinGecko id, for the
// inflation figure in lib/risk/risk.ts. Shape as in the 2025-03-04 recording (tests/fixtures).
import { z } from 'zod';

import { fetchJson } from './http';
import { parseEntries, parseOrThrow, positiveOrNull, upstreamNumber } from './parse';
import type { SourceResult } from '@/lib/sources/contract';

/** One coin; CoinGecko gives null (and for some coins 0) where it does not know a supply. */
export const coinGeckoMarketSchema = z.object({
  id: z.string().min(1),
  circulating_supply: upstreamNumber.nullable().optional(),
  total_supply: upstreamNumber.nullable().optional(),
  /** null for coins without a cap (ethereum, dogecoin in the recording). */
  max_supply: upstreamNumber.nullable().optional(),
  /** ISO time, "2025-03-04T14:45:50.155Z". */
  last_updated: z.string().nullable().optional(),
});

export const coinGeckoMarketsSchema = z.array(z.unknown());

export type CoinSupply = {
  id: string;
  circulatingSupply: number | null;
  totalSupply: number | null;
  maxSupply: number | null;
  updatedAt: string | null;
};

const SOURCE = 'coingecko-markets';
/** The endpoint's largest page; more ids are asked for in several requests. */
export const COINGECKO_MARKETS_PAGE_SIZE = 250;

function isoOrNull(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

function entryName(entry: unknown, index: number): string {
  if (typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'string') return entry.id;
  return `#${index}`;
}

/** `requestedIds`, when given, reports ids the response left out. */
export function normalizeCoinGeckoMarkets(raw: unknown, requestedIds: readonly string[] = []): SourceResult<CoinSupply[]> {
  const list = parseOrThrow(coinGeckoMarketsSchema, raw, SOURCE);
  const named = list.map((entry, index): [string, unknown] => [entryName(entry, index), entry]);
  const { parsed, skipped } = parseEntries(coinGeckoMarketSchema, named, SOURCE);

  // A supply of 0 or below is CoinGecko's "unknown", not an empty coin: it would make inflation infinite.
  const supplies: CoinSupply[] = parsed.map(({ entry }) => ({
    id: entry.id,
    circulatingSupply: positiveOrNull(entry.circulating_supply),
    totalSupply: positiveOrNull(entry.total_supply),
    maxSupply: positiveOrNull(entry.max_supply),
    updatedAt: isoOrNull(entry.last_updated),
  }));
  const returned = new Set(supplies.map((supply) => supply.id));
  for (const id of requestedIds) {
    if (!returned.has(id)) skipped.push({ name: id, reason: 'not in the response (unknown id?)' });
  }
  return { data: supplies, skipped };
}

export async function fetchCoinGeckoMarkets(
  ids: readonly string[],
  { baseUrl, timeoutMs, apiKey }: { baseUrl: string; timeoutMs: number; apiKey?: string },
): Promise<SourceResult<CoinSupply[]>> {
  const requested = [...new Set(ids)].sort();
  // Without ids the endpoint lists the top coins by market cap: ask for nothing instead.
  if (requested.length === 0) return { data: [], skipped: [] };
  const base = baseUrl.replace(/\/+$/, '');
  const data: CoinSupply[] = [];
  const skipped: SourceResult<CoinSupply[]>['skipped'] = [];
  for (let start = 0; start < requested.length; start += COINGECKO_MARKETS_PAGE_SIZE) {
    const page = requested.slice(start, start + COINGECKO_MARKETS_PAGE_SIZE);
    const query =
      `vs_currency=usd&ids=${page.map(encodeURIComponent).join(',')}` +
      `&per_page=${COINGECKO_MARKETS_PAGE_SIZE}&page=1`;
    const raw = await fetchJson(`${base}/api/v3/coins/markets?${query}`, {
      timeoutMs,
      source: SOURCE,
      ...(apiKey ? { headers: { 'x-cg-demo-api-key': apiKey } } : {}),
    });
    const result = normalizeCoinGeckoMarkets(raw, page);
    data.push(...result.data);
    skipped.push(...result.skipped);
  }
  return { data, skipped };
}
