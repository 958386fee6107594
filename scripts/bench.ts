// npm run bench [-- --build]: one bounded performance run against the production server, fed by
// the local fixture upstreams, on 127.0.0.1 only. It reports and never fails on a missed target:
//   1. builds when there is no build (or --build, or the build predates the /bench baselines);
//   2. starts the fixture server and `next start`, with a fresh snapshot/history in a temp dir;
//   3. cold cache: 200 concurrent `/` + 200 `/api/estimates` → upstream requests per source;
//   4. autocannon per route, against the trivial framework-floor routes (app/bench, api/bench);
//   5. server RSS over 10,000 varied rig requests;
//   6. scale-out, when REDIS_URL is set (npm run bench runs under scripts/with-redis.sh): two more
//      `next start` sharing state through Redis; autocannon on /api/coins and /api/estimates with one
//      instance in memory, one on Redis and two on Redis together, and the upstream requests the
//      two made between them;
//   7. first-load JS of `/` (gzip) against the framework-only /bench/static page, and what a shared
//      link's first load carries: the document, its inline RSC payload and the ranking inputs (gzip);
//   8. keystroke → updated table in Chromium on a 300-coin snapshot (scripts/bench/keystroke.ts),
//      against keydown → next frame on the framework-only page, and the server requests while typing;
//   9. Lighthouse (scripts/lighthouse.ts) on /, a coin page and /compare, desktop and mobile, when
//      Chromium is there;
//  10. stops every server (each one's whole process group) and exits 0.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { redactRedisUrl } from '@/lib/infra/redis';
import { startFixtureServer, type FixtureServer } from '../tests/support/fixture-server';
import { measureKeystrokes, printKeystrokes } from './bench/keystroke';
import { LIGHTHOUSE_PAGES, printLighthouse, runLighthouse } from './lighthouse';

const ROOT = path.resolve(__dirname, '..');
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const HOST = '127.0.0.1';

const CONNECTIONS = 10;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 8;
const COLD_BURST = 200;
const MEMORY_WARMUP = 500;
const MEMORY_REQUESTS = 10_000;
const MEMORY_CONCURRENCY = 10;
/** Hard ceiling for everything after the build; the servers are stopped when it fires. */
const WATCHDOG_MS = 9 * 60_000;

const RIG = 'dev=nvidia-rtx-3070:2,amd-ryzen-9-7950x:1&kwh=0.12';

/** The scale-out instances refresh this often, so a run spans several refresh periods. */
const SCALE_REFRESH_SECONDS = 5;
/** One instance on Redis against one in memory, req/s. */
const SCALE_REDIS_MIN = 0.9;
const SCALE_ROUTES = [
  { label: '/api/coins', path: '/api/coins' },
  { label: '/api/estimates (rig)', path: `/api/estimates?${RIG}` },
];

type Baseline = 'static' | 'dynamic' | 'json';
type Target = { baseline: Baseline; min: number };
type BenchRoute = { label: string; path: string; baseline?: Baseline; target?: Target };

const ROUTES: BenchRoute[] = [
  { label: 'trivial static page', path: '/bench/static', baseline: 'static' },
  { label: 'trivial dynamic page', path: '/bench/dynamic', baseline: 'dynamic' },
  { label: 'trivial JSON route', path: '/api/bench', baseline: 'json' },
  { label: '/ (no params)', path: '/', target: { baseline: 'static', min: 0.8 } },
  { label: '/ with a rig', path: `/?${RIG}`, target: { baseline: 'dynamic', min: 0.5 } },
  { label: '/compare', path: '/compare?coins=RVN,XMR,ETH&dev=nvidia-rtx-3070:2', target: { baseline: 'dynamic', min: 0.5 } },
  { label: 'coin page', path: '/coins/XMR?hr.cryptonight=10k', target: { baseline: 'dynamic', min: 0.5 } },
  { label: '/api/estimates', path: '/api/estimates?dev=nvidia-rtx-3070:2', target: { baseline: 'json', min: 0.7 } },
];

// ---------------------------------------------------------------------------------------------
// small helpers

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes: number) => `${fmt(bytes / 1024, 1)} kB`;
const mb = (kbytes: number) => `${fmt(kbytes / 1024, 1)} MB`;

