// Where the snapshot service keeps what every instance must agree on: the merged snapshot, each
// source's last good data, the time of the last refresh attempt and the refresh lock. One
// interface, two implementations: in this process (the embedded default, one server) and in
// Redis (several servers behind a load balancer). The Redis one falls back to its own in-process
// store whenever Redis is away, so a page never waits on it, and is back in step once it returns.
import { z } from 'zod';
import { log } from '@/lib/infra/log';
import type { SharedRedis } from '@/lib/infra/redis';
import { snapshotSchema, sourceIdSchema, type Snapshot, type SourceId } from '@/lib/model/types';
import { sourcePayloadSchema, type SourcePayload } from '@/lib/sources/contract';

export type SharedSourceState = {
  id: SourceId;
  payload: SourcePayload | null;
  fetchedAt: string | null;
  error: string | null;
  ok: boolean;
  /** Epoch ms before which this source is not asked again (Retry-After). */
  retryNotBefore: number;
};

/** The result of one refresh, as every instance serves it. */
export type SharedState = {
  /** Epoch ms the refresh that made it started: newer states replace older ones, never the reverse. */
  stamp: number;
  /** Null when no source has ever given data (instances then serve the embedded snapshot). */
  snapshot: Snapshot | null;
  sources: SharedSourceState[];
};

/** A cheap look at the shared state: one round trip, no snapshot body. */
export type StoreView = { stamp: number | null; attemptAt: number; lockHeld: boolean };

export type ClaimResult = 'claimed' | 'busy' | 'not-due';

export type SnapshotStore = {
  /** "redis" while the shared store answers, "memory" otherwise. */
  mode(): 'redis' | 'memory';
  peek(): Promise<StoreView>;
  read(): Promise<SharedState | null>;
  /**
   * Takes the refresh lock for `ttlMs` and records the attempt, if a refresh is due (the last
   * attempt is at least `periodMs` old, or `force`) and nobody else holds the lock. Atomic.
   */
  claim(args: { token: string; now: number; periodMs: number; ttlMs: number; force: boolean }): Promise<ClaimResult>;
  /** Keeps a held lock alive while a long refresh runs; false once it was lost. */
  extend(token: string, ttlMs: number): Promise<boolean>;
  release(token: string): Promise<void>;
  /**
   * Stores a state if it is newer than the stored one. With a token, only while that lock is still
   * held (a holder that stalled past its lock must not overwrite its successor's result).
   */
  write(state: SharedState, token: string | null): Promise<boolean>;
};

export const sharedStateSchema = z.object({
  stamp: z.number(),
  snapshot: snapshotSchema.nullable(),
  sources: z.array(
    z.object({
      id: sourceIdSchema,
      payload: sourcePayloadSchema.nullable(),
      fetchedAt: z.string().nullable(),
      error: z.string().nullable(),
      ok: z.boolean(),
      retryNotBefore: z.number(),
    }),
  ),
});

/** The embedded default: everything in this process. */
export function createMemoryStore(): SnapshotStore {
  let state: SharedState | null = null;
  let attemptAt = 0;
  let lock: { token: string; until: number } | null = null;
  const held = (now = Date.now()) => lock !== null && lock.until > now;
  return {
    mode: () => 'memory',
    peek: async () => ({ stamp: state?.stamp ?? null, attemptAt, lockHeld: held() }),
    read: async () => state,
    async claim({ token, now, periodMs, ttlMs, force }) {
      if (!force && now - attemptAt < periodMs) return 'not-due';
      if (held()) return 'busy';
      lock = { token, until: Date.now() + ttlMs };
      attemptAt = now;
      return 'claimed';
    },
    async extend(token, ttlMs) {
      if (!held() || lock?.token !== token) return false;
      lock.until = Date.now() + ttlMs;
      return true;
    },
    async release(token) {
      if (lock?.token === token) lock = null;
    },
    async write(next, token) {
      if (token !== null && (!held() || lock?.token !== token)) return false;
      if (state && next.stamp <= state.stamp) return false;
      state = next;
      attemptAt = Math.max(attemptAt, next.stamp);
      return true;
    },
  };
}

