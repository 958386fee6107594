// The ranking snapshots this server process has sent pages with, by key (a hash of their JSON text).
// The page's RSC payload carries only the key: the server render of the ranking island reads the
// figures here (same process, no copy), and the browser loads the same figures once per snapshot
// from /api/ranking-snapshot?v=<key> (immutable, so a second page view reads them from its cache).
// No I/O and no clock: a few entries on globalThis, which the RSC, SSR and route-handler module
// graphs of one Next server share (each graph has its own copy of this module).
import type { RankingSnapshot } from '@/lib/ranking/inputs';

export type KeptSnapshot = { key: string; text: string; snapshot: RankingSnapshot };

/** The current snapshot and the last few before it: a page rendered just before a refresh still loads its own figures. */
export const KEEP = 4;

const SLOT = Symbol.for('minerank.keptRankingSnapshots');
type Holder = { [SLOT]?: Map<string, KeptSnapshot> };

function kept(): Map<string, KeptSnapshot> {
  const holder = globalThis as Holder;
  return (holder[SLOT] ??= new Map());
}

/** Where the browser loads a page's figures (the page preloads the same URL). */
export const rankingSnapshotUrl = (key: string) => `/api/ranking-snapshot?v=${encodeURIComponent(key)}`;

/** Keeps a snapshot under its key (the newest last); the oldest beyond KEEP are dropped. */
export function keepSnapshot(entry: KeptSnapshot): void {
  const map = kept();
  map.delete(entry.key);
  map.set(entry.key, entry);
  while (map.size > KEEP) map.delete(map.keys().next().value as string);
}

/** The snapshot kept under `key`, if this process still has it. */
export function keptSnapshot(key: string): KeptSnapshot | undefined {
  return kept().get(key);
}
