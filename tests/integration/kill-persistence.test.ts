// "Nothing lost": a child process running the real snapshot service, history store and recorder
// (tests/support/kill-child.ts) refreshes in a tight loop against local upstreams and is killed
// with SIGKILL at random moments, many times. After every kill the disk must hold the last
// complete snapshot (never a torn file), the history must be intact with every snapshot's points
// all there or none, and the next start must serve the snapshot on disk before any refresh.
// The history is checked in SQLite, and also in PostgreSQL when DATABASE_URL is set
// (scripts/with-postgres.sh): iterations then alternate between the two.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, watch } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { snapshotSchema } from '@/lib/model/types';
import { EVENT_PREFIX } from '../support/kill-child';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { sourcePayloadSchema } from '@/lib/sources/contract';

const ROOT = path.resolve(__dirname, '../..');
const DATABASE_URL = process.env.DATABASE_URL;
const ITERATIONS = 25;
/** Copies of each recorded WhatToMine GPU coin: enough coins that one snapshot's history takes several INSERTs. */
const WIDEN = 8;

/** The file SnapshotService writes (its private persistedSchema, restated: this is the on-disk contract). */
const persistedSchema = z.object({
  version: z.literal(1),
  snapshot: snapshotSchema,
  sources: z.array(z.object({ id: z.string(), fetchedAt: z.string(), payload: sourcePayloadSchema })),
});

type ChildEvent =
  | { event: 'served'; asOf: string; mode: string; coins: number }
  | { event: 'refresh'; n: number }
  | { event: 'refreshed'; n: number; asOf: string; mode: string; coins: number };

type Backend = 'sqlite' | 'postgres';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/**
 * WhatToMine with the recorded GPU coins repeated WIDEN times under new tags (so ~250 coins), and
 * the recorded ASIC coins; `delayMs` holds every answer back so a kill can land mid-refresh.
 */
async function startWideWhatToMine(): Promise<{ url: string; setDelay(ms: number): void; close(): Promise<void> }> {
  const gpu = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/whattomine-coins-2017-09-07.json'), 'utf8')) as {
    coins: Record<string, { tag: string; id: number }>;
  };
  const coins: Record<string, unknown> = {};
  for (let copy = 0; copy < WIDEN; copy++) {
    for (const [name, coin] of Object.entries(gpu.coins)) {
      coins[copy === 0 ? name : `${name} ${copy}`] = {
        ...coin,
        id: coin.id + copy * 10_000,
        tag: copy === 0 ? coin.tag : `${coin.tag}W${copy}`,
      };
    }
  }
  const bodies: Record<string, string> = {
    '/coins.json': JSON.stringify({ ...gpu, coins }),
    '/asic.json': readFileSync(path.join(ROOT, 'tests/fixtures/whattomine-asic-derived.json'), 'utf8'),
  };
  let delayMs = 0;
  const server: Server = createServer((req, res) => {
    const body = bodies[new URL(req.url ?? '/', 'http://x').pathname];
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(body ?? '{}');
    };
    if (delayMs > 0) {
      const timer = setTimeout(answer, delayMs);
      res.on('close', () => clearTimeout(timer));
    } else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setDelay: (ms) => (delayMs = ms),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A running child: the events it reported so far, and a wait for one. */
function spawnChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/kill-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: ChildEvent[] = [];
  let stderr = '';
  let pending = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(EVENT_PREFIX)) events.push(JSON.parse(line.slice(EVENT_PREFIX.length)) as ChildEvent);
    }
    for (const wake of waiters) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return {
    events,
    stderr: () => stderr,
    exited,
    /** Resolves with the first event that matches (undefined if the child exits first). */
    waitFor: (match: (e: ChildEvent) => boolean) =>
      new Promise<ChildEvent | undefined>((resolve) => {
        const check = () => {
          const found = events.find(match);
          if (found) {
            waiters.delete(check);
            resolve(found);
          }
        };
        waiters.add(check);
        check();
        void exited.then(() => resolve(events.find(match)));
      }),
    kill: () => child.kill('SIGKILL'),
  };
}

