// Cold cache (upstream requests per source on a burst of first requests) and throughput per route against the framework's floor.
import { Agent } from 'node:http';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { type FixtureServer } from '../../tests/support/fixture-server';
import { HOST, CONNECTIONS, WARMUP_SECONDS, DURATION_SECONDS, COLD_BURST, Baseline, ROUTES, fmt, section, table, get } from './common';

// ---------------------------------------------------------------------------------------------
// the measurements

export async function coldCache(fx: FixtureServer, port: number): Promise<void> {
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

export type Measured = { label: string; path: string; rps: number; p50: number; p99: number; non2xx: number; errors: number };

let varied = 0;

/** `vary`: each request gets its own query (kwh=0.12 → 0.12000001, 0.12000002…, the same ranking). */
export async function cannon(port: number, urlPath: string, seconds: number, connections = CONNECTIONS, vary = false): Promise<autocannon.Result> {
  return autocannon({
    url: `http://${HOST}:${port}${urlPath}`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: vary
      ? [{ setupRequest: (request) => ({ ...request, path: urlPath.replace(/kwh=([0-9.]+)/, (_, kwh: string) => `kwh=${kwh}${String(++varied).padStart(6, '0')}`) }) }]
      : undefined,
  });
}

export async function throughput(port: number): Promise<void> {
  section(`throughput: autocannon ${CONNECTIONS} connections × ${DURATION_SECONDS} s per route (after a ${WARMUP_SECONDS} s warm-up)`);
  console.log(`load average now: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (other work on the machine skews every figure)`);
  const results: Measured[] = [];
  for (const route of ROUTES) {
    await cannon(port, route.path, WARMUP_SECONDS, CONNECTIONS, route.vary);
    const r = await cannon(port, route.path, DURATION_SECONDS, CONNECTIONS, route.vary);
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


/** Rig URLs over every page kind that takes a rig, varied in devices, counts, hr. values and kwh. */