function section(title: string): void {
  console.log(`\n== ${title}  [${elapsed()}]`);
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** A small seeded PRNG (mulberry32) so every run requests the same varied URLs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function freePort(): Promise<number> {
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

type Reply = { status: number; body: string };

/** One GET on 127.0.0.1; status 0 on a network error or timeout. */
function get(agent: Agent, port: number, urlPath: string, timeoutMs = 60_000, keepBody = false): Promise<Reply> {
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

// ---------------------------------------------------------------------------------------------
// processes

let server: ChildProcess | null = null;
/** The scale-out instances, stopped with the main server by stopAll() (or earlier, by their section). */
let extraServers: ChildProcess[] = [];
let fixtures: FixtureServer | null = null;
let tempDir: string | null = null;
const serverLog: string[] = [];

/** Keeps the last lines any server printed, each tagged with its name, for an error message. */
function remember(name: string): (chunk: Buffer) => void {
  return (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      serverLog.push(`[${name}] ${line}`);
      if (serverLog.length > 40) serverLog.shift();
    }
  };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops one Next server's whole process group: TERM, then KILL after 5 s. */
async function stopGroup(child: ChildProcess | null): Promise<void> {
  if (!child?.pid) return;
  const pid = child.pid;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

/** Stops every Next server (main and scale-out), the fixtures, and the temp dir. */
async function stopAll(): Promise<void> {
  const children = [server, ...extraServers];
  server = null;
  extraServers = [];
  await Promise.all(children.map(stopGroup));
  const fx = fixtures;
  fixtures = null;
  await fx?.close().catch(() => undefined);
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
}

/** Synchronous last resort on exit: kill every group still there. */
function killNow(): void {
  for (const child of [server, ...extraServers]) {
    if (child?.pid && groupAlive(child.pid)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
}

function build(reason: string): void {
  section(`build (${reason})`);
  const t0 = Date.now();
  // The build never touches the bench's Redis (prerendering would otherwise share state through it).
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  delete env.REDIS_URL;
  delete env.REDIS_PREFIX;
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 8 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.log(result.stdout, result.stderr);
    throw new Error(`next build failed (${result.error?.message ?? `exit ${result.status}`})`);
  }
  console.log(`built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function bundleStats(): Array<{ route: string; firstLoadChunkPaths: string[] }> | null {
  const file = path.join(ROOT, '.next/diagnostics/route-bundle-stats.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Array<{ route: string; firstLoadChunkPaths: string[] }>;
}

/**
 * `next start` on the fixtures with its data in `dir`. No DATABASE_URL and no REDIS_URL: the
 * embedded defaults (SQLite, state in memory) unless `extraEnv` sets them, applied last.
 */
async function startServer(fx: FixtureServer, port: number, dir: string, extraEnv: Record<string, string> = {}, name = 'next'): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SOURCES: 'whattomine,coingecko,nicehash',
    WHATTOMINE_URL: fx.url,
    COINGECKO_URL: fx.url,
    NICEHASH_URL: fx.url,
    REFRESH_SECONDS: '300',
    SNAPSHOT_FILE: path.join(dir, 'snapshot.json'),
    HISTORY_FILE: path.join(dir, 'history.sqlite'),
    RATE_LIMIT_PER_MINUTE: '0',
    PAGE_RATE_LIMIT_PER_MINUTE: '0',
    SITE_URL: `http://${HOST}:${port}`,
  };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'REDIS_PREFIX', 'HASHRATENO_URL', 'HASHRATENO_API_KEY', 'COINGECKO_API_KEY', 'PORT', 'HOSTNAME']) {
    delete env[key];
  }
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', HOST, '-p', String(port)], {
    cwd: ROOT,
    env,
    detached: true, // its own process group, so stopAll() reaches any child it forks
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', remember(name));
  child.stderr?.on('data', remember(name));
  return child;
}

/**
 * Waits for the server without touching the snapshot service (the cold-cache measurement must be
 * the first request that needs data): the trivial JSON route answers once the server is up.
 */
async function waitReady(child: ChildProcess, port: number): Promise<void> {
  const agent = new Agent({ keepAlive: false });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${serverLog.join('\n')}`);
    const reply = await get(agent, port, '/api/bench', 2000);
    if (reply.status === 200) return;
    await sleep(200);
  }
  throw new Error(`next start did not answer /api/bench within 60 s:\n${serverLog.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// the server's RSS: the process that owns the listening socket (next start may fork a child)

function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = parents.get(ppid) ?? [];
      list.push(Number(entry));
      parents.set(ppid, list);
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(parents.get(out[i] ?? -1) ?? []));
  return out;
}

function listeningInode(port: number): string | null {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex}`) && cols[3] === '0A') return cols[9] ?? null;
    }
  }
  return null;
}

function serverPid(rootPid: number, port: number): { pid: number; how: string } {
  const family = descendants(rootPid);
  const inode = listeningInode(port);
  if (inode) {
    for (const pid of family) {
      try {
        for (const fd of readdirSync(`/proc/${pid}/fd`)) {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) {
            return { pid, how: pid === rootPid ? 'listening socket, the spawned process' : 'listening socket, a child process' };
          }
        }
      } catch {
        /* not ours to read, or gone */
      }
    }
  }
  const last = family[family.length - 1] ?? rootPid;
  return { pid: last, how: 'youngest process of the group (listening socket not found)' };
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} for pid ${pid}`);
  return Number(match[1]);
}
const rssKb = (pid: number) => statusKb(pid, 'VmRSS');

// ---------------------------------------------------------------------------------------------
// the measurements

async function coldCache(fx: FixtureServer, port: number): Promise<void> {
  section(`cold cache: ${COLD_BURST} concurrent / and ${COLD_BURST} concurrent /api/estimates, first requests that need data`);
  fx.reset();
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
  const t0 = Date.now();
  const paths = Array.from({ length: COLD_BURST * 2 }, (_, i) => (i % 2 === 0 ? '/' : '/api/estimates'));
  const replies = await Promise.all(paths.map((p) => get(agent, port, p, 120_000, p.startsWith('/api/'))));
  const ms = Date.now() - t0;
  agent.destroy();
  const counts = fx.counts();

  const ok = (kind: string) => replies.filter((r, i) => paths[i]?.startsWith(kind) && r.status === 200).length;
  const modes = new Map<string, number>();
  for (const [i, reply] of replies.entries()) {
    if (!paths[i]?.startsWith('/api/') || reply.status !== 200) continue;
    let mode = 'unparsable';
    try {
      mode = String((JSON.parse(reply.body) as { mode?: unknown }).mode);
    } catch {
      /* counted as unparsable */
    }
    modes.set(mode, (modes.get(mode) ?? 0) + 1);
  }
  console.log(
    `${replies.length} responses in ${fmt(ms)} ms: / ${ok('/') - ok('/api/')}/${COLD_BURST} 200, ` +
      `/api/estimates ${ok('/api/')}/${COLD_BURST} 200 (mode: ${[...modes].map(([m, n]) => `${m} ×${n}`).join(', ') || 'none'})`,
  );
  const expected = ['/coins.json', '/asic.json', '/api/v3/simple/price', '/api/v3/coins/markets', '/main/api/v2/public/simplemultialgo/info'];
  const rows = Object.entries(counts).map(([route, n]) => {
    const wanted = expected.includes(route) ? 1 : 0;
    return [route, String(n), String(wanted), n === wanted ? 'PASS' : 'MISS'];
  });
  table(['upstream route (fixture)', 'requests', 'target', 'result'], rows);

  const agent2 = new Agent({ keepAlive: false });
  const coins = await get(agent2, port, '/api/coins', 10_000);
  console.log(`/api/coins after the burst: ${coins.status}`);
}

type Measured = { label: string; path: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };

async function cannon(port: number, urlPath: string, seconds: number, connections = CONNECTIONS): Promise<autocannon.Result> {
  return autocannon({
    url: `http://${HOST}:${port}${urlPath}`,
    connections,
    duration: seconds,
    timeout: 30,
  });
}

async function throughput(port: number): Promise<void> {
  section(`throughput: autocannon ${CONNECTIONS} connections × ${DURATION_SECONDS} s per route (after a ${WARMUP_SECONDS} s warm-up)`);
  console.log(`load average now: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (other work on the machine skews every figure)`);
  const results: Measured[] = [];
  for (const route of ROUTES) {
    await cannon(port, route.path, WARMUP_SECONDS);
    const r = await cannon(port, route.path, DURATION_SECONDS);
    results.push({
      label: route.label,
      path: route.path,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    });
  }
  const base = (b: Baseline) => {
    const i = ROUTES.findIndex((r) => r.baseline === b);
    return results[i]?.rps ?? 0;
  };
  const rows = results.map((m, i) => {
    const target = ROUTES[i]?.target;
    let ratio = '';
    let goal = ROUTES[i]?.baseline ? `(${ROUTES[i]?.baseline} floor)` : '';
    let verdict = '';
    if (target) {
      const value = base(target.baseline) > 0 ? m.rps / base(target.baseline) : 0;
      ratio = `${value.toFixed(2)}× ${target.baseline}`;
      goal = `≥ ${target.min}×`;
      verdict = value >= target.min && m.non2xx === 0 && m.errors === 0 ? 'PASS' : 'MISS';
    }
    return [
      m.label,
      fmt(m.rps, 1),
      `${fmt(m.p50)} ms`,
      `${fmt(m.p99)} ms`,
      String(m.non2xx),
      String(m.errors),
      ratio,
      goal,
      verdict,
    ];
  });
  table(['route', 'req/s', 'p50', 'p99', 'non-2xx', 'errors', 'ratio', 'target', 'result'], rows);
  console.log('paths:');
  for (const m of results) console.log(`  ${m.label}: ${m.path}`);
}

type Device = { id: string; rates: Array<{ algorithm: string }> };

/** Rig URLs over every page kind that takes a rig, varied in devices, counts, hr. values and kwh. */
function rigUrls(count: number, seed: number): string[] {
  const devices = (JSON.parse(readFileSync(path.join(ROOT, 'lib/hardware/devices.json'), 'utf8')) as { devices: Device[] }).devices;
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hr: Array<[string, string[]]> = [
    ['kawpow', ['M']],
    ['etchash', ['M']],
    ['ethash', ['M']],
    ['cryptonight', ['k', '']],
    ['randomx', ['k']],
    ['equihash', ['', 'k']],
    ['scrypt', ['M', 'G']],
    ['kheavyhash', ['G', 'T']],
    ['sha256d', ['T']],
    ['neoscrypt', ['M', 'k']],
  ];
  const tags = ['XMR', 'ETH', 'ETC', 'ZEC', 'KAS', 'LTC', 'DOGE', 'BTC', 'GRS', 'DCR', 'SC', 'VTC', 'KMD'];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const params = new URLSearchParams();
    const n = 1 + Math.floor(random() * 3);
    const rig = new Set<string>();
    while (rig.size < n) rig.add(pick(devices).id);
    params.set('dev', [...rig].map((id) => `${id}:${1 + Math.floor(random() * 12)}`).join(','));
    if (random() < 0.5) {
      const [algo, suffixes] = pick(hr);
      params.set(`hr.${algo}`, `${(1 + random() * 999).toFixed(random() < 0.5 ? 0 : 1)}${pick(suffixes)}`);
    }
    if (random() < 0.3) params.set(`w.${pick(hr)[0]}`, String(50 + Math.floor(random() * 400)));
    params.set('kwh', (0.02 + random() * 0.33).toFixed(random() < 0.5 ? 2 : 3));
    if (random() < 0.2) params.set('fee', (random() * 3).toFixed(1));
    const query = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
    // Mostly the API: a page render costs ~30× more here, and the run must stay bounded.
    const kind = random();
    if (kind < 0.1) urls.push(`/?${query}`);
    else if (kind < 0.15) urls.push(`/coins/${pick(tags)}?${query}`);
    else if (kind < 0.2) urls.push(`/compare?coins=${pick(tags)},${pick(tags)},${pick(tags)}&${query}`);
    else urls.push(`/api/estimates?${query}`);
  }
  return urls;
}

