// A local HTTP server standing in for every upstream (WhatToMine, CoinGecko, hashrate.no, NiceHash,
// a YIIMP pool, three MiningCore sites, a NOMP portal and a cryptonote-nodejs-pool site) with
// recorded responses, and per-route failure switches another process can flip over HTTP.
// Run directly: npx tsx tests/support/fixture-server.ts [--port 4010]
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';
import { listenOnLoopback } from './listen';

// tsx, vitest and Playwright all load this file as CommonJS or provide __dirname.
const ROOT = path.resolve(__dirname, '../..');

export const FIXTURE_MODES = ['ok', 'slow', '500', '429', 'malformed', 'wrong-shape', 'empty', 'hostile'] as const;
export type FixtureMode = (typeof FIXTURE_MODES)[number];

type Route = {
  file: string;
  /** Valid JSON that the adapter's schema must reject. */
  wrongShape: string;
  empty: string;
  /** Valid shape, hostile content: markup in names, absurd values (the recording where none is set). */
  hostile?: string;
  /** hashrate.no answers 401 without its key. */
  needsApiKey?: boolean;
  /** The recording starts with a browser JSON viewer's `//` lines, which the upstream never sent. */
  stripLineComments?: boolean;
  /**
   * Pool stand-ins built around a fixed moment: every ISO time in the file is moved by (now − this
   * anchor) when served, so "2 days ago" in the file is 2 days ago in a live test.
   */
  timeAnchor?: string;
};

/** The moment the pool stand-ins in tests/fixtures/pools/ are written around. */
export const POOL_FIXTURE_ANCHOR = '2026-12-01T12:00:00.000Z';
// MiningCore before its 2018 renames (poolHashRate, networkHashRate): a shape from another version.
const MININGCORE_OLD_SHAPE =
  '{"pools":[{"id":"clore1","coin":{"type":"CLORE"},"poolFeePercent":1,"poolStats":{"connectedMiners":3,"poolHashRate":20},"networkStats":{"networkHashRate":39.05,"networkDifficulty":2343}}]}';
const pools = (file: string) => `tests/fixtures/pools/${file}`;
const accounts = (file: string) => `tests/fixtures/pool-accounts/${file}`;
/** The addresses the per-miner stand-ins know (valid DOGE Base58Check, generated for the tests). */
export const PAYOUT_ADDRESSES = {
  paid: 'DNQnHwQxrNs4y74oGkoTZfVzJniu6Y9Hek',
  short: 'DSoU78vs8sfxX2WJUQhebryNNWE4QWfB8k',
  unknown: 'DRGjTZMt7Ub7NEgR4DDKTpWxUTryCscY4X',
} as const;

