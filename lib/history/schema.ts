// The history database: one table of per-coin points, the same in SQLite and PostgreSQL.
// Times are epoch milliseconds in a BIGINT (INTEGER affinity in SQLite), the one time type both
// dialects store and compare identically; figures are DOUBLE PRECISION (REAL in SQLite).
import { sql, type Generated, type Kysely, type Migration } from 'kysely';

export type Resolution = 'raw' | 'hour';

export interface CoinPointsTable {
  id: Generated<number>;
  tag: string;
  algorithm: string;
  /** Epoch ms: when the figures were observed (raw), or the hour's start (hour). */
  at: number;
  resolution: Resolution;
  /** How many raw observations this row stands for: 1 for raw, the hour's count for hour. */
  samples: number;
  difficulty: number | null;
  network_hashrate: number | null;
  block_reward: number | null;
  price_usd: number | null;
  volume_24h_usd: number | null;
  emission_per_day: number | null;
  /** Where the network figures came from (a SourceId), and the price. */
  source: string;
  price_source: string | null;
  /** Epoch ms: the upstream's own timestamp for the coin's figures, when it gives one. */
  source_updated_at: number | null;
  /** Epoch ms: the snapshot's asOf. */
  snapshot_as_of: number;
}

/** One pool's figures at one fetch of its site (lib/history/pools.ts). */
export interface PoolPointsTable {
  id: Generated<number>;
  tag: string;
  source_id: string;
  /** '' where the site runs one pool per coin. */
  pool_id: string;
  /** Epoch ms: when the site was asked. */
  at: number;
  pool_hashrate: number | null;
  network_share: number | null;
  fee_percent: number | null;
  miners: number | null;
  blocks_24h: number | null;
}

export interface Database {
  coin_points: CoinPointsTable;
  pool_points: PoolPointsTable;
}

export type Dialect = 'sqlite' | 'postgres';

/** The migrations, in order of name; only the surrogate key's type differs between dialects. */
export function historyMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '001_create_coin_points': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('coin_points')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (col) => col.primaryKey())
          .addColumn('tag', 'text', (col) => col.notNull())
          .addColumn('algorithm', 'text', (col) => col.notNull())
          .addColumn('at', 'bigint', (col) => col.notNull())
          .addColumn('resolution', 'text', (col) => col.notNull().check(sqlIn('resolution', ['raw', 'hour'])))
          .addColumn('samples', 'integer', (col) => col.notNull().defaultTo(1))
          .addColumn('difficulty', 'double precision')
          .addColumn('network_hashrate', 'double precision')
          .addColumn('block_reward', 'double precision')
          .addColumn('price_usd', 'double precision')
          .addColumn('volume_24h_usd', 'double precision')
          .addColumn('emission_per_day', 'double precision')
          .addColumn('source', 'text', (col) => col.notNull())
          .addColumn('price_source', 'text')
          .addColumn('source_updated_at', 'bigint')
          .addColumn('snapshot_as_of', 'bigint', (col) => col.notNull())
          // Re-recording the same observation is a no-op (ON CONFLICT DO NOTHING on this key).
          .addUniqueConstraint('coin_points_key', ['tag', 'algorithm', 'resolution', 'at'])
          .execute();
        await db.schema.createIndex('coin_points_tag_at').on('coin_points').columns(['tag', 'at']).execute();
        // Compaction scans by resolution and age across all coins.
        await db.schema.createIndex('coin_points_resolution_at').on('coin_points').columns(['resolution', 'at']).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('coin_points').execute();
      },
    },
    '002_create_pool_points': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('pool_points')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (col) => col.primaryKey())
          .addColumn('tag', 'text', (col) => col.notNull())
          .addColumn('source_id', 'text', (col) => col.notNull())
          .addColumn('pool_id', 'text', (col) => col.notNull())
          .addColumn('at', 'bigint', (col) => col.notNull())
          .addColumn('pool_hashrate', 'double precision')
          .addColumn('network_share', 'double precision')
          .addColumn('fee_percent', 'double precision')
          .addColumn('miners', 'double precision')
          .addColumn('blocks_24h', 'double precision')
          // A stale pool repeats its last fetch time: recording it again is a no-op.
          .addUniqueConstraint('pool_points_key', ['tag', 'source_id', 'pool_id', 'at'])
          .execute();
        await db.schema.createIndex('pool_points_tag_at').on('pool_points').columns(['tag', 'at']).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('pool_points').execute();
      },
    },
  };
}

/** A CHECK expression `column in ('a', 'b')`, written with literals so both dialects accept it. */
function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
