// Alert rules and their delivery log, in the history database (SQLite by default, PostgreSQL with
// DATABASE_URL), in tables of their own with their own migration table. A rule's id is public (it
// is in its link); its secret is stored only as a SHA-256 hash and compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Kysely, Migrator, PostgresDialect, type Generated, type Migration, type MigrationProvider } from 'kysely';
import { createHistoryHealth, createPool, sqliteDialect, type HistoryHealth } from '@/lib/history/store';
import type { AlertDestination, AlertRule, RuleState } from './rules';

type AlertRulesTable = {
  id: string;
  secret_hash: string;
  rule: string;
  destination: string;
  /** The destination's identity for the per-destination cap (the URL, chat or address). */
  destination_key: string;
  client: string;
  created_at: number;
  /** null while active; 'user' or 'destination-failing' when paused. */
  paused: string | null;
  state: string;
  /** Epoch ms of the first failed delivery of the current failing streak; null when the last one succeeded. */
  failing_since: number | null;
};
type AlertDeliveriesTable = {
  id: Generated<number>;
  rule_id: string;
  at: number;
  /** 'delivered' | 'failed' (an attempt that will be retried) | 'gave-up' | 'refused' (a limit or a closed channel). */
  outcome: string;
  attempt: number;
  detail: string;
};
type AlertsDb = { alert_rules: AlertRulesTable; alert_deliveries: AlertDeliveriesTable };

export type StoredRule = {
  id: string;
  rule: AlertRule;
  destination: AlertDestination;
  createdAt: number;
  paused: string | null;
  state: RuleState;
  failingSince: number | null;
};
export type Delivery = { at: number; outcome: string; attempt: number; detail: string };

const migrations = (postgres: boolean): Record<string, Migration> => ({
  '001_alerts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('alert_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('destination', 'text', (c) => c.notNull())
        .addColumn('destination_key', 'text', (c) => c.notNull())
        .addColumn('client', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('paused', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('failing_since', 'bigint')
        .execute();
      await db.schema.createIndex('alert_rules_destination').on('alert_rules').column('destination_key').execute();
      await db.schema.createIndex('alert_rules_client_created').on('alert_rules').columns(['client', 'created_at']).execute();
      await db.schema
        .createTable('alert_deliveries')
        .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_deliveries_rule_at').on('alert_deliveries').columns(['rule_id', 'at']).execute();
    },
  },
});

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function destinationKey(destination: AlertDestination): string {
  switch (destination.kind) {
    case 'webhook':
    case 'ntfy':
      return `${destination.kind}:${destination.url}`;
    case 'telegram':
      return `telegram:${destination.chatId}`;
    case 'email':
      return `email:${destination.to.toLowerCase()}`;
  }
}

export type AlertStore = ReturnType<typeof createAlertStore>;

/**
 * `health`: the history store's, when both live in one database, so an outage of that database is
 * logged once (history_db_unavailable), not once per store.
 */