function payoutRoutes() {
  const shifted = (file: string, wrongShape: string, empty: string) => ({ file: accounts(file), wrongShape, empty, timeAnchor: POOL_FIXTURE_ANCHOR });
  return {
    '/mc-pay/api/pools/doge1': shifted('miningcore-api_pools_doge1-documented-shape.json', '{"pools":[]}', '{}'),
    '/mc-pay/api/pools/doge1/performance': shifted('miningcore-api_pools_doge1_performance-documented-shape.json', '{"performance":[]}', '{"stats":[]}'),
    '/mc-pay/api/pools/doge1/miners/DNQnHwQxrNs4y74oGkoTZfVzJniu6Y9Hek': shifted('miningcore-api_pools_doge1_miners_paid-documented-shape.json', '{"pendingBalance":"x"}', ''),
    '/mc-pay/api/pools/doge1/miners/DNQnHwQxrNs4y74oGkoTZfVzJniu6Y9Hek/payments': shifted('miningcore-api_pools_doge1_miners_paid_payments-documented-shape.json', '{"payments":[]}', '[]'),
    '/mc-pay/api/pools/doge1/miners/DNQnHwQxrNs4y74oGkoTZfVzJniu6Y9Hek/balancechanges': shifted('miningcore-api_pools_doge1_miners_paid_balancechanges-documented-shape.json', '{"changes":[]}', '[]'),
    '/mc-pay/api/pools/doge1/miners/DSoU78vs8sfxX2WJUQhebryNNWE4QWfB8k': shifted('miningcore-api_pools_doge1_miners_short-documented-shape.json', '{"pendingBalance":"x"}', ''),
    '/mc-pay/api/pools/doge1/miners/DSoU78vs8sfxX2WJUQhebryNNWE4QWfB8k/payments': shifted('miningcore-api_pools_doge1_miners_short_payments-documented-shape.json', '{"payments":[]}', '[]'),
    '/mc-pay/api/pools/doge1/miners/DSoU78vs8sfxX2WJUQhebryNNWE4QWfB8k/balancechanges': shifted('miningcore-api_pools_doge1_miners_short_balancechanges-documented-shape.json', '{"changes":[]}', '[]'),
    // MiningCore answers a null result (204, no body) for a miner it does not know.
    '/mc-pay/api/pools/doge1/miners/DRGjTZMt7Ub7NEgR4DDKTpWxUTryCscY4X': shifted('miningcore-api_pools_doge1_miners_unknown-documented-shape.txt', '{}', ''),
    '/nomp-pay/api/worker_stats': { file: accounts('nomp-api_worker_stats-documented-shape.json'), wrongShape: '{"workers":[]}', empty: '{"result":"error"}' },
    '/cn-pay/stats': { file: pools('cryptonote_pool-stats-documented-shape.json'), wrongShape: '{"config":{}}', empty: '{}' },
    '/cn-pay/stats_address': { file: accounts('cryptonote_pool-stats_address-documented-shape.json'), wrongShape: '{"stats":[]}', empty: '{"error":"Not found"}' },
    '/yiimp-pay/api/wallet': { file: accounts('yiimp-api_wallet-documented-shape.json'), wrongShape: '{"wallet":1}', empty: '' },
  } as const satisfies Record<string, Route>;
}

