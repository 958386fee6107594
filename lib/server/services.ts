// The composition root: the one snapshot service, history store, rate limiter and registry of
// this process, wired once from the environment (kept on globalThis because Next bundles pages
// and routes separately). Everything else in lib/server reads them through services().
import 'server-only';
import { parseEnv, type Env } from '@/lib/infra/env';
import { embeddedSnapshot } from '@/lib/snapshot/embedded';
import deviceCatalog from '@/lib/hardware/devices.json';
import { validateCatalog } from '@/lib/hardware/schema';
import { createHistoryRecorder } from '@/lib/history/recorder';
import { createHistoryStore, type HistoryStore } from '@/lib/history/store';
import { log } from '@/lib/infra/log';
import { createRateLimiter, type RateLimiter } from '@/lib/infra/rate-limit';
import { loadRegistryFile, loadShippedRegistry } from '@/lib/registry/load';
import type { PoolSiteEntry, RegistryEntry } from '@/lib/registry/schema';
import { createSharedUserCoins, createUserCoinsSync, type UserCoinsSync } from '@/lib/registry/shared';
import { readUserDocument, readUserPoolSites } from '@/lib/registry/store';
import { createSharedRedis, redactRedisUrl } from '@/lib/infra/redis';
import { SnapshotService } from '@/lib/snapshot/service';
import { createMemoryStore, createRedisStore } from '@/lib/snapshot/store';
import { buildFetchers } from './fetchers';
import { HealthDataService, DEFAULT_GITHUB_MAX_AGE_MS, type HealthTarget } from './health-service';
import { COIN_FACTS } from '@/lib/mining/coin-facts';
import { fetchCoinGeckoCoin, fetchCoinGeckoTickers } from '@/lib/sources/coingecko-coin';
import { fetchCoinPaprikaCoin } from '@/lib/sources/coinpaprika';
import { fetchGitHubActivity } from '@/lib/sources/github';

import { createAlertStore, type AlertStore } from '@/lib/alerts/store';
import { subscribeAlerts } from './alerts';

const KEY = Symbol.for('minerank.services');
export type Registry = { shipped: RegistryEntry[]; user: RegistryEntry[]; poolSites: PoolSiteEntry[] };
export type Services = {
  env: Env;
  snapshots: SnapshotService;
  history: HistoryStore | null;
  limiter: RateLimiter;
  registry: Registry;
  /** The added coins shared with the other instances (REDIS_URL); null with one instance. */
  coinsSync: UserCoinsSync | null;
  /** The slow coin-health refresh (HEALTH_SOURCES); null when it is off. */
  health: HealthDataService | null;
  /** Alert rules and their delivery log, in the history database (opened on first use). */
  alerts: AlertStore;
};
type Holder = { [KEY]?: Services };

/**
 * Every coin to ask: the registry file's as written, the page-added ones without credentials
 * (a `*_RPC_AUTH` secret goes only to a source the operator listed in the registry file).
 */
export function allCoins(registry: Pick<Registry, 'shipped' | 'user'>): RegistryEntry[] {
  return [...registry.shipped, ...registry.user.map(withoutCredentials)];
}

export function withoutCredentials(entry: RegistryEntry): RegistryEntry {
  if (entry.source.kind !== 'bitcoin-rpc' || entry.source.authEnv === undefined) return entry;
  const { authEnv: _dropped, ...source } = entry.source;
  void _dropped;
  return { ...entry, source };
}

/** The sources this registry asks for: its coins, their pools, and the pool sites added on the page. */
export function registryFetchers(env: Env, registry: Registry) {
  return buildFetchers(env, allCoins(registry), registry.poolSites);
}

function registryPriceIds(registry: Registry): Record<string, string | null> {
  return Object.fromEntries(allCoins(registry).map((entry) => [entry.tag, entry.price?.coingeckoId ?? null]));
}

/** Coins whose health is asked: the catalog's CoinGecko ids and the registry's ids and links. */
export function healthTargets(registry: Registry): HealthTarget[] {
  const targets = new Map<string, HealthTarget>();
  for (const [tag, facts] of Object.entries(COIN_FACTS)) {
    if (facts.coingeckoId) targets.set(tag, { tag, coingeckoId: facts.coingeckoId, coinpaprikaId: null, github: null });
  }
  for (const entry of allCoins(registry)) {
    const known = targets.get(entry.tag);
    targets.set(entry.tag, {
      tag: entry.tag,
      coingeckoId: entry.price?.coingeckoId ?? known?.coingeckoId ?? null,
      coinpaprikaId: entry.links?.coinpaprikaId ?? null,
      github: entry.links?.github ?? null,
    });
  }
  return [...targets.values()];
}

