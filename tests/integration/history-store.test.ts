// The history store against real databases: a SQLite file in a temp dir always, and PostgreSQL
// when DATABASE_URL is set (scripts/with-postgres.sh starts a throwaway server and sets it).
// Each test gets its own SQLite file or PostgreSQL schema, so files and runs never collide.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS, HOUR_MS, windowAverages } from '@/lib/history/math';
import { createHistoryStore, type HistoryStore, type HistoryStoreOptions } from '@/lib/history/store';
import { coinSchema, snapshotSchema, type Coin, type Snapshot } from '@/lib/model/types';
import { networkStats } from '../support/factories';
import { withPgClient } from '../support/pg';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const DATABASE_URL = process.env.DATABASE_URL;

type Backend = {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  setup(): Promise<void>;
  teardown(): Promise<void>;
  /** A fresh, empty database for one test. */
  fresh(): Promise<HistoryStoreOptions>;
  /** Rows in the migrations table of the database behind `options`. */
  migrationsApplied(options: HistoryStoreOptions): Promise<number>;
};

function sqliteBackend(): Backend {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    skip: false,
    async setup() {
      dir = await mkdtemp(join(tmpdir(), 'minerank-history-store-'));
    },
    async teardown() {
      await rm(dir, { recursive: true, force: true });
    },
    async fresh() {
      // A folder that does not exist yet: the store creates it.
      return { databaseUrl: null, sqliteFile: join(dir, `db-${++n}`, 'history.sqlite') };
    },
    async migrationsApplied(options) {
      const db = new BetterSqlite3(options.sqliteFile, { readonly: true });
      try {
        return (db.prepare('select count(*) as n from kysely_migration').get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
  };
}

function postgresBackend(): Backend {
  const prefix = `history_test_${process.pid}_${Date.now().toString(36)}`;
  const schemas: string[] = [];
  const withClient = <T,>(fn: (client: pg.Client) => Promise<T>) => withPgClient(DATABASE_URL!, fn);
  // The schema goes in the URL (libpq's `options`), so the store under test needs no extra setting.
  const urlFor = (schema: string) => {
    const url = new URL(DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  };
  return {
    name: 'postgres',
    skip: !DATABASE_URL,
    async setup() {},
    async teardown() {
      if (schemas.length === 0) return;
      await withClient((c) => c.query(`drop schema if exists ${schemas.join(', ')} cascade`));
    },
    async fresh() {
      const schema = `${prefix}_${schemas.length + 1}`;
      schemas.push(schema);
      await withClient((c) => c.query(`create schema ${schema}`));
      return { databaseUrl: urlFor(schema), sqliteFile: '/nonexistent/unused.sqlite' };
    },
    async migrationsApplied(options) {
      const schema = new URL(options.databaseUrl!).searchParams.get('options')!.split('=')[1]!;
      const { rows } = await withClient((c) => c.query(`select count(*)::int as n from ${schema}.kysely_migration`));
      return (rows[0] as { n: number }).n;
    },
  };
}

/** A live snapshot taken at `at` (its only source fetched then), with the given coins. */
function snapshotAt(at: number, coins: Array<Partial<Coin> & { tag: string }>, mode: Snapshot['mode'] = 'live'): Snapshot {
  const iso = new Date(at).toISOString();
  return snapshotSchema.parse({
    asOf: iso,
    mode,
    stale: false,
    btcUsd: 60_000,
    eurPerUsd: null,
    rentals: [],
    sources: [{ id: 'whattomine-gpu', name: 'WhatToMine', url: 'https://whattomine.com', ok: true, fetchedAt: iso, error: null, stale: false, coins: coins.length }],
    coins: coins.map(({ tag, ...overrides }) =>
      coinSchema.parse({
        ...networkStats(tag, { priceUsd: 0.02, volume24hUsd: 1e6, emissionPerDay: 3.6e6, updatedAt: new Date(at - 60_000).toISOString() }),
        workFactor: 2 ** 32,
        source: 'whattomine-gpu',
        priceSource: null,
        impliedNetworkHashrate: null,
        flags: [],
        ...overrides,
      }),
    ),
  });
}

const backends = [sqliteBackend(), postgresBackend()];

for (const backend of backends) {
  const title =
    backend.name === 'postgres' && backend.skip
      ? 'history store on postgres (SKIPPED: DATABASE_URL unset; run under bash scripts/with-postgres.sh)'
      : `history store on ${backend.name}`;

  describe.skipIf(backend.skip)(title, () => {
    const open: HistoryStore[] = [];
    const storeFor = (options: HistoryStoreOptions) => {
      const store = createHistoryStore(options);
      open.push(store);
      return store;
    };
    const freshStore = async () => {
      const options = await backend.fresh();
      return { options, store: storeFor(options) };
    };

    beforeAll(() => backend.setup());
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close().catch(() => undefined)));
    });
    afterAll(() => backend.teardown());

    it('chooses the dialect from the database URL', async () => {
      const { store } = await freshStore();
      expect(store.dialect).toBe(backend.name);
    });

    it('applies the migrations once: migrating again, or from a second instance, is a no-op', async () => {
      const info = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const { options, store } = await freshStore();
      await store.migrate();
      await store.migrate();
      await storeFor(options).migrate();
      // 001 (coin points) and 002 (pool points), each once.
      expect(await backend.migrationsApplied(options)).toBe(2);
      // Logged once, by the instance that applied it.
      expect(info.mock.calls.filter(([line]) => String(line).includes('history_migrated'))).toHaveLength(1);
      info.mockRestore();
    });

    it('records a snapshot and returns it as a series; re-recording it writes nothing', async () => {
      const { store } = await freshStore();
      const snapshot = snapshotAt(NOW - HOUR_MS, [
        { tag: 'RVN', difficulty: 85166, networkHashrate: 6.1e12, priceUsd: 0.021 },
        { tag: 'ERG', algorithm: 'autolykos', difficulty: 1.5e15, priceUsd: null, volume24hUsd: null },
      ]);
      expect(await store.record(snapshot)).toBe(2);
      expect(await store.record(snapshot)).toBe(0);
      expect(await store.record(structuredClone(snapshot))).toBe(0);

      const series = await store.series('RVN', { from: NOW - DAY_MS, to: NOW });
      expect(series).toEqual([
        {
          tag: 'RVN',
          algorithm: 'kawpow',
          at: NOW - HOUR_MS,
          resolution: 'raw',
          samples: 1,
          difficulty: 85166,
          networkHashrate: 6.1e12,
          blockReward: 2500,
          priceUsd: 0.021,
          volume24hUsd: 1e6,
          emissionPerDay: 3.6e6,
          source: 'whattomine-gpu',
          priceSource: null,
          sourceUpdatedAt: NOW - HOUR_MS - 60_000,
          snapshotAsOf: NOW - HOUR_MS,
        },
      ]);
      const erg = await store.series('ERG', { from: NOW - DAY_MS, to: NOW });
      expect(erg).toMatchObject([{ difficulty: 1.5e15, priceUsd: null, volume24hUsd: null }]);
      expect(await store.series('NOPE', { from: 0, to: NOW })).toEqual([]);
    });

    it('does not record the embedded snapshot', async () => {
      const { store } = await freshStore();
      expect(await store.record(snapshotAt(NOW, [{ tag: 'RVN' }], 'embedded'))).toBe(0);
      expect(await store.series('RVN', { from: 0, to: NOW })).toEqual([]);
    });

    it('returns a range (bounds included) oldest first, for one algorithm of a shared tag', async () => {
      const { store } = await freshStore();
      for (const at of [NOW - 3 * HOUR_MS, NOW - HOUR_MS, NOW - 2 * HOUR_MS]) {
        await store.record(snapshotAt(at, [{ tag: 'DGB', algorithm: 'sha256', difficulty: at / 1e9 }]));
      }
      await store.record(snapshotAt(NOW - 30 * 60_000, [{ tag: 'DGB', algorithm: 'scrypt', difficulty: 7 }]));
      const sha = await store.series('DGB', { from: NOW - 3 * HOUR_MS, to: NOW - HOUR_MS, algorithm: 'sha256' });
      expect(sha.map((p) => p.at)).toEqual([NOW - 3 * HOUR_MS, NOW - 2 * HOUR_MS, NOW - HOUR_MS]);
      // Without an algorithm: the one the tag was last recorded with.
      expect((await store.series('DGB', { from: 0, to: NOW })).map((p) => p.difficulty)).toEqual([7]);
    });

    it('averages over 24 h, 3 days and 7 days (hand-worked)', async () => {
      const { store } = await freshStore();
      const points = [
        { at: NOW - 1 * HOUR_MS, difficulty: 100, priceUsd: 1, networkHashrate: 10 }, // 24h, 3d, 7d
        { at: NOW - 20 * HOUR_MS, difficulty: 200, priceUsd: null, networkHashrate: 20 }, // 24h, 3d, 7d
        { at: NOW - 2 * DAY_MS, difficulty: 300, priceUsd: 4, networkHashrate: null }, // 3d, 7d
        { at: NOW - 6 * DAY_MS, difficulty: 1000, priceUsd: 7, networkHashrate: 70 }, // 7d
        { at: NOW - 7 * DAY_MS, difficulty: 99_999, priceUsd: 99, networkHashrate: 99 }, // exactly 7 d old: outside
      ];
      for (const p of points) await store.record(snapshotAt(p.at, [{ tag: 'RVN', ...p }]));
      await store.record(snapshotAt(NOW - HOUR_MS, [{ tag: 'OTHER', difficulty: 5 }]));

      expect(await store.averages('RVN', NOW)).toEqual({
        // difficulty (100+200)/2 = 150; price: the null is skipped → 1; hashrate (10+20)/2 = 15
        '24h': { difficulty: 150, priceUsd: 1, networkHashrate: 15, points: 2 },
        // (100+200+300)/3 = 200; price (1+4)/2 = 2.5; hashrate (10+20)/2 = 15
        '3d': { difficulty: 200, priceUsd: 2.5, networkHashrate: 15, points: 3 },
        // (100+200+300+1000)/4 = 400; price (1+4+7)/3 = 4; hashrate (10+20+70)/3 = 33.33
        '7d': { difficulty: 400, priceUsd: 4, networkHashrate: 100 / 3, points: 4 },
      });
      expect(await store.averages('NOPE', NOW)).toEqual({
        '24h': { difficulty: null, priceUsd: null, networkHashrate: null, points: 0 },
        '3d': { difficulty: null, priceUsd: null, networkHashrate: null, points: 0 },
        '7d': { difficulty: null, priceUsd: null, networkHashrate: null, points: 0 },
      });
    });

    it('computes the same averages in SQL as the pure reference (property)', async () => {
      const { store } = await freshStore();
      const times = fc.sample(fc.integer({ min: 1, max: 8 * 24 * 12 }), { numRuns: 60, seed: 42 });
      const values = fc.sample(fc.option(fc.double({ min: 1, max: 1e6, noNaN: true }), { nil: null }), { numRuns: 60, seed: 7 });
      const distinct = [...new Set(times)].map((step, i) => ({ at: NOW - step * 5 * 60_000, difficulty: values[i] ?? null }));
      for (const p of distinct) await store.record(snapshotAt(p.at, [{ tag: 'RVN', ...p }]));
      const expected = windowAverages(await store.series('RVN', { from: 0, to: NOW }), NOW);
      const actual = await store.averages('RVN', NOW);
      for (const window of ['24h', '3d', '7d'] as const) {
        expect(actual[window].points).toBe(expected[window].points);
        if (expected[window].difficulty === null) expect(actual[window].difficulty).toBeNull();
        else expect(actual[window].difficulty).toBeCloseTo(expected[window].difficulty!, 6);
      }
    });

    it('gives the difficulty volatility over 24 h (hand-worked CV)', async () => {
      const { store } = await freshStore();
      // 90, 100, 110 → mean 100, population σ = √(200/3) = 8.165 → CV 0.08165; the 2-day-old 500 is outside.
      for (const [ago, difficulty] of [[2 * DAY_MS, 500], [3 * HOUR_MS, 90], [2 * HOUR_MS, 100], [HOUR_MS, 110]] as const) {
        await store.record(snapshotAt(NOW - ago, [{ tag: 'RVN', difficulty }]));
      }
      const { cv, points } = await store.volatility('RVN', NOW);
      expect(points).toBe(3);
      expect(cv).toBeCloseTo(0.08165, 5);
      // Two points in the last 2.5 h: too few.
      expect(await store.volatility('RVN', NOW, 2.5 * HOUR_MS)).toEqual({ cv: null, points: 2 });
    });

    it('compacts: raw points older than 7 days become hourly averages, hourly points older than a year go', async () => {
      const { store } = await freshStore();
      const oldHour = NOW - 8 * DAY_MS; // a whole hour, 8 days ago
      for (const [minutes, difficulty] of [[0, 90], [20, 100], [40, 110]] as const) {
        await store.record(snapshotAt(oldHour + minutes * 60_000, [{ tag: 'RVN', difficulty }]));
      }
      await store.record(snapshotAt(NOW - DAY_MS, [{ tag: 'RVN', difficulty: 123 }]));
      // A 400-day-old point, first folded into an hourly point (as a compaction 100 days ago did).
      await store.record(snapshotAt(NOW - 400 * DAY_MS, [{ tag: 'RVN', difficulty: 1 }]));
      expect(await store.compact(NOW - 100 * DAY_MS)).toEqual({ downsampled: 1, deleted: 0 });
      expect(await store.series('RVN', { from: 0, to: NOW - 399 * DAY_MS })).toMatchObject([{ resolution: 'hour', difficulty: 1 }]);

      expect(await store.compact(NOW)).toEqual({ downsampled: 3, deleted: 1 });
      const series = await store.series('RVN', { from: 0, to: NOW });
      expect(series.map(({ at, resolution, samples, difficulty }) => ({ at, resolution, samples, difficulty }))).toEqual([
        { at: oldHour, resolution: 'hour', samples: 3, difficulty: 100 }, // (90+100+110)/3
        { at: NOW - DAY_MS, resolution: 'raw', samples: 1, difficulty: 123 },
      ]);
      // Nothing left to do: compaction is idempotent.
      expect(await store.compact(NOW)).toEqual({ downsampled: 0, deleted: 0 });

      // A late raw point for the folded hour merges with its hourly point: (3×100 + 200)/4 = 125.
      await store.record(snapshotAt(oldHour + 50 * 60_000, [{ tag: 'RVN', difficulty: 200 }]));
      expect(await store.compact(NOW)).toEqual({ downsampled: 1, deleted: 0 });
      expect(await store.series('RVN', { from: oldHour, to: oldHour + HOUR_MS })).toMatchObject([
        { at: oldHour, resolution: 'hour', samples: 4, difficulty: 125 },
      ]);
    });

    it('keeps the raw points of the hour that straddles the 7-day line', async () => {
      const { store } = await freshStore();
      const straddling = Math.floor((NOW - 7 * DAY_MS + 30 * 60_000) / HOUR_MS) * HOUR_MS;
      await store.record(snapshotAt(straddling + 1000, [{ tag: 'RVN' }]));
      const now = straddling + 7 * DAY_MS + 30 * 60_000; // the 7-day line falls inside that hour
      expect(await store.compact(now)).toEqual({ downsampled: 0, deleted: 0 });
    });

    it('still has the history after a restart (a new store on the same database)', async () => {
      const { options, store } = await freshStore();
      await store.record(snapshotAt(NOW - HOUR_MS, [{ tag: 'RVN', difficulty: 42 }]));
      await store.close();
      const restarted = storeFor(options);
      expect((await restarted.series('RVN', { from: 0, to: NOW })).map((p) => p.difficulty)).toEqual([42]);
      expect(await restarted.record(snapshotAt(NOW - HOUR_MS, [{ tag: 'RVN', difficulty: 42 }]))).toBe(0);
    });
  });
}

describe('history store failures', () => {
  it('rejects (for the recorder to retry) when the SQLite file cannot be created, and works once it can', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dir = await mkdtemp(join(tmpdir(), 'minerank-history-fail-'));
    const blocker = join(dir, 'data');
    await writeFile(blocker, 'a file where the data folder should be');
    const store = createHistoryStore({ sqliteFile: join(blocker, 'history.sqlite') });
    try {
      await expect(store.record(snapshotAt(NOW, [{ tag: 'RVN' }]))).rejects.toThrow(/EEXIST|ENOTDIR/);
      await rm(blocker);
      expect(await store.record(snapshotAt(NOW, [{ tag: 'RVN' }]))).toBe(1);
    } finally {
      await store.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      error.mockRestore();
    }
  });
});
