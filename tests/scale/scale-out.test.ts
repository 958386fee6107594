// Two production instances (`next start` from the finished build) behind no balancer but this test,
// sharing one real Redis and one real PostgreSQL (started by scripts/with-redis.sh and
// scripts/with-postgres.sh), fed by the recorded upstreams on a local fixture server. Shows, in
// order: one migration; one upstream request per source per interval however the load is spread;
// one asOf on both; one rate limit across both; both serving through a Redis outage and back in
// step after it; and a refresh taken over when its holder is killed mid-way.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { freePort } from '../support/listen';
import { spawnNextStart, stopGroup } from '../support/next-start';
import { tcpProxy } from '../support/tcp-proxy';

const { REDIS_URL, DATABASE_URL, REDIS_SERVER_BIN, REDIS_TEST_DIR } = process.env;
const BUILT = existsSync(join(process.cwd(), '.next', 'BUILD_ID'));
const READY = Boolean(REDIS_URL && DATABASE_URL && REDIS_SERVER_BIN && REDIS_TEST_DIR && BUILT);

const REFRESH_SECONDS = 5;
const RATE_LIMIT = 30;
/** The routes a refresh asks (SOURCES=whattomine,coingecko,nicehash). */
const UPSTREAM_ROUTES = ['/coins.json', '/asic.json', '/api/v3/simple/price', '/api/v3/coins/markets', '/main/api/v2/public/simplemultialgo/info'];

type Instance = { name: string; port: number; url: string; child: ChildProcess; logs: string[]; exited: Promise<void> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


/** A client address per request, so the load is not throttled by the rate limit it does not test. */
let nextClient = 0;
const someClient = () => `198.51.100.${(nextClient++ % 250) + 1}, 10.${nextClient % 255}.0.1`;

async function get(url: string, client = someClient()): Promise<Response> {
  return fetch(url, { headers: { 'x-forwarded-for': client }, signal: AbortSignal.timeout(20_000) });
}

async function asOf(instance: Instance): Promise<string> {
  const response = await get(`${instance.url}/api/coins`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { asOf: string; mode: string };
  expect(body.mode).toBe('live');
  return body.asOf;
}

/** Polls until `check` passes (throws until then), for at most `ms`. */
async function eventually<T>(check: () => Promise<T>, ms: number, every = 250): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(every);
    }
  }
}

const viaProxy = (url: string, port: number) => {
  const parsed = new URL(url);
  parsed.host = `127.0.0.1:${port}`;
  return parsed.toString();
};

const countEvents = (instance: Instance, event: string) => instance.logs.filter((line) => line.includes(`"event":"${event}"`)).length;

