// The API rate limiter: in memory always; against a real Redis when REDIS_URL is set
// (scripts/with-redis.sh starts a throwaway server and sets it), where two limiters with their own
// connections stand for two app instances sharing one limit; and against a Redis that is not there,
// where each instance must fall back to its own memory counters without failing a request.
import { randomUUID } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeyBudget, createRateLimiter, OVERFLOW_KEY, type RateLimiter } from '@/lib/infra/rate-limit';
import { createSharedRedis, type SharedRedis } from '@/lib/infra/redis';
import { freePort } from '../support/listen';

const REDIS_URL = process.env.REDIS_URL;

/** Takes `n` times for `key` and returns the answers. */
async function takeN(limiter: RateLimiter, key: string, n: number): Promise<(number | null)[]> {
  const answers: (number | null)[] = [];
  for (let i = 0; i < n; i++) answers.push(await limiter.take(key));
  return answers;
}

function expectWait(answer: number | null): void {
  expect(answer).not.toBeNull();
  expect(Number.isInteger(answer)).toBe(true);
  expect(answer).toBeGreaterThanOrEqual(1);
  expect(answer).toBeLessThanOrEqual(60);
}


async function untilReady(redis: SharedRedis): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!redis.ready()) {
    if (Date.now() > deadline) throw new Error(`redis not ready (status ${redis.client.status})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every SharedRedis a test opens, closed after it so vitest exits. */
const opened: SharedRedis[] = [];
function openRedis(url: string): SharedRedis {
  const redis = createSharedRedis(url, { name: 'rate-limit-test' });
  opened.push(redis);
  return redis;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((redis) => redis.close()));
  vi.restoreAllMocks();
});

describe('createRateLimiter in memory', () => {
  it('allows perMinute requests a minute, then asks to wait for the window to end', async () => {
    const limiter = createRateLimiter({ perMinute: 5 });
    expect(await takeN(limiter, 'a', 5)).toEqual([null, null, null, null, null]);
    expectWait(await limiter.take('a'));
    expectWait(await limiter.take('a'));
  });

  it('counts each client separately', async () => {
    const limiter = createRateLimiter({ perMinute: 2 });
    await takeN(limiter, 'a', 2);
    expectWait(await limiter.take('a'));
    expect(await takeN(limiter, 'b', 2)).toEqual([null, null]);
    expectWait(await limiter.take('b'));
  });

  it('is off at 0 (and below), with or without Redis', async () => {
    for (const limiter of [
      createRateLimiter({ perMinute: 0 }),
      createRateLimiter({ perMinute: -1 }),
      // A store that is never touched: off means no counting anywhere.
      createRateLimiter({ perMinute: 0, redis: { client: null as never, ready: () => false, firstConnect: Promise.resolve(), close: async () => {} } }),
    ]) {
      const answers = await takeN(limiter, 'a', 1000);
      expect(answers.every((answer) => answer === null)).toBe(true);
    }
  });

  it('fails open and logs once when the store itself fails', async () => {
    vi.spyOn(RateLimiterMemory.prototype, 'consume').mockRejectedValue(new Error('store broke'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const limiter = createRateLimiter({ perMinute: 1 });
    expect(await takeN(limiter, 'a', 5)).toEqual([null, null, null, null, null]);
    const lines = errors.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('rate_limit_store_failed'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('store broke');
  });
});

describe('createRateLimiter with Redis unreachable', () => {
  it('falls back to memory at once: allows perMinute, then refuses, without logging a store failure', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {}); // the redis_unavailable line
    const redis = openRedis(`redis://127.0.0.1:${await freePort()}`);
    const limiter = createRateLimiter({ perMinute: 3, redis, keyPrefix: `test:${randomUUID()}:` });
    expect(await takeN(limiter, 'a', 3)).toEqual([null, null, null]);
    expectWait(await limiter.take('a'));
    expect(await limiter.take('b')).toBeNull();
    expect(redis.ready()).toBe(false);
    expect(errors.mock.calls.some(([line]) => String(line).includes('rate_limit_store_failed'))).toBe(false);
  });
});

