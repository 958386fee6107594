// The app's one snapshot service and history store, shared by every page and route handler in
// this process (kept on globalThis because Next bundles pages and routes separately).
import 'server-only';
import { parseEnv } from './env';
import { embeddedSnapshot } from './embedded';
import deviceCatalog from './hardware/devices.json';
import { validateCatalog } from './hardware-catalog';
import { createHistoryRecorder } from './history/recorder';
import { createHistoryStore, type HistoryPoint, type HistoryStore } from './history/store';
import { log } from './log';
import { clientKey, createRateLimiter, type RateLimiter } from './rate-limit';
import { loadRegistryFile, loadShippedRegistry } from './registry/load';
import type { RegistryEntry } from './registry/schema';
import { createSharedUserCoins, createUserCoinsSync, type UserCoinsSync } from './registry/shared';
import {
  addUserCoin,
  readUserCoins,
  RegistryFieldError,
  removeUserCoin,
} from './registry/store';
import { createSharedRedis, redactRedisUrl } from './redis';
import { SnapshotService } from './snapshot-service';
import { createMemoryStore, createRedisStore } from './snapshot-store';
import { buildFetchers } from './sources';
import type { Env } from './env';
import { paramErrorResponse } from './api';
import { parseDashboardParams, type DashboardState } from './search-params';
import type { Coin, Snapshot } from './types';

const KEY = Symbol.for('minerank.services');
type Registry = { shipped: RegistryEntry[]; user: RegistryEntry[] };
type Services = {
  env: Env;
  snapshots: SnapshotService;
  history: HistoryStore | null;
  limiter: RateLimiter;
  registry: Registry;
  /** The added coins shared with the other instances (REDIS_URL); null with one instance. */
  coinsSync: UserCoinsSync | null;
};
type Holder = { [KEY]?: Services };

function allCoins(registry: Registry): RegistryEntry[] {
  return [...registry.shipped, ...registry.user];
}

function registryPriceIds(registry: Registry): Record<string, string | null> {
  return Object.fromEntries(allCoins(registry).map((entry) => [entry.tag, entry.price?.coingeckoId ?? null]));
}

/** The refresh lock's lifetime (renewed every third of it while the holder works). */
const REFRESH_LOCK_TTL_MS = 10_000;

function services(): Services {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const env = parseEnv();
    validateCatalog(deviceCatalog); // a broken catalog file stops here, not in a user's rig
    // A broken registry stops here too, with the file and line of each problem.
    const shipped = env.COIN_REGISTRY_FILE
      ? loadRegistryFile(env.COIN_REGISTRY_FILE, { optional: false })
      : loadShippedRegistry();
    const registry: Registry = { shipped, user: readUserCoins(env.USER_COINS_FILE) };

    const fetchers = buildFetchers(env, allCoins(registry));
    // History is of live data only: with no live source there is nothing to record.
    const history =
      fetchers.length > 0 ? createHistoryStore({ databaseUrl: env.DATABASE_URL ?? null, sqliteFile: env.HISTORY_FILE }) : null;
    const recorder = history ? createHistoryRecorder(history) : null;
    const redis = env.REDIS_URL ? createSharedRedis(env.REDIS_URL) : null;
    if (redis) log('info', 'shared_state', { redis: redactRedisUrl(env.REDIS_URL ?? ''), prefix: env.REDIS_PREFIX });
    holder[KEY] = {
      env,
      registry,
      history,
      coinsSync: null,
      limiter: createRateLimiter({ perMinute: env.RATE_LIMIT_PER_MINUTE, redis, keyPrefix: env.REDIS_PREFIX }),
      snapshots: new SnapshotService({
        fetchers,
        refreshSeconds: env.REFRESH_SECONDS,
        snapshotFile: env.SNAPSHOT_FILE,
        embedded: embeddedSnapshot,
        mergeOptions: () => ({ coingeckoIds: registryPriceIds(registry) }),
        history:
          history && recorder
            ? { reader: history, record: (snapshot) => recorder.enqueue(snapshot), isDown: () => history.health.down }
            : null,
        store: redis ? createRedisStore(redis, env.REDIS_PREFIX) : createMemoryStore(),
        // Renewed while a refresh runs; an instance that dies mid-refresh blocks the others this long at most.
        lockTtlMs: REFRESH_LOCK_TTL_MS,
      }),
    };
    const created = holder[KEY];
    if (redis) {
      created.coinsSync = createUserCoinsSync({
        file: env.USER_COINS_FILE,
        shared: createSharedUserCoins(redis, env.REDIS_PREFIX),
        current: () => registry.user,
        onPulled: (coins) => {
          registry.user = coins;
          // Asked from the next period's refresh on; no extra refresh for another instance's change.
          created.snapshots.setFetchers(buildFetchers(env, allCoins(registry)), { refreshNow: false });
        },
      });
    }
  }
  return holder[KEY];
}

export async function getSnapshot(): Promise<Snapshot> {
  const s = services();
  await s.coinsSync?.sync(); // another instance may have added or removed a coin
  return s.snapshots.get();
}

/** Applies a change to the added coins, published to the other instances when there are any. */
function changeUserCoins<T>(s: Services, change: () => Promise<T>): Promise<T> {
  return s.coinsSync ? s.coinsSync.change(change) : change();
}

/** The snapshot and the time it was served at, from which pages show the data's age. */
export async function getSnapshotView(): Promise<{ snapshot: Snapshot; servedAt: number }> {
  const snapshot = await getSnapshot();
  return { snapshot, servedAt: Date.now() };
}

