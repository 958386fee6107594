// Records snapshots into the history store in the background: enqueue returns at once, one write
// runs at a time, a failed write is retried with exponential backoff, and while the database is
// down only the newest snapshots wait. The snapshot held in memory is never touched. An outage is
// logged once (the store's health: history_db_unavailable, then history_db_rejoined), not once per
// attempt; of the snapshots it costs, the first is an error line and the rest are counted.
import { log } from '@/lib/infra/log';
import { HOUR_MS } from './math';
import { createHistoryHealth, type HistoryStore } from './store';
import type { Snapshot } from '@/lib/model/types';

export type HistoryRecorderOptions = {
  /** First retry delay; doubles on each further failure of the same snapshot. */
  retryBaseMs?: number;
  /**
   * Retries after the first failed attempt before the snapshot is dropped (the first of an outage
   * logged as an error): with the defaults a snapshot is given up after 1 + 2 + 4 + 8 + 16 = 31 s of backoff.
   */
  maxRetries?: number;
  now?: () => number;
  /** Snapshots kept waiting at most; older ones are dropped first (coalescing). */
  maxQueued?: number;
  /** Compaction runs after a write at most this often. */
  compactEveryMs?: number;
};

export type HistoryRecorder = {
  /** Queues a snapshot and returns at once; embedded (not live) snapshots are ignored. Never throws. */
  enqueue(snapshot: Snapshot): void;
  /** Resolves once the queue is empty (after any retries in progress): for shutdown and tests. */
  flush(): Promise<void>;
  /** Snapshots waiting or being written. */
  pending(): number;
};

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHistoryRecorder(
  store: Pick<HistoryStore, 'record' | 'compact'> & Partial<Pick<HistoryStore, 'health'>>,
  {
    retryBaseMs = 1000,
    maxRetries = 5,
    now = Date.now,
    maxQueued = 10,
    compactEveryMs = HOUR_MS,
  }: HistoryRecorderOptions = {},
): HistoryRecorder {
  const queue: Snapshot[] = [];
  let draining: Promise<void> | null = null;
  let lastCompactAt = Number.NEGATIVE_INFINITY;
  // A real store reports each of its queries to its health, reads included, so the outage is one
  // line however it shows up; a bare store (a test double) gets a health of its own, fed from here.
  const health = store.health ?? createHistoryHealth();
  const record = store.health
    ? (snapshot: Snapshot) => store.record(snapshot)
    : (snapshot: Snapshot) => health.track('record', () => store.record(snapshot));

  async function writeWithRetry(snapshot: Snapshot): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await record(snapshot);
        return;
      } catch (error) {
        if (attempt > maxRetries) {
          if (health.dropped()) {
            log('error', 'history_write_dropped', { asOf: snapshot.asOf, attempts: attempt, error: errorMessage(error) });
          }
          return;
        }
        // The failure itself is health's to log (once per outage); here it only waits its turn.
        await sleep(retryBaseMs * 2 ** (attempt - 1));
      }
    }
  }

  async function compactIfDue(): Promise<void> {
    const at = now();
    if (at - lastCompactAt < compactEveryMs) return;
    lastCompactAt = at; // also after a failure: the next try is an interval later, not on every write
    try {
      const result = await store.compact(at);
      if (result.downsampled > 0 || result.deleted > 0) log('info', 'history_compacted', result);
    } catch (error) {
      // During an outage its line has been written; a compaction failing on its own is news.
      if (!health.down) log('warn', 'history_compact_failed', { error: errorMessage(error) });
    }
  }

  function startDraining(): void {
    if (draining) return;
    draining = (async () => {
      try {
        // Start on a later turn of the event loop so the caller's own work (serving a page) goes first.
        await new Promise<void>((resolve) => setImmediate(resolve));
        while (queue.length > 0) {
          await writeWithRetry(queue[0]!);
          queue.shift();
          await compactIfDue();
        }
      } finally {
        // Cleared in the same turn as the last empty-queue check, so an enqueue never finds a finished drain.
        draining = null;
      }
    })();
  }

  return {
    enqueue(snapshot) {
      try {
        if (snapshot.mode !== 'live') return;
        queue.push(snapshot);
        // Keep the one being written (index 0) and the newest: drop the oldest waiting ones.
        while (queue.length > Math.max(maxQueued, 1) + 1) {
          const [dropped] = queue.splice(1, 1);
          // Counted towards an outage like a dropped write; a line while the database is only slow.
          if (health.dropped()) log('warn', 'history_queue_coalesced', { droppedAsOf: dropped?.asOf, queued: queue.length });
        }
        startDraining();
      } catch (error) {
        log('error', 'history_enqueue_failed', { error: errorMessage(error) });
      }
    },
    async flush() {
      while (draining) await draining;
    },
    pending: () => queue.length,
  };
}
