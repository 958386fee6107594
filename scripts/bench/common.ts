// The bench's constants and small helpers: sections and tables, a seeded PRNG, one GET, a free port.
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
export const HOST = '127.0.0.1';

export const CONNECTIONS = 10;
export const WARMUP_SECONDS = 2;
export const DURATION_SECONDS = 8;
export const COLD_BURST = 200;
export const MEMORY_WARMUP = 500;
export const MEMORY_REQUESTS = 10_000;
export const MEMORY_CONCURRENCY = 10;
/** Hard ceiling for everything after the build; the servers are stopped when it fires. */
export const WATCHDOG_MS = 9 * 60_000;

export const RIG = 'dev=nvidia-rtx-3070:2,amd-ryzen-9-7950x:1&kwh=0.12';

/** The scale-out instances refresh this often, so a run spans several refresh periods. */
export const SCALE_REFRESH_SECONDS = 5;
/** One instance on Redis against one in memory, req/s. */
export const SCALE_REDIS_MIN = 0.9;
export const SCALE_ROUTES = [
  { label: '/api/coins', path: '/api/coins' },
  { label: '/api/estimates (rig)', path: `/api/estimates?${RIG}` },
];

export type Baseline = 'static' | 'dynamic' | 'json';
export type Target = { baseline: Baseline; min: number };
/** `vary`: a new query on every request (kwh= gets more digits), so no request is served from proxy.ts's copies. */
export type BenchRoute = { label: string; path: string; baseline?: Baseline; target?: Target; vary?: boolean };

export const ROUTES: BenchRoute[] = [
  { label: 'trivial static page', path: '/bench/static', baseline: 'static' },
  { label: 'trivial dynamic page', path: '/bench/dynamic', baseline: 'dynamic' },
  { label: 'trivial JSON route', path: '/api/bench', baseline: 'json' },
  { label: '/ (no params)', path: '/', target: { baseline: 'static', min: 0.8 } },
  // The same link again and again: proxy.ts serves it from a copy from its second request on.
  { label: '/ with a rig (same link, copied)', path: `/?${RIG}`, target: { baseline: 'dynamic', min: 0.5 } },
  // A new link every request: each one rendered, what a link opened once costs.
  { label: '/ with a rig (new link each request)', path: `/?${RIG}`, vary: true, target: { baseline: 'dynamic', min: 0.5 } },
  { label: '/compare', path: '/compare?coins=RVN,XMR,ETH&dev=nvidia-rtx-3070:2', target: { baseline: 'dynamic', min: 0.5 } },
  { label: 'coin page', path: '/coins/XMR?hr.cryptonight=10k', target: { baseline: 'dynamic', min: 0.5 } },
  { label: '/api/estimates', path: '/api/estimates?dev=nvidia-rtx-3070:2', target: { baseline: 'json', min: 0.7 } },
];

// ---------------------------------------------------------------------------------------------
// small helpers

export const started = Date.now();
export const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} kB`;
export const mb = (kbytes: number) => `${fmt(kbytes / 1024, 1)} MB`;

export function section(title: string): void {
  console.log(`\n== ${title}  [${elapsed()}]`);
}

export function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** A small seeded PRNG (mulberry32) so every run requests the same varied URLs. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type Reply = { status: number; body: string };

/** One GET on 127.0.0.1; status 0 on a network error or timeout. */
export function get(agent: Agent, port: number, urlPath: string, timeoutMs = 60_000, keepBody = false): Promise<Reply> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: HOST, port, path: urlPath, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (keepBody) chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}
