// Safe to expose (issue 15), against the production build (`next start`, run after `next build`
// by scripts/test.sh with the scale-out test): the client is the socket's peer unless TRUST_PROXY
// says otherwise, so forwarded headers cannot escape the rate limit or lock out someone else;
// behind a proxy the limit holds per real client; a client not on this machine cannot remove a
// coin without ADMIN_TOKEN and can with it; a bad setting stops the process, named, before serving.
// Every address here is loopback: 127.0.0.x source addresses stand for different clients, and the
// test's own proxy says a client came from 203.0.113.x (TEST-NET-3, never contacted).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUserCoins } from '@/lib/registry/store';
import { freePort, listenOnLoopback } from '../support/listen';

const BUILT = existsSync(join(process.cwd(), '.next', 'BUILD_ID'));
const TOKEN = 'operator-token-for-tests-0123456789';
const LIMIT = 4;
const PAGES = 3;

type Server = { url: string; port: number; child: ChildProcess; logs: string[] };
const started: Server[] = [];

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), SOURCES: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  const server = { url: `http://127.0.0.1:${port}`, port, child, logs };
  started.push(server);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}: ${logs.join('')}`);
    // A static file: answered once the server is prepared (instrumentation run), and not rate-limited.
    const ready = await send(`${server.url}/icon.svg`).then((a) => a.status === 200, () => false);
    if (ready) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not listen: ${logs.join('')}`);
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request from a chosen loopback source address (a different client per address). */
function send(
  url: string,
  options: { from?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from ?? '127.0.0.1', agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
      },
    );
    request.on('error', reject);
    request.setTimeout(20_000, () => request.destroy(new Error('timeout')));
    request.end(options.body);
  });
}

/**
 * A reverse proxy as nginx is set up with `proxy_set_header X-Forwarded-For
 * $proxy_add_x_forwarded_for`: it appends the address it saw. Its clients are all on loopback, so
 * it reports 127.0.0.N as 203.0.113.N: a client from the internet, as far as the app can tell.
 */
