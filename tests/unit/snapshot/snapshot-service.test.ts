import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SnapshotService } from '@/lib/snapshot/service';
import { createMemoryStore } from '@/lib/snapshot/store';
import { type NetworkStats, type Snapshot } from '@/lib/model/types';
import { networkStats } from '../../support/factories';
import { emptyPayload, type SourcePayload } from '@/lib/sources/contract';
import type { SourceFetcher } from '@/lib/sources/contract';

const stats = (tag: string, overrides: Partial<NetworkStats> = {}) => networkStats(tag, { priceBtc: 4e-7, ...overrides });

const payload = (coins: NetworkStats[], btcUsd: number | null = 60_000): SourcePayload => ({
  coins,
  quotes: [],
  btcUsd,
  btcEur: null,
  volume24hBtcByTag: {},
  rentals: [],
  supplies: [],
  heights: {},
});

const EMBEDDED: Snapshot = {
  asOf: '2024-03-16T00:00:00.000Z',
  mode: 'embedded',
  stale: true,
  btcUsd: null,
  eurPerUsd: null,
  rentals: [],
  sources: [],
  coins: [],
};

/** A controllable fake upstream: counts calls, can fail or stall. */
function fakeSource(id: SourceFetcher['id'], next: () => Promise<SourcePayload>) {
  const fetch = vi.fn(next);
  const fetcher: SourceFetcher = { id, name: id, url: `http://127.0.0.1/${id}`, fetch };
  return { fetcher, fetch };
}

