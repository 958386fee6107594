import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOUR_MS } from '@/lib/history/math';
import { createHistoryRecorder } from '@/lib/history/recorder';
import { createHistoryStore, type HistoryStore } from '@/lib/history/store';
import { coinSchema, snapshotSchema, type Snapshot } from '@/lib/model/types';
import { networkStats } from '../../support/factories';
import { captureLogs } from '../../support/logs';

const T0 = Date.parse('2026-11-24T12:00:00Z');

function snapshot(i: number, mode: Snapshot['mode'] = 'live'): Snapshot {
  const iso = new Date(T0 + i * 60_000).toISOString();
  return snapshotSchema.parse({
    asOf: iso,
    mode,
    stale: false,
    btcUsd: 60_000,
    eurPerUsd: null,
    sources: [{ id: 'whattomine-gpu', name: 'WhatToMine', url: 'https://whattomine.com', ok: true, fetchedAt: iso, error: null, stale: false, coins: 1 }],
    coins: [
      coinSchema.parse({
        ...networkStats('RVN', { difficulty: 1000 + i }),
        workFactor: 2 ** 32,
        source: 'whattomine-gpu',
        priceSource: null,
        impliedNetworkHashrate: null,
        flags: [],
      }),
    ],
  });
}

/** A store double: records what it was given; `failures` makes the next calls reject; `gate` holds writes. */
function fakeStore() {
  const recorded: string[] = [];
  const state = { failures: 0, gate: null as Promise<void> | null };
  const store = {
    record: vi.fn(async (s: Snapshot) => {
      if (state.gate) await state.gate;
      if (state.failures > 0) {
        state.failures--;
        throw new Error('database is down');
      }
      recorded.push(s.asOf);
      return s.coins.length;
    }),
    compact: vi.fn<HistoryStore['compact']>(async () => ({ downsampled: 0, deleted: 0 })),
  } satisfies Pick<HistoryStore, 'record' | 'compact'>;
  return { store, recorded, state };
}


