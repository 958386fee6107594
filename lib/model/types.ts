// Our own data types, the same whichever upstream they came from. Schemas are used to check
// a persisted snapshot when it is read back from disk; types come from the schemas.
import { z } from 'zod';

import { POOL_SOURCE_ID_RE, snapshotPoolSchema, type PoolSourceId } from './pools';

export const finite = z.number().refine(Number.isFinite, 'must be finite');
export const nullableFinite = finite.nullable();

export const AVERAGE_WINDOWS = ['24h', '3d', '7d'] as const;

/** A reward figure counts the whole block, or only the miner's part of it. */
export const REWARD_BASES = ['whole', 'miner'] as const;
export type RewardBasisCode = (typeof REWARD_BASES)[number];
export type AverageWindow = (typeof AVERAGE_WINDOWS)[number];

/** A window's average figures, from the upstream's own averages or from our history. */
export const windowFiguresSchema = z.object({
  difficulty: nullableFinite,
  networkHashrate: nullableFinite,
  blockReward: nullableFinite,
  priceUsd: nullableFinite,
  priceBtc: nullableFinite,
  source: z.enum(['upstream', 'history']),
  /** History points the average is made of (null for an upstream average). */
  points: z.number().int().nonnegative().nullable(),
});
export type WindowFigures = z.infer<typeof windowFiguresSchema>;

export const averagesSchema = z
  .object({ '24h': windowFiguresSchema.optional(), '3d': windowFiguresSchema.optional(), '7d': windowFiguresSchema.optional() })
  .default({});
export type Averages = z.infer<typeof averagesSchema>;

/** Network stats for one coin as one source reports them, normalized to base units. */
export const networkStatsSchema = z.object({
  tag: z.string().min(1),
  name: z.string().min(1),
  /** Algorithm slug from lib/mining/algorithms.ts (the `hr.<slug>` URL key). */
  algorithm: z.string().min(1),
  blockTimeSeconds: nullableFinite,
  blockReward: nullableFinite,
  difficulty: nullableFinite,
  /** H/s (Sol/s for Equihash, G/s for Cuckoo graphs). */
  networkHashrate: nullableFinite,
  /** Coins issued per day network-wide, where the source gives it. */
  emissionPerDay: nullableFinite,
  priceUsd: nullableFinite,
  priceBtc: nullableFinite,
  volume24hUsd: nullableFinite,
  /** The upstream's own "this coin's data is behind" marker. */
  lagging: z.boolean(),
  /** When the upstream says these figures were taken (ISO), if it says. */
  updatedAt: z.string().nullable(),
  /** 24 h / 3 d / 7 d averages where the upstream publishes them (WhatToMine does). */
  averages: averagesSchema,
  /**
   * What blockReward and emissionPerDay count: the whole block, or already only the miner's part
   * (each source classifies its own figure; lib/mining/difficulty-conventions.ts cites why).
   */
  rewardBasis: z.enum(REWARD_BASES).optional(),
  /** Coins of the block the coinbase must pay to others (a template's masternode, founder… payees). */
  blockRewardToOthers: nullableFinite.optional(),
});
export type NetworkStats = z.infer<typeof networkStatsSchema>;

export const SOURCE_IDS = [
  'whattomine-gpu',
  'whattomine-asic',
  'coingecko',
  'coingecko-markets',
  'hashrateno',
  'nicehash',
  'embedded',
] as const;
/** A coin's own node, explorer or pool API (lib/sources/chain), one source per registry coin. */
export type ChainSourceId = `chain:${string}`;
export type SourceId = (typeof SOURCE_IDS)[number] | ChainSourceId | PoolSourceId;

export const CHAIN_SOURCE_PREFIX = 'chain:';
export const chainSourceId = (tag: string): ChainSourceId => `chain:${tag.toUpperCase()}`;
export const isChainSourceId = (id: SourceId | string): id is ChainSourceId => id.startsWith(CHAIN_SOURCE_PREFIX);

export const sourceIdSchema = z.union([
  z.enum(SOURCE_IDS),
  z.custom<ChainSourceId>((value) => typeof value === 'string' && /^chain:[A-Z0-9]{2,10}$/.test(value), 'not a source id'),
  z.custom<PoolSourceId>((value) => typeof value === 'string' && POOL_SOURCE_ID_RE.test(value), 'not a source id'),
]);

