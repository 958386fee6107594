// The snapshot service on a shared store: two services stand for two app instances. The Redis
// cases run against a real redis-server (scripts/with-redis.sh starts one and sets REDIS_URL);
// the in-process and Redis-away cases run everywhere.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSharedRedis, type SharedRedis } from '@/lib/infra/redis';
import { SnapshotService } from '@/lib/snapshot/service';
import { createMemoryStore, createRedisStore, type SharedState, type SnapshotStore } from '@/lib/snapshot/store';
import { type NetworkStats, type Snapshot } from '@/lib/model/types';
import { networkStats } from '../support/factories';
import { freePort } from '../support/listen';
import { emptyPayload, type SourcePayload } from '@/lib/sources/contract';
import type { SourceFetcher } from '@/lib/sources/contract';

const REDIS_URL = process.env.REDIS_URL;

const stats = (tag: string, overrides: Partial<NetworkStats> = {}) => networkStats(tag, { priceBtc: 4e-7, ...overrides });
const payload = (coins: NetworkStats[]): SourcePayload => ({ ...emptyPayload(), coins, btcUsd: 60_000 });
const EMBEDDED: Snapshot = { asOf: '2024-03-16T00:00:00.000Z', mode: 'embedded', stale: true, btcUsd: null, eurPerUsd: null, rentals: [], sources: [], coins: [] };

/** One upstream shared by both "instances": counts every request it gets. */
function upstream(delayMs = 0) {
  let calls = 0;
  const fetcher = (): SourceFetcher => ({
    id: 'whattomine-gpu',
    name: 'WhatToMine',
    url: 'http://127.0.0.1/whattomine',
    fetch: async () => {
      calls += 1;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return payload([stats('RVN', { difficulty: 1000 + calls })]);
    },
  });
  return { fetcher, calls: () => calls };
}

function service(store: SnapshotStore, fetcher: SourceFetcher, options: { refreshSeconds?: number; lockTtlMs?: number } = {}) {
  return new SnapshotService({
    fetchers: [fetcher],
    refreshSeconds: options.refreshSeconds ?? 300,
    snapshotFile: null,
    embedded: () => EMBEDDED,
    store,
    lockTtlMs: options.lockTtlMs ?? 2000,
  });
}

