// Next's server cache in Redis (lib/next-cache-handler.cjs, next.config.ts `cacheHandler`). Against a
// real Redis when REDIS_URL is set (scripts/with-redis.sh starts a throwaway one): two handler
// classes with their own connections stand for two app instances sharing one cache. The handler is
// loaded the way Next loads it, natively and uncompiled.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { freePort } from '../support/listen';

type Ctx = Record<string, unknown>;
type Handler = {
  get(key: string, ctx: Ctx): Promise<CacheHandlerValue | null>;
  set(key: string, data: unknown, ctx: Ctx): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
  ready(): unknown;
  keyPrefix: string;
  tagsKey: string;
};
type HandlerOptions = { redisUrl?: string; prefix?: string; buildId?: string | null; clientId?: string; commandTimeoutMs?: number };
type HandlerClass = {
  new (ctx: Ctx): Handler;
  configure(options: HandlerOptions): HandlerClass;
  closeAll(): Promise<void>;
  serialize(value: unknown): string;
  deserialize(text: string): unknown;
  ttlSeconds(value: unknown, cacheControl: unknown): number;
};

const RedisCacheHandler = createRequire(import.meta.url)('../../lib/next-cache-handler.cjs') as HandlerClass;
const REDIS_URL = process.env.REDIS_URL;
const DAY = 24 * 60 * 60;

/** What Next passes to the constructor (one handler per request). */
const nextCtx = (serverDistDir?: string): Ctx => ({ revalidatedTags: [], _requestHeaders: {}, serverDistDir });
const pageGet: Ctx = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false };
const pageSet = (revalidate: number | false = false, expire?: number): Ctx => ({
  cacheControl: { revalidate, expire },
  isFallback: false,
  isRoutePPREnabled: false,
});

/** An APP_PAGE value as Next hands it to set(): Buffer RSC payload, a Map of segment Buffers. */
function appPage(tags: string): Record<string, unknown> {
  return {
    kind: 'APP_PAGE',
    html: '<!DOCTYPE html><html><body>bench ✓ — 100 H/s</body></html>',
    rscData: Buffer.from([0, 1, 2, 0xfe, 0xff, 0x80, 0x7f, ...Buffer.from('1:"$Sreact.fragment"\n')]),
    headers: { 'x-next-cache-tags': tags, 'content-type': 'text/html; charset=utf-8' },
    postponed: undefined,
    status: 200,
    segmentData: new Map([
      ['/_tree', Buffer.from([0xde, 0xad, 0xbe, 0xef])],
      ['/_full', Buffer.alloc(0)],
      ['/bench/static/__PAGE__', Buffer.from('0:{"b":"x"}\n', 'utf8')],
    ]),
  };
}

const fetchValue = (body: string, revalidate = 300): Record<string, unknown> => ({
  kind: 'FETCH',
  data: { headers: { 'content-type': 'application/json' }, body, status: 200, url: 'https://example.test/coins' },
  revalidate,
  tags: ['coins'],
});


async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port. */
async function untilListening(port: number): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Two "app instances": the same handler module, each with its own connection, on one prefix. */
async function twoInstances(url: string, options: HandlerOptions = {}): Promise<{ A: HandlerClass; B: HandlerClass; a: Handler; b: Handler }> {
  const prefix = `test:${randomUUID()}:`;
  const A = RedisCacheHandler.configure({ redisUrl: url, prefix, buildId: 'build-1', clientId: 'a', ...options });
  const B = RedisCacheHandler.configure({ redisUrl: url, prefix, buildId: 'build-1', clientId: 'b', ...options });
  const a = new A(nextCtx());
  const b = new B(nextCtx());
  await until(() => Boolean(a.ready() && b.ready()), 'both connections');
  return { A, B, a, b };
}

/** The JSON lines the handler logged through console.error, parsed. */
function loggedEvents(spy: { mock: { calls: unknown[][] } }): Array<{ level: string; event: string }> {
  return spy.mock.calls
    .map((call) => String(call[0]))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: string; event: string });
}

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await RedisCacheHandler.closeAll();
});