function clock(start = Date.parse('2026-11-24T12:00:00Z')) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('SnapshotService', () => {
  it('with firstRequestWaitMs 0 the first request never waits for an upstream: the embedded snapshot, then live data', async () => {
    let answer: (p: SourcePayload) => void = () => undefined;
    const gpu = fakeSource('whattomine-gpu', () => new Promise<SourcePayload>((resolve) => (answer = resolve)));
    const service = new SnapshotService({ fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED, firstRequestWaitMs: 0 });
    // The upstream has not answered (it may never): the first page is the dated embedded snapshot.
    const first = await service.get();
    expect(first.mode).toBe('embedded');
    expect(first.asOf).toBe(EMBEDDED.asOf);
    expect(gpu.fetch).toHaveBeenCalledTimes(1); // the refresh is under way
    expect((await service.get()).mode).toBe('embedded'); // and is not asked twice
    expect(gpu.fetch).toHaveBeenCalledTimes(1);
    answer(payload([stats('RVN')]));
    await vi.waitFor(async () => expect((await service.get()).mode).toBe('live'));
    expect((await service.get()).coins.map((c) => c.tag)).toEqual(['RVN']);
  });

  it('shares each refresh whole: a request during the refresh never publishes the old snapshot under the new stamp', async () => {
    const t = clock();
    const store = createMemoryStore(); // one shared store, as Redis is for two instances
    let release: () => void = () => undefined;
    let slow = false;
    // History reads that stall until released: the window in which a request reaches the refreshing instance.
    const reader = {
      averages: () => new Promise<never>((_, reject) => (slow ? (release = () => reject(new Error('released'))) : reject(new Error('none')))),
      volatility: async () => ({ cv: null, points: 0 }),
    };
    let price = 4e-7;
    const gpu = fakeSource('whattomine-gpu', async () => payload([stats('RVN', { priceBtc: price })]));
    const options = { fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED, now: t.now, store, enrichTimeoutMs: 60_000 };
    const a = new SnapshotService({ ...options, history: { reader } });
    const b = new SnapshotService({ ...options, fetchers: [fakeSource('whattomine-gpu', async () => payload([])).fetcher] });
    await a.get();
    expect((await b.get()).coins[0]?.priceBtc).toBe(4e-7); // b adopted a's first refresh
    t.advance(301_000);
    price = 5e-7;
    slow = true;
    const refreshed = a.refresh();
    await vi.waitFor(() => expect(gpu.fetch).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await a.get(); // a request while the refresh enriches
    release();
    expect((await refreshed).coins[0]?.priceBtc).toBe(5e-7);
    // b takes the new figures, not the old ones under the new stamp.
    expect((await b.get()).coins[0]?.priceBtc).toBe(5e-7);
  });

  it('refreshes on its own clock with no caller (history and alerts need no visitor), and stops when asked', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-24T12:00:00Z') });
    try {
      const gpu = fakeSource('whattomine-gpu', async () => payload([stats('RVN')]));
      // Period 300 s: the loop looks every 150 s and refreshes when 300 s have passed since the last.
      const service = new SnapshotService({ fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED });
      const published: string[] = [];
      service.onPublished((snapshot) => published.push(snapshot.asOf));
      const stop = service.startRefreshLoop();
      await vi.advanceTimersByTimeAsync(150_000); // first look: nothing yet, so a refresh
      expect(gpu.fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(150_000); // 150 s after it: not due
      expect(gpu.fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(150_000); // 300 s after it: due
      expect(gpu.fetch).toHaveBeenCalledTimes(2);
      expect(published).toHaveLength(2);
      stop();
      await vi.advanceTimersByTimeAsync(3_600_000);
      expect(gpu.fetch).toHaveBeenCalledTimes(2);
      // With no live source (the embedded snapshot) there is nothing to refresh: no timer at all.
      const embedded = new SnapshotService({ fetchers: [], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED });
      embedded.startRefreshLoop();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('publishes each refreshed live snapshot to its subscribers once, and a failing subscriber stops no other', async () => {
    const t = clock();
    const gpu = fakeSource('whattomine-gpu', async () => payload([stats('RVN')]));
    const service = new SnapshotService({ fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED, now: t.now });
    const seen: string[] = [];
    service.onPublished(() => {
      throw new Error('a broken subscriber');
    });
    const unsubscribe = service.onPublished((snapshot) => seen.push(`${snapshot.mode}:${snapshot.coins.map((c) => c.tag).join()}`));
    await service.get();
    await service.get(); // within the period: served from memory, nothing new published
    expect(seen).toEqual(['live:RVN']);
    t.advance(301_000);
    await service.refresh({ force: true });
    expect(seen).toEqual(['live:RVN', 'live:RVN']);
    unsubscribe();
    t.advance(301_000);
    await service.refresh({ force: true });
    expect(seen).toHaveLength(2);
  });

  it('publishes nothing while it serves the embedded snapshot (no live source ever answered)', async () => {
    const down = fakeSource('whattomine-gpu', async () => Promise.reject(new Error('ECONNREFUSED')));
    const service = new SnapshotService({ fetchers: [down.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED });
    const listener = vi.fn();
    service.onPublished(listener);
    expect((await service.get()).mode).toBe('embedded');
    expect(listener).not.toHaveBeenCalled();
  });

  it('serves the embedded snapshot, without any fetch, when no source is configured', async () => {
    const service = new SnapshotService({ fetchers: [], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED });
    await expect(service.get()).resolves.toBe(EMBEDDED);
  });

  it('makes one upstream request per source however many callers ask at once (single flight)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gpu = fakeSource('whattomine-gpu', async () => {
      await gate;
      return payload([stats('RVN')]);
    });
    const service = new SnapshotService({
      fetchers: [gpu.fetcher],
      refreshSeconds: 300,
      snapshotFile: null,
      embedded: () => EMBEDDED,
    });
    const callers = Array.from({ length: 200 }, () => service.get());
    release();
    const results = await Promise.all(callers);
    expect(gpu.fetch).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.asOf)).size).toBe(1);
    expect(results[0]!.coins.map((c) => c.tag)).toEqual(['RVN']);
    expect(results[0]!.mode).toBe('live');
  });

  it('serves the old snapshot while refreshing after REFRESH_SECONDS (stale-while-revalidate)', async () => {
    const t = clock();
    let difficulty = 100;
    const gpu = fakeSource('whattomine-gpu', async () => payload([stats('RVN', { difficulty, networkHashrate: null })]));
    const service = new SnapshotService({
      fetchers: [gpu.fetcher],
      refreshSeconds: 300,
      snapshotFile: null,
      embedded: () => EMBEDDED,
      now: t.now,
    });
    expect((await service.get()).coins[0]!.difficulty).toBe(100);
    difficulty = 200;
    t.advance(299_000);
    expect((await service.get()).coins[0]!.difficulty).toBe(100);
    expect(gpu.fetch).toHaveBeenCalledTimes(1);
    t.advance(1_000);
    // Due: this caller still gets the current snapshot at once; the refresh runs behind it.
    expect((await service.get()).coins[0]!.difficulty).toBe(100);
    await service.refresh(); // joins the background refresh already in flight
    expect(gpu.fetch).toHaveBeenCalledTimes(2);
    expect((await service.get()).coins[0]!.difficulty).toBe(200);
  });

  it('keeps a failed source’s last good data, marked stale with the error', async () => {
    const t = clock();
    let fail = false;
    const gpu = fakeSource('whattomine-gpu', async () => {
      if (fail) throw new Error('whattomine-gpu: HTTP 500');
      return payload([stats('RVN')]);
    });
    const prices = fakeSource('coingecko', async () => ({
      ...emptyPayload(),
      coins: [],
      quotes: [{ id: 'ravencoin', priceUsd: 0.03, volume24hUsd: 1e7, updatedAt: null }],
      btcUsd: 60_000,
      btcEur: null,
      volume24hBtcByTag: {},
      rentals: [],
      supplies: [],
    }));
    const service = new SnapshotService({
      fetchers: [gpu.fetcher, prices.fetcher],
      refreshSeconds: 300,
      snapshotFile: null,
      embedded: () => EMBEDDED,
      now: t.now,
    });
    const first = await service.get();
    expect(first.stale).toBe(false);
    fail = true;
    t.advance(300_000);
    const second = await service.refresh();
    expect(second.stale).toBe(true);
    const gpuStatus = second.sources.find((s) => s.id === 'whattomine-gpu')!;
    expect(gpuStatus).toMatchObject({ ok: false, stale: true, error: 'whattomine-gpu: HTTP 500' });
    expect(gpuStatus.fetchedAt).toBe(first.sources.find((s) => s.id === 'whattomine-gpu')!.fetchedAt);
    const rvn = second.coins.find((c) => c.tag === 'RVN')!;
    expect(rvn.difficulty).toBe(85166);
    expect(rvn.priceUsd).toBe(0.03);
    expect(rvn.flags.map((f) => f.code)).toContain('stale-source');
    // The snapshot's age is that of its oldest data: the failed source's last good fetch.
    expect(second.asOf).toBe(gpuStatus.fetchedAt);
  });

  it('treats an empty answer after good ones as a fault and keeps the last good coins', async () => {
    const t = clock();
    let empty = false;
    const gpu = fakeSource('whattomine-gpu', async () => payload(empty ? [] : [stats('RVN')], empty ? null : 60_000));
    const service = new SnapshotService({ fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED, now: t.now });
    await service.get();
    empty = true;
    t.advance(300_000);
    const snapshot = await service.refresh();
    expect(snapshot.coins.map((c) => c.tag)).toEqual(['RVN']);
    expect(snapshot.sources[0]).toMatchObject({ ok: false, stale: true, error: 'whattomine-gpu: returned no data; keeping the last good data' });
  });

  it('honours Retry-After: a rate-limited source is not asked again before it says', async () => {
    const t = clock();
    let calls = 0;
    const gpu = fakeSource('whattomine-gpu', async () => {
      calls += 1;
      if (calls === 2) throw Object.assign(new Error('whattomine-gpu: HTTP 429'), { retryAfterSeconds: 900 });
      return payload([stats('RVN')]);
    });
    const service = new SnapshotService({
      fetchers: [gpu.fetcher],
      refreshSeconds: 300,
      snapshotFile: null,
      embedded: () => EMBEDDED,
      now: t.now,
    });
    await service.refresh();
    t.advance(300_000);
    await service.refresh(); // 429, Retry-After 900 s
    t.advance(300_000);
    await service.refresh(); // 300 s later: still inside the 900 s, not asked
    expect(gpu.fetch).toHaveBeenCalledTimes(2);
    t.advance(600_000);
    await service.refresh(); // 900 s after the 429: asked again
    expect(gpu.fetch).toHaveBeenCalledTimes(3);
  });

  it('asks a quota-limited source (minIntervalMs) once per its interval, keeping its data and date between', async () => {
    const t = clock();
    const quota = fakeSource('hashrateno', async () => payload([stats('RVN')]));
    quota.fetcher.minIntervalMs = 8 * 3600 * 1000;
    const service = new SnapshotService({ fetchers: [quota.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED, now: t.now });
    const first = await service.refresh();
    t.advance(300_000);
    const second = await service.refresh(); // 5 min later: the refresh runs, hashrate.no is not asked
    expect(quota.fetch).toHaveBeenCalledTimes(1);
    expect(second.sources[0]).toMatchObject({ ok: true, fetchedAt: first.sources[0]!.fetchedAt });
    expect(second.coins.map((c) => c.tag)).toEqual(['RVN']);
    t.advance(8 * 3600 * 1000 - 300_000); // 8 h after the first call: asked again
    await service.refresh();
    expect(quota.fetch).toHaveBeenCalledTimes(2);
  });

  it('falls back to the embedded snapshot, listing the failure, when no source ever answered', async () => {
    const t = clock();
    const gpu = fakeSource('whattomine-gpu', async () => {
      throw new Error('timed out after 8000 ms');
    });
    const service = new SnapshotService({
      fetchers: [gpu.fetcher],
      refreshSeconds: 300,
      snapshotFile: null,
      embedded: () => EMBEDDED,
      now: t.now,
    });
    const snapshot = await service.get();
    expect(snapshot.mode).toBe('embedded');
    expect(snapshot.sources).toEqual([expect.objectContaining({ id: 'whattomine-gpu', ok: false, error: 'timed out after 8000 ms' })]);
    await service.get();
    await service.get();
    expect(gpu.fetch).toHaveBeenCalledTimes(1); // not hammered on every request
  });

  it('persists the last good state atomically and serves it at once after a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minerank-snapshot-'));
    const file = join(dir, 'nested', 'snapshot.json');
    const t = clock();
    const gpu = fakeSource('whattomine-gpu', async () => payload([stats('RVN'), stats('CLORE')]));
    const first = new SnapshotService({ fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: file, embedded: () => EMBEDDED, now: t.now });
    const served = await first.get();
    expect(JSON.parse(await readFile(file, 'utf8')).snapshot.coins).toHaveLength(2);
    expect((await readdir(join(dir, 'nested'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A restart whose upstream is down: the persisted data is served, without waiting for it.
    let release!: () => void;
    const down = fakeSource('whattomine-gpu', () => new Promise<SourcePayload>((_, reject) => (release = () => reject(new Error('down')))));
    const second = new SnapshotService({ fetchers: [down.fetcher], refreshSeconds: 300, snapshotFile: file, embedded: () => EMBEDDED, now: t.now });
    const restored = await second.get();
    expect(restored.coins.map((c) => c.tag)).toEqual(['RVN', 'CLORE']);
    expect(restored.asOf).toBe(served.asOf);
    release?.();
  });

  it('ignores a torn or foreign persisted file rather than crashing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minerank-snapshot-'));
    const file = join(dir, 'snapshot.json');
    await writeFile(file, '{"version":1,"snapshot":{"asOf":');
    const gpu = fakeSource('whattomine-gpu', async () => payload([stats('RVN')]));
    const service = new SnapshotService({ fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: file, embedded: () => EMBEDDED });
    expect((await service.get()).coins.map((c) => c.tag)).toEqual(['RVN']);
  });

  it('takes a coin added to the registry as a new source at the next get, asking it alone and keeping the others’ data', async () => {
    const c = clock();
    const gpu = fakeSource('whattomine-gpu', async () => payload([stats('RVN')]));
    const chain = fakeSource('chain:SSC', async () => ({ ...payload([stats('SSC', { algorithm: 'scrypt' })], null), heights: { SSC: 987_654 } }));
    const service = new SnapshotService({ fetchers: [gpu.fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED, now: c.now });
    expect((await service.get()).coins.map((x) => x.tag)).toEqual(['RVN']);

    service.setFetchers([gpu.fetcher, chain.fetcher]);
    await service.refresh();
    const snapshot = await service.get();
    expect(snapshot.coins.map((x) => x.tag).sort()).toEqual(['RVN', 'SSC']);
    expect(snapshot.coins.find((x) => x.tag === 'SSC')).toMatchObject({ source: 'chain:SSC', height: 987_654 });
    expect(snapshot.sources.map((x) => x.id)).toEqual(['whattomine-gpu', 'chain:SSC']);

    // Removed again: its source and its coin are gone after the next refresh.
    service.setFetchers([gpu.fetcher]);
    await service.refresh();
    expect((await service.get()).coins.map((x) => x.tag)).toEqual(['RVN']);
    // A change asks only the new source (the add) or none (the remove): the aggregator once, at start.
    expect(gpu.fetch).toHaveBeenCalledTimes(1);
    expect(chain.fetch).toHaveBeenCalledTimes(1);
    // The period (counted from the last refresh's stamp, a few ms on) still asks everything.
    c.advance(301_000);
    await service.get();
    await service.refresh();
    expect(gpu.fetch).toHaveBeenCalledTimes(2);
  });
});
