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
// Each section is its own module under scripts/bench/; this file runs them in order.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startFixtureServer } from '../tests/support/fixture-server';
import { ROOT, HOST, WATCHDOG_MS, elapsed, section, freePort } from './bench/common';
import { procs, stopAll, killNow, build, bundleStats, startServer, waitReady } from './bench/servers';
import { memory } from './bench/memory';
import { coldCache, throughput } from './bench/throughput';
import { scaleOut } from './bench/scale';
import { firstLoadJs, firstLoadPayload } from './bench/payload';
import { measureKeystrokes, printKeystrokes } from './bench/keystroke';
import { LIGHTHOUSE_PAGES, printLighthouse, runLighthouse } from './lighthouse';


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
  const fixtures = await startFixtureServer({ port: 0 });
  procs.fixtures = fixtures;
  const tempDir = mkdtempSync(path.join(tmpdir(), 'minerank-bench-'));
  procs.tempDir = tempDir;
  const port = await freePort();
  const server = await startServer(fixtures, port, tempDir);
  procs.server = server;
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
