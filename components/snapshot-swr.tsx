'use client';

// The snapshot the browser ranks with. The page sends only its key: the server render reads the
// figures the server kept under it (lib/snapshot/kept.ts), and the browser loads the same figures
// once from /api/ranking-snapshot?v=<key> (preloaded from the page's head, immutable, so a second
// page view reads them from the HTTP cache). Until they arrive the island stays as the server
// rendered it (a dehydrated Suspense boundary: visible, links and the GET form work as without
// JavaScript), then hydrates with the very figures the server ranked. SWR then refreshes them from
// /api/coins every minute and when the tab regains focus; a new snapshot re-ranks where it stands.
import { use, useMemo, type ReactNode } from 'react';
import useSWR, { SWRConfig } from 'swr';
import type { RankingSnapshot } from '@/lib/ranking/inputs';
import { keptSnapshot, rankingSnapshotUrl } from '@/lib/snapshot/kept';
import { fetcher } from './fetcher';

export const SNAPSHOT_KEY = '/api/coins';
const REFRESH_MS = 60_000;

const loads = new Map<string, Promise<RankingSnapshot>>();

/** The figures for a key, loaded once per page; a failed load is retried (1 s, 2 s, 4 s… up to 30 s) rather than breaking the page. */
function load(key: string): Promise<RankingSnapshot> {
  let pending = loads.get(key);
  if (!pending) {
    pending = new Promise<RankingSnapshot>((resolve) => {
      const attempt = (delayMs: number) => {
        fetch(rankingSnapshotUrl(key))
          .then((response) => (response.ok ? (response.json() as Promise<RankingSnapshot>) : Promise.reject(new Error(String(response.status)))))
          .then(resolve, () => setTimeout(() => attempt(Math.min(delayMs * 2, 30_000)), delayMs));
      };
      attempt(1000);
    });
    loads.set(key, pending);
  }
  return pending;
}

function serverSnapshot(key: string): RankingSnapshot {
  const entry = keptSnapshot(key);
  if (!entry) throw new Error(`No ranking snapshot kept under ${key}: the page publishes it before rendering`);
  return entry.snapshot;
}

export function SnapshotProvider({ snapshotKey, children }: { snapshotKey: string; children: ReactNode }) {
  // `use` may be called conditionally; the server never waits (the figures are in this process).
  const snapshot = typeof window === 'undefined' ? serverSnapshot(snapshotKey) : use(load(snapshotKey));
  const value = useMemo(() => ({ fetcher, fallback: { [SNAPSHOT_KEY]: snapshot } }), [snapshot]);
  return <SWRConfig value={value}>{children}</SWRConfig>;
}

/** The newest snapshot this page has: the server's until a refresh brings a newer one. */
export function useSnapshot(): RankingSnapshot {
  const { data } = useSWR<RankingSnapshot>(SNAPSHOT_KEY, {
    revalidateOnMount: false,
    revalidateOnFocus: true,
    refreshInterval: REFRESH_MS,
    keepPreviousData: true,
  });
  if (!data) throw new Error('useSnapshot needs a SnapshotProvider above it');
  return data;
}
