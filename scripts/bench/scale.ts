// Scale-out: two more instances sharing their state through Redis.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { redactRedisUrl } from '@/lib/infra/redis';
import { type FixtureServer } from '../../tests/support/fixture-server';
import { HOST, CONNECTIONS, WARMUP_SECONDS, DURATION_SECONDS, SCALE_REFRESH_SECONDS, SCALE_REDIS_MIN, SCALE_ROUTES, fmt, section, table, freePort } from './common';
import { cannon } from './throughput';
import { procs, stopGroup, startServer, waitReady } from './servers';

// ---------------------------------------------------------------------------------------------
// scale-out: instances sharing their state through Redis

export type Run = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

export const measured = (r: autocannon.Result): Run => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
});

/** Warm-up, then the measured run, against one instance with every connection. */
export async function measureOne(port: number, urlPath: string): Promise<Run> {
  await cannon(port, urlPath, WARMUP_SECONDS);
  return measured(await cannon(port, urlPath, DURATION_SECONDS));
}

/**
 * The same against several instances at once, the connections split between them: req/s is the
 * sum, p50 and p99 the worse of the runs.
 */
export async function measureMany(ports: number[], urlPath: string): Promise<{ total: Run; each: Run[] }> {
  const share = Math.max(1, Math.floor(CONNECTIONS / ports.length));
  await Promise.all(ports.map((p) => cannon(p, urlPath, WARMUP_SECONDS, share)));
  const each = (await Promise.all(ports.map((p) => cannon(p, urlPath, DURATION_SECONDS, share)))).map(measured);
  const total = each.reduce<Run>(
    (sum, r) => ({
      rps: sum.rps + r.rps,
      p50: Math.max(sum.p50, r.p50),
      p99: Math.max(sum.p99, r.p99),
      non2xx: sum.non2xx + r.non2xx,
      errors: sum.errors + r.errors,
    }),
    { rps: 0, p50: 0, p99: 0, non2xx: 0, errors: 0 },
  );
  return { total, each };
}

/** Connects to the bench's Redis (null with the reason when it does not answer PING). */
export async function benchRedis(url: string): Promise<{ client: Redis } | { error: string }> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return { client };
  } catch (error) {
    client.disconnect();
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Deletes every key under the run's prefix; returns how many there were. */
export async function dropPrefix(client: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let dropped = 0;
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) dropped += await client.unlink(...keys);
  } while (cursor !== '0');
  return dropped;
}