// Redis scripts: each check-and-set is one atomic step on the server.
const CLAIM = `
local attempt = tonumber(redis.call('GET', KEYS[2]) or '0')
if ARGV[4] ~= '1' and tonumber(ARGV[2]) - attempt < tonumber(ARGV[3]) then return 'not-due' end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[5]) then return 'busy' end
redis.call('SET', KEYS[2], ARGV[2])
return 'claimed'`;
const EXTEND = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
const WRITE = `
if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local stamp = tonumber(ARGV[2])
if stamp <= tonumber(redis.call('GET', KEYS[2]) or '0') then return 0 end
redis.call('SET', KEYS[3], ARGV[3])
redis.call('SET', KEYS[2], ARGV[2])
if stamp > tonumber(redis.call('GET', KEYS[4]) or '0') then redis.call('SET', KEYS[4], ARGV[2]) end
return 1`;

/**
 * The shared store. Keys (under `prefix`): snap:state (the JSON state), snap:stamp, snap:attempt,
 * snap:lock. Every call that cannot reach Redis is answered by the in-process store instead, which
 * also keeps a copy of everything written or read, so falling back loses nothing this instance had.
 */
export function createRedisStore(redis: SharedRedis, prefix: string): SnapshotStore {
  const local = createMemoryStore();
  const k = {
    lock: `${prefix}snap:lock`,
    stamp: `${prefix}snap:stamp`,
    state: `${prefix}snap:state:v1`,
    attempt: `${prefix}snap:attempt`,
  };
  const tokens = new Map<string, 'redis' | 'memory'>(); // which store each held lock lives in

  async function shared<T>(op: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    await redis.firstConnect; // at start-up only: a new instance joins the others instead of refreshing alone
    if (!redis.ready()) return fallback();
    try {
      return await op();
    } catch {
      return fallback(); // the client logs the outage once (lib/infra/redis.ts)
    }
  }

  return {
    mode: () => (redis.ready() ? 'redis' : 'memory'),
    peek: () =>
      shared(
        async () => {
          const [stamp, attempt, lock] = await redis.client.mget(k.stamp, k.attempt, k.lock);
          return { stamp: stamp === null ? null : Number(stamp), attemptAt: Number(attempt ?? 0), lockHeld: lock !== null };
        },
        () => local.peek(),
      ),
    read: () =>
      shared(
        async () => {
          const text = await redis.client.get(k.state);
          if (text === null) return null;
          const parsed = sharedStateSchema.safeParse(JSON.parse(text));
          if (!parsed.success) {
            log('warn', 'shared_snapshot_unreadable', { key: k.state, error: parsed.error.issues[0]?.message ?? 'invalid' });
            return null;
          }
          await local.write(parsed.data, null);
          return parsed.data as SharedState;
        },
        () => local.read(),
      ),
    async claim(args) {
      const onRedis = await shared(
        async () =>
          (await redis.client.eval(CLAIM, 2, k.lock, k.attempt, args.token, args.now, args.periodMs, args.force ? '1' : '0', args.ttlMs)) as ClaimResult,
        async () => null,
      );
      if (onRedis !== null) {
        if (onRedis === 'claimed') tokens.set(args.token, 'redis');
        return onRedis;
      }
      const result = await local.claim(args);
      if (result === 'claimed') tokens.set(args.token, 'memory');
      return result;
    },
    async extend(token, ttlMs) {
      if (tokens.get(token) === 'memory') return local.extend(token, ttlMs);
      return shared(async () => (await redis.client.eval(EXTEND, 1, k.lock, token, ttlMs)) === 1, async () => false);
    },
    async release(token) {
      const where = tokens.get(token);
      tokens.delete(token);
      if (where === 'memory') return local.release(token);
      await shared(async () => void (await redis.client.eval(RELEASE, 1, k.lock, token)), async () => undefined);
    },
    async write(state, token) {
      const where = token === null ? null : tokens.get(token);
      // A lock taken in memory (Redis was away) cannot fence a Redis write: write only if newer.
      const fence = where === 'redis' ? (token ?? '') : '';
      await local.write(state, where === 'memory' ? token : null);
      return shared(
        async () => (await redis.client.eval(WRITE, 4, k.lock, k.stamp, k.state, k.attempt, fence, state.stamp, JSON.stringify(state))) === 1,
        async () => where !== 'redis',
      );
    },
  };
}
