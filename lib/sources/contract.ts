// The contract between the snapshot service and its sources: what every source adapter returns
// (one payload shape, whichever upstream it read) and how the service calls it. Adapters import
// this from here, not from their consumer.
import { z } from 'zod';
import { poolStatsSchema } from '@/lib/model/pools';
import { nullableFinite, rentalPriceSchema, networkStatsSchema, finite, type SourceId } from '@/lib/model/types';

/** A price from a market-data source (CoinGecko), keyed by that source's coin id. */
export type PriceQuote = {
  id: string;
  priceUsd: number;
  volume24hUsd: number | null;
  updatedAt: string | null;
};

/** What a source adapter returns on success. */
export type SourceResult<T> = {
  data: T;
  /** Entries the adapter could not use, with the reason (unknown algorithm, pseudo-coin…). */
  skipped: Array<{ name: string; reason: string }>;
};

export const supplySchema = z.object({
  id: z.string(),
  circulatingSupply: nullableFinite,
  maxSupply: nullableFinite,
});

export const priceQuoteSchema = z.object({
  id: z.string(),
  priceUsd: finite,
  volume24hUsd: nullableFinite,
  updatedAt: z.string().nullable(),
});

/** What one source contributed to a snapshot, in one shape whichever source it is. */
export const sourcePayloadSchema = z.object({
  coins: z.array(networkStatsSchema),
  quotes: z.array(priceQuoteSchema),
  btcUsd: nullableFinite,
  /** EUR per BTC from the same price source, for the EUR switch (never a constant). */
  btcEur: nullableFinite.default(null),
  /** GBP per BTC from the same price source, for GBP-priced electricity; absent where not asked. */
  btcGbp: nullableFinite.optional(),
  /** 24 h volume in BTC by coin tag (WhatToMine's `exchange_rate_vol`). */
  volume24hBtcByTag: z.record(z.string(), finite),
  rentals: z.array(rentalPriceSchema).default([]),
  supplies: z.array(supplySchema).default([]),
  /** Chain height by coin tag, from a chain source. */
  heights: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Pool figures per registry coin, from a pool site (lib/sources/pools). */
  pools: z.array(poolStatsSchema).optional(),
});
export type SourcePayload = z.infer<typeof sourcePayloadSchema>;

/** A payload with nothing in it, for sources that fill only some fields. */
export function emptyPayload(): SourcePayload {
  return { coins: [], quotes: [], btcUsd: null, btcEur: null, volume24hBtcByTag: {}, rentals: [], supplies: [], heights: {} };
}

export type SourceFetcher = {
  id: SourceId;
  name: string;
  /** Shown to users as the data's origin; never contains a key. */
  url: string;
  fetch: () => Promise<SourcePayload>;
  /**
   * Ask no more often than this (ms), keeping the last good data in between: for upstreams with a
   * call quota (hashrate.no's free plan: 100 calls a month). Unset: every refresh.
   */
  minIntervalMs?: number;
};
