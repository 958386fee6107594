// CoinGecko `/api/v3/coins/{id}` (community_data, developer_data, links.repos_url) and
// `/api/v3/coins/{id}/tickers` (the markets a miner can sell on). Field names as in CoinGecko's
// documented response; fixtures built from that shape are named *-documented-shape.json.
// Many small coins come back with zeros where CoinGecko tracks nothing: those become null here.
import { z } from 'zod';

import { fetchJson } from './http';
import { parseOrThrow } from './parse';
import { MAX_SPREAD_PERCENT } from '@/lib/health/parts';
import type { CommunityFigures, DevelopmentFigures, MarketsFigures } from '@/lib/health/data';

const num = z.number().nullable().optional();

export const coinGeckoCoinSchema = z.object({
  id: z.string().min(1),
  symbol: z.string().optional(),
  name: z.string().optional(),
  links: z
    .object({
      repos_url: z
        .object({ github: z.array(z.string()).nullable().optional(), bitbucket: z.array(z.string()).nullable().optional() })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
  community_data: z
    .object({
      twitter_followers: num,
      reddit_subscribers: num,
      reddit_accounts_active_48h: num,
      telegram_channel_user_count: num,
    })
    .nullable()
    .optional(),
  developer_data: z
    .object({
      forks: num,
      stars: num,
      subscribers: num,
      total_issues: num,
      closed_issues: num,
      pull_requests_merged: num,
      pull_request_contributors: num,
      commit_count_4_weeks: num,
      last_4_weeks_commit_activity_series: z.array(z.number()).nullable().optional(),
    })
    .nullable()
    .optional(),
  last_updated: z.string().nullable().optional(),
});

export const coinGeckoTickersSchema = z.object({
  tickers: z.array(
    z.object({
      base: z.string().optional(),
      target: z.string().optional(),
      market: z.object({ name: z.string().nullable().optional(), identifier: z.string().nullable().optional() }),
      converted_volume: z.object({ usd: z.number().nullable().optional() }).partial().nullable().optional(),
      bid_ask_spread_percentage: z.number().nullable().optional(),
      is_anomaly: z.boolean().nullable().optional(),
      is_stale: z.boolean().nullable().optional(),
    }),
  ),
});

const SOURCE = 'coingecko-coin';

/** A positive whole count, else null: CoinGecko's 0 for a small coin means "not tracked", not "nobody". */
const countOrNull = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : null;

/** "https://github.com/owner/name(.git)(/…)" → "owner/name"; anything else is skipped. */
export function githubRepoOf(url: string): string | null {
  const match = /^https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?(?:[/?#].*)?$/.exec(url.trim());
  if (!match) return null;
  const [, owner = '', name = ''] = match;
  return `${owner}/${name}`;
}

export type CoinGeckoCoin = {
  id: string;
  community: CommunityFigures | null;
  development: DevelopmentFigures | null;
  repos: string[];
  updatedAt: string | null;
};

export function normalizeCoinGeckoCoin(raw: unknown): CoinGeckoCoin {
  const coin = parseOrThrow(coinGeckoCoinSchema, raw, SOURCE);
  const c = coin.community_data;
  const xFollowers = countOrNull(c?.twitter_followers);
  const redditSubscribers = countOrNull(c?.reddit_subscribers);
  const telegramMembers = countOrNull(c?.telegram_channel_user_count);
  const community =
    xFollowers === null && redditSubscribers === null && telegramMembers === null
      ? null
      : { xFollowers, redditSubscribers, telegramMembers, source: 'coingecko' as const };

  const repos = [...new Set((coin.links?.repos_url?.github ?? []).map(githubRepoOf).filter((r): r is string => r !== null))];
  const d = coin.developer_data;
  const series = d?.last_4_weeks_commit_activity_series ?? [];
  // Untracked: no GitHub repository linked, or every figure 0 and no series (CoinGecko's shape for it).
  const anyFigure = [d?.forks, d?.stars, d?.subscribers, d?.total_issues, d?.commit_count_4_weeks].some(
    (n) => typeof n === 'number' && n > 0,
  );
  let development: DevelopmentFigures | null = null;
  if (d && repos.length > 0 && (anyFigure || series.some((n) => n > 0))) {
    const seriesSum = series.reduce((a, b) => a + (Number.isFinite(b) && b > 0 ? b : 0), 0);
    const commits = d.commit_count_4_weeks;
    development = {
      // A 0 here is measured (a tracked repository with no commits), unlike the untracked case above.
      commitCount4Weeks:
        typeof commits === 'number' && Number.isFinite(commits) && commits >= 0 ? Math.round(commits) : series.length > 0 ? seriesSum : null,
      activeDays4Weeks: series.length > 0 ? series.filter((n) => n > 0).length : null,
      stars: countOrNull(d.stars),
      contributors: countOrNull(d.pull_request_contributors),
      pullRequestsMerged: countOrNull(d.pull_requests_merged),
      lastCommitAt: null,
      lastReleaseAt: null,
      archived: null,
      source: 'coingecko',
    };
  }
  const at = coin.last_updated ? Date.parse(coin.last_updated) : Number.NaN;
  return { id: coin.id, community, development, repos, updatedAt: Number.isNaN(at) ? null : new Date(at).toISOString() };
}

/**
 * The markets a miner can sell on: not stale, not anomalous, a known bid-ask spread under 2 %;
 * their 24 h USD volume summed, and the largest exchange's share of it (a warning from 90 %).
 */
export function normalizeCoinGeckoTickers(raw: unknown): MarketsFigures {
  const { tickers } = parseOrThrow(coinGeckoTickersSchema, raw, SOURCE);
  const excluded = { stale: 0, anomalous: 0, spread: 0 };
  const byExchange = new Map<string, number>();
  let usableMarkets = 0;
  for (const t of tickers) {
    if (t.is_stale === true) excluded.stale += 1;
    else if (t.is_anomaly === true) excluded.anomalous += 1;
    else if (
      typeof t.bid_ask_spread_percentage !== 'number' ||
      !Number.isFinite(t.bid_ask_spread_percentage) ||
      t.bid_ask_spread_percentage < 0 ||
      t.bid_ask_spread_percentage >= MAX_SPREAD_PERCENT
    )
      excluded.spread += 1;
    else {
      usableMarkets += 1;
      const usd = t.converted_volume?.usd;
      const volume = typeof usd === 'number' && Number.isFinite(usd) && usd > 0 ? usd : 0;
      const exchange = t.market.identifier ?? t.market.name ?? '?';
      byExchange.set(exchange, (byExchange.get(exchange) ?? 0) + volume);
    }
  }
  const usableVolumeUsd = [...byExchange.values()].reduce((a, b) => a + b, 0);
  let topExchange: string | null = null;
  let topVolume = 0;
  for (const [exchange, volume] of byExchange) {
    if (volume > topVolume) {
      topExchange = exchange;
      topVolume = volume;
    }
  }
  return {
    usableMarkets,
    usableVolumeUsd,
    topExchangeShare: usableVolumeUsd > 0 ? topVolume / usableVolumeUsd : null,
    topExchange,
    tickers: tickers.length,
    excluded,
  };
}

export type CoinGeckoCoinOptions = { baseUrl: string; timeoutMs: number; apiKey?: string };

function headers(apiKey: string | undefined) {
  return apiKey ? { headers: { 'x-cg-demo-api-key': apiKey } } : {};
}

export async function fetchCoinGeckoCoin(id: string, { baseUrl, timeoutMs, apiKey }: CoinGeckoCoinOptions): Promise<CoinGeckoCoin> {
  const base = baseUrl.replace(/\/+$/, '');
  // Only the parts we read: no localized texts, no market data, no tickers (asked separately).
  const query = 'localization=false&tickers=false&market_data=false&community_data=true&developer_data=true&sparkline=false';
  const raw = await fetchJson(`${base}/api/v3/coins/${encodeURIComponent(id)}?${query}`, { timeoutMs, source: SOURCE, ...headers(apiKey) });
  return normalizeCoinGeckoCoin(raw);
}

export async function fetchCoinGeckoTickers(id: string, { baseUrl, timeoutMs, apiKey }: CoinGeckoCoinOptions): Promise<MarketsFigures> {
  const base = baseUrl.replace(/\/+$/, '');
  // The first page (100 tickers) by volume holds every market a small coin has.
  const raw = await fetchJson(`${base}/api/v3/coins/${encodeURIComponent(id)}/tickers?page=1&order=volume_desc`, {
    timeoutMs,
    source: `${SOURCE}-tickers`,
    ...headers(apiKey),
  });
  return normalizeCoinGeckoTickers(raw);
}
