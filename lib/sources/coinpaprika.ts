// CoinPaprika `/v1/coins/{id}`: a second opinion on community figures (links_extended stats:
// Reddit subscribers, X followers) and the coin's source-code repository, for coins CoinGecko
// has nothing on. Keyless; field names as in CoinPaprika's documented response.
import { z } from 'zod';

import { fetchJson } from './http';
import { parseOrThrow } from './parse';
import { githubRepoOf } from './coingecko-coin';
import type { CommunityFigures } from '@/lib/health/data';

export const coinPaprikaCoinSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  symbol: z.string().optional(),
  is_active: z.boolean().optional(),
  links_extended: z
    .array(
      z.object({
        url: z.string(),
        type: z.string(),
        stats: z
          .object({
            subscribers: z.number().nullable().optional(),
            followers: z.number().nullable().optional(),
            contributors: z.number().nullable().optional(),
            stars: z.number().nullable().optional(),
          })
          .partial()
          .nullable()
          .optional(),
      }),
    )
    .nullable()
    .optional(),
  last_data_at: z.string().nullable().optional(),
});

const SOURCE = 'coinpaprika';

const countOrNull = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.round(n) : null;

export type CoinPaprikaCoin = {
  id: string;
  active: boolean | null;
  community: CommunityFigures | null;
  repos: string[];
  /** GitHub stars and contributors from the source_code link's stats. */
  stars: number | null;
  contributors: number | null;
};

export function normalizeCoinPaprikaCoin(raw: unknown): CoinPaprikaCoin {
  const coin = parseOrThrow(coinPaprikaCoinSchema, raw, SOURCE);
  const links = coin.links_extended ?? [];
  const first = (type: string, stat: 'subscribers' | 'followers' | 'contributors' | 'stars') =>
    links.map((l) => (l.type === type ? countOrNull(l.stats?.[stat]) : null)).find((n) => n !== null) ?? null;
  const xFollowers = first('twitter', 'followers');
  const redditSubscribers = first('reddit', 'subscribers');
  const repos = [
    ...new Set(links.filter((l) => l.type === 'source_code').map((l) => githubRepoOf(l.url)).filter((r): r is string => r !== null)),
  ];
  return {
    id: coin.id,
    active: coin.is_active ?? null,
    community:
      xFollowers === null && redditSubscribers === null
        ? null
        : { xFollowers, redditSubscribers, telegramMembers: null, source: 'coinpaprika' },
    repos,
    stars: first('source_code', 'stars'),
    contributors: first('source_code', 'contributors'),
  };
}

export async function fetchCoinPaprikaCoin(id: string, { baseUrl, timeoutMs }: { baseUrl: string; timeoutMs: number }) {
  const raw = await fetchJson(`${baseUrl.replace(/\/+$/, '')}/v1/coins/${encodeURIComponent(id)}`, { timeoutMs, source: SOURCE });
  return normalizeCoinPaprikaCoin(raw);
}