export function createAlertStore(options: { databaseUrl?: string | null; sqliteFile: string; health?: HistoryHealth }) {
  const url = options.databaseUrl?.trim() || null;
  const db = new Kysely<AlertsDb>({
    dialect: url ? new PostgresDialect({ pool: createPool(url, options.health ?? createHistoryHealth({ db: 'alerts' })) }) : sqliteDialect(options.sqliteFile),
  });
  let ready: Promise<void> | null = null;
  const migrate = () => {
    ready ??= (async () => {
      const provider: MigrationProvider = { getMigrations: async () => migrations(url !== null) };
      const { error } = await new Migrator({
        db,
        provider,
        migrationTableName: 'alerts_migration',
        migrationLockTableName: 'alerts_migration_lock',
      }).migrateToLatest();
      if (error) throw error instanceof Error ? error : new Error(String(error));
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  const toStored = (row: AlertRulesTable): StoredRule => ({
    id: row.id,
    rule: JSON.parse(row.rule) as AlertRule,
    destination: JSON.parse(row.destination) as AlertDestination,
    createdAt: Number(row.created_at),
    paused: row.paused,
    state: JSON.parse(row.state) as RuleState,
    failingSince: row.failing_since === null ? null : Number(row.failing_since),
  });

  return {
    migrate,
    /** Counts for the abuse limits: rules this client made since `since`, rules to this destination, all rules. */
    async counts(client: string, since: number, destination: AlertDestination) {
      await migrate();
      const one = async (q: Promise<{ n: string | number | bigint } | undefined>) => Number((await q)?.n ?? 0);
      const base = () => db.selectFrom('alert_rules').select((eb) => eb.fn.countAll().as('n'));
      return {
        byClient: await one(base().where('client', '=', client).where('created_at', '>=', since).executeTakeFirst()),
        byDestination: await one(base().where('destination_key', '=', destinationKey(destination)).executeTakeFirst()),
        total: await one(base().executeTakeFirst()),
      };
    },
    async create(rule: AlertRule, destination: AlertDestination, client: string, now: number): Promise<{ id: string; secret: string }> {
      await migrate();
      const id = randomBytes(9).toString('base64url');
      const secret = randomBytes(24).toString('base64url');
      await db
        .insertInto('alert_rules')
        .values({
          id,
          secret_hash: hashSecret(secret),
          rule: JSON.stringify(rule),
          destination: JSON.stringify(destination),
          destination_key: destinationKey(destination),
          client,
          created_at: now,
          paused: null,
          state: JSON.stringify({ holdingSince: null, fired: false }),
          failing_since: null,
        })
        .execute();
      return { id, secret };
    },
    /** The rule when the secret matches (constant-time), else null: a wrong key and an unknown id look the same. */
    async authorized(id: string, secret: string): Promise<StoredRule | null> {
      await migrate();
      const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
      const given = Buffer.from(hashSecret(secret), 'hex');
      const stored = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
      const match = timingSafeEqual(given, stored) && row !== undefined;
      return match ? toStored(row) : null;
    },
    async active(): Promise<StoredRule[]> {
      await migrate();
      const rows = await db.selectFrom('alert_rules').selectAll().where('paused', 'is', null).execute();
      return rows.map(toStored);
    },
    async saveState(id: string, state: RuleState): Promise<void> {
      await db.updateTable('alert_rules').set({ state: JSON.stringify(state) }).where('id', '=', id).execute();
    },
    async setPaused(id: string, paused: string | null): Promise<void> {
      await migrate();
      await db.updateTable('alert_rules').set({ paused, ...(paused === null ? { failing_since: null } : {}) }).where('id', '=', id).execute();
    },
    async setFailingSince(id: string, at: number | null): Promise<void> {
      await db.updateTable('alert_rules').set({ failing_since: at }).where('id', '=', id).execute();
    },
    async remove(id: string): Promise<void> {
      await migrate();
      await db.deleteFrom('alert_deliveries').where('rule_id', '=', id).execute();
      await db.deleteFrom('alert_rules').where('id', '=', id).execute();
    },
    async logDelivery(id: string, delivery: Delivery): Promise<void> {
      await db.insertInto('alert_deliveries').values({ rule_id: id, ...delivery }).execute();
    },
    async deliveries(id: string, limit = 50): Promise<Delivery[]> {
      await migrate();
      const rows = await db.selectFrom('alert_deliveries').select(['at', 'outcome', 'attempt', 'detail']).where('rule_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ ...r, at: Number(r.at) }));
    },
    /** Successful deliveries of a rule since `since` (the per-rule daily cap). */
    async deliveredSince(id: string, since: number): Promise<number> {
      const row = await db
        .selectFrom('alert_deliveries')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('rule_id', '=', id)
        .where('outcome', '=', 'delivered')
        .where('at', '>=', since)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    close: () => db.destroy(),
  };
}