function createHealthService(env: Env, registry: Registry): HealthDataService | null {
  if (env.HEALTH_SOURCES.length === 0) return null;
  const timeoutMs = env.UPSTREAM_TIMEOUT_MS;
  const on = (name: Env['HEALTH_SOURCES'][number]) => env.HEALTH_SOURCES.includes(name);
  const cg = { baseUrl: env.COINGECKO_URL, timeoutMs, ...(env.COINGECKO_API_KEY ? { apiKey: env.COINGECKO_API_KEY } : {}) };
  return new HealthDataService({
    fetchers: {
      ...(on('coingecko')
        ? { coingeckoCoin: (id: string) => fetchCoinGeckoCoin(id, cg), coingeckoTickers: (id: string) => fetchCoinGeckoTickers(id, cg) }
        : {}),
      ...(on('coinpaprika')
        ? { coinpaprika: (id: string) => fetchCoinPaprikaCoin(id, { baseUrl: env.COINPAPRIKA_URL, timeoutMs }) }
        : {}),
      ...(on('github') ? { github: (repo: string) => fetchGitHubActivity(repo, { baseUrl: env.GITHUB_API_URL, timeoutMs }) } : {}),
    },
    targets: () => healthTargets(registry),
    maxAgeMs: env.HEALTH_REFRESH_HOURS * 3_600_000,
    githubMaxAgeMs: DEFAULT_GITHUB_MAX_AGE_MS,
    spacingMs: env.HEALTH_SPACING_SECONDS * 1000,
    file: env.HEALTH_FILE,
  });
}

/** The refresh lock's lifetime (renewed every third of it while the holder works). */
const REFRESH_LOCK_TTL_MS = 10_000;

export function services(): Services {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const env = parseEnv();
    validateCatalog(deviceCatalog); // a broken catalog file stops here, not in a user's rig
    // A broken registry stops here too, with the file and line of each problem.
    const shipped = env.COIN_REGISTRY_FILE
      ? loadRegistryFile(env.COIN_REGISTRY_FILE, { optional: false })
      : loadShippedRegistry();
    const userDocument = readUserDocument(env.USER_COINS_FILE);
    const registry: Registry = { shipped, user: userDocument.coins, poolSites: userDocument.poolSites };

    const fetchers = registryFetchers(env, registry);
    // History is of live data only: with no live source there is nothing to record.
    const history =
      fetchers.length > 0 ? createHistoryStore({ databaseUrl: env.DATABASE_URL ?? null, sqliteFile: env.HISTORY_FILE }) : null;
    const redis = env.REDIS_URL ? createSharedRedis(env.REDIS_URL) : null;
    if (redis) log('info', 'shared_state', { redis: redactRedisUrl(env.REDIS_URL ?? ''), prefix: env.REDIS_PREFIX });
    holder[KEY] = {
      env,
      registry,
      history,
      coinsSync: null,
      health: createHealthService(env, registry),
      alerts: createAlertStore({ databaseUrl: env.DATABASE_URL ?? null, sqliteFile: env.HISTORY_FILE, health: history?.health }),
      limiter: createRateLimiter({ perMinute: env.RATE_LIMIT_PER_MINUTE, redis, keyPrefix: env.REDIS_PREFIX }),
      snapshots: new SnapshotService({
        fetchers,
        refreshSeconds: env.REFRESH_SECONDS,
        firstRequestWaitMs: env.FIRST_PAGE_WAIT_MS,
        snapshotFile: env.SNAPSHOT_FILE,
        embedded: embeddedSnapshot,
        mergeOptions: () => ({ coingeckoIds: registryPriceIds(registry) }),
        history: history ? { reader: history, isDown: () => history.health.down } : null,
        store: redis ? createRedisStore(redis, env.REDIS_PREFIX) : createMemoryStore(),
        // Renewed while a refresh runs; an instance that dies mid-refresh blocks the others this long at most.
        lockTtlMs: REFRESH_LOCK_TTL_MS,
      }),
    };
    const created = holder[KEY];
    created.health?.start();
    // Refresh events: history is the first subscriber (queued, never blocks a page).
    if (history) {
      const recorder = createHistoryRecorder(history);
      created.snapshots.onPublished((snapshot) => recorder.enqueue(snapshot));
      // Then alerts: each refreshed snapshot against every rule, for the rule's rig.
      subscribeAlerts((listener) => created.snapshots.onPublished(listener), {
        store: created.alerts,
        env,
        history,
        isDown: () => history.health.down,
      });
    }
    // Refreshed on time with or without visitors: history and alerts do not wait for traffic.
    created.snapshots.startRefreshLoop();
    if (redis) {
      created.coinsSync = createUserCoinsSync({
        file: env.USER_COINS_FILE,
        shared: createSharedUserCoins(redis, env.REDIS_PREFIX),
        current: () => [...registry.user, ...registry.poolSites],
        onPulled: (coins) => {
          registry.user = coins;
          registry.poolSites = readUserPoolSites(env.USER_COINS_FILE); // the same file, just replaced
          // Asked from the next period's refresh on; no extra refresh for another instance's change.
          created.snapshots.setFetchers(registryFetchers(env, registry), { refreshNow: false });
        },
      });
    }
  }
  return holder[KEY];
}

