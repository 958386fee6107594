// The snapshot service: serves the merged coin list from memory, refreshes it every
// REFRESH_SECONDS with one upstream request per source however many callers ask (single
// flight), serves the old snapshot while a refresh runs, keeps each source's last good data
// when it fails, and writes the last good state to disk atomically so a restart serves at once.
// Its state and refresh lock live in a SnapshotStore (lib/snapshot/store.ts): in this process by
// default, or in Redis, where one instance refreshes per period and every other serves its result.
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { TEMP_NAME_RE, writeFileAtomic } from '@/lib/infra/atomic-write';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { enrichSnapshot, type HistoryReader } from '@/lib/history/enrich';
import { log } from '@/lib/infra/log';
import { mergeSources, type MergeOptions, type SourceInput } from './merge';
import { setServedStamp } from '@/lib/infra/served-stamp';
import { createMemoryStore, type SharedSourceState, type SharedState, type SnapshotStore } from './store';
import { snapshotSchema, sourceIdSchema, type Snapshot, type SourceId, type SourceStatus } from '@/lib/model/types';
import { sourcePayloadSchema, type SourcePayload, type SourceFetcher } from '@/lib/sources/contract';


export type SnapshotServiceOptions = {
  /**
   * Before any live data was obtained, how long a get() waits for the first refresh before it
   * answers with the embedded snapshot (the refresh goes on). Unset: it waits for the refresh.
   */
  firstRequestWaitMs?: number;
  fetchers: readonly SourceFetcher[];
  refreshSeconds: number;
  /** Where the last good state is persisted; null to keep it in memory only. */
  snapshotFile: string | null;
  /** The dated snapshot shipped with the app, served when no live data was ever obtained. */
  embedded: () => Snapshot;
  /** Where averages and volatility are read back from (recording subscribes with onPublished). */
  history?: {
    reader: HistoryReader;
    /** True during a database outage the store has already logged (no line per refresh then). */
    isDown?: () => boolean;
  } | null;
  /** Registry facts the merge needs (CoinGecko ids of registry coins); read at each merge. */
  mergeOptions?: () => MergeOptions;
  /** History reads may not hold up a refresh for longer than this (default 3 s). */
  enrichTimeoutMs?: number;
  /** The shared state and refresh lock (default: in this process). */
  store?: SnapshotStore;
  /**
   * The refresh lock's lifetime, renewed every third of it while a refresh runs: an instance that
   * dies mid-refresh holds up the others' refreshes for at most this long (default 10 s).
   */
  lockTtlMs?: number;
  now?: () => number;
};

type SourceState = Omit<SharedSourceState, 'id'>;

/** Called with each snapshot this instance refreshed and published (see onPublished). */
export type PublishedListener = (snapshot: Snapshot) => void;

const persistedSchema = z.object({
  version: z.literal(1),
  /** The stamp of the refresh that made it (files written before there were stamps have none). */
  stamp: z.number().optional(),
  snapshot: snapshotSchema,
  sources: z.array(
    z.object({ id: sourceIdSchema, fetchedAt: z.string(), payload: sourcePayloadSchema }),
  ),
});

function isEmptyPayload(p: SourcePayload): boolean {
  return p.coins.length === 0 && p.quotes.length === 0 && p.rentals.length === 0 && p.supplies.length === 0 && p.btcUsd === null && (p.pools ?? []).length === 0;
}

export class SnapshotService {
  private readonly options: SnapshotServiceOptions;
  private readonly now: () => number;
  private readonly store: SnapshotStore;
  private readonly lockTtlMs: number;
  private readonly states = new Map<SourceId, SourceState>();
  private fetchers: readonly SourceFetcher[];
  private readonly listeners = new Set<PublishedListener>();
  private snapshot: Snapshot | null = null;
  /** Served while no live data was ever obtained: the embedded snapshot plus the failures. */
  private fallback: Snapshot | null = null;
  /** The stamp of the state this instance serves (its own refresh's or one it adopted). */
  private stamp = 0;
  private inflight: Promise<Snapshot> | null = null;
  private adopting: Promise<void> | null = null;
  private loaded: Promise<void> | null = null;
  /** The set of sources changed: the next refresh runs whatever the period says. */
  private sourcesChanged = false;
  /** After setFetchers: the sources the next (change-driven) refresh asks; null = all of them. */
  private onlySources: Set<SourceId> | null = null;

