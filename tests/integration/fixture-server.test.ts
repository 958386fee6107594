// The fixture server through the real adapters: every route, the counts, and each switch.
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { fetchCoinGeckoPrices } from '@/lib/sources/coingecko';
import { fetchHashrateNo } from '@/lib/sources/hashrateno';
import { fetchJson, SchemaError, UpstreamError } from '@/lib/sources/http';
import { fetchWhatToMine } from '@/lib/sources/whattomine';
import { FIXTURE_ROUTES, startFixtureServer, type FixtureServer } from '@/tests/support/fixture-server';

const ROOT = path.resolve(__dirname, '../..');
const TIMEOUT_MS = 5000;

let fixtures: FixtureServer;
const opts = () => ({ baseUrl: fixtures.url, timeoutMs: TIMEOUT_MS });
const zeroCounts = {
  '/coins.json': 0,
  '/asic.json': 0,
  '/api/v3/simple/price': 0,
  '/v1/coins': 0,
  '/api/v3/coins/markets': 0,
  '/main/api/v2/public/simplemultialgo/info': 0,
  '/api/currencies': 0,
  '/mc-a/api/pools': 0,
  '/mc-a/api/pools/clore1/blocks': 0,
  '/mc-b/api/pools': 0,
  '/mc-b/api/pools/clore/blocks': 0,
  '/mc-c/api/pools': 0,
  '/mc-c/api/pools/kpx1/blocks': 0,
  '/mc-c/api/pools/scx1/blocks': 0,
  '/nomp/api/stats': 0,
  '/cn/stats': 0,
  // The per-miner stand-ins of the payouts page (issue 18).
  ...Object.fromEntries(FIXTURE_ROUTES.filter((r) => /^\/(mc|nomp|cn|yiimp)-pay\//.test(r)).map((r) => [r, 0])),
};

/** The rejection of `promise`, failing the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  fixtures = await startFixtureServer();
});
afterAll(async () => {
  await fixtures.close();
});
beforeEach(() => fixtures.reset());

describe('routes through the real adapters', () => {
  it('serves the 2017 GPU list on /coins.json, one request per call', async () => {
    const result = await fetchWhatToMine('gpu', opts());
    expect(result.data.coins).toHaveLength(32);
    expect(result.skipped).toHaveLength(10);
    expect(fixtures.counts()).toEqual({ ...zeroCounts, '/coins.json': 1 });
    await fetchWhatToMine('gpu', opts());
    expect(fixtures.counts()['/coins.json']).toBe(2);
  });

  it('serves the derived ASIC list on /asic.json', async () => {
    const result = await fetchWhatToMine('asic', opts());
    expect(result.data.coins.map((c) => c.tag)).toEqual(['BTC', 'LTC', 'DOGE', 'KAS']);
    expect(result.data.btcUsd).toBe(68154.34627401);
    expect(fixtures.counts()).toEqual({ ...zeroCounts, '/asic.json': 1 });
  });

  it('serves the CoinGecko recording and reports requested ids it lacks', async () => {
    const result = await fetchCoinGeckoPrices(['ethereum', 'litecoin'], opts());
    expect(result.data.btcUsd).toBe(84449);
    expect(result.data.quotes.map((q) => [q.id, q.priceUsd])).toEqual([['bitcoin', 84449], ['ethereum', 2686.81]]);
    expect(result.skipped).toEqual([{ name: 'litecoin', reason: 'not in the response (unknown id?)' }]);
    expect(fixtures.counts()).toEqual({ ...zeroCounts, '/api/v3/simple/price': 1 });
  });

  it('serves hashrate.no with a key and answers 401 without one', async () => {
    const result = await fetchHashrateNo({ ...opts(), apiKey: 'fixture' });
    expect(result.data).toHaveLength(97);
    const error = await rejection(fetchHashrateNo({ ...opts(), apiKey: '' }));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'http', status: 401, message: 'hashrateno: HTTP 401' });
    expect(fixtures.counts()['/v1/coins']).toBe(2);
  });
});

describe('switches', () => {
  it("'slow' makes a short timeout fail as kind 'timeout'", async () => {
    fixtures.setMode('/coins.json', 'slow', { delayMs: 2000 });
    const started = Date.now();
    const error = await rejection(fetchWhatToMine('gpu', { baseUrl: fixtures.url, timeoutMs: 200 }));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'timeout', message: 'whattomine-gpu: timed out after 200 ms' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("'slow' still answers ok after delayMs", async () => {
    fixtures.setMode('/asic.json', 'slow', { delayMs: 300 });
    const started = Date.now();
    const result = await fetchWhatToMine('asic', opts());
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(result.data.coins).toHaveLength(4);
  });

  it("'500' → kind 'http', status 500", async () => {
    fixtures.setMode('/api/v3/simple/price', '500');
    const error = await rejection(fetchCoinGeckoPrices([], opts()));
    expect(error).toMatchObject({ kind: 'http', status: 500, message: 'coingecko: HTTP 500' });
    expect(fixtures.counts()['/api/v3/simple/price']).toBe(1);
  });

  it("'429' → retryAfterSeconds as set", async () => {
    fixtures.setMode('/coins.json', '429', { retryAfter: 17 });
    const error = await rejection(fetchWhatToMine('gpu', opts()));
    expect(error).toMatchObject({ kind: 'http', status: 429, retryAfterSeconds: 17 });
  });

  it("'malformed' → kind 'malformed'", async () => {
    fixtures.setMode('/v1/coins', 'malformed');
    const error = await rejection(fetchHashrateNo({ ...opts(), apiKey: 'fixture' }));
    expect(error).toMatchObject({ kind: 'malformed', message: 'hashrateno: malformed JSON' });
  });

  it("'wrong-shape' → SchemaError on every route", async () => {
    fixtures.setMode('*', 'wrong-shape');
    const errors = await Promise.all([
      rejection(fetchWhatToMine('gpu', opts())),
      rejection(fetchWhatToMine('asic', opts())),
      rejection(fetchCoinGeckoPrices([], opts())),
      rejection(fetchHashrateNo({ ...opts(), apiKey: 'fixture' })),
    ]);
    for (const error of errors) expect(error).toBeInstanceOf(SchemaError);
    expect((errors[0] as Error).message).toBe('whattomine-gpu: unexpected response shape at coins: Invalid input: expected record, received array');
  });

  it("'empty' → no coins, no error", async () => {
    fixtures.setMode('*', 'empty');
    expect((await fetchWhatToMine('gpu', opts())).data.coins).toEqual([]);
    expect((await fetchHashrateNo({ ...opts(), apiKey: 'fixture' })).data).toEqual([]);
    const prices = await fetchCoinGeckoPrices([], opts());
    expect(prices.data).toEqual({ quotes: [], btcUsd: null, btcEur: null });
    expect(prices.skipped).toEqual([{ name: 'bitcoin', reason: 'not in the response (unknown id?)' }]);
  });

  it('a mode on one route leaves the others ok', async () => {
    fixtures.setMode('/coins.json', '500');
    expect((await fetchWhatToMine('asic', opts())).data.coins).toHaveLength(4);
  });
});

describe('control over HTTP', () => {
  const post = (pathname: string, body?: unknown) =>
    fetch(`${fixtures.url}${pathname}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

  it('sets a mode, counts only upstream requests, and resets', async () => {
    const set = await post('/__control', { route: '/coins.json', mode: '429', retryAfter: 5 });
    expect(set.status).toBe(200);
    const error = await rejection(fetchWhatToMine('gpu', opts()));
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 5 });

    const counts = await (await fetch(`${fixtures.url}/__counts`)).json();
    expect(counts).toEqual({ ...zeroCounts, '/coins.json': 1 });

    expect((await post('/__reset')).status).toBe(200);
    expect(await (await fetch(`${fixtures.url}/__counts`)).json()).toEqual(zeroCounts);
    expect((await fetchWhatToMine('gpu', opts())).data.coins).toHaveLength(32);
  });

  it("route '*' sets every route", async () => {
    await post('/__control', { route: '*', mode: '500' });
    const errors = await Promise.all([rejection(fetchWhatToMine('gpu', opts())), rejection(fetchCoinGeckoPrices([], opts()))]);
    expect(errors.map((e) => (e as UpstreamError).status)).toEqual([500, 500]);
  });

  it('rejects a bad control body with 400', async () => {
    expect((await post('/__control', { route: '/nope', mode: 'ok' })).status).toBe(400);
    expect((await post('/__control', { route: '/coins.json', mode: 'flaky' })).status).toBe(400);
    expect((await post('/__control', { route: '/coins.json', mode: 'slow', delayMs: -1 })).status).toBe(400);
    expect((await fetch(`${fixtures.url}/__control`, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect(fixtures.counts()).toEqual(zeroCounts);
  });
});

describe('close', () => {
  it('resolves promptly with a slow request in flight', async () => {
    const own = await startFixtureServer();
    own.setMode('/coins.json', 'slow'); // default 10 s
    const inFlight = rejection(fetchJson(`${own.url}/coins.json`, { timeoutMs: 30_000 }));
    while (own.counts()['/coins.json'] === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await inFlight).toMatchObject({ kind: 'network' });
  });
});

describe('requests the adapters send', () => {
  let seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  let capture: ReturnType<typeof createServer>;
  let captureUrl = '';

  beforeAll(async () => {
    capture = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/v1/coins' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url?.startsWith('/v1/') ? '[]' : '{}');
    });
    await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
    captureUrl = `http://127.0.0.1:${(capture.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    capture.closeAllConnections();
    await new Promise((resolve) => capture.close(resolve));
  });
  beforeEach(() => {
    seen = [];
  });

  it('CoinGecko: ids sorted with bitcoin, the demo key header only when configured', async () => {
    await fetchCoinGeckoPrices(['monero', 'kaspa'], { baseUrl: `${captureUrl}/`, timeoutMs: TIMEOUT_MS });
    await fetchCoinGeckoPrices(['kaspa'], { baseUrl: captureUrl, timeoutMs: TIMEOUT_MS, apiKey: 'demo-123' });
    expect(seen.map((s) => s.url)).toEqual([
      '/api/v3/simple/price?ids=bitcoin,kaspa,monero&vs_currencies=usd,eur,gbp&include_24hr_vol=true&include_last_updated_at=true',
      '/api/v3/simple/price?ids=bitcoin,kaspa&vs_currencies=usd,eur,gbp&include_24hr_vol=true&include_last_updated_at=true',
    ]);
    expect(seen[0]?.headers['x-cg-demo-api-key']).toBeUndefined();
    expect(seen[1]?.headers['x-cg-demo-api-key']).toBe('demo-123');
  });

  it('hashrate.no: the key as the apiKey query parameter, URL-encoded', async () => {
    await fetchHashrateNo({ baseUrl: captureUrl, apiKey: 'a b&c', timeoutMs: TIMEOUT_MS });
    expect(seen.map((s) => s.url)).toEqual(['/v1/coins?apiKey=a%20b%26c']);
  });

  it('never follows a redirect (an upstream moving could leak the key elsewhere)', async () => {
    const error = await rejection(fetchJson(`${captureUrl}/moved`, { timeoutMs: TIMEOUT_MS, source: 'test' }));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: 'network' });
    expect((error as Error).message).toMatch(/^test: network error \(/);
    expect(seen.map((s) => s.url)).toEqual(['/moved']);
  });
});

describe('run directly', () => {
  it('prints the env lines and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'tests/support/fixture-server.ts'), '--port', '0'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const envLine = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((l) => l.startsWith('SOURCES='));
        if (line) resolve(line);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
    const match = /^SOURCES=whattomine,coingecko WHATTOMINE_URL=(http:\/\/127\.0\.0\.1:\d+) COINGECKO_URL=\1$/.exec(envLine);
    expect(match).not.toBeNull();
    const counts = await (await fetch(`${match?.[1]}/__counts`)).json();
    expect(counts).toEqual(zeroCounts);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);
});
