// The bench's processes: the build, `next start` on the fixtures, readiness, and stopping every process group.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import path from 'node:path';
import { type FixtureServer } from '../../tests/support/fixture-server';
import { groupAlive, spawnNextStart, stopGroup } from '../../tests/support/next-start';
import { ROOT, NEXT_BIN, HOST, sleep, section, get } from './common';

// ---------------------------------------------------------------------------------------------
// processes

/** Every process the bench started: the main server, the scale-out instances (stopped with it by stopAll(), or earlier by their section), the fixtures and the temp dir. */
export const procs: { server: ChildProcess | null; extra: ChildProcess[]; fixtures: FixtureServer | null; tempDir: string | null } = {
  server: null,
  extra: [],
  fixtures: null,
  tempDir: null,
};
export const serverLog: string[] = [];

/** Keeps the last lines any server printed, each tagged with its name, for an error message. */
export function remember(name: string): (chunk: Buffer) => void {
  return (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      serverLog.push(`[${name}] ${line}`);
      if (serverLog.length > 40) serverLog.shift();
    }
  };
}

export { groupAlive, stopGroup };

/** Stops every Next server (main and scale-out), the fixtures, and the temp dir. */
export async function stopAll(): Promise<void> {
  const children = [procs.server, ...procs.extra];
  procs.server = null;
  procs.extra = [];
  await Promise.all(children.map(stopGroup));
  const fx = procs.fixtures;
  procs.fixtures = null;
  await fx?.close().catch(() => undefined);
  if (procs.tempDir) rmSync(procs.tempDir, { recursive: true, force: true });
  procs.tempDir = null;
}

/** Synchronous last resort on exit: kill every group still there. */
export function killNow(): void {
  for (const child of [procs.server, ...procs.extra]) {
    if (child?.pid && groupAlive(child.pid)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
}

export function build(reason: string): void {
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

export function bundleStats(): Array<{ route: string; firstLoadChunkPaths: string[] }> | null {
  const file = path.join(ROOT, '.next/diagnostics/route-bundle-stats.json');
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as Array<{ route: string; firstLoadChunkPaths: string[] }>;
}

/**
 * `next start` on the fixtures with its data in `dir`. No DATABASE_URL and no REDIS_URL: the
 * embedded defaults (SQLite, state in memory) unless `extraEnv` sets them, applied last.
 */
export async function startServer(fx: FixtureServer, port: number, dir: string, extraEnv: Record<string, string> = {}, name = 'next'): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    SOURCES: 'whattomine,coingecko,nicehash',
    FIRST_PAGE_WAIT_MS: '60000',
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
  const child = spawnNextStart(port, env, ROOT);
  child.stdout?.on('data', remember(name));
  child.stderr?.on('data', remember(name));
  return child;
}

/**
 * Waits for the server without touching the snapshot service (the cold-cache measurement must be
 * the first request that needs data): the trivial JSON route answers once the server is up.
 */
export async function waitReady(child: ChildProcess, port: number): Promise<void> {
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