async function startProxy(target: number): Promise<{ port: number; close: () => void }> {
  const server = http.createServer((req, res) => {
    const seen = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '').replace(/^127\.0\.0\./, '203.0.113.');
    const previous = req.headers['x-forwarded-for'];
    const headers = { ...req.headers, 'x-forwarded-for': previous ? `${String(previous)}, ${seen}` : seen };
    const upstream = http.request({ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const port = await listenOnLoopback(server, 0);
  return { port, close: () => server.close() };
}

afterAll(() => {
  for (const server of started) server.child.kill('SIGTERM');
});

describe.skipIf(!BUILT)(BUILT ? 'exposed to the internet' : 'exposed to the internet (SKIPPED: needs next build)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'minerank-exposure-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without TRUST_PROXY, spoofed X-Forwarded-For, X-Real-IP, Forwarded and the peer header change nothing', async () => {
    const server = await startServer({ RATE_LIMIT_PER_MINUTE: String(LIMIT), SNAPSHOT_FILE: join(dir, 'a.json') });
    const statuses: number[] = [];
    for (let i = 1; i <= LIMIT + 3; i++) {
      const answer = await send(`${server.url}/api/coins`, {
        from: '127.0.0.2',
        headers: { 'x-forwarded-for': `198.51.100.${i}`, 'x-real-ip': `198.51.100.${i}`, forwarded: `for=198.51.100.${i}`, 'x-minerank-peer': `198.51.100.${i}` },
      });
      statuses.push(answer.status);
    }
    // One client (127.0.0.2) however it names itself: LIMIT answers, then 429s.
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429, 429]);
    // A path Next cannot decode is a 404 with the security headers, not a bare 500.
    const malformed = await send(`${server.url}/coins/%C3%28`, { from: '127.0.0.8' });
    expect(malformed.status).toBe(404);
    expect(malformed.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(malformed.headers['x-content-type-options']).toBe('nosniff');
    expect(malformed.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(malformed.headers['cross-origin-resource-policy']).toBe('same-origin');
    // The embedded snapshot: revalidated on every use.
    const api = await send(`${server.url}/api/estimates?kwh=0.1`, { from: '127.0.0.11' });
    expect(api.status).toBe(200);
    expect(api.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    // No page or error names the working directory.
    for (const path of ['/coins/%C3%28', '/coins/NOPE', '/coins/add', '/api/estimates?kwh=-1']) {
      expect((await send(`${server.url}${path}`, { from: '127.0.0.9' })).body).not.toContain(process.cwd());
    }
    // On this machine, the operator; a local proxy relaying someone else (forwarded headers from
    // loopback without TRUST_PROXY) is not.
    expect((await send(`${server.url}/coins/add`, { from: '127.0.0.10' })).body).not.toContain('data-testid="operator-note"');
    const relayed = await send(`${server.url}/coins/add`, { from: '127.0.0.10', headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(relayed.body).toContain('data-testid="operator-note"');
    // A payouts lookup asks the pool the visitor named: it takes from the same allowance. Here the
    // pool is on loopback, so each allowed lookup is refused by the guard without a request.
    const payouts = `${server.url}/payouts?pool=${encodeURIComponent('http://127.0.0.1:9')}&poolId=doge1&coin=DOGE&address=DNQnHwQxrNs4y74oGkoTZfVzJniu6Y9Hek`;
    const lookups: string[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      const { body } = await send(payouts, { from: '127.0.0.14' });
      lookups.push(body.includes('data-testid="payout-limited"') ? 'limited' : body.includes('data-testid="payout-failure"') ? 'asked' : 'other');
    }
    expect(lookups).toEqual([...Array(LIMIT).fill('asked'), 'limited']);
    // Claiming to be 127.0.0.3 did not lock 127.0.0.3 out: it has its whole allowance.
    for (let i = 0; i < LIMIT; i++) {
      await send(`${server.url}/api/coins`, { from: '127.0.0.4', headers: { 'x-forwarded-for': '127.0.0.3' } });
    }
    expect((await send(`${server.url}/api/coins`, { from: '127.0.0.3' })).status).toBe(200);
  });

  it('with TRUST_PROXY=1 behind a proxy, the limit holds per real client whatever the client writes', async () => {
    const server = await startServer({
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      PAGE_RATE_LIMIT_PER_MINUTE: String(PAGES),
      TRUST_PROXY: '1',
      SNAPSHOT_FILE: join(dir, 'b.json'),
    });
    const proxy = await startProxy(server.port);
    try {
      const via = `http://127.0.0.1:${proxy.port}/api/coins`;
      const a: number[] = [];
      for (let i = 1; i <= LIMIT + 2; i++) a.push((await send(via, { from: '127.0.0.5', headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
      expect(a).toEqual([...Array(LIMIT).fill(200), 429, 429]);
      // Another real client behind the same proxy is counted on its own.
      expect((await send(via, { from: '127.0.0.6' })).status).toBe(200);
      // Pages have their own per-client budget, refused before anything is rendered: PAGES pages,
      // then a 429 with Retry-After and the security headers; another client still gets its pages.
      const page = `http://127.0.0.1:${proxy.port}/coins/add`;
      const pages: Answer[] = [];
      for (let i = 1; i <= PAGES + 2; i++) pages.push(await send(page, { from: '127.0.0.12', headers: { 'x-forwarded-for': `198.51.100.${i}` } }));
      expect(pages.map((p) => p.status)).toEqual([...Array(PAGES).fill(200), 429, 429]);
      const over = pages[PAGES];
      expect(Number(over?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(over?.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(over?.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(JSON.parse(over?.body ?? '{}')).toEqual({ error: 'Too many pages from your address: try again in a minute.' });
      expect((await send(page, { from: '127.0.0.13' })).status).toBe(200);
    } finally {
      proxy.close();
    }
  });

  it('a client from elsewhere cannot remove a coin without ADMIN_TOKEN, and can with it', async () => {
    const coinsFile = join(dir, 'coins.user.json');
    const coin = {
      tag: 'MXS',
      name: 'Test coin',
      algorithm: 'kawpow',
      blockTimeSeconds: 60,
      source: { kind: 'yiimp', url: 'https://pool.example', symbol: 'MXS' },
      price: null,
      sources: [{ fact: 'a stand-in coin for this test', url: 'https://pool.example/api' }],
    };
    writeFileSync(coinsFile, JSON.stringify({ coins: [coin] }, null, 2));
    expect(readUserCoins(coinsFile).map((c) => c.tag)).toEqual(['MXS']);
    const server = await startServer({ TRUST_PROXY: 'loopback', ADMIN_TOKEN: TOKEN, USER_COINS_FILE: coinsFile, SNAPSHOT_FILE: join(dir, 'c.json') });
    const proxy = await startProxy(server.port);
    try {
      const page = `http://127.0.0.1:${proxy.port}/coins/add`;
      const html = (await send(page, { from: '127.0.0.7' })).body;
      expect(html).toContain('data-testid="operator-note"');
      expect(html).not.toContain(dir); // the coins file is named, not its path
      const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
      expect(actionId).toMatch(/^[0-9a-f]{20,}$/);
      // The remove form as a browser without JavaScript posts it (multipart, as React renders the form).
      const post = async (fields: Record<string, string>) => {
        const form = new FormData();
        for (const [name, value] of Object.entries({ [`$ACTION_ID_${actionId}`]: '', tag: 'MXS', algorithm: 'kawpow', ...fields })) {
          form.append(name, value);
        }
        const encoded = new Response(form);
        const body = await encoded.text();
        return send(page, {
          from: '127.0.0.7',
          method: 'POST',
          headers: { 'content-type': encoded.headers.get('content-type') ?? '', origin: `http://127.0.0.1:${proxy.port}` },
          body,
        });
      };
      // From another origin, or a body over the action limit: 403 and 413 with headers, never a 500.
      const crossOrigin = await send(page, {
        from: '127.0.0.7',
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'next-action': actionId ?? '' },
        body: 'x=1',
      });
      expect(crossOrigin.status).toBe(403);
      expect(crossOrigin.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      // The body is refused by its declared length, unread: only the headers and a few bytes are
      // sent, so the answer does not race the upload through the test's proxy.
      const oversized = await send(page, {
        from: '127.0.0.7',
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(2 * 1024 * 1024),
          origin: `http://127.0.0.1:${proxy.port}`,
          'next-action': actionId ?? '',
        },
        body: 'x=1',
      });
      expect(oversized.status).toBe(413);
      // A malformed call: a multipart body that does not parse (with or without an action id), or
      // an action id of the wrong form, is a 400 with the headers (Next answered the first with a 500).
      for (const extra of [{ 'next-action': actionId ?? '' }, {}] as Record<string, string>[]) {
        const garbled = await send(page, {
          from: '127.0.0.7',
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=zzz', origin: `http://127.0.0.1:${proxy.port}`, ...extra },
          body: 'not a multipart body',
        });
        expect(garbled.status).toBe(400);
        expect(garbled.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      }
      const badId = await send(page, {
        from: '127.0.0.7',
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', origin: `http://127.0.0.1:${proxy.port}`, 'next-action': 'abc' },
        body: '[]',
      });
      expect(badId.status).toBe(400);
      expect(readUserCoins(coinsFile).map((c) => c.tag)).toEqual(['MXS']);
      const refused = await post({});
      expect(refused.status).toBe(303);
      expect(refused.headers.location).toContain('refused=operator');
      expect(readUserCoins(coinsFile).map((c) => c.tag)).toEqual(['MXS']);
      const wrong = await post({ adminToken: `${TOKEN}x` });
      expect(wrong.headers.location).toContain('refused=operator');
      expect(readUserCoins(coinsFile).map((c) => c.tag)).toEqual(['MXS']);
      const allowed = await post({ adminToken: TOKEN });
      expect(allowed.status).toBe(303);
      expect(allowed.headers.location).toContain('removed=MXS');
      expect(readUserCoins(coinsFile)).toEqual([]);
    } finally {
      proxy.close();
    }
  });

  it('REFRESH_SECONDS=2 stops the process before it serves, naming REFRESH_SECONDS', async () => {
    const began = Date.now();
    const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(await freePort())], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_ENV: 'production', SOURCES: '', REFRESH_SECONDS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/refusing to start: Invalid environment variable REFRESH_SECONDS/);
    expect(Date.now() - began).toBeLessThan(30_000);
  });
});
