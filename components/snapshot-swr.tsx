'use client';

// The snapshot the browser ranks with. The page's RSC payload carries only its key. The server
// render of the island reads the figures the server kept under it (lib/snapshot/kept.ts) and writes
// their JSON once into the HTML, as a JSON script element inside the island; the browser reads that
// element when it hydrates (synchronously: the same figures, the same first render, no request).
// A page reached by client navigation has no such element: it loads the figures by key from
// /api/ranking-snapshot (immutable), and the navigation waits for them. SWR then refreshes them
// from /api/coins every minute and when the tab regains focus; a new snapshot re-ranks in place.
import { use, useMemo, type ReactNode } from 'react';
import useSWR, { SWRConfig } from 'swr';
import type { RankingSnapshot } from '@/lib/ranking/inputs';
import { keptSnapshot, rankingSnapshotUrl, scriptSafeJson } from '@/lib/snapshot/kept';
import { fetcher } from './fetcher';

export const SNAPSHOT_KEY = '/api/coins';
const REFRESH_MS = 60_000;
/** The JSON script element's id (one island per page). */
const SCRIPT_ID = 'ranking-snapshot';

type Figures = { html: string; snapshot: RankingSnapshot };

/** The figures this browser has read, by key: a second visit to `/` in the same tab reads nothing again. */
const read = new Map<string, Figures>();
const loads = new Map<string, Promise<Figures>>();

/** From the page's own JSON script, when the server rendered this island with the figures of `key`. */
function fromDocument(key: string): Figures | null {
  const element = document.getElementById(SCRIPT_ID);
  if (!element || element.dataset.key !== key) return null;
  const html = element.textContent ?? '';
  return { html, snapshot: JSON.parse(html) as RankingSnapshot };
}

/** From the server, for a client navigation; a failed load is retried (1 s, 2 s, 4 s… up to 30 s) rather than breaking the page. */
function load(key: string): Promise<Figures> {
  let pending = loads.get(key);
  if (!pending) {
    pending = new Promise<Figures>((resolve) => {
      const attempt = (delayMs: number) => {
        fetcher<RankingSnapshot>(rankingSnapshotUrl(key)).then(
          (snapshot) => resolve({ html: scriptSafeJson(JSON.stringify(snapshot)), snapshot }),
          () => setTimeout(() => attempt(Math.min(delayMs * 2, 30_000)), delayMs),
        );
      };
      attempt(1000);
    });
    loads.set(key, pending);
  }
  return pending;
}

function useFigures(key: string): Figures {
  if (typeof window === 'undefined') {
    const entry = keptSnapshot(key);
    if (!entry) throw new Error(`No ranking snapshot kept under ${key}: the page publishes it before rendering`);
    return entry;
  }
  let found = read.get(key) ?? fromDocument(key);
  // `use` may be called conditionally: only a client navigation, with no figures in the page, waits.
  found ??= use(load(key));
  if (!read.has(key)) {
    // A tab open for days meets a new key every refresh: keep the last two sets of figures only.
    read.set(key, found);
    for (const old of [...read.keys()].slice(0, -2)) {
      read.delete(old);
      loads.delete(old);
    }
  }
  return found;
}

export function SnapshotProvider({ snapshotKey, children }: { snapshotKey: string; children: ReactNode }) {
  const { html, snapshot } = useFigures(snapshotKey);
  const value = useMemo(() => ({ fetcher, fallback: { [SNAPSHOT_KEY]: snapshot } }), [snapshot]);
  return (
    <>
      {/* The figures, for this island's hydration: JSON, inert (type application/json), every "<" escaped. */}
      <script type="application/json" id={SCRIPT_ID} data-key={snapshotKey} dangerouslySetInnerHTML={{ __html: html }} />
      <SWRConfig value={value}>{children}</SWRConfig>
    </>
  );
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
