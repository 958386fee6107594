// The API's per-client rate limit: each client gets `perMinute` requests in a fixed 60-second
// window; past that, 429 with Retry-After. Built on rate-limiter-flexible so the same code runs in
// one process (counters in memory) and scaled out (counters in the shared Redis, so several app
// instances enforce one limit together). When Redis is away, each instance counts in its own
// memory at once (the library's insurance limiter) and goes back to Redis when it returns: a
// request is never held up or failed by the limiter, it fails open on anything unexpected.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { log } from './log';
import type { SharedRedis } from './redis';

export type RateLimiter = {
  /** null when allowed; otherwise the seconds to wait (an integer, at least 1). */
  take(key: string): Promise<number | null>;
};

export type RateLimiterOptions = {
  /** Requests per client per minute; 0 (or less) turns limiting off. */
  perMinute: number;
  /** The shared Redis; without it the counters live in this process only. */
  redis?: SharedRedis | null;
  /** Prefix of the Redis keys (default "minerank:"); the counters live under `${keyPrefix}rl:`. */
  keyPrefix?: string;
  /**
   * Most distinct clients counted at once (default 100,000, about 20 MB of counters); past it, new
   * clients share one "overflow" key until a window ends, so memory stays bounded under a flood
   * of addresses.
   */
  maxKeys?: number;
  /** The clock (tests). */
  now?: () => number;
};

const WINDOW_SECONDS = 60;

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { perMinute, redis } = options;
  if (!(perMinute > 0)) return { take: async () => null };

  const points = perMinute;
  const duration = WINDOW_SECONDS;
  const store: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: `${options.keyPrefix ?? 'minerank:'}rl`,
        points,
        duration,
        // While the client is not "ready" (starting, reconnecting), skip Redis and count in memory
        // straight away rather than sending a command that can only fail.
        rejectIfRedisNotReady: true,
        // A client over the limit is refused from this instance's memory until the Redis window
        // ends, so a flood from one client stops costing a Redis round trip per request.
        inMemoryBlockOnConsumed: points + 1,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: 'minerank-rl-insurance', points, duration }),
      })
    : new RateLimiterMemory({ keyPrefix: 'minerank-rl', points, duration });

  const budget = createKeyBudget(options.maxKeys ?? 100_000, duration * 1000, options.now ?? Date.now);
  let failing = false;
  return {
    async take(clientKey) {
      const key = budget.admit(clientKey);
      if (redis) await redis.firstConnect; // at start-up only: count in Redis from the first request
      try {
        await store.consume(key);
        failing = false;
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          failing = false;
          return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        }
        if (!failing) {
          failing = true;
          log('warn', 'rate_limit_store_failed', {
            store: redis ? 'redis' : 'memory',
            error: error instanceof Error ? error.message : String(error),
            fallback: 'allowing requests',
          });
        }
        return null;
      }
    },
  };
}

export const OVERFLOW_KEY = 'overflow';

/**
 * The keys counted in the current window, each until its window ends. A key already counted, or
 * one that fits, keeps its own counter; when `max` keys are live a new one is counted under
 * OVERFLOW_KEY (so a flood of fresh addresses shares one allowance instead of growing memory).
 */
export function createKeyBudget(max: number, windowMs: number, now: () => number) {
  const live = new Map<string, number>();
  let prunedAt = -Infinity;
  return {
    admit(key: string): string {
      const t = now();
      const until = live.get(key);
      if (until !== undefined && until > t) return key;
      if (until !== undefined) live.delete(key);
      if (live.size >= max && t - prunedAt >= 1000) {
        prunedAt = t; // at most one sweep a second, so a full table costs no more than that
        for (const [k, end] of live) if (end <= t) live.delete(k);
      }
      if (live.size >= max) return OVERFLOW_KEY;
      live.set(key, t + windowMs);
      return key;
    },
    get size() {
      return live.size;
    },
  };
}