  constructor(options: SnapshotServiceOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.store = options.store ?? createMemoryStore();
    this.lockTtlMs = options.lockTtlMs ?? 10_000;
    this.fetchers = options.fetchers;
    for (const fetcher of options.fetchers) this.states.set(fetcher.id, SnapshotService.emptyState());
  }

  private static emptyState(): SourceState {
    return { payload: null, fetchedAt: null, error: null, ok: false, retryNotBefore: 0 };
  }

  get live(): boolean {
    return this.fetchers.length > 0;
  }

  /** "redis" while the shared store is in use, "memory" otherwise (one process, or Redis away). */
  get storeMode(): 'redis' | 'memory' {
    return this.store.mode();
  }

  /**
   * Swaps the set of sources (a coin was added to or removed from the registry): sources kept
   * keep their data, new ones start empty, removed ones are dropped. Unless `refreshNow` is false,
   * the next get() asks the NEW sources alone (and re-merges, which also drops a removed coin);
   * the others keep their period, so a change never costs every upstream a request.
   */
  setFetchers(fetchers: readonly SourceFetcher[], { refreshNow = true }: { refreshNow?: boolean } = {}): void {
    const ids = new Set(fetchers.map((f) => f.id));
    for (const id of [...this.states.keys()]) if (!ids.has(id)) this.states.delete(id);
    const added = fetchers.filter((fetcher) => !this.states.has(fetcher.id)).map((fetcher) => fetcher.id);
    for (const id of added) this.states.set(id, SnapshotService.emptyState());
    this.fetchers = fetchers;
    // Another instance's change (followed from the shared list) waits for the next period's refresh.
    if (refreshNow) {
      this.sourcesChanged = true;
      this.onlySources = new Set([...(this.onlySources ?? []), ...added]);
    }
  }

  private merge(): Snapshot {
    return mergeSources(this.inputs(), 'live', this.options.mergeOptions?.() ?? {});
  }

  /** The current snapshot; starts a background refresh when it is older than the refresh period. */
  async get(): Promise<Snapshot> {
    if (!this.live) return this.options.embedded();
    this.loaded ??= this.loadPersisted();
    await this.loaded;
    const view = await this.store.peek();
    if (view.stamp !== null && view.stamp > this.stamp) await this.adopt();
    // This instance's own state counts as an attempt too (the shared record may have been lost).
    const lastAttempt = Math.max(view.attemptAt, this.stamp);
    const periodDue = this.now() - lastAttempt >= this.options.refreshSeconds * 1000;
    if (periodDue) this.onlySources = null; // the period's refresh asks everything anyway
    const due = this.sourcesChanged || periodDue;
    if (!this.snapshot) {
      if (this.fallback && !due) return this.fallback;
      const refreshing = this.refresh();
      const waitMs = this.options.firstRequestWaitMs;
      if (waitMs === undefined) return refreshing;
      // No live data yet: wait at most waitMs for the first refresh, then answer with what there is
      // (the embedded snapshot, marked so) while the refresh goes on.
      refreshing.catch(() => undefined);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<Snapshot>((resolve) => {
        timer = setTimeout(() => resolve(this.current()), waitMs);
      });
      return Promise.race([refreshing, waited]).finally(() => clearTimeout(timer));
    }
    if (due) {
      // Stale-while-revalidate: this caller gets the current snapshot at once.
      void this.refresh().catch(() => undefined);
    } else if (view.stamp === null || view.stamp < this.stamp) {
      // The shared store lost its state (Redis restarted) or holds an older one: offer ours.
      void this.store.write(this.sharedState(), null).catch(() => undefined);
    }
    return this.withAge(this.snapshot);
  }