const ROUTES = {
  '/coins.json': {
    file: 'tests/fixtures/whattomine-coins-2017-09-07.json',
    wrongShape: '{"coins":["Monero"]}',
    empty: '{"coins":{}}',
  },
  '/asic.json': {
    file: 'tests/fixtures/whattomine-asic-derived.json',
    wrongShape: '{"data":{"coins":{}}}',
    empty: '{"coins":{}}',
    hostile: JSON.stringify({
      coins: {
        // Markup in a name and a tag: it must be shown as text, never run.
        '<img src=x onerror="window.__xss=1">Coin': {
          tag: '<b>XSS</b>',
          algorithm: 'Scrypt',
          block_time: '150.0',
          block_reward: 6.25,
          difficulty: 34315750,
          nethash: '982566797951630',
          exchange_rate: 0.0013,
          exchange_rate_vol: 5,
          lagging: false,
          timestamp: 1710547200,
        },
        // Absurd values: zero difficulty and block time, a 0 price, a "NaN" hashrate.
        Absurd: {
          tag: 'ABSURD',
          algorithm: 'Scrypt',
          block_time: '0',
          block_reward: 10000,
          difficulty: 0,
          nethash: 'NaN',
          exchange_rate: 0,
          lagging: false,
          timestamp: 1710547200,
        },
      },
    }),
  },
  '/api/v3/simple/price': {
    file: 'tests/fixtures/coingecko-simple_price-2026-09-27.json',
    wrongShape: '[{"id":"bitcoin","usd":84449}]',
    empty: '{}',
  },
  '/v1/coins': {
    file: 'lib/snapshot/embedded/hashrateno-v1_coins-2024-03-16.json',
    wrongShape: '{"coins":[]}',
    empty: '[]',
    needsApiKey: true,
  },
  '/api/v3/coins/markets': {
    file: 'tests/fixtures/coingecko-coins_markets-2025-03-04.json',
    wrongShape: '{"bitcoin":{}}',
    empty: '[]',
  },
  '/main/api/v2/public/simplemultialgo/info': {
    file: 'tests/fixtures/nicehash-simplemultialgo-derived.json',
    wrongShape: '{"algorithms":[]}',
    empty: '{"miningAlgorithms":[]}',
  },
  // A YIIMP pool's coin list (raptorhash.com, 2025-02-14), for registry coins in e2e.
  '/api/currencies': {
    file: 'tests/fixtures/chain/yiimp-raptorhash-api_currencies-2025-02-14.jsonc',
    wrongShape: '[]',
    empty: '{}',
    stripLineComments: true,
  },
  // Pool stand-ins (tests/fixtures/pools, built from the documented shapes; see its README entry).
  // Site A runs a CLORE pool holding 55 % of the network; site B one that has found no block for 2 days.
  '/mc-a/api/pools': { file: pools('miningcore-api_pools-site_a-documented-shape.json'), wrongShape: MININGCORE_OLD_SHAPE, empty: '{"pools":[]}', timeAnchor: POOL_FIXTURE_ANCHOR },
  '/mc-a/api/pools/clore1/blocks': { file: pools('miningcore-api_pools_clore1_blocks-site_a-documented-shape.json'), wrongShape: '{"blocks":[]}', empty: '[]', timeAnchor: POOL_FIXTURE_ANCHOR },
  '/mc-b/api/pools': { file: pools('miningcore-api_pools-site_b-documented-shape.json'), wrongShape: MININGCORE_OLD_SHAPE, empty: '{"pools":[]}', timeAnchor: POOL_FIXTURE_ANCHOR },
  '/mc-b/api/pools/clore/blocks': { file: pools('miningcore-api_pools_clore_blocks-site_b-documented-shape.json'), wrongShape: '{"blocks":[]}', empty: '[]', timeAnchor: POOL_FIXTURE_ANCHOR },
  // Site C (added on the add page in e2e): long-tail coins KPX (KawPow) and SCX (Scrypt), and a pool of an algorithm the app does not know.
  '/mc-c/api/pools': {
    file: pools('miningcore-api_pools-site_c-documented-shape.json'),
    wrongShape: MININGCORE_OLD_SHAPE,
    empty: '{"pools":[]}',
    timeAnchor: POOL_FIXTURE_ANCHOR,
    // A pool id that walks paths, markup in a name, a network of −5 H/s at difficulty 0, and a difficulty of 1e400 (Infinity).
    hostile:
      '{"pools":[{"id":"../../x","coin":{"symbol":"KPX","algorithm":"KawPow"},"poolFeePercent":1,"poolStats":{"poolHashrate":1},"networkStats":{"networkHashrate":1,"networkDifficulty":1}},' +
      '{"id":"hx1","coin":{"symbol":"HX","name":"<img src=x onerror=alert(1)>","algorithm":"KawPow"},"poolFeePercent":1,"poolStats":{"poolHashrate":1},"networkStats":{"networkHashrate":-5,"networkDifficulty":0}},' +
      '{"id":"inf1","coin":{"symbol":"INF","algorithm":"KawPow"},"poolFeePercent":1,"poolStats":{"poolHashrate":1},"networkStats":{"networkHashrate":1,"networkDifficulty":1e400}}]}',
  },
  '/mc-c/api/pools/kpx1/blocks': { file: pools('miningcore-api_pools_kpx1_blocks-site_c-documented-shape.json'), wrongShape: '{"blocks":[]}', empty: '[]', timeAnchor: POOL_FIXTURE_ANCHOR },
  '/mc-c/api/pools/scx1/blocks': { file: pools('miningcore-api_pools_scx1_blocks-site_c-documented-shape.json'), wrongShape: '{"blocks":[]}', empty: '[]', timeAnchor: POOL_FIXTURE_ANCHOR },
  '/nomp/api/stats': { file: pools('nomp-api_stats-documented-shape.json'), wrongShape: '{"pools":[]}', empty: '{"pools":{}}' },
  '/cn/stats': { file: pools('cryptonote_pool-stats-documented-shape.json'), wrongShape: '{"config":{}}', empty: '{}' },
  // Per-miner stand-ins (tests/fixtures/pool-accounts, built from the documented shapes; see its README
  // entry): a DOGE miner paid as estimated, one paid 40 % less, and an address the pool never saw.
  ...payoutRoutes(),
} satisfies Record<string, Route>;

