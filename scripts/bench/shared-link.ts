// A shared link's first load (issue 16), alone and bounded: `/` with the bench's rig against the
// trivial dynamic page, with npm run bench's method (autocannon, 10 connections × 8 s after a 2 s
// warm-up, the fixture upstreams, the last build), in one run so the ratios share one machine load:
//   - the same link asked for again and again (proxy.ts copies a link from its second request);
//   - a new link on every request (kwh= varies), so every request is rendered: the uncached cost.
//   - then both in interleaved rounds, and the median of their ratios (the machine drifts).
// After `next build`: tsx scripts/bench/shared-link.ts
import { get } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startFixtureServer } from '../../tests/support/fixture-server';
import { freePort } from '../../tests/support/listen';
import { startServer, stopGroup, waitReady } from './servers';

const HOST = '127.0.0.1';
const RIG = 'dev=nvidia-rtx-3070:2,amd-ryzen-9-7950x:1&kwh=0.12';
const CONNECTIONS = 10;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 8;
/** Interleaved rounds of the floor and a new link (see main). */
const ROUNDS = 5;
const ROUND_SECONDS = 3;

/** The server process's CPU time so far (user + system, ms), from /proc: a cost per request that the machine's load skews less than req/s. */
function cpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in clock ticks (100 Hz on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}


async function cannon(port: number, urlPath: string, seconds: number, vary = false): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url: `http://${HOST}:${port}${urlPath}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    // A new link per request: kwh=0.12 then 0.1200001, 0.1200002… (the same ranking, a new key).
    requests: vary
      ? [{ setupRequest: (request) => ({ ...request, path: `/?dev=nvidia-rtx-3070:2,amd-ryzen-9-7950x:1&kwh=0.12${String(++n).padStart(6, '0')}` }) }]
      : undefined,
  });
}

async function main(): Promise<void> {
  const fixtures = await startFixtureServer({ port: 0 });
  const dir = mkdtempSync(path.join(tmpdir(), 'minerank-link-bench-'));
  const port = await freePort();
  // The bench's own server: the fixture upstreams, embedded defaults, no rate limits.
  const server = await startServer(fixtures, port, dir, {}, 'shared-link');
  try {
    await waitReady(server, port);
    await fetch(`http://${HOST}:${port}/`); // the first snapshot load, outside the measurements
    console.log(`shared-link bench ${new Date().toISOString()}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    const routes = [
      { label: 'trivial dynamic page', path: '/bench/dynamic', vary: false },
      { label: '/ with a rig, the same link', path: `/?${RIG}`, vary: false },
      { label: '/ with a rig, a new link each request', path: `/?${RIG}`, vary: true },
    ];
    const rps: number[] = [];
    const cpu: number[] = [];
    const measure = async (route: (typeof routes)[number], seconds: number) => {
      const cpu0 = cpuMs(server.pid);
      const r = await cannon(port, route.path, seconds, route.vary);
      const cpu1 = cpuMs(server.pid);
      // The server's CPU per request: its inverse is the throughput on an idle core, whatever the load.
      const perRequest = cpu0 !== null && cpu1 !== null && r.requests.total > 0 ? (cpu1 - cpu0) / r.requests.total : NaN;
      return { r, perRequest };
    };
    for (const route of routes) {
      await cannon(port, route.path, WARMUP_SECONDS, route.vary);
      const { r, perRequest } = await measure(route, DURATION_SECONDS);
      rps.push(r.requests.average);
      cpu.push(perRequest);
      const ratio = rps[0] ? (r.requests.average / rps[0]).toFixed(2) : '';
      const cpuRatio = cpu[0] && Number.isFinite(perRequest) ? (cpu[0] / perRequest).toFixed(2) : '?';
      console.log(
        `${route.label.padEnd(40)} ${r.requests.average.toFixed(1).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors + r.timeouts}  ` +
          `server CPU ${Number.isFinite(perRequest) ? perRequest.toFixed(1) : '?'} ms/request  ${rps.length > 1 ? `${ratio}× dynamic (by CPU: ${cpuRatio}×)` : ''}`,
      );
    }
    // This machine's speed drifts by tens of percent within a minute (a shared VM), so one 8 s
    // measurement of each route, one after the other, can put either in a slow spell. Rounds of
    // the floor and the new link back to back, 3 s each, and their median ratio, compare like with like.
    const floor = routes[0]!;
    const newLink = routes[2]!;
    const rounds: { rps: number; cpu: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = await measure(floor, ROUND_SECONDS);
      const b = await measure(newLink, ROUND_SECONDS);
      rounds.push({ rps: b.r.requests.average / a.r.requests.average, cpu: a.perRequest / b.perRequest });
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;
    console.log(
      `new link against the floor, ${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s: ` +
        `${rounds.map((r) => r.rps.toFixed(2)).join(' ')} by req/s (median ${median(rounds.map((r) => r.rps)).toFixed(2)}×), ` +
        `${rounds.map((r) => r.cpu.toFixed(2)).join(' ')} by CPU (median ${median(rounds.map((r) => r.cpu)).toFixed(2)}×); target ≥ 0.5×`,
    );
    console.log(`load average at the end ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    // node:http, as autocannon: fetch() sends fetch metadata (sec-fetch-*) that proxy.ts reads as not a document load.
    const header = await new Promise<string>((resolve) => {
      get({ host: HOST, port, path: `/?${RIG}` }, (res) => {
        res.resume();
        resolve(String(res.headers['x-minerank-cache'] ?? '(none)'));
      }).on('error', () => resolve('(error)'));
    });
    console.log(`the same link now: x-minerank-cache ${header}`);
  } finally {
    await stopGroup(server);
    await fixtures.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