/** Resolves as soon as `dir` reports a change to a file whose name starts with `prefix` (or after 3 s). */
async function killOnWrite(dir: string, prefix: string, exited: Promise<unknown>): Promise<void> {
  const watcher = watch(dir);
  try {
    await Promise.race([
      new Promise<void>((resolve) => watcher.on('change', (_type, name) => String(name).startsWith(prefix) && resolve())),
      sleep(3000),
      exited,
    ]);
  } finally {
    watcher.close();
  }
}

/** Points per recorded snapshot (by its asOf), and whether the database is intact. */
async function historyCounts(backend: Backend, sqliteFile: string, pgUrl: string | null): Promise<{ integrity: string; counts: number[] }> {
  if (backend === 'sqlite') {
    if (!existsSync(sqliteFile)) return { integrity: 'ok', counts: [] }; // killed before the store opened it
    // Opened read-write, as the next start opens it: a torn WAL is recovered (or rolled back) here.
    const db = new BetterSqlite3(sqliteFile);
    try {
      const integrity = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
      const tables = db.prepare("select name from sqlite_master where type = 'table' and name = 'coin_points'").all();
      if (tables.length === 0) return { integrity, counts: [] };
      const rows = db.prepare('select snapshot_as_of, count(*) as n from coin_points group by snapshot_as_of').all() as Array<{ n: number }>;
      return { integrity, counts: rows.map((r) => r.n) };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: pgUrl! });
  await client.connect();
  try {
    const exists = await client.query("select to_regclass('coin_points') as t");
    if ((exists.rows[0] as { t: string | null }).t === null) return { integrity: 'ok', counts: [] };
    const { rows } = await client.query('select snapshot_as_of, count(*)::int as n from coin_points group by snapshot_as_of');
    return { integrity: 'ok', counts: (rows as Array<{ n: number }>).map((r) => r.n) };
  } finally {
    await client.end();
  }
}

