// What pages and route handlers read: the snapshot, one coin, a coin's history, the registry.
import 'server-only';
import type { HistoryPoint } from '@/lib/history/store';
import { limiterKey } from '@/lib/infra/client-address';
import { log } from '@/lib/infra/log';
import type { Coin, Snapshot } from '@/lib/model/types';
import type { CoinHealthData } from '@/lib/health/data';
import { clientOf } from './operator';
import { services, type Registry } from './services';

export async function getSnapshot(): Promise<Snapshot> {
  const s = services();
  await s.coinsSync?.sync(); // another instance may have added or removed a coin
  return s.snapshots.get();
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

/** Coin-health figures by tag (empty when HEALTH_SOURCES is off or nothing has been asked yet). */
export async function getHealthData(): Promise<ReadonlyMap<string, CoinHealthData>> {
  const health = services().health;
  if (!health) return new Map();
  await health.load();
  return health.get();
}

/** This server's refresh period (the snapshot's lifetime), for Cache-Control. */
export function refreshSeconds(): number {
  return services().env.REFRESH_SECONDS;
}

/** Takes one request from this client's allowance: null when allowed, else the seconds to wait. */
export async function takeAllowance(request: Request): Promise<number | null> {
  return services().limiter.take(limiterKey(clientOf(request.headers)));
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
export function chainCheckOptions(): { timeoutMs: number; allowPrivate: boolean; env: Readonly<Record<string, string | undefined>> } {
  const { env } = services();
  // No credentials for a source a visitor typed: an empty environment.
  return { timeoutMs: env.UPSTREAM_TIMEOUT_MS, allowPrivate: env.ALLOW_PRIVATE_SOURCES, env: {} };
}


/** The alert rules' store (lib/alerts/store.ts) and the settings its API enforces. */
export function getAlerts() {
  const { alerts, env } = services();
  return { store: alerts, env };
}

/** The public origin (SITE_URL), for absolute links in feeds and alert messages. */
export function getSiteUrl(): string {
  return services().env.SITE_URL;
}