export const coinFlagSchema = z.object({
  code: z.enum([
    'lagging',
    'difficulty-mismatch',
    'no-price',
    'no-volume',
    'stale-source',
    'price-disagreement',
    'volatile-difficulty',
    'source-disagreement',
  ]),
  /**
   * The figures behind the flag, named per code (see lib/format/flags.ts, which words them):
   * ratios, the figures compared, the source named, the age in seconds. Never an English sentence:
   * snapshots are persisted and shared, and components choose the words.
   */
  figures: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).default({}),
});
export type CoinFlag = z.infer<typeof coinFlagSchema>;
export type CoinFlagCode = CoinFlag['code'];

export const coinSchema = networkStatsSchema.extend({
  /** Difficulty-to-work factor k used for this coin (algorithm default or coin override). */
  workFactor: nullableFinite,
  /** Where the network figures came from, and where the price came from. */
  source: sourceIdSchema,
  priceSource: sourceIdSchema.nullable(),
  /**
   * Which source gave each network figure, where more than one covers the coin (a coin's own
   * chain is the truth for them; an aggregator fills what it does not give). Empty = all `source`.
   */
  figureSources: z
    .object({
      difficulty: sourceIdSchema.optional(),
      networkHashrate: sourceIdSchema.optional(),
      blockReward: sourceIdSchema.optional(),
      blockTimeSeconds: sourceIdSchema.optional(),
      height: sourceIdSchema.optional(),
    })
    .default({}),
  /** Chain height, where a chain source gave it. */
  height: z.number().int().nonnegative().nullable().default(null),
  /** The network hashrate that difficulty × k / block time implies, for the consistency check. */
  impliedNetworkHashrate: nullableFinite,
  /** Circulating and maximum supply from the price source (CoinGecko markets); null where unknown. */
  circulatingSupply: nullableFinite.default(null),
  maxSupply: nullableFinite.default(null),
  /** What blockReward and emissionPerDay count (whole block unless the source gives the miner's part). */
  rewardBasis: z.enum(REWARD_BASES).default('whole'),
  /** The miner's share of the whole block (0..1): a cited split or a template's payees; null = not verified. */
  minerShare: nullableFinite.default(null),
  /** Where minerShare comes from: the cited schedule (lib/mining/reward-splits.ts) or the live template. */
  minerShareFrom: z.enum(['schedule', 'template']).nullable().default(null),
  /** Coins per block the miner keeps; null where the reward or the share is unknown. */
  minerReward: nullableFinite.default(null),
  /** Coefficient of variation of difficulty over 24 h, from history; null until there are points. */
  difficultyCv24h: nullableFinite.default(null),
  flags: z.array(coinFlagSchema),
});
export type Coin = z.infer<typeof coinSchema>;

export const sourceStatusSchema = z.object({
  id: sourceIdSchema,
  name: z.string(),
  url: z.string(),
  ok: z.boolean(),
  /** When its data in this snapshot was fetched (the last good fetch), ISO. */
  fetchedAt: z.string().nullable(),
  /** The last error, when the newest attempt failed; its last good data is kept. */
  error: z.string().nullable(),
  stale: z.boolean(),
  coins: z.number().int().nonnegative(),
});
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

/** What renting (or selling) hashrate costs on NiceHash for one algorithm. */
export const rentalPriceSchema = z.object({
  algorithm: z.string(),
  /** BTC per H/s (Sol/s, G/s) per day; 0 = no orders. */
  payingBtcPerHashPerDay: finite,
  /** Hashrate on the marketplace now (base units), when known. */
  rentableHashrate: nullableFinite,
});
export type RentalPrice = z.infer<typeof rentalPriceSchema>;

export const snapshotSchema = z.object({
  /** When the data was taken: the oldest fetch among the sources that fed it. */
  asOf: z.string(),
  /** 'embedded' is the dated snapshot the repo ships; never presented as live. */
  mode: z.enum(['live', 'embedded']),
  stale: z.boolean(),
  btcUsd: nullableFinite,
  /** EUR per USD, when a live price source gave one; null in the embedded snapshot. */
  eurPerUsd: nullableFinite.default(null),
  /** GBP per USD from the same price source (Octopus Agile electricity); absent or null without one. */
  gbpPerUsd: nullableFinite.optional(),
  /** NiceHash hash-rental prices by algorithm; empty when that source is off. */
  rentals: z.array(rentalPriceSchema).default([]),
  sources: z.array(sourceStatusSchema),
  coins: z.array(coinSchema),
  /** Every registry coin's pools, as their sites last answered (lib/sources/pools). */
  pools: z.array(snapshotPoolSchema).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