  /**
   * Keeps the snapshot refreshed without visitors: every half period it does what a request would
   * (get(): a refresh when one is due, adopting another instance's otherwise), so history is recorded
   * and alerts are evaluated on an idle server too. Scaled out, the shared claim still lets one
   * instance per period ask the upstreams. The timer never keeps the process alive. Returns a stop.
   */
  startRefreshLoop(): () => void {
    if (!this.live) return () => undefined;
    const tickMs = Math.max(1000, (this.options.refreshSeconds * 1000) / 2);
    const timer = setInterval(() => void this.get().catch(() => undefined), tickMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  /**
   * Refreshes every source once if a refresh is due (or `force`) and no other caller or instance
   * is already at it; concurrent callers share one refresh. Resolves to the snapshot to serve.
   */
  refresh({ force = false }: { force?: boolean } = {}): Promise<Snapshot> {
    this.inflight ??= this.runRefresh(force).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private current(): Snapshot {
    if (this.snapshot) return this.withAge(this.snapshot);
    if (this.fallback) return this.fallback;
    return this.embeddedWithStatuses();
  }

  private embeddedWithStatuses(): Snapshot {
    const embedded = this.options.embedded();
    return { ...embedded, sources: [...embedded.sources, ...this.statuses()] };
  }

  private async runRefresh(force: boolean): Promise<Snapshot> {
    // Names the holder (host and pid) so an operator, or a test, can tell who is refreshing.
    const token = `${hostname()}:${process.pid}:${randomUUID()}`;
    const started = this.now();
    const claim = await this.store.claim({
      token,
      now: started,
      periodMs: this.options.refreshSeconds * 1000,
      ttlMs: this.lockTtlMs,
      force: force || this.sourcesChanged,
    });
    if (claim !== 'claimed') {
      // Another instance refreshed just now or is refreshing: serve its result. With nothing to
      // serve yet, wait for it (at most one lock lifetime) rather than answer with no data.
      if (!this.snapshot) await this.waitForShared();
      await this.adopt();
      return this.current();
    }
    this.sourcesChanged = false;
    const only = force ? null : this.onlySources;
    this.onlySources = null;
    const fetchers = only ? this.fetchers.filter((fetcher) => only.has(fetcher.id)) : this.fetchers;
    const heartbeat = setInterval(() => {
      void this.store.extend(token, this.lockTtlMs).catch(() => undefined);
    }, Math.max(100, Math.floor(this.lockTtlMs / 3)));
    try {
      await Promise.all(fetchers.map((fetcher) => this.refreshSource(fetcher)));
      const anyData = [...this.states.values()].some((s) => s.payload !== null);
      const stamp = Math.max(started, this.stamp + 1);
      if (!anyData) {
        // Never had live data: the dated embedded snapshot, with the failures listed beside it.
        this.fallback = this.embeddedWithStatuses();
        this.stamp = stamp;
        setServedStamp(this.stamp);
        await this.publish(token);
        return this.fallback;
      }
      const snapshot = await this.enrich(this.merge());
      // The stamp moves with the snapshot it names, in one step: a get() during the enrich above
      // must not offer the old snapshot under the new stamp to the shared store (it did, and then
      // this publish was refused as not newer, leaving the other instances a period behind).
      this.snapshot = snapshot;
      this.stamp = stamp;
      setServedStamp(this.stamp);
      await this.publish(token);
      await this.persist();
      this.emitPublished(this.snapshot); // only the refreshing instance publishes: each snapshot is seen once
      return this.withAge(this.snapshot);
    } finally {
      clearInterval(heartbeat);
      await this.store.release(token).catch(() => undefined);
    }
  }

  /**
   * Refresh events: `listener` is called with each new live snapshot this instance refreshed and
   * published (history records it, later features evaluate it). Scaled out, only the instance that
   * refreshed calls its listeners, so a snapshot is handled once across the deployment. Listeners
   * must not block: a throw is logged and the others still run. Returns an unsubscribe function.
   */
  onPublished(listener: PublishedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emitPublished(snapshot: Snapshot): void {
    for (const listener of this.listeners) {
      try {
        listener(snapshot);
      } catch (error) {
        log('error', 'published_listener_failed', { error: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  private sharedState(): SharedState {
    return {
      stamp: this.stamp,
      snapshot: this.snapshot,
      sources: [...this.states.entries()].map(([id, state]) => ({ id, ...state })),
    };
  }

  private async publish(token: string): Promise<void> {
    const written = await this.store.write(this.sharedState(), token).catch(() => false);
    if (!written && this.store.mode() === 'redis') {
      // Harmless when another instance published a newer one (it is adopted at the next get).
      log('info', 'snapshot_publish_skipped', { reason: 'lock lost or a newer snapshot was published', stamp: this.stamp });
    }
  }

  /** Waits until another instance publishes a state newer than this one's or lets go of the lock. */
  private async waitForShared(): Promise<void> {
    const deadline = Date.now() + this.lockTtlMs; // the real clock: the lock expires by it
    while (Date.now() < deadline) {
      const view = await this.store.peek();
      if ((view.stamp !== null && view.stamp > this.stamp) || !view.lockHeld) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Takes over the shared state when it is newer than this instance's; concurrent callers share one read. */
  private adopt(): Promise<void> {
    this.adopting ??= (async () => {
      const state = await this.store.read();
      if (!state || state.stamp <= this.stamp) return;
      for (const source of state.sources) {
        const mine = this.states.get(source.id);
        if (!mine) continue; // a source this instance does not ask (its registry differs)
        Object.assign(mine, {
          payload: source.payload,
          fetchedAt: source.fetchedAt,
          error: source.error,
          ok: source.ok,
          retryNotBefore: source.retryNotBefore,
        });
      }
      this.stamp = state.stamp;
      setServedStamp(this.stamp);
      if (state.snapshot) {
        this.snapshot = state.snapshot;
        await this.persist();
      } else {
        this.fallback = this.embeddedWithStatuses();
      }
    })()
      .catch((error: unknown) => {
        log('warn', 'shared_snapshot_read_failed', { error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        this.adopting = null;
      });
    return this.adopting;
  }

  /** Adds history-derived averages and volatility; on any failure or delay, the snapshot as merged. */
  private async enrich(snapshot: Snapshot): Promise<Snapshot> {
    const history = this.options.history;
    if (!history) return snapshot;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Snapshot>((resolve) => {
      timer = setTimeout(() => resolve(snapshot), this.options.enrichTimeoutMs ?? 3000);
    });
    try {
      return await Promise.race([enrichSnapshot(snapshot, history.reader, this.now()), timeout]);
    } catch (error) {
      if (!history.isDown?.()) log('warn', 'history_read_failed', { error: error instanceof Error ? error.message : String(error) });
      return snapshot;
    } finally {
      clearTimeout(timer);
    }
  }

  private async refreshSource(fetcher: SourceFetcher): Promise<void> {
    const state = this.states.get(fetcher.id);
    if (!state) return;
    if (this.now() < state.retryNotBefore) return; // honour Retry-After: keep the last good data
    // A quota-limited source is asked at most once per its interval; its data keeps its own date.
    if (fetcher.minIntervalMs && state.ok && state.fetchedAt && this.now() - Date.parse(state.fetchedAt) < fetcher.minIntervalMs) return;
    try {
      const payload = await fetcher.fetch();
      // An answer with nothing in it, after answers with data, is a fault, not the new truth.
      if (isEmptyPayload(payload) && state.payload && !isEmptyPayload(state.payload)) {
        throw new Error(`${fetcher.id}: returned no data; keeping the last good data`);
      }
      Object.assign(state, { payload, fetchedAt: new Date(this.now()).toISOString(), error: null, ok: true });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      if (typeof retryAfter === 'number' && retryAfter > 0) {
        state.retryNotBefore = this.now() + retryAfter * 1000;
      }
      Object.assign(state, { error: message, ok: false });
      log('warn', 'source_failed', {
        source: fetcher.id,
        error: message,
        keptDataFrom: state.fetchedAt,
        ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
      });
    }
  }

  private statuses(): SourceStatus[] {
    return this.fetchers.flatMap((fetcher) => {
      const state = this.states.get(fetcher.id);
      if (!state) return [];
      return {
        id: fetcher.id,
        name: fetcher.name,
        url: fetcher.url,
        ok: state.ok,
        fetchedAt: state.fetchedAt,
        error: state.error,
        stale: !state.ok && state.payload !== null,
        coins: state.payload?.coins.length ?? state.payload?.quotes.length ?? 0,
      } satisfies SourceStatus;
    });
  }

  private inputs(): SourceInput[] {
    const statuses = this.statuses();
    return statuses.map((status) => ({ status, payload: this.states.get(status.id)?.payload ?? null }));
  }

  /** Marks a snapshot stale once its oldest data is older than two refresh periods. */
  private withAge(snapshot: Snapshot): Snapshot {
    const ageMs = this.now() - Date.parse(snapshot.asOf);
    const tooOld = ageMs > 2 * this.options.refreshSeconds * 1000;
    return tooOld && !snapshot.stale ? { ...snapshot, stale: true } : snapshot;
  }

  private async persist(): Promise<void> {
    const file = this.options.snapshotFile;
    if (!file || !this.snapshot) return;
    const sources = [...this.states.entries()].flatMap(([id, s]) =>
      s.payload && s.fetchedAt ? [{ id, fetchedAt: s.fetchedAt, payload: s.payload }] : [],
    );
    const body = JSON.stringify({ version: 1, stamp: this.stamp, snapshot: this.snapshot, sources });
    try {
      await writeFileAtomic(file, body);
    } catch (error) {
      log('error', 'snapshot_persist_failed', { file, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Deletes temp files of writes a crash cut short: another process's that is gone, or this pid's from before this start. */
  private async removeStaleTemps(file: string): Promise<void> {
    const startedAt = Date.now() - process.uptime() * 1000;
    const names = await readdir(dirname(file)).catch(() => [] as string[]);
    for (const name of names) {
      const match = TEMP_NAME_RE.exec(name.startsWith(`${basename(file)}.`) ? name.slice(basename(file).length + 1) : '');
      if (!match) continue;
      const pid = Number(match[1]);
      if (pid === process.pid ? Number(match[2]) < startedAt : !processExists(pid)) {
        await rm(join(dirname(file), name), { force: true }).catch(() => undefined);
      }
    }
  }

  private async loadPersisted(): Promise<void> {
    const file = this.options.snapshotFile;
    if (!file) return;
    await this.removeStaleTemps(file);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return; // first start: nothing persisted yet
    }
    try {
      const persisted = persistedSchema.parse(JSON.parse(text));
      for (const source of persisted.sources) {
        const state = this.states.get(source.id);
        if (state) Object.assign(state, { payload: source.payload, fetchedAt: source.fetchedAt, ok: true });
      }
      if (persisted.sources.some((s) => this.states.has(s.id))) {
        this.snapshot = this.merge();
        this.stamp = persisted.stamp ?? Date.parse(persisted.snapshot.asOf);
        setServedStamp(this.stamp);
        log('info', 'snapshot_restored', { file, asOf: this.snapshot.asOf });
      }
    } catch (error) {
      log('warn', 'snapshot_unreadable', { file, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but another user's
  }
}
