// One row's coin health (lib/health) from what the row already knows (estimate, risk figures,
// the coin's flags) and the slow coin-health figures (community, development, markets), and its
// profit discounted by the user's risk weights.
import type { CoinHealthData } from '@/lib/health/data';
import { concentrated, DATA_QUALITY_FLAGS, type MarketsSummary, type ProtectionKind } from '@/lib/health/parts';
import { protectionKindsOf } from '@/lib/health/protection-kinds';
import { health, riskAdjustedUsdPerDay, type Health, type RiskWeights } from '@/lib/health/score';
import { poolNetworkHashrate } from '@/lib/pools/math';
import type { Snapshot } from '@/lib/model/types';
import type { RankedRow } from './ranking';
import type { RowRisk } from './row-risk';

const DAY_MS = 86_400_000;

export type RowHealth = Health & {
  riskAdjustedUsdPerDay: number | null;
  /** The coin's chain protections (their citations: lib/health/protections.ts, on the coin page). */
  protections: readonly ProtectionKind[];
  /** One exchange holds 90 % or more of the sellable volume. */
  concentrated: boolean;
  markets: MarketsSummary | null;
  /** The largest known pool's share of the network (null when no pool is listed or answered). */
  largestPoolShare: number | null;
  /** Days from the last commit to when GitHub was asked (no clock here). */
  lastCommitDaysAgo: number | null;
  /** The figures' age stamps and last error, for the coin page; null when the coin was never asked. */
  data: CoinHealthData | null;
};

export type HealthContext = {
  data: ReadonlyMap<string, CoinHealthData>;
  weights: RiskWeights;
  /** The largest known pool's share of the coin's network hashrate, by tag (largestPoolShares). */
  largestPoolShare?: (tag: string) => number | null;
};

/**
 * The largest pool's share of each coin's network, from the registry pools in the snapshot
 * (lib/pools: pool hashrate ÷ the coin's network hashrate). Only the pools the registry lists are
 * known, so this is a lower bound on how concentrated the coin's mining is.
 */
export function largestPoolShares(snapshot: Pick<Snapshot, 'coins' | 'pools'>): Map<string, number> {
  const shares = new Map<string, number>();
  for (const pool of snapshot.pools ?? []) {
    const coin = snapshot.coins.find((c) => c.tag === pool.tag);
    if (!coin || pool.poolHashrate === null || !(pool.poolHashrate >= 0)) continue;
    const network = poolNetworkHashrate(coin, pool);
    if (network === null) continue;
    const share = pool.poolHashrate / network;
    if (Number.isFinite(share) && share > (shares.get(pool.tag) ?? -1)) shares.set(pool.tag, share);
  }
  return shares;
}

function daysBetween(fromIso: string | null | undefined, toIso: string | null | undefined): number | null {
  const from = fromIso ? Date.parse(fromIso) : Number.NaN;
  const to = toIso ? Date.parse(toIso) : Number.NaN;
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  return Math.max(0, (to - from) / DAY_MS);
}

export function rowHealth(row: RankedRow, risk: RowRisk, context: HealthContext): RowHealth {
  const { coin, estimate } = row;
  const data = context.data.get(coin.tag) ?? null;
  const protections = protectionKindsOf(coin.tag);
  const development = data?.development ?? null;
  const lastCommitDaysAgo = daysBetween(development?.lastCommitAt, data?.githubFetchedAt);
  const markets = data?.markets ?? null;
  const largestPoolShare = context.largestPoolShare?.(coin.tag) ?? null;
  const h = health({
    security: {
      rentalStatus: risk.securityKnown ? risk.security.status : null,
      rentableShare: risk.security.rentableShare,
      protections,
      largestPoolShare,
    },
    liquidity: { priceUsd: coin.priceUsd, volume24hUsd: coin.volume24hUsd, revenueUsdPerDay: estimate?.revenueUsdPerDay ?? null },
    markets,
    development: { commitCount4Weeks: development?.commitCount4Weeks ?? null, lastCommitDaysAgo },
    community: {
      xFollowers: data?.community?.xFollowers ?? null,
      redditSubscribers: data?.community?.redditSubscribers ?? null,
      telegramMembers: data?.community?.telegramMembers ?? null,
    },
    // A rig with no hashrate on this algorithm has no share to judge.
    joinedShare: row.hashrate === null ? null : risk.network.joinedShare,
    dataQualityFlags: coin.flags.filter((f) => (DATA_QUALITY_FLAGS as readonly string[]).includes(f.code)).length,
  });
  return {
    ...h,
    riskAdjustedUsdPerDay: riskAdjustedUsdPerDay(estimate?.profitUsdPerDay ?? null, h.parts, context.weights),
    protections,
    concentrated: concentrated(markets),
    markets,
    largestPoolShare,
    lastCommitDaysAgo,
    data,
  };
}
