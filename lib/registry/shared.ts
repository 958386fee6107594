// The coins users added, shared by every instance through Redis (REDIS_URL): a coin added on one
// instance is asked for and listed by all. Redis holds the list's text (the USER_COINS_FILE
// format) and a version; each instance keeps the file as its local copy and follows the version.
// A change is published only if the version is still the one it was made from (compare-and-set),
// so two instances adding at once never lose one another's coin: the loser re-reads and retries.
import { log } from '@/lib/infra/log';
import type { SharedRedis } from '@/lib/infra/redis';
import type { RegistryEntry } from './schema';
import { readUserCoinsText, RegistryFieldError, replaceUserCoinsText } from './store';

export type SharedUserCoins = {
  /** The published version (0 when nothing was ever published), or null when Redis is away. */
  version(): Promise<number | null>;
  /** The published list and its version, or null when Redis is away. */
  pull(): Promise<{ version: number; text: string | null } | null>;
  /**
   * Publishes `text` if the version is still `expected`. Resolves to the new version, 'conflict'
   * when another instance published first, or null when Redis is away.
   */
  push(expected: number, text: string): Promise<number | 'conflict' | null>;
};

const PUSH = `
if tonumber(redis.call('GET', KEYS[2]) or '0') ~= tonumber(ARGV[1]) then return -1 end
redis.call('SET', KEYS[1], ARGV[2])
return redis.call('INCR', KEYS[2])`;

export function createSharedUserCoins(redis: SharedRedis, prefix: string): SharedUserCoins {
  const listKey = `${prefix}registry:user`;
  const versionKey = `${prefix}registry:user:version`;
  async function attempt<T>(op: () => Promise<T>): Promise<T | null> {
    await redis.firstConnect;
    if (!redis.ready()) return null;
    try {
      return await op();
    } catch {
      return null; // lib/infra/redis.ts logs the outage once
    }
  }
  return {
    version: () => attempt(async () => Number((await redis.client.get(versionKey)) ?? 0)),
    pull: () =>
      attempt(async () => {
        const [version, text] = await redis.client.mget(versionKey, listKey);
        return { version: Number(version ?? 0), text: text ?? null };
      }),
    push: (expected, text) =>
      attempt(async () => {
        const result = Number(await redis.client.eval(PUSH, 2, listKey, versionKey, expected, text));
        return result < 0 ? ('conflict' as const) : result;
      }),
  };
}

export type UserCoinsSync = {
  /**
   * Brings the local copy up to date with the shared list, at most every `intervalMs` unless
   * `force`. Redis away: the local copy stands. Redis back empty: this instance offers its list
   * (the first to do so wins; the others follow it).
   */
  sync(force?: boolean): Promise<void>;
  /**
   * Applies a change (`change` edits the local file) and publishes the result. If another
   * instance published first, takes theirs and runs the change again on it.
   */
  change<T>(change: () => Promise<T>): Promise<T>;
};

export function createUserCoinsSync(options: {
  file: string;
  shared: SharedUserCoins;
  /** The local copy's coins and pool sites now (to know whether there is anything to offer). */
  current: () => readonly unknown[];
  /** Called with the coins taken from another instance. */
  onPulled: (coins: RegistryEntry[]) => void;
  intervalMs?: number;
}): UserCoinsSync {
  const { file, shared } = options;
  const intervalMs = options.intervalMs ?? 2000;
  let version = 0;
  let checkedAt = 0;
  let inflight: Promise<void> | null = null;

  async function follow(): Promise<void> {
    const published = await shared.version();
    if (published === null || published === version) return;
    if (published === 0) {
      if (options.current().length === 0) return;
      const pushed = await shared.push(0, await readUserCoinsText(file));
      if (typeof pushed === 'number') version = pushed;
      return;
    }
    const pulled = await shared.pull();
    if (!pulled || pulled.text === null) return;
    try {
      options.onPulled(await replaceUserCoinsText(file, pulled.text));
    } catch (error) {
      log('warn', 'shared_user_coins_unreadable', { version: pulled.version, error: error instanceof Error ? error.message : String(error) });
    }
    version = pulled.version; // an unreadable version is not read again and again
  }

  async function sync(force = false): Promise<void> {
    if (!force && !inflight && Date.now() - checkedAt < intervalMs) return;
    checkedAt = Date.now();
    inflight ??= follow().finally(() => {
      inflight = null;
    });
    await inflight;
  }

  return {
    sync,
    async change(change) {
      for (let attempt = 0; ; attempt++) {
        await sync(true);
        const result = await change();
        const pushed = await shared.push(version, await readUserCoinsText(file));
        if (pushed !== 'conflict') {
          if (pushed !== null) version = pushed; // null: Redis away, kept here only
          return result;
        }
        if (attempt >= 4) throw new RegistryFieldError(file, 'tag', 'the coin list kept changing on another server; try again');
      }
    },
  };
}
