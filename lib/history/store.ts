// The history store: per-coin points in SQLite (an embedded file, the default) or PostgreSQL
// (when a DATABASE_URL is given), through kysely with the same schema, migrations and plain
// queries in both. The arithmetic lives in ./math so the SQL stays dialect-neutral.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Expression, type Insertable, type Selectable } from 'kysely';
import pg from 'pg';
import { log } from '@/lib/infra/log';
import { createOutageLog, errorMessage } from '@/lib/infra/outage';
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
import { snapshotPoolPoints, type PoolPoint } from './pools';
import { AVERAGE_WINDOWS, type Snapshot } from '@/lib/model/types';

export type { Avg, HistoryPoint } from './math';

export type HistoryStoreOptions = {
  /** postgres://… to use PostgreSQL; unset, null or empty for the embedded SQLite file. */
  databaseUrl?: string | null;
  /** The SQLite file (its folder is created); ignored when databaseUrl is set. */
  sqliteFile: string;
  /** While the database is down, reads reject at once except one probe this often (ms); default 2000. */
  readProbeMs?: number;
};

export type HistoryStore = {
  readonly dialect: Dialect;
  /** Whether the database answers: every query reports to it, and it logs an outage once (see createHistoryHealth). */
  readonly health: HistoryHealth;
  /** Applies pending migrations; idempotent. Every other method runs it first if it has not succeeded yet. */
  migrate(): Promise<void>;
  /**
   * Records a live snapshot (one raw point per coin, and one per freshly fetched pool); returns the
   * coin rows written. Embedded snapshots write nothing.
   */
  record(snapshot: Snapshot): Promise<number>;
  /** A coin's pool points with from ≤ at ≤ to, oldest first. */
  poolPoints(tag: string, range: { from: number; to: number }): Promise<PoolPoint[]>;
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

/**
 * The history database's availability as its callers saw it, so an outage is logged once however
 * many queries, retries and instances' pages run into it: the first failure logs
 * `history_db_unavailable` (warn, with the error), later ones are only counted, and the first
 * success after it logs `history_db_rejoined` (info, with how long and how many). An operation is
 * only evidence about the state when it began after the last change: a read that started before
 * the server went away and still succeeds does not end the outage just logged.
 */
export type HistoryHealth = {
  /** Runs one database operation and reports its outcome; resolves or rejects as it does. */
  track<T>(op: string, run: () => Promise<T>): Promise<T>;
  /** A failure seen outside any operation (a pooled idle connection lost). */
  failed(op: string, error: unknown): void;
  /** Counts a snapshot lost to an outage: true for the first one of the outage (worth a line of its own), else false. */
  dropped(): boolean;
  /** True from a failure until the next success. */
  readonly down: boolean;
};

export function createHistoryHealth(fields: Record<string, unknown> = {}, now: () => number = Date.now): HistoryHealth {
  const outage = createOutageLog('history_db', fields, now);
  let dropped = 0;
  let clock = 0; // orders operations' starts against state changes
  let changedAt = 0;
  const failed = (op: string, error: unknown, startedAt: number) => {
    if (!outage.down && startedAt < changedAt) return; // began while the previous outage was on: old news
    if (outage.failed(error, { op })) {
      dropped = 0;
      changedAt = ++clock;
    }
  };
  const succeeded = (op: string, startedAt: number) => {
    if (!outage.down || startedAt < changedAt) return;
    outage.succeeded({ op, dropped });
    changedAt = ++clock;
  };
  return {
    async track(op, run) {
      const startedAt = ++clock;
      try {
        const result = await run();
        succeeded(op, startedAt);
        return result;
      } catch (error) {
        failed(op, error, startedAt);
        throw error;
      }
    },
    failed: (op, error) => failed(op, error, ++clock),
    dropped() {
      if (!outage.down) return true;
      return ++dropped === 1;
    },
    get down() {
      return outage.down;
    },
  };
}


/** Rows per INSERT: 15 bound columns × 100 stays far under both parameter limits and keeps each statement short. */
const INSERT_CHUNK = 100;
const DELETE_CHUNK = 500;
const KEY_COLUMNS = ['tag', 'algorithm', 'resolution', 'at'] as const;

export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  const databaseUrl = options.databaseUrl?.trim() || null;
  const dialect: Dialect = databaseUrl ? 'postgres' : 'sqlite';
  const health = createHistoryHealth({ dialect });
  const db = new Kysely<Database>({
    dialect: databaseUrl ? new PostgresDialect({ pool: createPool(databaseUrl, health) }) : sqliteDialect(options.sqliteFile),
  });

  // While the database is down a page's reads must not each wait for it (a server that stopped
  // answering holds every query until the connection times out): they reject at once, and callers
  // show no history. One read goes through every readProbeMs to notice it is back; the recorder's
  // retried writes do too.
  const readProbeMs = options.readProbeMs ?? 2000;
  let lastReadAt = Number.NEGATIVE_INFINITY;
  const read = <T>(op: string, run: () => Promise<T>): Promise<T> => {
    const at = Date.now();
    if (health.down && at - lastReadAt < readProbeMs) {
      return Promise.reject(new HistoryStoreError('History database unavailable: read skipped until it answers again'));
    }
    lastReadAt = at; // the read that finds the database gone counts as the first probe
    return health.track(op, run);
  };

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
    migrated ??= runMigrations(db, dialect, () => health.down).catch((error: unknown) => {
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

  const rows = (tag: string, from: number, to: number, algorithm?: string): Promise<HistoryPoint[]> =>
    read('series', async () => {
      await ready();
      await turn();
      const found = await coinRows(tag, algorithm)
        .selectAll()
        .where('at', '>=', Math.ceil(from))
        .where('at', '<=', Math.floor(to))
        .orderBy('at')
        .execute();
      return preferRaw(found.map(fromRow));
    });

  return {
    dialect,
    health,
    migrate: () => health.track('migrate', ready),

    async record(snapshot) {
      const points = snapshotPoints(snapshot);
      const pools = snapshotPoolPoints(snapshot);
      if (points.length === 0) return 0;
      return health.track('record', async () => {
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
          for (let i = 0; i < pools.length; i += INSERT_CHUNK) {
            await pause();
            await trx
              .insertInto('pool_points')
              .values(pools.slice(i, i + INSERT_CHUNK).map(toPoolRow))
              .onConflict((oc) => oc.columns(['tag', 'source_id', 'pool_id', 'at']).doNothing())
              .execute();
          }
          return written;
        });
      });
    },

    series: (tag, range) => rows(tag, range.from, range.to, range.algorithm),

    poolPoints: (tag, range) =>
      read('pool_points', async () => {
        await ready();
        await turn();
        const found = await db
          .selectFrom('pool_points')
          .selectAll()
          .where('tag', '=', tag)
          .where('at', '>=', Math.floor(range.from))
          .where('at', '<=', Math.floor(range.to))
          .orderBy('at')
          .orderBy('source_id')
          .orderBy('pool_id')
          .execute();
        return found.map((row) => ({
          tag: row.tag,
          sourceId: row.source_id,
          poolId: row.pool_id,
          at: Number(row.at),
          poolHashrate: row.pool_hashrate,
          networkShare: row.network_share,
          feePercent: row.fee_percent,
          miners: row.miners,
          blocks24h: row.blocks_24h,
        }));
      }),

    averages: (tag, now, algorithm) =>
      read('averages', async () => {
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
      }),

    volatility: (tag, now, windowMs = DAY_MS, algorithm) =>
      read('volatility', async () => {
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
      }),

    // Not tracked in health: an hourly chore run after a write (whose outcome already told health),
    // its failures are the recorder's history_compact_failed.
    async compact(at) {
      await ready();
      const now = Math.floor(at); // BIGINT comparisons in PostgreSQL need whole numbers
      await turn();
      const deleted = await db.deleteFrom('coin_points').where('at', '<', now - HOURLY_RETENTION_MS).executeTakeFirst();
      await db.deleteFrom('pool_points').where('at', '<', now - HOURLY_RETENTION_MS).execute();
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

export function sqliteDialect(file: string): SqliteDialect {
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

export function createPool(connectionString: string, health: HistoryHealth): pg.Pool {
  // BIGINT (epoch ms, counts) as a JS number, not pg's default string: epoch ms fit 2^53 exactly.
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    types: { getTypeParser },
    // A server that stops answering (not refusing) would otherwise hold each query, and the page
    // waiting on it, until TCP gives up: a connection (or a free pooled one) in 5 s, else an error.
    connectionTimeoutMillis: 5000,
    keepAlive: true,
  });
  // An idle client losing its connection (a server restart) must not crash the process; it is
  // the outage's first sign, logged once with the rest of it.
  pool.on('error', (error) => health.failed('connection', error));
  return pool;
}

/** How long an instance waits for another's migration (a stuck holder) before failing, to retry later. */
const MIGRATION_LOCK_TIMEOUT_MS = 60_000;

/**
 * The advisory lock (PostgreSQL's two-int4 key space, apart from kysely's own bigint lock) taken
 * around migrating one schema: derived from the schema's name, so instances migrating the same
 * schema take turns and different schemas (parallel test runs, two apps) never wait for each other.
 */
export function migrationLockKey(schema: string): [number, number] {
  const digest = createHash('sha256').update(`minerank:history:migrate:${schema}`).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}

async function runMigrations(db: Kysely<Database>, dialect: Dialect, quiet: () => boolean): Promise<void> {
  if (dialect === 'sqlite') return migrateToLatest(db, dialect, undefined, quiet);
  // Several instances start together against one PostgreSQL. kysely's Migrator takes a
  // database-wide advisory lock of its own, but only around applying the migrations: it creates its
  // kysely_migration and kysely_migration_lock tables (and lock row) before that, check-then-create,
  // relying on catching the loser's error. So the whole step runs under our lock instead, held on a
  // dedicated connection (session-level; PostgreSQL frees it if the connection dies) while the
  // Migrator works on the pool's others: one instance migrates, the rest find nothing to do.
  return db.connection().execute(async (conn) => {
    // Name the schema the tables go in (search_path's first). Without it kysely's Migrator takes a
    // kysely_migration table in *any* schema of the database as its own and skips creating one.
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(conn);
    const schema = rows[0]?.schema;
    if (!schema) throw new HistoryStoreError('History database has no current schema (check search_path)');
    const [classId, objectId] = migrationLockKey(schema);
    // lock_timeout set for this one statement (is_local in its implicit transaction), as kysely does.
    await sql`
      with timeout as (select set_config('lock_timeout', ${String(MIGRATION_LOCK_TIMEOUT_MS)}, true))
      select pg_advisory_lock(${classId}, ${objectId}) from timeout`.execute(conn);
    try {
      await migrateToLatest(db, dialect, schema, quiet);
    } finally {
      // A broken connection cannot unlock, but then the server has already released the lock.
      await sql`select pg_advisory_unlock(${classId}, ${objectId})`.execute(conn).catch(() => undefined);
    }
  });
}

async function migrateToLatest(
  db: Kysely<Database>,
  dialect: Dialect,
  migrationTableSchema: string | undefined,
  quiet: () => boolean,
): Promise<void> {
  const migrator = new Migrator({
    db,
    migrationTableSchema,
    provider: { getMigrations: async () => historyMigrations(dialect) },
  });
  const { error, results } = await migrator.migrateToLatest();
  // Only the instance that applied something says so: the others found the migrations done.
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (applied.length > 0) log('info', 'history_migrated', { dialect, applied });
  if (error) {
    const message = errorMessage(error);
    // Once per outage: while the database is known to be down, the outage's line says it all.
    if (!quiet()) log('error', 'history_migration_failed', { dialect, error: message });
    throw new HistoryStoreError(`History migration failed: ${message}`);
  }
}

function toPoolRow(p: PoolPoint): Insertable<Database['pool_points']> {
  return {
    tag: p.tag,
    source_id: p.sourceId,
    pool_id: p.poolId,
    at: Math.floor(p.at),
    pool_hashrate: p.poolHashrate,
    network_share: p.networkShare,
    fee_percent: p.feePercent,
    miners: p.miners,
    blocks_24h: p.blocks24h,
  };
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