const ISO_IN_JSON = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)"/g;

/** Moves every ISO time in `body` by (now − anchor). */
export function shiftIsoTimes(body: string, anchor: string, nowMs: number): string {
  const shift = nowMs - Date.parse(anchor);
  return body.replace(ISO_IN_JSON, (_, iso: string) => `"${new Date(Date.parse(iso) + shift).toISOString()}"`);
}

export type FixtureRoute = keyof typeof ROUTES;
export const FIXTURE_ROUTES = Object.keys(ROUTES) as FixtureRoute[];

type RouteState = { mode: FixtureMode; delayMs: number; retryAfter: number };
export type ModeOptions = { delayMs?: number; retryAfter?: number };

const DEFAULT_DELAY_MS = 10_000;
const DEFAULT_RETRY_AFTER = 30;
const okState = (): RouteState => ({ mode: 'ok', delayMs: DEFAULT_DELAY_MS, retryAfter: DEFAULT_RETRY_AFTER });

export type FixtureServer = {
  url: string;
  port: number;
  /** Upstream requests served per route since start or the last reset (control calls excluded). */
  counts(): Record<string, number>;
  /** `route` "*" sets every route. */
  setMode(route: FixtureRoute | '*', mode: FixtureMode, opts?: ModeOptions): void;
  reset(): void;
  close(): Promise<void>;
};

function isRoute(value: string): value is FixtureRoute {
  return Object.hasOwn(ROUTES, value);
}

