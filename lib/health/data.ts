// What the slow coin-health refresh (lib/server/health-service) keeps per coin: community and
// development figures and the sellable markets, normalized by lib/sources and checked again when
// read back from disk. Our shape, not any upstream's; null everywhere means "no data".
import { z } from 'zod';

const count = z.number().int().nonnegative().nullable();
const finiteNonNeg = z.number().refine(Number.isFinite, 'must be finite').pipe(z.number().nonnegative());

export const communityFiguresSchema = z.object({
  xFollowers: count,
  redditSubscribers: count,
  telegramMembers: count,
  source: z.enum(['coingecko', 'coinpaprika']),
});
export type CommunityFigures = z.infer<typeof communityFiguresSchema>;

export const developmentFiguresSchema = z.object({
  commitCount4Weeks: count,
  /** Days in the last 4 weeks with at least one commit (CoinGecko's daily series). */
  activeDays4Weeks: count,
  stars: count,
  contributors: count,
  pullRequestsMerged: count,
  /** ISO; GitHub's `pushed_at` (the last push to any branch). */
  lastCommitAt: z.string().nullable(),
  lastReleaseAt: z.string().nullable(),
  archived: z.boolean().nullable(),
  source: z.enum(['coingecko', 'github', 'coingecko+github']),
});
export type DevelopmentFigures = z.infer<typeof developmentFiguresSchema>;

export const marketsSummarySchema = z.object({
  usableMarkets: z.number().int().nonnegative(),
  usableVolumeUsd: finiteNonNeg,
  topExchangeShare: finiteNonNeg.nullable(),
  topExchange: z.string().nullable(),
  /** Tickers seen, and how many were left out as stale, anomalous or too wide (or unknown) a spread. */
  tickers: z.number().int().nonnegative(),
  excluded: z.object({ stale: z.number().int(), anomalous: z.number().int(), spread: z.number().int() }),
});
export type MarketsFigures = z.infer<typeof marketsSummarySchema>;

export const coinHealthDataSchema = z.object({
  tag: z.string(),
  coingeckoId: z.string().nullable(),
  community: communityFiguresSchema.nullable(),
  development: developmentFiguresSchema.nullable(),
  markets: marketsSummarySchema.nullable(),
  /** GitHub repositories ("owner/name") CoinGecko or CoinPaprika list for the coin. */
  repos: z.array(z.string()).default([]),
  /** When each upstream last answered well for this coin (ISO), and its last error if the newest try failed. */
  fetchedAt: z.string().nullable(),
  githubFetchedAt: z.string().nullable().default(null),
  error: z.string().nullable().default(null),
});
export type CoinHealthData = z.infer<typeof coinHealthDataSchema>;

export const healthFileSchema = z.object({
  version: z.literal(1),
  coins: z.record(z.string(), coinHealthDataSchema),
});
export type HealthFile = z.infer<typeof healthFileSchema>;
