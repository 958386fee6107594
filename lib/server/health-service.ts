// The slow coin-health refresh: CoinGecko's coin and tickers, CoinPaprika where CoinGecko has
// nothing, and GitHub's last commit and release, one coin per step, steps spaced out.
//
// Why its own service and not a source of the snapshot service: the snapshot refreshes every
// source at once every REFRESH_SECONDS, and a source there is one request for all coins. Coin
// health is two requests per coin against CoinGecko's low keyless per-IP rate and GitHub's 60 an
// hour, so it must trickle (one coin per step, a step every HEALTH_SPACING_SECONDS) and is only
// worth asking every few hours; inside the snapshot refresh it would either burst past the rate
// limit every five minutes or hold the refresh up. It keeps the last good figures per coin (a
// failure marks the coin's error and keeps them), honours Retry-After, and writes its state to
// HEALTH_FILE atomically so a restart does not ask again. Each instance runs its own (see README).
import 'server-only';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '@/lib/infra/atomic-write';

import { coinHealthDataSchema, healthFileSchema, type CoinHealthData, type HealthFile } from '@/lib/health/data';
import { log } from '@/lib/infra/log';
import type { CoinGeckoCoin } from '@/lib/sources/coingecko-coin';
import type { CoinPaprikaCoin } from '@/lib/sources/coinpaprika';
import type { GitHubActivity } from '@/lib/sources/github';
import { UpstreamError } from '@/lib/sources/http';
import type { MarketsFigures } from '@/lib/health/data';

export type HealthTarget = {
  tag: string;
  coingeckoId: string | null;
  coinpaprikaId: string | null;
  /** "owner/name" from the registry; otherwise the repositories CoinGecko or CoinPaprika list. */
  github: string | null;
};

export type HealthFetchers = {
  coingeckoCoin?: (id: string) => Promise<CoinGeckoCoin>;
  coingeckoTickers?: (id: string) => Promise<MarketsFigures>;
  coinpaprika?: (id: string) => Promise<CoinPaprikaCoin>;
  github?: (repo: string) => Promise<GitHubActivity>;
};

export type HealthServiceOptions = {
  fetchers: HealthFetchers;
  targets: () => HealthTarget[];
  /** A coin's CoinGecko/CoinPaprika figures are asked again after this long. */
  maxAgeMs: number;
  /** GitHub at most this often per repository (keyless: 60 requests an hour per IP). */
  githubMaxAgeMs: number;
  /** Between two steps (one coin each). */
  spacingMs: number;
  file: string | null;
  now?: () => number;
};

const HOUR_MS = 3_600_000;
export const DEFAULT_GITHUB_MAX_AGE_MS = 24 * HOUR_MS;