describe('createHistoryRecorder', () => {
  let logs: ReturnType<typeof captureLogs>;
  beforeEach(() => {
    logs = captureLogs();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns from enqueue at once and writes in the background', async () => {
    const { store, recorded, state } = fakeStore();
    let release!: () => void;
    state.gate = new Promise<void>((r) => (release = r));
    const recorder = createHistoryRecorder(store);

    const result = recorder.enqueue(snapshot(1));
    expect(result).toBeUndefined(); // not a promise: nothing to await
    expect(store.record).not.toHaveBeenCalled(); // not even started in the caller's turn
    expect(recorder.pending()).toBe(1);

    await new Promise((r) => setImmediate(r));
    expect(store.record).toHaveBeenCalledTimes(1); // started, still blocked on the "database"
    expect(recorder.pending()).toBe(1);
    release();
    await recorder.flush();
    expect(recorded).toEqual([snapshot(1).asOf]);
    expect(recorder.pending()).toBe(0);
  });

  it('retries a failed write with exponential backoff, logging the outage once, and loses nothing', async () => {
    const { store, recorded, state } = fakeStore();
    state.failures = 3;
    const recorder = createHistoryRecorder(store, { retryBaseMs: 2, maxRetries: 5 });
    const snap = snapshot(1);
    const before = structuredClone(snap);
    recorder.enqueue(snap);
    recorder.enqueue(snapshot(2));
    await recorder.flush();

    expect(recorded).toEqual([snapshot(1).asOf, snapshot(2).asOf]);
    expect(store.record).toHaveBeenCalledTimes(5); // 3 failures + 2 successes
    // One line when it went, one when it came back: not one per attempt.
    expect(logs.events('history_db_unavailable')).toMatchObject([{ level: 'warn', op: 'record', error: 'database is down' }]);
    expect(logs.events('history_db_rejoined')).toMatchObject([{ level: 'info', op: 'record', failures: 3, dropped: 0 }]);
    expect(logs.events('history_write_failed')).toEqual([]);
    expect(snap).toEqual(before); // the snapshot held in memory is untouched
  });

  it('drops a snapshot (with an error line) only after maxRetries, then carries on', async () => {
    const { store, recorded, state } = fakeStore();
    state.failures = 3; // the first attempt and both retries of snapshot 1
    const recorder = createHistoryRecorder(store, { retryBaseMs: 1, maxRetries: 2 });
    recorder.enqueue(snapshot(1));
    recorder.enqueue(snapshot(2));
    await recorder.flush();
    expect(logs.events('history_db_unavailable')).toHaveLength(1);
    expect(logs.events('history_write_dropped')).toMatchObject([{ level: 'error', asOf: snapshot(1).asOf, attempts: 3 }]);
    expect(logs.events('history_db_rejoined')).toMatchObject([{ failures: 3, dropped: 1 }]);
    expect(recorded).toEqual([snapshot(2).asOf]);
  });

  it('keeps only the newest snapshots while the database is down (coalescing)', async () => {
    const { store, recorded, state } = fakeStore();
    let release!: () => void;
    state.gate = new Promise<void>((r) => (release = r));
    const recorder = createHistoryRecorder(store, { maxQueued: 10 });
    for (let i = 1; i <= 15; i++) recorder.enqueue(snapshot(i));
    // The one being written (1) plus the 10 newest (6–15); 2–5 were coalesced away.
    expect(recorder.pending()).toBe(11);
    expect(logs.events('history_queue_coalesced').map((l) => l.droppedAsOf)).toEqual([2, 3, 4, 5].map((i) => snapshot(i).asOf));
    release();
    await recorder.flush();
    expect(recorded).toEqual([1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15].map((i) => snapshot(i).asOf));
  });

  it('compacts after a write at most once an hour', async () => {
    const { store } = fakeStore();
    let now = T0;
    const recorder = createHistoryRecorder(store, { now: () => now });
    for (const minutes of [0, 10, 59, 61, 90, 125]) {
      now = T0 + minutes * 60_000;
      recorder.enqueue(snapshot(minutes));
      await recorder.flush();
    }
    expect(store.compact.mock.calls.map(([at]) => (at - T0) / 60_000)).toEqual([0, 61, 125]);
  });

  it('logs a failed compaction and keeps recording', async () => {
    const { store, recorded } = fakeStore();
    store.compact.mockRejectedValueOnce(new Error('disk full'));
    const recorder = createHistoryRecorder(store, { now: () => T0 });
    recorder.enqueue(snapshot(1));
    recorder.enqueue(snapshot(2));
    await recorder.flush();
    expect(logs.events('history_compact_failed')).toMatchObject([{ level: 'warn', error: 'disk full' }]);
    expect(recorded).toHaveLength(2);
  });

  it('ignores the embedded snapshot, and never throws from enqueue', async () => {
    const { store } = fakeStore();
    store.record.mockImplementation(() => {
      throw new Error('synchronous failure');
    });
    const recorder = createHistoryRecorder(store, { retryBaseMs: 1, maxRetries: 0 });
    recorder.enqueue(snapshot(1, 'embedded'));
    expect(recorder.pending()).toBe(0);
    expect(() => recorder.enqueue(snapshot(2))).not.toThrow();
    await recorder.flush();
    expect(logs.events('history_write_dropped')).toHaveLength(1);
  });

  it('retries after 1, 2, 4, 8 and 16 s, then drops; a long outage is one unavailable, one dropped and one rejoined line', async () => {
    vi.useFakeTimers();
    try {
      const { store, recorded, state } = fakeStore();
      const attemptsAt: number[] = [];
      store.record.mockImplementation(async (s: Snapshot) => {
        attemptsAt.push(Date.now());
        if (state.failures > 0) {
          state.failures--;
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        }
        recorded.push(s.asOf);
        return 1;
      });
      state.failures = 18; // three snapshots' worth: each tried 6 times
      const recorder = createHistoryRecorder(store, { now: () => T0 });
      const start = Date.now();
      for (const i of [1, 2, 3]) recorder.enqueue(snapshot(i));
      await vi.advanceTimersByTimeAsync(31_000);
      // Snapshot 1: tried at once, then after 1, 2, 4, 8 and 16 s; dropped, snapshot 2 is tried at once.
      expect(attemptsAt.map((at) => at - start)).toEqual([0, 1000, 3000, 7000, 15_000, 31_000, 31_000]);
      await vi.advanceTimersByTimeAsync(2 * 31_000);
      expect(recorder.pending()).toBe(0);
      expect(store.record).toHaveBeenCalledTimes(18);
      recorder.enqueue(snapshot(4)); // the database is back
      await vi.advanceTimersByTimeAsync(0);
      await recorder.flush();

      expect(recorded).toEqual([snapshot(4).asOf]);
      expect(logs.events('history_db_unavailable')).toMatchObject([{ level: 'warn', op: 'record', error: 'connect ECONNREFUSED 127.0.0.1:5432' }]);
      // The first lost snapshot is an error line; the other two are counted in the rejoin line.
      expect(logs.events('history_write_dropped')).toMatchObject([{ level: 'error', asOf: snapshot(1).asOf, attempts: 6 }]);
      expect(logs.events('history_db_rejoined')).toMatchObject([{ level: 'info', op: 'record', failures: 18, dropped: 3, downForMs: 93_000 }]);
      // A compaction failing during the outage adds no line either.
      expect(logs.events('history_compact_failed')).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('logs each outage: down, back, down again is two unavailable and two rejoined lines', async () => {
    const { store, recorded, state } = fakeStore();
    const recorder = createHistoryRecorder(store, { retryBaseMs: 1, maxRetries: 5 });
    for (const i of [1, 2]) {
      state.failures = 2;
      recorder.enqueue(snapshot(i));
      await recorder.flush();
    }
    expect(recorded).toEqual([snapshot(1).asOf, snapshot(2).asOf]);
    expect(logs.events('history_db_unavailable')).toHaveLength(2);
    expect(logs.events('history_db_rejoined')).toMatchObject([{ failures: 2 }, { failures: 2 }]);
  });

  it("shares a real store's health: its failed reads and the recorder's failed writes are one outage", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minerank-history-recorder-'));
    const blocker = join(dir, 'data');
    await writeFile(blocker, 'a file where the data folder should be'); // the database cannot be opened
    const store = createHistoryStore({ sqliteFile: join(blocker, 'history.sqlite'), readProbeMs: 0 });
    try {
      const recorder = createHistoryRecorder(store, { retryBaseMs: 1, maxRetries: 2, now: () => T0 + HOUR_MS });
      recorder.enqueue(snapshot(1));
      await expect(store.series('RVN', { from: T0, to: T0 + HOUR_MS })).rejects.toThrow();
      await recorder.flush();
      await expect(store.averages('RVN', T0 + HOUR_MS)).rejects.toThrow();
      expect(logs.events('history_db_unavailable')).toHaveLength(1);
      expect(logs.events('history_write_dropped')).toHaveLength(1);

      await rm(blocker); // back
      recorder.enqueue(snapshot(2));
      await recorder.flush();
      expect((await store.series('RVN', { from: T0, to: T0 + HOUR_MS })).map((p) => p.difficulty)).toEqual([1002]);
      expect(logs.events('history_db_rejoined')).toMatchObject([{ dialect: 'sqlite', op: 'record', dropped: 1 }]);
      expect(logs.events('history_db_unavailable')).toHaveLength(1);
    } finally {
      await store.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('records into a real SQLite store, nothing lost across a burst', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minerank-history-recorder-'));
    const store = createHistoryStore({ sqliteFile: join(dir, 'history.sqlite') });
    try {
      const recorder = createHistoryRecorder(store, { now: () => T0 + HOUR_MS });
      for (let i = 0; i < 10; i++) recorder.enqueue(snapshot(i));
      await recorder.flush();
      const series = await store.series('RVN', { from: T0, to: T0 + HOUR_MS });
      expect(series.map((p) => p.difficulty)).toEqual(Array.from({ length: 10 }, (_, i) => 1000 + i));
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