export async function getCoin(tag: string): Promise<{ snapshot: Snapshot; servedAt: number; coin: Coin | undefined }> {
  const view = await getSnapshotView();
  const wanted = tag.toUpperCase();
  return { ...view, coin: view.snapshot.coins.find((c) => c.tag.toUpperCase() === wanted) };
}

/** History only changes when a snapshot is recorded (each refresh); reads within this share one query. */
const HISTORY_CACHE_MS = 5000;
const HISTORY_CACHE_MAX = 500;
const historyCache = new Map<string, { at: number; points: HistoryPoint[] }>();

/**
 * A coin's recorded history in a time range; empty (never an error page) when there is no
 * history store or it fails. The same coin and range width within 5 s reuse one read, so a
 * popular coin page is not one database query per visitor.
 */
export async function getHistory(
  coin: Pick<Coin, 'tag' | 'algorithm'>,
  range: { from: number; to: number },
): Promise<{ points: HistoryPoint[]; available: boolean }> {
  const history = services().history;
  if (!history) return { points: [], available: false };
  const key = `${coin.tag}|${coin.algorithm}|${range.to - range.from}`;
  const cached = historyCache.get(key);
  if (cached && range.to - cached.at < HISTORY_CACHE_MS && range.to >= cached.at) {
    return { points: cached.points.filter((p) => p.at >= range.from), available: true };
  }
  try {
    const points = await history.series(coin.tag, { ...range, algorithm: coin.algorithm });
    if (historyCache.size >= HISTORY_CACHE_MAX) historyCache.clear();
    historyCache.set(key, { at: range.to, points });
    return { points, available: true };
  } catch (error) {
    // During an outage the store has logged it once (history_db_unavailable): no line per page view.
    if (!history.health.down) {
      log('warn', 'history_read_failed', { tag: coin.tag, error: error instanceof Error ? error.message : String(error) });
    }
    return { points: [], available: true };
  }
}

/** 429 with Retry-After when this client has used its API allowance, else null. */
export async function rateLimited(request: Request): Promise<Response | null> {
  const wait = await services().limiter.take(clientKey(request));
  if (wait === null) return null;
  return Response.json(
    { error: `Too many requests: try again in ${wait} s.` },
    { status: 429, headers: { 'retry-after': String(wait) } },
  );
}

/** The coin registry: the shipped entries and the ones users added, and whether chain sources are on. */
export function getRegistry(): Registry & { chainEnabled: boolean; allowPrivate: boolean; userFile: string } {
  const { registry, env } = services();
  return {
    ...registry,
    chainEnabled: env.SOURCES.includes('chain'),
    allowPrivate: env.ALLOW_PRIVATE_SOURCES,
    userFile: env.USER_COINS_FILE,
  };
}

/** Options for a live check of a source a user typed in (the add-coin page). */
export function chainCheckOptions(): { timeoutMs: number; allowPrivate: boolean; env: NodeJS.ProcessEnv } {
  const { env } = services();
  return { timeoutMs: env.UPSTREAM_TIMEOUT_MS, allowPrivate: env.ALLOW_PRIVATE_SOURCES, env: process.env };
}

/** Each added coin is a source asked every refresh: a bound keeps the page from becoming a way to flood. */
export const MAX_USER_COINS = 50;

/**
 * Saves a user's coin (validated, never a duplicate, published to the other instances), starts
 * asking its source, and waits for one refresh so the next page shows it. Throws
 * RegistryFieldError naming the bad field.
 */
export async function addRegistryCoin(input: unknown): Promise<RegistryEntry> {
  const s = services();
  const { registry, env, snapshots } = s;
  const entry = await changeUserCoins(s, async () => {
    if (registry.user.length >= MAX_USER_COINS) {
      throw new RegistryFieldError(env.USER_COINS_FILE, 'tag', `this server keeps at most ${MAX_USER_COINS} added coins; remove one first`);
    }
    return addUserCoin(env.USER_COINS_FILE, input, registry.shipped);
  });
  registry.user = readUserCoins(env.USER_COINS_FILE);
  snapshots.setFetchers(buildFetchers(env, allCoins(registry)));
  if (snapshots.live) await snapshots.refresh({ force: true });
  return entry;
}

/** Removes a coin the user added (never a shipped one); the next page no longer asks its source. */
export async function removeRegistryCoin(tag: string, algorithm: string): Promise<number> {
  const s = services();
  const { registry, env, snapshots } = s;
  const removed = await changeUserCoins(s, () => removeUserCoin(env.USER_COINS_FILE, tag, algorithm));
  if (removed > 0) {
    registry.user = readUserCoins(env.USER_COINS_FILE);
    snapshots.setFetchers(buildFetchers(env, allCoins(registry)));
    if (snapshots.live) await snapshots.refresh({ force: true });
  }
  return removed;
}

/**
 * The prelude of an API route that takes the page's params: the per-client allowance, then the
 * params; a Response (429, or 400 naming each bad param) when the request stops here.
 */
export async function parseApiRequest(request: Request): Promise<{ response: Response } | { state: DashboardState }> {
  const limited = await rateLimited(request);
  if (limited) return { response: limited };
  const { state, errors } = parseDashboardParams(new URL(request.url).searchParams);
  if (errors.length > 0) return { response: paramErrorResponse(errors) };
  return { state };
}