const clients: SharedRedis[] = [];
function redis(url = REDIS_URL ?? ''): SharedRedis {
  const client = createSharedRedis(url, { name: 'test' });
  clients.push(client);
  return client;
}
async function ready(client: SharedRedis): Promise<void> {
  for (let i = 0; i < 100 && !client.ready(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(client.ready()).toBe(true);
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});


const state = (stamp: number, tag = 'RVN'): SharedState => ({
  stamp,
  snapshot: { ...EMBEDDED, mode: 'live', stale: false, asOf: new Date(stamp).toISOString(), coins: [] , sources: [] },
  sources: [{ id: 'whattomine-gpu', payload: payload([stats(tag)]), fetchedAt: new Date(stamp).toISOString(), error: null, ok: true, retryNotBefore: 0 }],
});

describe('in-process snapshot store', () => {
  it('claims once per period, refuses a second holder, and fences writes by the lock', async () => {
    const store = createMemoryStore();
    const now = Date.now();
    expect(await store.claim({ token: 'a', now, periodMs: 60_000, ttlMs: 5000, force: false })).toBe('claimed');
    // Due again only with force; then the lock is still held by "a".
    expect(await store.claim({ token: 'b', now: now + 1, periodMs: 60_000, ttlMs: 5000, force: false })).toBe('not-due');
    expect(await store.claim({ token: 'b', now: now + 1, periodMs: 60_000, ttlMs: 5000, force: true })).toBe('busy');
    expect(await store.write(state(now), 'b')).toBe(false); // not the holder
    expect(await store.write(state(now), 'a')).toBe(true);
    expect(await store.write(state(now - 1), null)).toBe(false); // older never replaces newer
    await store.release('a');
    expect((await store.peek()).lockHeld).toBe(false);
  });
});

describe.skipIf(!REDIS_URL)(
  REDIS_URL ? 'snapshot service on a shared Redis' : 'snapshot service on a shared Redis (SKIPPED: REDIS_URL unset; run under bash scripts/with-redis.sh)',
  () => {
    it('two instances asked at once make one upstream request in total and serve the same asOf', async () => {
      const prefix = `test:${randomUUID()}:`;
      const [ra, rb] = [redis(), redis()];
      await Promise.all([ready(ra), ready(rb)]);
      const source = upstream(150);
      const a = service(createRedisStore(ra, prefix), source.fetcher());
      const b = service(createRedisStore(rb, prefix), source.fetcher());
      const served = await Promise.all([...Array.from({ length: 10 }, () => a.get()), ...Array.from({ length: 10 }, () => b.get())]);
      expect(source.calls()).toBe(1);
      expect(new Set(served.map((s) => s.asOf)).size).toBe(1);
      expect(served.every((s) => s.coins[0]?.difficulty === 1001)).toBe(true);
      expect(a.storeMode).toBe('redis');
    });

    it('after the period one instance refreshes and the other serves its result', async () => {
      const prefix = `test:${randomUUID()}:`;
      const [ra, rb] = [redis(), redis()];
      await Promise.all([ready(ra), ready(rb)]);
      const source = upstream();
      const a = service(createRedisStore(ra, prefix), source.fetcher(), { refreshSeconds: 1 });
      const b = service(createRedisStore(rb, prefix), source.fetcher(), { refreshSeconds: 1 });
      const first = await a.get();
      expect((await b.get()).asOf).toBe(first.asOf);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await Promise.all([a.get(), b.get(), a.get(), b.get()]); // both see it due; one claims
      await vi.waitFor(async () => expect((await a.get()).coins[0]?.difficulty).toBe(1002), { timeout: 2000 });
      await vi.waitFor(async () => expect((await b.get()).coins[0]?.difficulty).toBe(1002), { timeout: 2000 });
      expect(source.calls()).toBe(2);
      expect((await a.get()).asOf).toBe((await b.get()).asOf);
    });

    it('a holder that died keeps the others out only until its lock expires', async () => {
      const prefix = `test:${randomUUID()}:`;
      const ra = redis();
      await ready(ra);
      const store = createRedisStore(ra, prefix);
      const now = Date.now();
      // "Instance A" claims and then dies: no heartbeat, no release.
      expect(await store.claim({ token: 'dead', now, periodMs: 0, ttlMs: 400, force: true })).toBe('claimed');
      expect(await store.claim({ token: 'b', now, periodMs: 0, ttlMs: 400, force: true })).toBe('busy');
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(await store.claim({ token: 'b', now: now + 450, periodMs: 0, ttlMs: 400, force: true })).toBe('claimed');
      // The dead holder's late write is refused: its lock is gone.
      expect(await store.write(state(now), 'dead')).toBe(false);
      expect(await store.write(state(now + 450), 'b')).toBe(true);
      expect((await store.read())?.stamp).toBe(now + 450);
    });

    it('a newer state is never overwritten by an older one, even unfenced', async () => {
      const prefix = `test:${randomUUID()}:`;
      const ra = redis();
      await ready(ra);
      const store = createRedisStore(ra, prefix);
      expect(await store.write(state(2000, 'NEW'), null)).toBe(true);
      expect(await store.write(state(1000, 'OLD'), null)).toBe(false);
      expect((await store.read())?.sources[0]?.payload?.coins[0]?.tag).toBe('NEW');
    });

    it('an instance whose shared state is lost (Redis restarted empty) offers its own back', async () => {
      const prefix = `test:${randomUUID()}:`;
      const [ra, rb] = [redis(), redis()];
      await Promise.all([ready(ra), ready(rb)]);
      const source = upstream();
      const a = service(createRedisStore(ra, prefix), source.fetcher());
      const served = await a.get();
      const keys = await ra.client.keys(`${prefix}*`);
      await ra.client.del(...keys);
      await a.get(); // sees no shared state, offers its own
      await vi.waitFor(async () => expect(await ra.client.get(`${prefix}snap:stamp`)).not.toBeNull());
      const b = service(createRedisStore(rb, prefix), source.fetcher());
      expect((await b.get()).asOf).toBe(served.asOf);
      expect(source.calls()).toBe(1);
    });
  },
);

describe('snapshot service with Redis away', () => {
  it('serves from its own memory at once and keeps refreshing by itself', async () => {
    const client = redis(`redis://127.0.0.1:${await freePort()}`);
    const source = upstream();
    const a = service(createRedisStore(client, `test:${randomUUID()}:`), source.fetcher());
    const started = Date.now();
    const snapshot = await a.get();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(snapshot.mode).toBe('live');
    expect(snapshot.coins[0]?.difficulty).toBe(1001);
    expect(a.storeMode).toBe('memory');
    expect(source.calls()).toBe(1);
  });
});
