// The history store: per-coin points in SQLite (an embedded file, the default) or PostgreSQL
// (when a DATABASE_URL is given), through kysely with the same schema, migrations and plain
// queries in both. The arithmetic lives in ./math so the SQL stays dialect-neutral.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Expression, type Insertable, type Selectable } from 'kysely';
import pg from 'pg';
import { log } from '../log';
import {
  AVERAGE_WINDOW_MS,
  DAY_MS,
  HOUR_MS,
  HOURLY_RETENTION_MS,
  RAW_RETENTION_MS,
  difficultyVolatility,
  downsampleHourly,
  hourStart,
  preferRaw,
  snapshotPoints,
  type AverageWindow,
  type Avg,
  type HistoryPoint,
  type StoredPoint,
} from './math';
import { historyMigrations, type CoinPointsTable, type Database, type Dialect, type Resolution } from './schema';
import { AVERAGE_WINDOWS, type Snapshot } from '../types';

export type { Avg, HistoryPoint } from './math';

export type HistoryStoreOptions = {
  /** postgres://… to use PostgreSQL; unset, null or empty for the embedded SQLite file. */
  databaseUrl?: string | null;
  /** The SQLite file (its folder is created); ignored when databaseUrl is set. */
  sqliteFile: string;
};

export type HistoryStore = {
  readonly dialect: Dialect;
  /** Applies pending migrations; idempotent. Every other method runs it first if it has not succeeded yet. */
  migrate(): Promise<void>;
  /** Records a live snapshot (one raw point per coin); returns the rows written. Embedded snapshots write nothing. */
  record(snapshot: Snapshot): Promise<number>;
  /**
   * A coin's points with from ≤ at ≤ to, oldest first, raw and hourly, raw preferred within an
   * hour. `algorithm` picks one of several coins sharing a tag; by default the tag's latest recorded one.
   */
  series(tag: string, range: { from: number; to: number; algorithm?: string }): Promise<HistoryPoint[]>;
  /** Plain means over the last 24 h / 3 days / 7 days up to now (now − window < at ≤ now). */
  averages(tag: string, now: number, algorithm?: string): Promise<Record<AverageWindow, Avg>>;
  /** Coefficient of variation (population) of difficulty over the window; null with fewer than 3 points. */
  volatility(tag: string, now: number, windowMs?: number, algorithm?: string): Promise<{ cv: number | null; points: number }>;
  /**
   * Retention: points (of any resolution) older than 365 days are deleted; raw points in whole hours
   * older than 7 days become one hourly point per coin per hour (the hour's means), one transaction per hour.
   */
  compact(now: number): Promise<{ downsampled: number; deleted: number }>;
  close(): Promise<void>;
};

export class HistoryStoreError extends Error {
  override name = 'HistoryStoreError';
}

/** Rows per INSERT: 15 bound columns × 100 stays far under both parameter limits and keeps each statement short. */
const INSERT_CHUNK = 100;
const DELETE_CHUNK = 500;
const KEY_COLUMNS = ['tag', 'algorithm', 'resolution', 'at'] as const;