describe('kill -9 at any moment', () => {
  let dir = '';
  let fixtures: FixtureServer;
  let whattomine: Awaited<ReturnType<typeof startWideWhatToMine>>;
  const pgSchema = `kill_test_${process.pid}_${Date.now().toString(36)}`;
  let pgUrl: string | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'minerank-kill-'));
    fixtures = await startFixtureServer();
    whattomine = await startWideWhatToMine();
    if (DATABASE_URL) {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`create schema ${pgSchema}`);
      await client.end();
      const url = new URL(DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${pgSchema}`);
      pgUrl = url.toString();
    }
  });

  afterAll(async () => {
    await fixtures?.close();
    await whattomine?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (DATABASE_URL) {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`drop schema if exists ${pgSchema} cascade`);
      await client.end();
    }
  });

  it(`keeps the last complete snapshot and whole history snapshots across ${ITERATIONS} SIGKILLs${DATABASE_URL ? ' (SQLite and PostgreSQL)' : ' (SQLite; PostgreSQL skipped: DATABASE_URL unset)'}`, async () => {
    const snapshotFile = path.join(dir, 'data', 'snapshot.json');
    const sqliteFile = path.join(dir, 'data', 'history.sqlite');
    const baseEnv = {
      SOURCES: 'whattomine,coingecko,nicehash',
      WHATTOMINE_URL: whattomine.url,
      COINGECKO_URL: fixtures.url,
      NICEHASH_URL: fixtures.url,
      UPSTREAM_TIMEOUT_MS: '5000',
      DATABASE_URL: '',
      SNAPSHOT_FILE: snapshotFile,
      HISTORY_FILE: sqliteFile,
    };
    const started = Date.now();
    let killsMidRefresh = 0;
    let killsInStartup = 0;
    let killsMidWrite = 0;
    const tmpFiles = async () => (await readdir(path.dirname(snapshotFile)).catch(() => [])).filter((f) => f.endsWith('.tmp'));
    let snapshotsVerified = 0;
    let restoresVerified = 0;
    /** Snapshots recorded in each history database at its last check, every one whole. */
    const historySnapshots: Record<Backend, number> = { sqlite: 0, postgres: 0 };
    let tornTmpFilesCleared = 0;
    let everPersisted = false;
    /** The snapshot file as found after the last kill: what the next start must serve. */
    let onDisk: { asOf: string; tags: string[] } | null = null;
    let coinsPerSnapshot: number | null = null;

    /** The first `served` of a start must be the snapshot on disk, whole. */
    const checkServed = (served: ChildEvent | undefined, iteration: number) => {
      if (!onDisk || served?.event !== 'served') return;
      expect(served.asOf, `iteration ${iteration}: restart served another snapshot than the one on disk`).toBe(onDisk.asOf);
      expect(served.mode).toBe('live');
      expect(served.coins).toBe(onDisk.tags.length);
      restoresVerified++;
    };

    for (let i = 0; i < ITERATIONS; i++) {
      // Blocks of four (one of each way to kill) alternate between the two databases.
      const backend: Backend = pgUrl && i % 8 >= 4 ? 'postgres' : 'sqlite';
      // A third of the runs with slow upstreams, so the kill lands while a refresh waits on them.
      const slow = i % 3 === 2;
      const delayMs = slow ? randomInt(30, 250) : 0;
      whattomine.setDelay(delayMs);
      if (slow) fixtures.setMode('/api/v3/simple/price', 'slow', { delayMs });
      else fixtures.reset();
      // A torn temp file of a long-gone process (no such pid) must not disturb the next start.
      if (i === 5) await writeFile(`${snapshotFile}.2147483646.1.tmp`, '{"version":1,"snapshot":{"asOf":"tor');

      const tmpBefore = await tmpFiles();
      // An empty DATABASE_URL is unset (parseEnv): the child then must not inherit the runner's.
      const child = spawnChild({ ...baseEnv, DATABASE_URL: backend === 'postgres' ? pgUrl! : '' });
      const scenario = i % 4;
      if (scenario === 0) {
        // During start-up: restoring, migrating, the first refresh.
        await Promise.race([sleep(randomInt(100, 900)), child.exited]);
      } else {
        checkServed(await child.waitFor((e) => e.event === 'served'), i);
        // Restoring also cleared the temp files the killed processes left behind.
        expect((await tmpFiles()).filter((f) => tmpBefore.includes(f)), `iteration ${i}: stale temp files kept`).toEqual([]);
        tornTmpFilesCleared += tmpBefore.length;
        const n = randomInt(1, 2);
        await child.waitFor((e) => e.event === 'refresh' && e.n === n);
        if (scenario === 1 || (scenario === 3 && backend === 'postgres')) {
          // At a random moment of a refresh (or between two).
          await Promise.race([sleep(randomInt(0, slow ? delayMs + 250 : 250)), child.exited]);
        } else {
          // Right as a write begins: the snapshot file, or the history's WAL (a commit).
          const target = scenario === 2 ? path.basename(snapshotFile) : `${path.basename(sqliteFile)}-wal`;
          await killOnWrite(path.dirname(snapshotFile), target, child.exited);
        }
      }
      child.kill();
      const exit = await child.exited;
      expect(exit, `child exited on its own: ${child.stderr()}`).toBe('SIGKILL');
      if (scenario === 0) checkServed(child.events.find((e) => e.event === 'served'), i);
      const tmpAfter = await tmpFiles();
      if (tmpAfter.some((f) => !tmpBefore.includes(f))) killsMidWrite++;

      const last = child.events.at(-1);

      if (last?.event === 'refresh') killsMidRefresh++;
      if (!child.events.some((e) => e.event === 'served')) killsInStartup++;
      const reported = child.events.filter((e) => e.event === 'refreshed' || (e.event === 'served' && e.mode === 'live'));
      if (reported.length > 0) everPersisted = true;
      for (const e of reported) {
        if (e.event === 'served' || e.event === 'refreshed') {
          coinsPerSnapshot ??= e.coins;
          expect(e.coins).toBe(coinsPerSnapshot);
        }
      }

      // The snapshot file: absent only if no refresh ever completed; else whole and valid.
      let text: string | null = null;
      try {
        text = await readFile(snapshotFile, 'utf8');
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
      }
      if (text === null) {
        expect(everPersisted, `iteration ${i}: a refresh completed but the snapshot file is missing`).toBe(false);
        onDisk = null;
      } else {
        let json: unknown;
        expect(() => (json = JSON.parse(text)), `iteration ${i}: torn snapshot file (${text.length} bytes)`).not.toThrow();
        const persisted = persistedSchema.parse(json);
        const { snapshot } = persisted;
        expect(snapshot.mode).toBe('live');
        expect(Number.isFinite(Date.parse(snapshot.asOf))).toBe(true);
        expect(snapshot.coins.length).toBeGreaterThan(100);
        if (coinsPerSnapshot !== null) expect(snapshot.coins.length).toBe(coinsPerSnapshot);
        expect(persisted.sources.map((s) => s.id).sort()).toEqual(snapshot.sources.map((s) => s.id).sort());
        // Nothing lost: the newest snapshot the child reported as written is on disk (or a newer one).
        const lastWritten = child.events.filter((e) => e.event === 'refreshed').at(-1);
        if (lastWritten?.event === 'refreshed') expect(Date.parse(snapshot.asOf)).toBeGreaterThanOrEqual(Date.parse(lastWritten.asOf));
        onDisk = { asOf: snapshot.asOf, tags: snapshot.coins.map((c) => c.tag) };
        snapshotsVerified++;
      }

      // The history: intact, and each snapshot's points all there or none (one transaction each).
      const history = await historyCounts(backend, sqliteFile, pgUrl);
      expect(history.integrity).toBe('ok');
      if (history.counts.length > 0) {
        expect(coinsPerSnapshot).not.toBeNull();
        expect(new Set(history.counts), `iteration ${i} (${backend}): a snapshot's points were partly recorded`).toEqual(
          new Set([coinsPerSnapshot]),
        );
      }
      historySnapshots[backend] = history.counts.length;
    }

    // One last start: it must serve the snapshot the last kill left on disk, then stop cleanly.
    const tmpBeforeFinal = await tmpFiles();
    const final = spawnChild(baseEnv);
    checkServed(await final.waitFor((e) => e.event === 'served'), ITERATIONS);
    expect((await tmpFiles()).filter((f) => tmpBeforeFinal.includes(f))).toEqual([]);
    tornTmpFilesCleared += tmpBeforeFinal.length;
    final.kill();
    await final.exited;

    expect(snapshotsVerified).toBeGreaterThan(ITERATIONS / 2);
    expect(restoresVerified).toBeGreaterThan(ITERATIONS / 2);
    expect(historySnapshots.sqlite).toBeGreaterThan(0);
    if (pgUrl) expect(historySnapshots.postgres).toBeGreaterThan(0);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `kill-persistence: ${ITERATIONS} iterations in ${seconds} s, ${killsMidRefresh} kills mid-refresh, ` +
        `${killsInStartup} during start-up, ${killsMidWrite} mid-write (a torn .tmp left), ${snapshotsVerified} snapshot files verified, ${restoresVerified} restarts served the snapshot on disk, ` +
        `history whole: ${historySnapshots.sqlite} snapshots in SQLite${pgUrl ? `, ${historySnapshots.postgres} in PostgreSQL` : ' (PostgreSQL skipped)'}, ` +
        `${tornTmpFilesCleared} torn .tmp files cleared by the next start`,
    );
  }, 120_000);
});
