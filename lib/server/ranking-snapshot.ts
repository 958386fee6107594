// Publishing the ranking snapshot a page is rendered with: its JSON text, its script-safe copy and
// its key are computed once per snapshot (every page view between two refreshes shares them), and
// kept for the island's server render and for /api/ranking-snapshot.
import 'server-only';
import { createHash } from 'node:crypto';
import { rankingSnapshotJson, type RankingSnapshot } from '@/lib/ranking/inputs';
import { keepSnapshot, scriptSafeJson, type KeptSnapshot } from '@/lib/snapshot/kept';

const ENTRY = new WeakMap<RankingSnapshot, KeptSnapshot>();

/** A snapshot's key: 16 base64url characters of the SHA-256 of its JSON text (the same figures, the same key, on any instance). */
export function snapshotKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** Keeps the snapshot for this page view and returns its key (what the page sends instead of the figures). */
export function publishRankingSnapshot(snapshot: RankingSnapshot): string {
  let entry = ENTRY.get(snapshot);
  if (!entry) {
    const text = rankingSnapshotJson(snapshot);
    entry = { key: snapshotKey(text), text, html: scriptSafeJson(text), snapshot };
    ENTRY.set(snapshot, entry);
  }
  // Kept on every view (cheap): the newest stays in, whatever other pages published since.
  keepSnapshot(entry);
  return entry.key;
}