export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  const databaseUrl = options.databaseUrl?.trim() || null;
  const dialect: Dialect = databaseUrl ? 'postgres' : 'sqlite';
  const db = new Kysely<Database>({
    dialect: databaseUrl ? new PostgresDialect({ pool: createPool(databaseUrl) }) : sqliteDialect(options.sqliteFile),
  });

  // better-sqlite3 runs each query synchronously and kysely awaits only microtasks between them, so
  // a burst of calls (averages for every coin) would hold the event loop, and every page, until all
  // finish. Each call waits for its own turn of the loop instead: one call per turn, in call order.
  let lane: Promise<void> = Promise.resolve();
  const turn = (): Promise<void> => {
    if (dialect !== 'sqlite') return Promise.resolve();
    lane = lane.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    return lane;
  };
  /** Inside a transaction: let the loop breathe between statements (others wait on the connection, asynchronously). */
  const pause = (): Promise<void> =>
    dialect === 'sqlite' ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve();

  let migrated: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    migrated ??= runMigrations(db, dialect).catch((error: unknown) => {
      migrated = null; // a later call tries again (the database may come back)
      throw error;
    });
    return migrated;
  };

  /** Rows of one coin: the given algorithm, else the one the tag was last recorded with (a subquery). */
  const coinRows = (tag: string, algorithm: string | undefined) => {
    const latestAlgorithm = db
      .selectFrom('coin_points as latest')
      .select('latest.algorithm')
      .where('latest.tag', '=', tag)
      .orderBy('latest.at', 'desc')
      .limit(1);
    return db
      .selectFrom('coin_points')
      .where('tag', '=', tag)
      .where('algorithm', '=', algorithm ?? latestAlgorithm);
  };

  async function rows(tag: string, from: number, to: number, algorithm?: string): Promise<HistoryPoint[]> {
    await ready();
    await turn();
    const found = await coinRows(tag, algorithm)
      .selectAll()
      .where('at', '>=', Math.ceil(from))
      .where('at', '<=', Math.floor(to))
      .orderBy('at')
      .execute();
    return preferRaw(found.map(fromRow));
  }

  return {
    dialect,
    migrate: ready,

    async record(snapshot) {
      const points = snapshotPoints(snapshot);
      if (points.length === 0) return 0;
      await ready();
      await turn();
      return db.transaction().execute(async (trx) => {
        let written = 0;
        for (let i = 0; i < points.length; i += INSERT_CHUNK) {
          if (i > 0) await pause();
          const result = await trx
            .insertInto('coin_points')
            .values(points.slice(i, i + INSERT_CHUNK).map(toRow))
            .onConflict((oc) => oc.columns(KEY_COLUMNS).doNothing())
            .executeTakeFirst();
          written += Number(result.numInsertedOrUpdatedRows ?? 0);
        }
        return written;
      });
    },

    series: (tag, range) => rows(tag, range.from, range.to, range.algorithm),

    async averages(tag, now, algorithm) {
      await ready();
      await turn();
      const end = Math.floor(now);
      // One query for the three windows: AVG skips NULLs, COUNT(CASE …) counts the window's rows.
      const row = (await coinRows(tag, algorithm)
        .where('at', '>', end - Math.max(...Object.values(AVERAGE_WINDOW_MS)))
        .where('at', '<=', end)
        .select((eb) =>
          AVERAGE_WINDOWS.flatMap((window) => {
            const inWindow = <V>(value: Expression<V>) => eb.case().when('at', '>', end - AVERAGE_WINDOW_MS[window]).then(value).end();
            return [
              eb.fn.count(inWindow(eb.lit(1))).as(`points_${window}`),
              eb.fn.avg(inWindow(eb.ref('difficulty'))).as(`difficulty_${window}`),
              eb.fn.avg(inWindow(eb.ref('price_usd'))).as(`price_usd_${window}`),
              eb.fn.avg(inWindow(eb.ref('network_hashrate'))).as(`network_hashrate_${window}`),
            ];
          }),
        )
        .executeTakeFirst()) as Record<string, number | string | bigint | null> | undefined;
      const value = (key: string) => (row?.[key] == null ? null : Number(row[key]));
      return Object.fromEntries(
        AVERAGE_WINDOWS.map((window) => [
          window,
          {
            difficulty: value(`difficulty_${window}`),
            priceUsd: value(`price_usd_${window}`),
            networkHashrate: value(`network_hashrate_${window}`),
            points: value(`points_${window}`) ?? 0,
          },
        ]),
      ) as Record<AverageWindow, Avg>;
    },

    async volatility(tag, now, windowMs = DAY_MS, algorithm) {
      await ready();
      await turn();
      const end = Math.floor(now);
      const found = await coinRows(tag, algorithm)
        .select(['at', 'resolution', 'difficulty'])
        .where('at', '>', end - Math.ceil(windowMs))
        .where('at', '<=', end)
        .execute();
      const points = found.map((r) => ({ at: Number(r.at), resolution: r.resolution, difficulty: num(r.difficulty) }));
      return difficultyVolatility(points, end, windowMs);
    },

    async compact(at) {
      await ready();
      const now = Math.floor(at); // BIGINT comparisons in PostgreSQL need whole numbers
      await turn();
      const deleted = await db.deleteFrom('coin_points').where('at', '<', now - HOURLY_RETENTION_MS).executeTakeFirst();
      // Only whole hours are folded, so an hour is never split between a raw and an hourly point.
      const rawCutoff = hourStart(now - RAW_RETENTION_MS);
      let downsampled = 0;
      for (;;) {
        await turn();
        // One hour of all coins per transaction: each step is atomic (its raw rows become its hourly
        // rows, or nothing changes), a long backlog never sits in memory or holds the database at once,
        // and an interrupted compaction simply resumes next time.
        const folded = await db.transaction().execute(async (trx) => {
          const oldest = await trx
            .selectFrom('coin_points')
            .select('at')
            .where('resolution', '=', 'raw')
            .where('at', '<', rawCutoff)
            .orderBy('at')
            .limit(1)
            .executeTakeFirst();
          if (!oldest) return 0;
          const from = hourStart(Number(oldest.at));
          const inHour = (resolution: Resolution) =>
            trx
              .selectFrom('coin_points')
              .selectAll()
              .where('resolution', '=', resolution)
              .where('at', '>=', from)
              .where('at', '<', from + HOUR_MS)
              .execute();
          const raw = await inHour('raw');
          // Late raw points for an hour already folded merge with its hourly point.
          const coins = new Set(raw.map((row) => `${row.tag}\u0000${row.algorithm}`));
          const existing = (await inHour('hour')).filter((row) => coins.has(`${row.tag}\u0000${row.algorithm}`));
          const both = [...raw, ...existing];
          const hourly = downsampleHourly(both.map(fromRow));
          const ids = both.map((row) => row.id);
          for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
            await pause();
            await trx.deleteFrom('coin_points').where('id', 'in', ids.slice(i, i + DELETE_CHUNK)).execute();
          }
          for (let i = 0; i < hourly.length; i += INSERT_CHUNK) {
            await pause();
            await trx.insertInto('coin_points').values(hourly.slice(i, i + INSERT_CHUNK).map(toRow)).execute();
          }
          return raw.length;
        });
        if (folded === 0) break;
        downsampled += folded;
      }
      return { downsampled, deleted: Number(deleted.numDeletedRows) };
    },

    async close() {
      await db.destroy();
    },
  };
}