export async function scaleOut(fx: FixtureServer, mainPort: number, dir: string): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url) {
    section('scale-out (shared Redis): skipped, REDIS_URL is not set (npm run bench runs it under scripts/with-redis.sh; or REDIS_URL=redis://… npx tsx scripts/bench.ts)');
    return;
  }
  const prefix = `bench:${randomBytes(4).toString('hex')}:`;
  section(
    `scale-out (shared Redis): autocannon ${CONNECTIONS} connections × ${DURATION_SECONDS} s per route and setup (after a ${WARMUP_SECONDS} s warm-up); ` +
      `REFRESH_SECONDS=${SCALE_REFRESH_SECONDS}, REDIS_PREFIX=${prefix}`,
  );
  const redis = await benchRedis(url);
  if ('error' in redis) {
    console.log(`scale-out: not run (Redis at ${redactRedisUrl(url)} did not answer PING: ${redis.error})`);
    return;
  }
  try {
    const names = ['A', 'B'];
    const instances = await Promise.all(
      names.map(async (name) => {
        const own = path.join(dir, `instance-${name.toLowerCase()}`);
        mkdirSync(own, { recursive: true });
        const port = await freePort();
        const child = await startServer(
          fx,
          port,
          own,
          {
            REDIS_URL: url,
            REDIS_PREFIX: prefix,
            REFRESH_SECONDS: String(SCALE_REFRESH_SECONDS),
            SNAPSHOT_FILE: path.join(own, 'snapshot.json'),
            HISTORY_FILE: path.join(own, 'history.sqlite'),
            USER_COINS_FILE: path.join(own, 'coins.user.json'),
            RATE_LIMIT_PER_MINUTE: '0',
            PAGE_RATE_LIMIT_PER_MINUTE: '0',
          },
          name,
        );
        procs.extra.push(child);
        await waitReady(child, port);
        return { name, port, pid: child.pid };
      }),
    );
    const [a, b] = instances as [(typeof instances)[number], (typeof instances)[number]];
    console.log(
      `Redis ${redactRedisUrl(url)}; instance A http://${HOST}:${a.port} (pid ${a.pid}), B http://${HOST}:${b.port} (pid ${b.pid}); ` +
        `one in memory: the main server http://${HOST}:${mainPort}`,
    );
    console.log(`load average now: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);

    const inMemory = new Map<string, Run>();
    const oneRedis = new Map<string, Run>();
    const twoRedis = new Map<string, { total: Run; each: Run[] }>();
    // The main server is warm from the earlier sections; the new ones get a pass on each route
    // first (the first request also fetches the upstreams). Memory and Redis then run back to
    // back per route, so a change in the machine's other load moves both alike.
    for (const route of SCALE_ROUTES) await Promise.all([a.port, b.port].map((p) => cannon(p, route.path, WARMUP_SECONDS, Math.floor(CONNECTIONS / 2))));
    for (const route of SCALE_ROUTES) {
      inMemory.set(route.path, await measureOne(mainPort, route.path));
      oneRedis.set(route.path, await measureOne(a.port, route.path));
    }
    fx.reset();
    const t0 = Date.now();
    for (const route of SCALE_ROUTES) twoRedis.set(route.path, await measureMany([a.port, b.port], route.path));
    const loadSeconds = (Date.now() - t0) / 1000;
    const upstream = fx.counts();

    const rows: string[][] = [];
    const row = (setup: string, route: string, r: Run, ratio = '', target = '', verdict = '') =>
      rows.push([setup, route, fmt(r.rps, 1), `${fmt(r.p50)} ms`, `${fmt(r.p99)} ms`, String(r.non2xx), String(r.errors), ratio, target, verdict]);
    for (const route of SCALE_ROUTES) {
      const base = inMemory.get(route.path) as Run;
      const one = oneRedis.get(route.path) as Run;
      const two = (twoRedis.get(route.path) as { total: Run }).total;
      const ratio = (r: Run) => (base.rps > 0 ? r.rps / base.rps : 0);
      row('one instance, in memory', route.label, base);
      const oneRatio = ratio(one);
      const clean = one.non2xx === 0 && one.errors === 0;
      row('one instance, Redis', route.label, one, `${oneRatio.toFixed(2)}× memory`, `≥ ${SCALE_REDIS_MIN}×`, oneRatio >= SCALE_REDIS_MIN && clean ? 'PASS' : 'MISS');
      row('two instances, Redis', route.label, two, `${ratio(two).toFixed(2)}× memory`, '(info)');
    }
    table(['setup', 'route', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'ratio', 'target', 'result'], rows);
    for (const route of SCALE_ROUTES) {
      const each = (twoRedis.get(route.path) as { each: Run[] }).each;
      console.log(`  two instances, ${route.label}: ${each.map((r, i) => `${names[i]} ${fmt(r.rps, 1)} req/s`).join(' + ')} (${Math.floor(CONNECTIONS / 2)} connections each)`);
    }
    console.log(
      `two instances (informational): both share this machine's ${cpus().length} cores with autocannon and Redis, so no gain from added ` +
        'hardware is expected here; what gain there is comes from a second Node process using the CPU one process (one JS thread) leaves idle',
    );

    const bound = Math.floor(loadSeconds / SCALE_REFRESH_SECONDS) + 1;
    const sources = ['/coins.json', '/asic.json', '/api/v3/simple/price', '/api/v3/coins/markets', '/main/api/v2/public/simplemultialgo/info'];
    const shown = Object.entries(upstream).filter(([route, n]) => n > 0 || sources.includes(route));
    const within = shown.every(([, n]) => n <= bound);
    console.log(
      `upstream requests during ${fmt(loadSeconds, 1)} s of load over both (REFRESH_SECONDS=${SCALE_REFRESH_SECONDS}): ` +
        `${shown.map(([route, n]) => `${route} ${n}`).join(', ')} ` +
        `(at most one per ${SCALE_REFRESH_SECONDS} s interval in total: ≤ ${bound} per route)   ${within ? 'PASS' : 'MISS'}`,
    );
  } catch (error) {
    console.log(`scale-out: failed (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    const children = procs.extra;
    procs.extra = [];
    await Promise.all(children.map(stopGroup));
    try {
      const dropped = await dropPrefix(redis.client, prefix);
      console.log(`scale-out instances stopped; ${dropped} Redis keys under ${prefix} deleted`);
    } catch (error) {
      console.log(`scale-out instances stopped; the Redis keys under ${prefix} were not deleted (${error instanceof Error ? error.message : String(error)})`);
    }
    redis.client.disconnect();
  }
}