async function drive(port: number, urls: string[]): Promise<{ ms: number; statuses: Map<number, number> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: MEMORY_CONCURRENCY });
  const statuses = new Map<number, number>();
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: MEMORY_CONCURRENCY }, async () => {
      while (next < urls.length) {
        const url = urls[next++] as string;
        const { status } = await get(agent, port, url, 30_000);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  agent.destroy();
  return { ms: Date.now() - t0, statuses };
}

async function memory(rootPid: number, port: number): Promise<void> {
  section(`memory: ${fmt(MEMORY_REQUESTS)} varied rig requests (80 % /api/estimates, 10 % /, 5 % /coins, 5 % /compare), ${MEMORY_CONCURRENCY} at a time`);
  const { pid, how } = serverPid(rootPid, port);
  console.log(`server pid ${pid} (${how}); spawned pid ${rootPid}`);
  const before0 = rssKb(pid);
  const warm = await drive(port, rigUrls(MEMORY_WARMUP, 1));
  const before = rssKb(pid);
  let low = before;
  let high = before;
  const sampler = setInterval(() => {
    const now = rssKb(pid);
    low = Math.min(low, now);
    high = Math.max(high, now);
  }, 250);
  const run = await drive(port, rigUrls(MEMORY_REQUESTS, 2)).finally(() => clearInterval(sampler));
  const after = rssKb(pid);
  const change = ((after - before) / before) * 100;
  const describe = (s: Map<number, number>) => [...s].sort(([a], [b]) => a - b).map(([k, v]) => `${k || 'error'} ×${v}`).join(', ');
  console.log(`RSS after the earlier phases:          ${mb(before0)}`);
  console.log(`RSS after a ${MEMORY_WARMUP}-request warm-up:       ${mb(before)}   (${describe(warm.statuses)})`);
  console.log(
    `RSS after ${fmt(MEMORY_REQUESTS)} more requests:      ${mb(after)}   (${describe(run.statuses)}; ` +
      `${fmt(run.ms / 1000, 1)} s, ${fmt(MEMORY_REQUESTS / (run.ms / 1000), 0)} req/s)`,
  );
  console.log(`RSS during the run (sampled every 250 ms): ${mb(low)}–${mb(high)}; peak since start (VmHWM): ${mb(statusKb(pid, 'VmHWM'))}`);
  // The target is about growth (a leak); a drop is the heap shrinking after the earlier load.
  console.log(
    `change: ${change >= 0 ? '+' : ''}${change.toFixed(1)} %   target: growth ≤ 20 %   ${change <= 20 ? 'PASS' : 'MISS'}` +
      (change < -20 ? ' (RSS fell: no growth)' : ''),
  );
}

// ---------------------------------------------------------------------------------------------
// scale-out: instances sharing their state through Redis

type Run = { rps: number; p50: number; p99: number; non2xx: number; errors: number };

const measured = (r: autocannon.Result): Run => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
});