function sqliteDialect(file: string): SqliteDialect {
  return new SqliteDialect({
    // Opened on first use, so a bad path surfaces as a failed (retried) write, not a crash at import.
    database: async () => {
      mkdirSync(dirname(file), { recursive: true });
      const database = new BetterSqlite3(file, { timeout: 5000 });
      // WAL: readers never wait for the writer, and another process (a second server) can share the file.
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      return database;
    },
  });
}

function createPool(connectionString: string): pg.Pool {
  // BIGINT (epoch ms, counts) as a JS number, not pg's default string: epoch ms fit 2^53 exactly.
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;
  const pool = new pg.Pool({ connectionString, max: 4, types: { getTypeParser } });
  // An idle client losing its connection (a server restart) must not crash the process.
  pool.on('error', (error) => log('warn', 'history_pool_error', { error: error.message }));
  return pool;
}

async function runMigrations(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  // PostgreSQL: name the schema the tables go in (search_path's first). Without it kysely's Migrator
  // takes a kysely_migration table in *any* schema of the database as its own and skips creating one.
  let migrationTableSchema: string | undefined;
  if (dialect === 'postgres') {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
    if (!migrationTableSchema) throw new HistoryStoreError('History database has no current schema (check search_path)');
  }
  const migrator = new Migrator({
    db,
    migrationTableSchema,
    provider: { getMigrations: async () => historyMigrations(dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length > 0) log('info', 'history_migrated', { dialect, applied });
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    log('error', 'history_migration_failed', { dialect, error: message });
    throw new HistoryStoreError(`History migration failed: ${message}`);
  }
}

function toRow(p: StoredPoint): Insertable<CoinPointsTable> {
  return {
    tag: p.tag,
    algorithm: p.algorithm,
    at: p.at,
    resolution: p.resolution,
    samples: p.samples,
    difficulty: p.difficulty,
    network_hashrate: p.networkHashrate,
    block_reward: p.blockReward,
    price_usd: p.priceUsd,
    volume_24h_usd: p.volume24hUsd,
    emission_per_day: p.emissionPerDay,
    source: p.source,
    price_source: p.priceSource,
    source_updated_at: p.sourceUpdatedAt,
    snapshot_as_of: p.snapshotAsOf,
  };
}

const num = (value: number | null): number | null => (value === null ? null : Number(value));

function fromRow(row: Selectable<CoinPointsTable>): StoredPoint {
  return {
    tag: row.tag,
    algorithm: row.algorithm,
    at: Number(row.at),
    resolution: row.resolution,
    samples: Number(row.samples),
    difficulty: num(row.difficulty),
    networkHashrate: num(row.network_hashrate),
    blockReward: num(row.block_reward),
    priceUsd: num(row.price_usd),
    volume24hUsd: num(row.volume_24h_usd),
    emissionPerDay: num(row.emission_per_day),
    source: row.source,
    priceSource: row.price_source,
    sourceUpdatedAt: num(row.source_updated_at),
    snapshotAsOf: Number(row.snapshot_as_of),
  };
}
