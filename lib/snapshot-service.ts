// The snapshot service: serves the merged coin list from memory, refreshes it every
// REFRESH_SECONDS with one upstream request per source however many callers ask (single
// flight), serves the old snapshot while a refresh runs, keeps each source's last good data
// when it fails, and writes the last good state to disk atomically so a restart serves at once.
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { enrichSnapshot, type HistoryReader } from './history-enrich';
import { log } from './log';
import { mergeSources, type MergeOptions, type SourceInput } from './merge';
import {
  snapshotSchema,
  sourcePayloadSchema,
  sourceIdSchema,
  type Snapshot,
  type SourceId,
  type SourcePayload,
  type SourceStatus,
} from './types';

export type SourceFetcher = {
  id: SourceId;
  name: string;
  /** Shown to users as the data's origin; never contains a key. */
  url: string;
  fetch: () => Promise<SourcePayload>;
};

export type SnapshotServiceOptions = {
  fetchers: readonly SourceFetcher[];
  refreshSeconds: number;
  /** Where the last good state is persisted; null to keep it in memory only. */
  snapshotFile: string | null;
  /** The dated snapshot shipped with the app, served when no live data was ever obtained. */
  embedded: () => Snapshot;
  /** Records each live snapshot (without waiting) and reads averages/volatility back. */
  history?: { reader: HistoryReader; record: (snapshot: Snapshot) => void } | null;
  /** Registry facts the merge needs (CoinGecko ids of registry coins); read at each merge. */
  mergeOptions?: () => MergeOptions;
  /** History reads may not hold up a refresh for longer than this (default 3 s). */
  enrichTimeoutMs?: number;
  now?: () => number;
};

type SourceState = {
  payload: SourcePayload | null;
  fetchedAt: string | null;
  error: string | null;
  ok: boolean;
  /** Epoch ms before which this source is not asked again (Retry-After). */
  retryNotBefore: number;
};

const persistedSchema = z.object({
  version: z.literal(1),
  snapshot: snapshotSchema,
  sources: z.array(
    z.object({ id: sourceIdSchema, fetchedAt: z.string(), payload: sourcePayloadSchema }),
  ),
});

function isEmptyPayload(p: SourcePayload): boolean {
  return p.coins.length === 0 && p.quotes.length === 0 && p.rentals.length === 0 && p.supplies.length === 0 && p.btcUsd === null;
}

export class SnapshotService {
  private readonly options: SnapshotServiceOptions;
  private readonly now: () => number;
  private readonly states = new Map<SourceId, SourceState>();
  private fetchers: readonly SourceFetcher[];
  private snapshot: Snapshot | null = null;
  /** Served while no live data was ever obtained: the embedded snapshot plus the failures. */
  private fallback: Snapshot | null = null;
  private inflight: Promise<Snapshot> | null = null;
  private lastAttemptAt = 0;
  private loaded: Promise<void> | null = null;

  constructor(options: SnapshotServiceOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.fetchers = options.fetchers;
    for (const fetcher of options.fetchers) this.states.set(fetcher.id, SnapshotService.emptyState());
  }

  private static emptyState(): SourceState {
    return { payload: null, fetchedAt: null, error: null, ok: false, retryNotBefore: 0 };
  }

  get live(): boolean {
    return this.fetchers.length > 0;
  }

  /**
   * Swaps the set of sources (a coin was added to or removed from the registry): sources kept
   * keep their data, new ones start empty, removed ones are dropped. The next get() refreshes.
   */
  setFetchers(fetchers: readonly SourceFetcher[]): void {
    const ids = new Set(fetchers.map((f) => f.id));
    for (const id of [...this.states.keys()]) if (!ids.has(id)) this.states.delete(id);
    for (const fetcher of fetchers) if (!this.states.has(fetcher.id)) this.states.set(fetcher.id, SnapshotService.emptyState());
    this.fetchers = fetchers;
    this.lastAttemptAt = 0;
  }

  private merge(): Snapshot {
    return mergeSources(this.inputs(), 'live', this.options.mergeOptions?.() ?? {});
  }

  /** The current snapshot; starts a background refresh when it is older than the refresh period. */
  async get(): Promise<Snapshot> {
    if (!this.live) return this.options.embedded();
    this.loaded ??= this.loadPersisted();
    await this.loaded;
    const due = this.now() - this.lastAttemptAt >= this.options.refreshSeconds * 1000;
    if (!this.snapshot) return this.fallback && !due ? this.fallback : this.refresh();
    if (due) {
      // Stale-while-revalidate: this caller gets the current snapshot at once.
      void this.refresh().catch(() => undefined);
    }
    return this.withAge(this.snapshot);
  }

  /** Fetches every source once; concurrent callers share the same refresh. */
  refresh(): Promise<Snapshot> {
    this.inflight ??= this.runRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async runRefresh(): Promise<Snapshot> {
    this.lastAttemptAt = this.now();
    await Promise.all(this.fetchers.map((fetcher) => this.refreshSource(fetcher)));
    const anyData = [...this.states.values()].some((s) => s.payload !== null);
    if (!anyData) {
      // Never had live data: the dated embedded snapshot, with the failures listed beside it.
      const embedded = this.options.embedded();
      this.fallback = { ...embedded, sources: [...embedded.sources, ...this.statuses()] };
      return this.fallback;
    }
    this.snapshot = await this.enrich(this.merge());
    await this.persist();
    this.options.history?.record(this.snapshot); // queued: never blocks a page
    return this.withAge(this.snapshot);
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
      log('warn', 'history_read_failed', { error: error instanceof Error ? error.message : String(error) });
      return snapshot;
    } finally {
      clearTimeout(timer);
    }
  }

  private async refreshSource(fetcher: SourceFetcher): Promise<void> {
    const state = this.states.get(fetcher.id);
    if (!state) return;
    if (this.now() < state.retryNotBefore) return; // honour Retry-After: keep the last good data
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
    const body = JSON.stringify({ version: 1, snapshot: this.snapshot, sources });
    // Real clock in the name: a restart tells its own pid's leftovers (a container reuses pids) by it.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await mkdir(dirname(file), { recursive: true });
      const handle = await open(tmp, 'w');
      try {
        await handle.writeFile(body);
        await handle.sync(); // on disk before the rename, so a power cut never leaves the name on unwritten blocks
      } finally {
        await handle.close();
      }
      await rename(tmp, file); // atomic on one filesystem: readers see the old or the new file, never half
    } catch (error) {
      log('error', 'snapshot_persist_failed', { file, error: error instanceof Error ? error.message : String(error) });
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  /** Deletes temp files of writes a crash cut short: another process's that is gone, or this pid's from before this start. */
  private async removeStaleTemps(file: string): Promise<void> {
    const startedAt = Date.now() - process.uptime() * 1000;
    const names = await readdir(dirname(file)).catch(() => [] as string[]);
    for (const name of names) {
      const match = /^(\d+)\.(\d+)\.tmp$/.exec(name.startsWith(`${basename(file)}.`) ? name.slice(basename(file).length + 1) : '');
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
