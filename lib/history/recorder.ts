// Records snapshots into the history store in the background: enqueue returns at once, one write
// runs at a time, a failed write is logged and retried with exponential backoff, and while the
// database is down only the newest snapshots wait. The snapshot held in memory is never touched.
import { log } from '../log';
import { HOUR_MS } from './math';
import type { HistoryStore } from './store';
import type { Snapshot } from '../types';

export type HistoryRecorderOptions = {
  /** First retry delay; doubles on each further failure of the same snapshot. */
  retryBaseMs?: number;
  /**
   * Retries after the first failed attempt before the snapshot is dropped (logged as an error):
   * with the defaults a snapshot is given up after 1 + 2 + 4 + 8 + 16 = 31 s of backoff.
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
  store: Pick<HistoryStore, 'record' | 'compact'>,
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

  async function writeWithRetry(snapshot: Snapshot): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await store.record(snapshot);
        return;
      } catch (error) {
        if (attempt > maxRetries) {
          log('error', 'history_write_dropped', { asOf: snapshot.asOf, attempts: attempt, error: errorMessage(error) });
          return;
        }
        const retryInMs = retryBaseMs * 2 ** (attempt - 1);
        log('warn', 'history_write_failed', {
          asOf: snapshot.asOf,
          attempt,
          retryInMs,
          queued: queue.length,
          error: errorMessage(error),
        });
        await sleep(retryInMs);
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
      log('warn', 'history_compact_failed', { error: errorMessage(error) });
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
          log('warn', 'history_queue_coalesced', { droppedAsOf: dropped?.asOf, queued: queue.length });
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