describe.skipIf(!READY)(
  READY
    ? 'two instances on one Redis and one PostgreSQL'
    : 'two instances on one Redis and one PostgreSQL (SKIPPED: needs REDIS_URL, DATABASE_URL and a finished next build; run scripts/test.sh)',
  () => {
    let fixtures: FixtureServer;
    let redis: Redis;
    let db: pg.Client;
    let dir: string;
    /** The instances reach PostgreSQL through this, so the test can make it go away and come back. */
    let dbProxy: Awaited<ReturnType<typeof tcpProxy>>;
    const prefix = `scale:${randomUUID().slice(0, 8)}:`;
    const instances: Instance[] = [];

    function start(name: string, port: number): Instance {
      const child = spawnNextStart(port, {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        SOURCES: 'whattomine,coingecko,nicehash',
        FIRST_PAGE_WAIT_MS: '60000',
        WHATTOMINE_URL: fixtures.url,
        COINGECKO_URL: fixtures.url,
        NICEHASH_URL: fixtures.url,
        REFRESH_SECONDS: String(REFRESH_SECONDS),
        UPSTREAM_TIMEOUT_MS: '4000',
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
        // This test stands in for a load balancer on loopback: it names each client in X-Forwarded-For.
        TRUST_PROXY: 'loopback',
        // The alert test's webhook receiver is on loopback.
        ALERTS_ALLOW_PRIVATE: '1',
        REDIS_PREFIX: prefix,
        SNAPSHOT_FILE: join(dir, name, 'snapshot.json'),
        USER_COINS_FILE: join(dir, name, 'coins.user.json'),
        HISTORY_FILE: join(dir, name, 'unused.sqlite'),
        DATABASE_URL: viaProxy(DATABASE_URL!, dbProxy.port),
      });
      const logs: string[] = [];
      const collect = (chunk: Buffer) => logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const instance = { name, port, url: `http://127.0.0.1:${port}`, child, logs, exited };
      instances.push(instance);
      return instance;
    }

    async function stop(instance: Instance): Promise<void> {
      await stopGroup(instance.child);
      if (instance.child.exitCode === null && instance.child.signalCode === null) await instance.exited;
    }

    let a: Instance;
    let b: Instance;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'minerank-scale-'));
      fixtures = await startFixtureServer();
      dbProxy = await tcpProxy(new URL(DATABASE_URL!));
      redis = new Redis(REDIS_URL!, { maxRetriesPerRequest: 1 });
      redis.on('error', () => undefined); // the outage below is on purpose
      db = new pg.Client({ connectionString: DATABASE_URL });
      await db.connect();
      a = start('a', await freePort());
      b = start('b', await freePort());
      // Both up; their first pages (a coin page reads the history, so both migrate) asked at once.
      await Promise.all(
        [a, b].map((instance) =>
          eventually(async () => expect((await get(`${instance.url}/api/coins`)).status).toBe(200), 90_000, 300),
        ),
      );
      const pages = await Promise.all([a, b].flatMap((i) => [get(`${i.url}/coins/XMR`), get(`${i.url}/coins/XMR`)]));
      expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    });

    afterAll(async () => {
      // SCALE_LOGS_DIR=<dir> keeps each instance's log lines for a look after a failure.
      if (process.env.SCALE_LOGS_DIR) for (const i of instances) writeFileSync(join(process.env.SCALE_LOGS_DIR, `scale-${i.name}.log`), i.logs.join('\n'));
      await Promise.all(instances.map(stop));
      await fixtures?.close();
      await dbProxy?.close();
      redis?.disconnect();
      await db?.end();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('runs the history migration once although both instances started together', async () => {
      await eventually(async () => {
        const { rows } = await db.query<{ name: string }>('select name from kysely_migration order by name');
        expect(rows.map((r) => r.name)).toEqual(['001_create_coin_points', '002_create_pool_points']);
      }, 10_000);
      expect(countEvents(a, 'history_migrated') + countEvents(b, 'history_migrated')).toBe(1);
    });

    it('under load spread over both, each upstream is asked once per interval in total, and both serve one asOf', async () => {
      // Start just after a refresh was published, so no refresh claimed before the count began
      // sends its requests into it (the instances refresh on their own clock, visitors or not).
      const previous = await asOf(a);
      await eventually(async () => expect(await asOf(a)).not.toBe(previous), (REFRESH_SECONDS + 10) * 1000, 100);
      await eventually(async () => expect(await asOf(b)).toBe(await asOf(a)), 5000, 100);
      fixtures.reset();
      const started = Date.now();
      const seen = new Set<string>();
      const statuses = new Map<number, number>();
      const paths = ['/api/coins', '/api/coins', '/api/estimates?hr.ethash=100&power=300', '/'];
      let n = 0;
      await Promise.all(
        Array.from({ length: 12 }, async (_, worker) => {
          while (Date.now() - started < 12_000) {
            const instance = (n++ + worker) % 2 === 0 ? a : b;
            const path = paths[n % paths.length]!;
            const response = await get(`${instance.url}${path}`);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            if (path === '/api/coins' && response.ok) seen.add(((await response.json()) as { asOf: string }).asOf);
            else await response.arrayBuffer();
          }
        }),
      );
      const elapsed = Date.now() - started;
      const counts = fixtures.counts();
      const intervals = Math.floor(elapsed / (REFRESH_SECONDS * 1000)) + 1;
      console.error(JSON.stringify({ scale_load: { requests: n, elapsedMs: elapsed, statuses: Object.fromEntries(statuses), upstream: counts, distinctAsOf: seen.size } }));
      expect([...statuses.keys()]).toEqual([200]);
      for (const route of UPSTREAM_ROUTES) {
        expect(counts[route], route).toBeGreaterThanOrEqual(1);
        expect(counts[route], route).toBeLessThanOrEqual(intervals); // two uncoordinated instances would make twice as many
      }
      // Every asOf served came from one of those shared refreshes (plus the one current at the start).
      expect(seen.size).toBeLessThanOrEqual(counts['/coins.json']! + 1);
      await eventually(async () => expect(await asOf(a)).toBe(await asOf(b)), 5000);
    });

    it('delivers each alert firing once although both instances serve (only the refreshing one evaluates)', async () => {
      const received: string[] = [];
      const receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          received.push(body);
          res.end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      try {
        const view = 'hr.ethash=100M&w.ethash=300';
        const answer = (await (await get(`${a.url}/api/estimates?${view}`)).json()) as { estimates: Array<{ kind: string; tag: string; profitUsdPerDay: number | null }> };
        const tag = answer.estimates.find((r) => r.kind === 'coin' && r.profitUsdPerDay !== null)!.tag;
        // Any profit is below $1,000,000 a day: the rule holds on every refresh, and fires once.
        const created = await fetch(`${b.url}/api/alerts`, {
          method: 'POST',
          headers: { 'x-forwarded-for': someClient() },
          body: JSON.stringify({
            rule: { kind: 'profit-below', coin: tag, usdPerDay: 1_000_000, view },
            destination: { kind: 'webhook', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` },
          }),
        });
        expect(created.status).toBe(201);
        await eventually(async () => expect(received).toHaveLength(1), 4 * REFRESH_SECONDS * 1000);
        await sleep(3 * REFRESH_SECONDS * 1000); // three more refreshes, by either instance
        expect(received).toHaveLength(1);
        expect(JSON.parse(received[0]!)).toMatchObject({ title: `${tag} profit is below $1000000.00/day` });
      } finally {
        await new Promise((resolve) => receiver.close(resolve));
      }
    });

    it("serves the home page's cached copy from the shared snapshot on both instances", async () => {
      // The copy of `/` each instance keeps (proxy.ts) is re-rendered as soon as its instance takes
      // a newer snapshot, so both show the refresh Redis holds, not one 10 s older.
      await eventually(async () => {
        const shared = await redis.get(`${prefix}snap:stamp`);
        for (const instance of [a, b]) {
          const response = await fetch(`${instance.url}/`);
          await response.arrayBuffer();
          expect(response.headers.get('x-minerank-cache'), instance.name).toBe('home');
          expect(response.headers.get('x-minerank-snapshot'), instance.name).toBe(shared);
        }
      }, 15_000, 300);
    });

    it('enforces a rate limit of N requests across both instances together', async () => {
      const client = `203.0.113.${Math.floor(Math.random() * 200) + 1}`;
      const results: Array<{ instance: string; status: number }> = [];
      for (let i = 0; i < RATE_LIMIT + 15; i++) {
        const instance = i % 2 === 0 ? a : b;
        const response = await get(`${instance.url}/api/coins`, client);
        await response.arrayBuffer();
        results.push({ instance: instance.name, status: response.status });
      }
      expect(results.filter((r) => r.status === 200)).toHaveLength(RATE_LIMIT);
      expect(results.filter((r) => r.status === 429)).toHaveLength(15);
      expect(results.slice(RATE_LIMIT).every((r) => r.status === 429)).toBe(true);
      // Each instance alone let through only half: the counter is the shared one.
      expect(results.filter((r) => r.instance === 'a' && r.status === 200)).toHaveLength(RATE_LIMIT / 2);
    });

    it('keeps both serving while PostgreSQL is away, logs it once, and records history again when it returns', async () => {
      const rows = async () => Number((await db.query<{ n: string }>('select count(*) as n from coin_points')).rows[0]?.n ?? 0);
      await eventually(async () => expect(await rows()).toBeGreaterThan(0), 15_000); // refreshes were recorded
      await dbProxy.cut();
      const cutAt = await rows();
      // Down for more than a refresh period: pages that read history (coin pages) and refreshes
      // that record it all go on, on both instances.
      const until = Date.now() + (REFRESH_SECONDS + 2) * 1000;
      while (Date.now() < until) {
        for (const instance of [a, b]) {
          for (const path of ['/coins/XMR', '/api/coins', '/']) {
            const response = await get(`${instance.url}${path}`);
            await response.arrayBuffer();
            expect(response.status, `${instance.name} ${path} with PostgreSQL away`).toBe(200);
          }
        }
        await sleep(300);
      }
      const down = [a, b].map((i) => countEvents(i, 'history_db_unavailable'));
      expect(Math.max(...down)).toBe(1); // at most one line per instance, and someone noticed
      await dbProxy.restore();
      // Back: the recorder's retry (or the next refresh) writes again, and the outage is closed.
      await eventually(async () => {
        await Promise.all([a, b].map(async (i) => (await get(`${i.url}/coins/XMR`)).arrayBuffer()));
        expect(await rows()).toBeGreaterThan(cutAt);
        expect(countEvents(a, 'history_db_rejoined') + countEvents(b, 'history_db_rejoined')).toBeGreaterThanOrEqual(1);
      }, 30_000, 500);
      for (const instance of [a, b]) expect(countEvents(instance, 'history_db_unavailable'), instance.name).toBeLessThanOrEqual(1);
    });

    it('keeps both serving while Redis is stopped, and brings them back to one asOf when it returns', async () => {
      const pidFile = join(REDIS_TEST_DIR!, 'redis.pid');
      const { readFileSync } = await import('node:fs');
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      process.kill(pid, 'SIGKILL');
      await eventually(async () => expect(() => process.kill(pid, 0)).toThrow(), 5000, 50);

      // Down: every page still answers, from each instance's own memory, and each keeps refreshing.
      const before = { a: await asOf(a), b: await asOf(b) };
      const until = Date.now() + (REFRESH_SECONDS + 2) * 1000;
      while (Date.now() < until) {
        for (const instance of [a, b]) {
          for (const path of ['/api/coins', '/', '/api/estimates?hr.ethash=100']) {
            const response = await get(`${instance.url}${path}`);
            await response.arrayBuffer();
            expect(response.status, `${instance.name} ${path} with Redis down`).toBe(200);
          }
        }
        await sleep(300);
      }
      await eventually(async () => {
        expect(await asOf(a)).not.toBe(before.a);
        expect(await asOf(b)).not.toBe(before.b);
      }, 8000);
      for (const instance of [a, b]) expect(countEvents(instance, 'redis_unavailable'), instance.name).toBe(1);

      // Back (empty: the test server keeps nothing on disk): both rejoin and serve one asOf again.
      const restarted = spawn(REDIS_SERVER_BIN!, [join(REDIS_TEST_DIR!, 'redis.conf')], { stdio: 'ignore' });
      await new Promise((resolve) => restarted.once('exit', resolve)); // daemonizes
      await eventually(async () => {
        const [x, y] = [await asOf(a), await asOf(b)];
        expect(x).toBe(y);
        expect(await redis.get(`${prefix}snap:stamp`)).not.toBeNull();
      }, 20_000, 300);
      for (const instance of [a, b]) expect(countEvents(instance, 'redis_rejoined'), instance.name).toBe(1);
    });

    it('loses nothing when the instance refreshing is killed mid-refresh: the other takes the next refresh', async () => {
      // Slow upstreams: a refresh now takes 2.5 s, long enough to kill its holder in the middle.
      fixtures.setMode('*', 'slow', { delayMs: 2500 });
      const lockKey = `${prefix}snap:lock`;
      const holderToken = await eventually(async () => {
        await Promise.all([get(`${a.url}/api/coins`), get(`${b.url}/api/coins`)].map(async (r) => (await r).arrayBuffer()));
        const token = await redis.get(lockKey);
        expect(token).not.toBeNull();
        return token!;
      }, (REFRESH_SECONDS + 5) * 1000, 200);
      const holderPid = Number(holderToken.split(':')[1]);
      const holder = [a, b].find((i) => i.child.pid === holderPid);
      expect(holder, `lock held by pid ${holderPid}`).toBeDefined();
      const survivor = holder === a ? b : a;
      const servedBefore = await asOf(survivor);
      holder!.child.kill('SIGKILL');
      await holder!.exited;
      fixtures.setMode('*', 'ok');

      // The survivor serves the last good snapshot throughout; once the dead holder's lock expires
      // (10 s at most) and a refresh is due, it takes the refresh and serves a newer asOf.
      const deadline = Date.now() + 30_000;
      let latest = servedBefore;
      while (latest === servedBefore && Date.now() < deadline) {
        latest = await asOf(survivor);
        await sleep(250);
      }
      expect(Date.parse(latest)).toBeGreaterThan(Date.parse(servedBefore));
      const token = await redis.get(lockKey);
      if (token) expect(Number(token.split(':')[1])).toBe(survivor.child.pid);
    });

    it("a new instance joining serves the shared snapshot from its first request, without a refresh of its own", async () => {
      await sleep(1000); // let any refresh the previous step started finish publishing
      const sharedAsOf = async () => (JSON.parse((await redis.get(`${prefix}snap:state:v1`)) ?? 'null') as { snapshot: { asOf: string } } | null)?.snapshot.asOf;
      expect(await sharedAsOf()).toBeTruthy();
      fixtures.reset();
      const c = start('c', await freePort());
      // Its very first data request: adopted from Redis (a refresh, if one is due, runs after it).
      // a and b go on refreshing on their own clock meanwhile, so the shared snapshot is read just
      // before and just after that request: the answer is one of those, never c's own.
      const { first, before, after } = await eventually(async () => {
        const before = await sharedAsOf();
        const response = await get(`${c.url}/api/coins`);
        expect(response.status).toBe(200);
        const first = (await response.json()) as { asOf: string; mode: string };
        return { first, before, after: await sharedAsOf() };
      }, 90_000, 300);
      expect(first.mode).toBe('live');
      expect([before, after]).toContain(first.asOf);
    });
  },
);