describe('next-cache-handler serialization (no Redis)', () => {
  it('round-trips Buffers, Maps of Buffers, byte arrays and plain JSON exactly', () => {
    const value: Record<string, unknown> = { ...appPage('a,b'), bytes: new Uint8Array([1, 2, 255]), nested: { list: [1, 'x', null, true] } };
    const back = RedisCacheHandler.deserialize(RedisCacheHandler.serialize(value)) as Record<string, unknown>;
    expect(Buffer.isBuffer(back.rscData)).toBe(true);
    expect(Buffer.compare(back.rscData as Buffer, value.rscData as Buffer)).toBe(0);
    expect(back.segmentData).toBeInstanceOf(Map);
    const segments = back.segmentData as Map<string, Buffer>;
    expect([...segments.keys()]).toEqual([...(value.segmentData as Map<string, Buffer>).keys()]);
    for (const [name, bytes] of value.segmentData as Map<string, Buffer>) {
      expect(Buffer.isBuffer(segments.get(name))).toBe(true);
      expect(Buffer.compare(segments.get(name)!, bytes)).toBe(0);
    }
    expect(back.bytes).toEqual(new Uint8Array([1, 2, 255]));
    expect(back.html).toBe(value.html);
    expect(back.nested).toEqual(value.nested);
  });

  it('keeps entries as long as their lifetime says, at most 30 days', () => {
    const page = appPage('');
    expect(RedisCacheHandler.ttlSeconds(page, { revalidate: false })).toBe(30 * DAY);
    expect(RedisCacheHandler.ttlSeconds(page, undefined)).toBe(30 * DAY);
    expect(RedisCacheHandler.ttlSeconds(page, { revalidate: 60, expire: 3600 })).toBe(3600);
    expect(RedisCacheHandler.ttlSeconds(page, { revalidate: 600 })).toBe(1200);
    expect(RedisCacheHandler.ttlSeconds(page, { revalidate: 5 })).toBe(60);
    expect(RedisCacheHandler.ttlSeconds(page, { revalidate: 60, expire: 365 * DAY })).toBe(30 * DAY);
    expect(RedisCacheHandler.ttlSeconds(fetchValue('{}', 300), undefined)).toBe(600);
  });
});