function emptyData(target: HealthTarget): CoinHealthData {
  return {
    tag: target.tag,
    coingeckoId: target.coingeckoId,
    community: null,
    development: null,
    markets: null,
    repos: [],
    fetchedAt: null,
    githubFetchedAt: null,
    error: null,
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const age = (iso: string | null, now: number) => (iso === null ? Number.POSITIVE_INFINITY : now - Date.parse(iso));

export class HealthDataService {
  private data = new Map<string, CoinHealthData>();
  /** Last attempt per tag (good or not), so a failing coin waits its turn instead of being retried at once. */
  private attempted = new Map<string, number>();
  private githubAttempted = new Map<string, number>();
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private loaded: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: HealthServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Figures by coin tag; empty until the first step or the file has been read. */
  get(): ReadonlyMap<string, CoinHealthData> {
    return this.data;
  }

  async load(): Promise<void> {
    this.loaded ??= (async () => {
      const file = this.options.file;
      if (!file) return;
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return; // first start: nothing kept yet
      }
      let raw: unknown = null;
      try {
        raw = JSON.parse(text) as unknown;
      } catch {
        // read as null below: the schema rejects it
      }
      const parsed = healthFileSchema.safeParse(raw);
      if (!parsed.success) {
        log('warn', 'health_file_unreadable', { file });
        return;
      }
      for (const [tag, entry] of Object.entries(parsed.data.coins)) this.data.set(tag, entry);
    })();
    return this.loaded;
  }

  /** The coin most overdue (never asked first), or null when every coin is fresh. */
  private next(now: number): HealthTarget | null {
    let best: { target: HealthTarget; at: number } | null = null;
    for (const target of this.options.targets()) {
      const upstream = target.coingeckoId !== null || target.coinpaprikaId !== null;
      const githubRepo = target.github ?? this.data.get(target.tag)?.repos[0] ?? null;
      const dueMain = upstream && now - Math.max(this.lastGood(target.tag), this.attempted.get(target.tag) ?? 0) >= this.options.maxAgeMs;
      const dueGithub =
        githubRepo !== null &&
        this.options.fetchers.github !== undefined &&
        now - Math.max(Date.parse(this.data.get(target.tag)?.githubFetchedAt ?? '') || 0, this.githubAttempted.get(target.tag) ?? 0) >=
          this.options.githubMaxAgeMs;
      if (!dueMain && !dueGithub) continue;
      const at = Math.max(this.lastGood(target.tag), this.attempted.get(target.tag) ?? 0);
      if (!best || at < best.at) best = { target, at };
    }
    return best?.target ?? null;
  }

  private lastGood(tag: string): number {
    const at = Date.parse(this.data.get(tag)?.fetchedAt ?? '');
    return Number.isNaN(at) ? 0 : at;
  }

  /** Refreshes one coin (the most overdue); returns its tag, or null when nothing was due. */
  async step(): Promise<string | null> {
    await this.load();
    const now = this.now();
    if (now < this.pausedUntil) return null;
    const target = this.next(now);
    if (!target) return null;
    const previous = this.data.get(target.tag) ?? emptyData(target);
    let entry: CoinHealthData = { ...previous, coingeckoId: target.coingeckoId };
    const { fetchers } = this.options;

    if (age(previous.fetchedAt, now) >= this.options.maxAgeMs && now - (this.attempted.get(target.tag) ?? 0) >= this.options.maxAgeMs) {
      this.attempted.set(target.tag, now);
      try {
        entry = { ...entry, ...(await this.askMarkets(target)), fetchedAt: new Date(now).toISOString(), error: null };
      } catch (error) {
        // The last good figures stay; the error is kept as a code-like short message for the page.
        entry = { ...entry, error: message(error) };
        if (error instanceof UpstreamError && error.retryAfterSeconds !== undefined) {
          this.pausedUntil = now + error.retryAfterSeconds * 1000;
        }
        log('warn', 'health_fetch_failed', { tag: target.tag, error: message(error) });
      }
    }

    const repo = target.github ?? entry.repos[0] ?? null;
    if (repo && fetchers.github && age(entry.githubFetchedAt, now) >= this.options.githubMaxAgeMs &&
        now - (this.githubAttempted.get(target.tag) ?? 0) >= this.options.githubMaxAgeMs) {
      this.githubAttempted.set(target.tag, now);
      try {
        const activity = await fetchers.github(repo);
        const base = entry.development;
        entry = {
          ...entry,
          githubFetchedAt: new Date(now).toISOString(),
          development: {
            commitCount4Weeks: base?.commitCount4Weeks ?? null,
            activeDays4Weeks: base?.activeDays4Weeks ?? null,
            stars: base?.stars ?? null,
            contributors: base?.contributors ?? null,
            pullRequestsMerged: base?.pullRequestsMerged ?? null,
            lastCommitAt: activity.lastCommitAt,
            lastReleaseAt: activity.lastReleaseAt,
            archived: activity.archived,
            source: base && base.source !== 'github' ? 'coingecko+github' : 'github',
          },
        };
      } catch (error) {
        log('warn', 'health_github_failed', { tag: target.tag, repo, error: message(error) });
      }
    }

    this.data.set(target.tag, coinHealthDataSchema.parse(entry));
    await this.persist();
    return target.tag;
  }

  /** CoinGecko's coin and tickers; CoinPaprika for community and repositories where CoinGecko has no entry. */
  private async askMarkets(target: HealthTarget): Promise<Pick<CoinHealthData, 'community' | 'development' | 'markets' | 'repos'>> {
    const { fetchers } = this.options;
    let community: CoinHealthData['community'] = null;
    let development: CoinHealthData['development'] = null;
    let markets: CoinHealthData['markets'] = null;
    let repos: string[] = [];
    if (target.coingeckoId && fetchers.coingeckoCoin && fetchers.coingeckoTickers) {
      const coin = await fetchers.coingeckoCoin(target.coingeckoId);
      community = coin.community;
      development = coin.development;
      repos = coin.repos;
      markets = await fetchers.coingeckoTickers(target.coingeckoId);
    }
    if (target.coinpaprikaId && fetchers.coinpaprika && (community === null || repos.length === 0)) {
      const paprika = await fetchers.coinpaprika(target.coinpaprikaId);
      community ??= paprika.community;
      if (repos.length === 0) repos = paprika.repos;
    }
    return { community, development, markets, repos };
  }

  private async persist(): Promise<void> {
    const file = this.options.file;
    if (!file) return;
    const body: HealthFile = { version: 1, coins: Object.fromEntries(this.data) };
    try {
      await writeFileAtomic(file, JSON.stringify(body));
    } catch (error) {
      log('error', 'health_persist_failed', { file, error: message(error) });
    }
  }

  /** Steps every spacingMs in the background; the timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      this.step()
        .catch((error: unknown) => log('error', 'health_step_failed', { error: message(error) }))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.spacingMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