function isMode(value: unknown): value is FixtureMode {
  return typeof value === 'string' && (FIXTURE_MODES as readonly string[]).includes(value);
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFixtureServer({ port = 0 }: { port?: number } = {}): Promise<FixtureServer> {
  // Read once: the recordings are served byte for byte.
  const bodies = Object.fromEntries(
    FIXTURE_ROUTES.map((route) => {
      const config: Route = ROUTES[route];
      const text = readFileSync(path.join(ROOT, config.file), 'utf8');
      const body = config.stripLineComments
        ? text
            .split('\n')
            .filter((line) => !line.trimStart().startsWith('//'))
            .join('\n')
            .trim()
        : text;
      return [route, body];
    }),
  ) as Record<FixtureRoute, string>;
  const states = Object.fromEntries(FIXTURE_ROUTES.map((route) => [route, okState()])) as Record<FixtureRoute, RouteState>;
  let counts = Object.fromEntries(FIXTURE_ROUTES.map((route) => [route, 0])) as Record<FixtureRoute, number>;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  function setMode(route: FixtureRoute | '*', mode: FixtureMode, opts: ModeOptions = {}): void {
    const state: RouteState = {
      mode,
      delayMs: opts.delayMs ?? DEFAULT_DELAY_MS,
      retryAfter: opts.retryAfter ?? DEFAULT_RETRY_AFTER,
    };
    for (const key of route === '*' ? FIXTURE_ROUTES : [route]) states[key] = { ...state };
  }

  function reset(): void {
    for (const route of FIXTURE_ROUTES) states[route] = okState();
    counts = Object.fromEntries(FIXTURE_ROUTES.map((route) => [route, 0])) as Record<FixtureRoute, number>;
  }

  function serveUpstream(route: FixtureRoute, url: URL, res: ServerResponse): void {
    counts[route] += 1;
    const config: Route = ROUTES[route];
    const state = states[route];
    if (config.needsApiKey && !url.searchParams.get('apiKey')) {
      send(res, 401, '{"error":"Unauthorized: missing apiKey"}');
      return;
    }
    const anchor: string | undefined = config.timeAnchor;
    const body = anchor ? shiftIsoTimes(bodies[route], anchor, Date.now()) : bodies[route];
    switch (state.mode) {
      case 'ok':
        return send(res, 200, body);
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(res, 200, body);
        }, state.delayMs);
        timers.add(timer);
        // A client that gives up (timeout) must not leave the timer behind.
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      case '500':
        return send(res, 500, '{"error":"fixture: forced 500"}');
      case '429':
        return send(res, 429, '{"error":"fixture: rate limited"}', { 'retry-after': String(state.retryAfter) });
      case 'malformed':
        return send(res, 200, bodies[route].slice(0, 40));
      case 'wrong-shape':
        return send(res, 200, config.wrongShape);
      case 'empty':
        return send(res, 200, config.empty);
      case 'hostile':
        return send(res, 200, config.hostile ?? bodies[route]);
    }
  }

  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, '{"error":"body must be JSON"}');
    }
    const { route, mode, delayMs, retryAfter } = (body ?? {}) as Record<string, unknown>;
    if (typeof route !== 'string' || !(route === '*' || isRoute(route))) {
      return send(res, 400, JSON.stringify({ error: `route must be "*" or one of ${FIXTURE_ROUTES.join(', ')}` }));
    }
    if (!isMode(mode)) return send(res, 400, JSON.stringify({ error: `mode must be one of ${FIXTURE_MODES.join(', ')}` }));
    const nonNegative = (value: unknown) => value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 0);
    if (!nonNegative(delayMs) || !nonNegative(retryAfter)) {
      return send(res, 400, '{"error":"delayMs and retryAfter must be non-negative integers"}');
    }
    setMode(route, mode, { delayMs: delayMs as number | undefined, retryAfter: retryAfter as number | undefined });
    send(res, 200, JSON.stringify({ ok: true, route, mode }));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture.local');
    const method = req.method ?? 'GET';
    if (method === 'POST' && url.pathname === '/__control') {
      control(req, res).catch(() => send(res, 500, '{"error":"control failed"}'));
    } else if (method === 'POST' && url.pathname === '/__reset') {
      reset();
      send(res, 200, '{"ok":true}');
    } else if (method === 'GET' && url.pathname === '/__counts') {
      send(res, 200, JSON.stringify(counts));
    } else if (method === 'GET' && isRoute(url.pathname)) {
      serveUpstream(url.pathname, url, res);
    } else {
      send(res, 404, JSON.stringify({ error: `fixture: no route ${method} ${url.pathname}` }));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const actualPort = await listenOnLoopback(server, port);

  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    counts: () => ({ ...counts }),
    setMode,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and in-flight (slow) connections would otherwise hold close() open.
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function portFromArgs(argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  const value = index >= 0 ? argv[index + 1] : undefined;
  if (value === undefined) return 4010;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0-65535, got "${value}"`);
  return port;
}

// Started as a script (tsx, ESM or CJS) rather than imported by a test or by Playwright.
const entry = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (/[\\/]tests[\\/]support[\\/]fixture-server\.[cm]?[jt]s$/.test(entry)) {
  startFixtureServer({ port: portFromArgs(process.argv.slice(2)) })
    .then((fixtures) => {
      console.log(`fixture server on ${fixtures.url}`);
      console.log(`SOURCES=whattomine,coingecko WHATTOMINE_URL=${fixtures.url} COINGECKO_URL=${fixtures.url}`);
      console.log(`# with hashrate.no too: SOURCES=whattomine,coingecko,hashrateno HASHRATENO_URL=${fixtures.url} HASHRATENO_API_KEY=fixture`);
      console.log(`# switches: curl -X POST ${fixtures.url}/__control -d '{"route":"/coins.json","mode":"500"}'`);
      const stop = () => {
        fixtures.close().then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
