// The ranking snapshots this server process has sent pages with, by key (a hash of their JSON text).
// The page's RSC payload carries only the key: the server render of the ranking island reads the
// figures here (same process, no copy) and writes their JSON text into the HTML once, as a JSON
// script the browser reads when it hydrates; a page reached by client navigation loads them from
// /api/ranking-snapshot?v=<key> (immutable). So the figures are never encoded into the RSC payload
// (which the HTML then carries a second time, escaped), and are encoded once per snapshot, not per view.
// No I/O and no clock: a few entries on globalThis, which the RSC, SSR and route-handler module
// graphs of one Next server share (each graph has its own copy of this module).
import type { RankingSnapshot } from '@/lib/ranking/inputs';

/** `text` is the JSON; `html` the same JSON safe inside a <script> element (every "<" as \u003c). */
export type KeptSnapshot = { key: string; text: string; html: string; snapshot: RankingSnapshot };

/** JSON text made safe to sit inside a <script> element: no "</script" or "<!--" can appear, and JSON.parse reads it unchanged. */
export function scriptSafeJson(text: string): string {
  return text.replace(/</g, '\\u003c');
}

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
