'use client';

// The snapshot the browser ranks with: seeded from the server's (SWRConfig fallback, so the first
// paint and hydration use it and nothing is fetched on load), then refreshed from /api/coins every
// minute and when the tab regains focus. A new snapshot re-ranks the table where it stands.
import { useMemo, type ReactNode } from 'react';
import useSWR, { SWRConfig } from 'swr';
import type { RankingSnapshot } from '@/lib/ranking/inputs';
import { fetcher } from './fetcher';

export const SNAPSHOT_KEY = '/api/coins';
const REFRESH_MS = 60_000;

/**
 * The snapshot comes as its JSON text: React's flight format then carries one string (no per-value
 * encoding on the server, no per-value decoding when the server renders the HTML and when the
 * browser hydrates), and JSON.parse reads it natively, about 3,000 figures for 36 coins.
 */
export function SnapshotProvider({ snapshotJson, children }: { snapshotJson: string; children: ReactNode }) {
  const value = useMemo(() => ({ fetcher, fallback: { [SNAPSHOT_KEY]: JSON.parse(snapshotJson) as RankingSnapshot } }), [snapshotJson]);
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
