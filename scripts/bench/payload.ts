// First-load JS of `/` against the framework-only page, and what a shared link's first load carries.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, RIG, fmt, kb, section, table, get } from './common';
import { bundleStats } from './servers';

export function firstLoadJs(): void {
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
export function inlineFlight(html: string): string {
  let flight = '';
  for (const match of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) {
    flight += JSON.parse(match[1] ?? '""') as string;
  }
  return flight;
}

export async function firstLoadPayload(port: number): Promise<void> {
  section(`what a shared link's first load carries: / with a rig (${RIG}), gzip level 6 as a proxy would send it`);
  const agent = new Agent({ keepAlive: false });
  const page = await get(agent, port, `/?${RIG}`, 30_000, true);
  agent.destroy();
  if (page.status !== 200) {
    console.log(`not measured: / answered ${page.status}`);
    return;
  }
  const flight = inlineFlight(page.body);
  // The ranking inputs: once in the document, as the island's JSON script (components/snapshot-swr.tsx).
  const inputs = /<script type="application\/json" id="ranking-snapshot"[^>]*>([^<]*)<\/script>/.exec(page.body)?.[1] ?? '{}';
  const ranking = JSON.parse(inputs) as Record<string, unknown>;
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
      [`  of which the ranking inputs, a JSON script (${count} coins, rates, rentals, pools)`, ...size(inputs)],
    ],
  );
}