describe.skipIf(!REDIS_URL)(
  REDIS_URL
    ? 'createRateLimiter on a shared Redis'
    : 'createRateLimiter on a shared Redis (SKIPPED: REDIS_URL unset; run under bash scripts/with-redis.sh)',
  () => {
    it('two instances together allow perMinute for one client, then both refuse; other clients are unaffected', async () => {
      const keyPrefix = `test:${randomUUID()}:`;
      const [first, second] = [openRedis(REDIS_URL!), openRedis(REDIS_URL!)];
      await Promise.all([untilReady(first), untilReady(second)]);
      const a = createRateLimiter({ perMinute: 5, redis: first, keyPrefix });
      const b = createRateLimiter({ perMinute: 5, redis: second, keyPrefix });

      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await (i % 2 === 0 ? a : b).take('203.0.113.7'));
      expect(answers).toEqual([null, null, null, null, null]);
      expectWait(await a.take('203.0.113.7'));
      expectWait(await b.take('203.0.113.7'));
      expectWait(await b.take('203.0.113.7'));

      expect(await a.take('198.51.100.1')).toBeNull();
      expect(await b.take('198.51.100.1')).toBeNull();

      // The counter is in Redis under the prefix, expiring with the window.
      const ttl = await first.client.pttl(`${keyPrefix}rl:203.0.113.7`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
      expect(Number(await first.client.get(`${keyPrefix}rl:198.51.100.1`))).toBe(2);
    });

    it("counts a new instance's very first request in Redis (it waits for the first connection once)", async () => {
      const keyPrefix = `test:${randomUUID()}:`;
      const fresh = openRedis(REDIS_URL!); // not ready yet: still connecting
      expect(fresh.ready()).toBe(false);
      expect(await createRateLimiter({ perMinute: 5, redis: fresh, keyPrefix }).take('192.0.2.9')).toBeNull();
      expect(await fresh.client.get(`${keyPrefix}rl:192.0.2.9`)).toBe('1');
    });

    it('uses the default key prefix "minerank:rl:"', async () => {
      const redis = openRedis(REDIS_URL!);
      await untilReady(redis);
      const key = `test-${randomUUID()}`;
      expect(await createRateLimiter({ perMinute: 5, redis }).take(key)).toBeNull();
      expect(await redis.client.get(`minerank:rl:${key}`)).toBe('1');
      await redis.client.del(`minerank:rl:${key}`);
    });
  },
);

describe('key budget', () => {
  it('keeps at most maxKeys clients apart; newcomers share the overflow key until a window ends', async () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 2, maxKeys: 3, now: () => t });
    for (const key of ['a', 'b', 'c']) expect(await limiter.take(key)).toBeNull();
    // d and e are counted together under "overflow": 2 between them, the third waits.
    expect(await limiter.take('d')).toBeNull();
    expect(await limiter.take('e')).toBeNull();
    expectWait(await limiter.take('d'));
    // a keeps its own counter.
    expect(await limiter.take('a')).toBeNull();
    expectWait(await limiter.take('a'));
    // After a window (60 s) the old keys are swept and f gets its own place.
    t = 61_000;
    const budget = createKeyBudget(3, 60_000, () => t);
    expect(budget.admit('f')).toBe('f');
  });

  it('sweeps expired keys when full', () => {
    let t = 0;
    const budget = createKeyBudget(2, 60_000, () => t);
    expect([budget.admit('a'), budget.admit('b'), budget.admit('c')]).toEqual(['a', 'b', OVERFLOW_KEY]);
    t = 60_000; // a and b's windows have ended
    expect(budget.admit('c')).toBe('c');
    expect(budget.size).toBe(1);
  });
});