describe.skipIf(!REDIS_URL)(REDIS_URL ? 'next-cache-handler with Redis' : 'next-cache-handler with Redis: SKIPPED (set REDIS_URL, e.g. scripts/with-redis.sh)', () => {
  const url = REDIS_URL ?? '';
  let raw: Redis;

  afterAll(async () => {
    await raw?.quit();
  });

  it('an APP_PAGE set by instance A is read back byte-equal by instance B', async () => {
    const { a, b } = await twoInstances(url);
    const value = appPage('_N_T_/layout,_N_T_/bench/layout,_N_T_/bench/static/page,_N_T_/bench/static');
    await a.set('/route-cache/APP_PAGE/abc/$/bench/static', value, pageSet(false));
    const entry = await b.get('/route-cache/APP_PAGE/abc/$/bench/static', pageGet);
    expect(entry).not.toBeNull();
    const got = entry!.value as unknown as Record<string, unknown>;
    expect(got.kind).toBe('APP_PAGE');
    expect(got.html).toBe(value.html);
    expect(got.status).toBe(200);
    expect(got.headers).toEqual(value.headers);
    expect(Buffer.isBuffer(got.rscData)).toBe(true);
    expect(Buffer.compare(got.rscData as Buffer, value.rscData as Buffer)).toBe(0);
    expect(got.segmentData).toBeInstanceOf(Map);
    const segments = got.segmentData as Map<string, Buffer>;
    expect(segments.size).toBe(3);
    for (const [name, bytes] of value.segmentData as Map<string, Buffer>) {
      expect(Buffer.compare(segments.get(name)!, bytes)).toBe(0);
    }
    expect(entry!.cacheControl).toEqual({ revalidate: false });
    expect(Math.abs(entry!.lastModified - Date.now())).toBeLessThan(5000);
    // A key nobody set is a miss.
    expect(await b.get('/route-cache/APP_PAGE/abc/$/nope', pageGet)).toBeNull();
  });

  it('revalidateTag on B makes A miss an entry with that tag, and only those', async () => {
    const { a, b } = await twoInstances(url);
    await a.set('/p/coins', appPage('coins,_N_T_/layout,_N_T_/coins'), pageSet(3600, 365 * DAY));
    await a.set('/p/compare', appPage('_N_T_/layout,_N_T_/compare'), pageSet(3600, 365 * DAY));
    await a.set('fetch-key', fetchValue('{"n":1}'), { fetchCache: true, tags: ['coins'], fetchUrl: 'https://example.test/coins' });
    const fetchGet = { kind: 'FETCH', tags: ['coins'], softTags: ['_N_T_/layout', '_N_T_/coins'], revalidate: 300 };
    expect(await a.get('/p/coins', pageGet)).not.toBeNull();
    expect(await a.get('fetch-key', fetchGet)).not.toBeNull();

    await b.revalidateTag('coins');
    expect(await a.get('/p/coins', pageGet)).toBeNull();
    expect(await a.get('fetch-key', fetchGet)).toBeNull();
    expect(await a.get('/p/compare', pageGet)).not.toBeNull();

    // Rendered again after the revalidation: a hit again, on both.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await a.set('/p/coins', appPage('coins,_N_T_/layout,_N_T_/coins'), pageSet(3600, 365 * DAY));
    expect(await b.get('/p/coins', pageGet)).not.toBeNull();
    expect(await a.get('/p/coins', pageGet)).not.toBeNull();
  });

  it('an entry whose soft (implicit) tag was revalidated is a miss', async () => {
    const { a, b } = await twoInstances(url);
    await a.set('fetch-soft', fetchValue('{"n":2}'), { fetchCache: true, tags: [], fetchUrl: 'https://example.test/x' });
    const fetchGet = { kind: 'FETCH', tags: [], softTags: ['_N_T_/layout', '_N_T_/bench', '_N_T_/bench/static'], revalidate: 300 };
    expect(await b.get('fetch-soft', fetchGet)).not.toBeNull();
    // revalidatePath('/bench/static') → revalidateTag('_N_T_/bench/static'), with a profile here.
    await b.revalidateTag(['_N_T_/bench/static'], { expire: 365 * DAY });
    expect(await a.get('fetch-soft', fetchGet)).toBeNull();
    // A page carries its implicit tags in x-next-cache-tags.
    await a.set('/p/static', appPage('_N_T_/layout,_N_T_/bench/layout,_N_T_/bench/static'), pageSet(false));
    await new Promise((resolve) => setTimeout(resolve, 2));
    await b.revalidateTag('_N_T_/bench/layout');
    expect(await a.get('/p/static', pageGet)).toBeNull();
    expect(await b.get('/p/static', pageGet)).toBeNull();
  });

  it('keys carry the prefix and build id; another build never reads them; expiries are set', async () => {
    raw ??= new Redis(url);
    const prefix = `test:${randomUUID()}:`;
    // The build id the way Next gives it: the handler gets serverDistDir, BUILD_ID sits beside it.
    const distDir = mkdtempSync(path.join(tmpdir(), 'next-cache-handler-'));
    try {
      mkdirSync(path.join(distDir, 'server'));
      writeFileSync(path.join(distDir, 'BUILD_ID'), 'BuildOne123\n');
      const One = RedisCacheHandler.configure({ redisUrl: url, prefix, clientId: 'a' });
      const one = new One(nextCtx(path.join(distDir, 'server')));
      const Two = RedisCacheHandler.configure({ redisUrl: url, prefix, clientId: 'b', buildId: 'BuildTwo456' });
      const two = new Two(nextCtx());
      await until(() => Boolean(one.ready() && two.ready()), 'both connections');
      expect(one.keyPrefix).toBe(`${prefix}next:BuildOne123:`);
      expect(one.tagsKey).toBe(`${prefix}next:tags`);

      await one.set('/p/ttl', appPage('t1'), pageSet(60, 3600));
      await one.set('/p/forever', appPage('t2'), pageSet(false));
      await one.set('fetch-ttl', fetchValue('{}', 120), { fetchCache: true, tags: ['t3'] });
      await one.revalidateTag('t4');
      const keys = (await raw.keys(`${prefix}*`)).sort();
      expect(keys).toEqual(
        [`${prefix}next:BuildOne123:/p/ttl`, `${prefix}next:BuildOne123:/p/forever`, `${prefix}next:BuildOne123:fetch-ttl`, `${prefix}next:tags`].sort(),
      );
      expect(await raw.ttl(`${prefix}next:BuildOne123:/p/ttl`)).toBeGreaterThan(3590);
      expect(await raw.ttl(`${prefix}next:BuildOne123:/p/ttl`)).toBeLessThanOrEqual(3600);
      expect(await raw.ttl(`${prefix}next:BuildOne123:/p/forever`)).toBeGreaterThan(30 * DAY - 10);
      expect(await raw.ttl(`${prefix}next:BuildOne123:fetch-ttl`)).toBeGreaterThan(230);
      expect(Number(await raw.hget(`${prefix}next:tags`, 't4'))).toBeGreaterThan(Date.now() - 5000);

      expect(await one.get('/p/ttl', pageGet)).not.toBeNull();
      expect(await two.get('/p/ttl', pageGet)).toBeNull();

      // set(key, null): nothing there any more.
      await one.set('/p/ttl', null, pageSet(60));
      expect(await one.get('/p/ttl', pageGet)).toBeNull();
      one.resetRequestCache();
    } finally {
      rmSync(distDir, { recursive: true, force: true });
    }
  });

  it('an unreadable entry is a miss, not an error', async () => {
    raw ??= new Redis(url);
    const { a } = await twoInstances(url);
    await raw.set(`${a.keyPrefix}/p/garbage`, '{not json');
    expect(await a.get('/p/garbage', pageGet)).toBeNull();
  });

  it('a handler pointed at a dead port answers misses and no-ops at once, and never throws', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const port = await freePort();
    const Dead = RedisCacheHandler.configure({ redisUrl: `redis://127.0.0.1:${port}`, prefix: 'test:dead:', buildId: null, clientId: 'dead' });
    const started = Date.now();
    const dead = new Dead(nextCtx());
    expect(await dead.get('/p/x', pageGet)).toBeNull();
    await dead.set('/p/x', appPage('a'), pageSet(false));
    await dead.revalidateTag(['a']);
    // Still nothing while the client keeps retrying in the background.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = new Dead(nextCtx());
    expect(await again.get('/p/x', { kind: 'FETCH', tags: ['a'], softTags: [] })).toBeNull();
    await again.set('k', fetchValue('{}'), { fetchCache: true, tags: [] });
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 400)); // a few more failed reconnects
    const events = loggedEvents(errors).filter((line) => line.event.startsWith('next_cache_redis'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ level: 'warn', event: 'next_cache_redis_unavailable', url: `redis://127.0.0.1:${port}` });
    expect(typeof (events[0] as { time?: unknown }).time).toBe('string');
  });

  it('when Redis goes away and comes back: misses meanwhile, the outage and the return logged once each', async () => {
    const bin = process.env.REDIS_SERVER_BIN ?? 'redis-server';
    const port = await freePort();
    const dir = mkdtempSync(path.join(tmpdir(), 'next-cache-redis-'));
    const startRedis = (): ChildProcess =>
      spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    let server = startRedis();
    await untilListening(port);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const Own = RedisCacheHandler.configure({ redisUrl: `redis://127.0.0.1:${port}`, prefix: 'test:own:', buildId: null, clientId: 'own' });
      const handler = new Own(nextCtx());
      await until(() => Boolean(handler.ready()), 'own redis');
      await handler.set('/p/up', appPage('up'), pageSet(false));
      expect(await handler.get('/p/up', pageGet)).not.toBeNull();

      server.kill('SIGKILL');
      await new Promise((resolve) => server.once('exit', resolve));
      await until(() => !handler.ready(), 'the connection to drop');
      const started = Date.now();
      expect(await handler.get('/p/up', pageGet)).toBeNull();
      await handler.set('/p/up', appPage('up'), pageSet(false));
      await handler.revalidateTag('up');
      expect(Date.now() - started).toBeLessThan(1000);

      server = startRedis();
      await until(() => Boolean(handler.ready()), 'the reconnect', 8000);
      await handler.set('/p/back', appPage('back'), pageSet(false));
      expect(await handler.get('/p/back', pageGet)).not.toBeNull();
      const events = loggedEvents(errors).filter((line) => line.event.startsWith('next_cache_redis'));
      expect(events.map((line) => `${line.level} ${line.event}`)).toEqual(['warn next_cache_redis_unavailable', 'info next_cache_redis_rejoined']);
    } finally {
      await RedisCacheHandler.closeAll(); // before the server goes, so nothing logs another outage
      server.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 15_000);
});