/** Warm-up, then the measured run, against one instance with every connection. */
async function measureOne(port: number, urlPath: string): Promise<Run> {
  await cannon(port, urlPath, WARMUP_SECONDS);
  return measured(await cannon(port, urlPath, DURATION_SECONDS));
}

/**
 * The same against several instances at once, the connections split between them: req/s is the
 * sum, p50 and p99 the worse of the runs.
 */
async function measureMany(ports: number[], urlPath: string): Promise<{ total: Run; each: Run[] }> {
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
async function benchRedis(url: string): Promise<{ client: Redis } | { error: string }> {
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
async function dropPrefix(client: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let dropped = 0;
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) dropped += await client.unlink(...keys);
  } while (cursor !== '0');
  return dropped;
}

async function scaleOut(fx: FixtureServer, mainPort: number, dir: string): Promise<void> {
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
        extraServers.push(child);
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
    const children = extraServers;
    extraServers = [];
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

function firstLoadJs(): void {
  section('first-load JS (gzip of each chunk listed in .next/diagnostics/route-bundle-stats.json)');
  const stats = bundleStats();
  if (!stats) {
    console.log('no .next/diagnostics/route-bundle-stats.json');
    return;
  }
  const measure = (route: string) => {
    const entry = stats.find((s) => s.route === route);
    if (!entry) return null;
    let raw = 0;
    let gz = 0;
    for (const chunk of entry.firstLoadChunkPaths) {
      const bytes = readFileSync(path.join(ROOT, chunk));
      raw += bytes.length;
      gz += gzipSync(bytes).length;
    }
    return { raw, gz, chunks: entry.firstLoadChunkPaths.length };
  };
  const rows: string[][] = [];
  const measured = new Map<string, { raw: number; gz: number; chunks: number }>();
  for (const route of ['/bench/static', '/', '/compare', '/coins/[tag]', '/contract']) {
    const m = measure(route);
    if (!m) continue;
    measured.set(route, m);
    rows.push([route, String(m.chunks), kb(m.raw), `${fmt(m.gz)} B (${kb(m.gz)})`]);
  }
  table(['route', 'chunks', 'uncompressed', 'gzip'], rows);
  const home = measured.get('/');
  const floor = measured.get('/bench/static');
  if (home && floor) {
    const ratio = home.gz / floor.gz;
    console.log(`/ vs /bench/static (gzip): ${ratio.toFixed(2)}×   target: ≤ 1.3×   ${ratio <= 1.3 ? 'PASS' : 'MISS'}`);
  } else {
    console.log('/ or /bench/static missing from route-bundle-stats.json');
  }
}

/** The strings of the document's `self.__next_f.push([1, "…"])` scripts: the RSC payload it carries inline. */
function inlineFlight(html: string): string {
  let flight = '';
  for (const match of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
    flight += JSON.parse(match[1] ?? '""') as string;
  }
  return flight;
}

async function firstLoadPayload(port: number): Promise<void> {
  section(`what a shared link's first load carries: / with a rig (${RIG}), gzip level 6 as a proxy would send it`);
  const agent = new Agent({ keepAlive: false });
  const page = await get(agent, port, `/?${RIG}`, 30_000, true);
  const coins = await get(agent, port, '/api/coins', 30_000, true);
  agent.destroy();
  if (page.status !== 200 || coins.status !== 200) {
    console.log(`not measured: / answered ${page.status}, /api/coins ${coins.status}`);
    return;
  }
  const flight = inlineFlight(page.body);
  // The ranking inputs as the browser keeps them: the snapshot minus its per-source status (lib/ranking/inputs.ts).
  const ranking = JSON.parse(coins.body) as Record<string, unknown>;
  for (const key of ['sources', 'mode', 'stale']) delete ranking[key];
  const inputs = JSON.stringify(ranking);
  const size = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    return [kb(bytes.length), `${fmt(gzipSync(bytes).length)} B (${kb(gzipSync(bytes).length)})`];
  };
  const count = Array.isArray(ranking.coins) ? ranking.coins.length : 0;
  const rowCount = (page.body.match(/<tr[ >]/g) ?? []).length;
  table(
    ['what', 'uncompressed', 'gzip'],
    [
      [`the document (${rowCount} table rows incl. the header)`, ...size(page.body)],
      ['  of which the inline RSC payload', ...size(flight)],
      [`the ranking inputs as JSON (${count} coins, rates, rentals, pools)`, ...size(inputs)],
    ],
  );
}

