// The server's memory: RSS of the process that owns the listening socket over 10,000 varied rig requests.
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { Agent } from 'node:http';
import path from 'node:path';
import { ROOT, MEMORY_WARMUP, MEMORY_REQUESTS, MEMORY_CONCURRENCY, fmt, mb, section, prng, get } from './common';

// the server's RSS: the process that owns the listening socket (next start may fork a child)

export function descendants(root: number): number[] {
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

export function listeningInode(port: number): string | null {
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

export function serverPid(rootPid: number, port: number): { pid: number; how: string } {
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

export function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} for pid ${pid}`);
  return Number(match[1]);
}
export const rssKb = (pid: number) => statusKb(pid, 'VmRSS');


type Device = { id: string; rates: Array<{ algorithm: string }> };

/** Rig URLs over every page kind that takes a rig, varied in devices, counts, hr. values and kwh. */
export function rigUrls(count: number, seed: number): string[] {
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

export async function drive(port: number, urls: string[]): Promise<{ ms: number; statuses: Map<number, number> }> {
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

export async function memory(rootPid: number, port: number): Promise<void> {
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