async function keystrokes(port: number): Promise<void> {
  section('keystroke → updated table in Chromium (scripts/bench/keystroke.ts), on the main server');
  try {
    printKeystrokes(await measureKeystrokes(`http://${HOST}:${port}`, 60));
  } catch (error) {
    console.log(`keystroke: failed (${error instanceof Error ? error.message : String(error)})`);
  }
}

async function lighthouse(port: number): Promise<void> {
  section(`lighthouse: ${LIGHTHOUSE_PAGES.map((p) => p.path).join(', ')}; desktop preset and mobile default`);
  const chrome = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    console.log(`lighthouse: not run (no Chromium at ${chrome}; apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return;
  }
  try {
    printLighthouse(await runLighthouse(`http://${HOST}:${port}`));
  } catch (error) {
    console.log(`lighthouse: failed (${error instanceof Error ? error.message : String(error)})`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  console.log(`minerank bench — ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);

  const stats = bundleStats();
  if (process.argv.includes('--build')) build('--build');
  else if (!existsSync(path.join(ROOT, '.next/BUILD_ID'))) build('no .next/BUILD_ID');
  else if (!stats?.some((s) => s.route === '/bench/static')) build('the build predates the /bench baseline routes');
  else console.log(`using the existing build ${readFileSync(path.join(ROOT, '.next/BUILD_ID'), 'utf8').trim()} (pass --build to rebuild)`);

  const watchdog = setTimeout(() => {
    console.log(`\nbench: watchdog after ${WATCHDOG_MS / 60_000} min, stopping the servers`);
    void stopAll().finally(() => process.exit(1));
  }, WATCHDOG_MS);
  watchdog.unref();

  section('servers');
  fixtures = await startFixtureServer({ port: 0 });
  tempDir = mkdtempSync(path.join(tmpdir(), 'minerank-bench-'));
  const port = await freePort();
  server = await startServer(fixtures, port, tempDir);
  const rootPid = server.pid;
  if (!rootPid) throw new Error('next start did not spawn');
  await waitReady(server, port);
  console.log(`fixture upstreams ${fixtures.url}; next start http://${HOST}:${port} (pid ${rootPid}); data in ${tempDir}`);

  await coldCache(fixtures, port);
  await throughput(port);
  await memory(rootPid, port);
  await scaleOut(fixtures, port, tempDir);
  firstLoadJs();
  await firstLoadPayload(port);
  await keystrokes(port);
  await lighthouse(port);

  clearTimeout(watchdog);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\nbench: ${signal}, stopping the servers`);
    void stopAll().finally(() => process.exit(130));
  });
}
process.on('exit', killNow);

main()
  .then(async () => {
    section('done');
    await stopAll();
    console.log(`servers stopped; total ${elapsed()}`);
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll();
    process.exit(1);
  });
