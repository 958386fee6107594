'use client';

// The one way client components read and write the URL state: nuqs with the shared options.
// Writes are shallow by default (the browser re-ranks; no server request); pages whose content
// the server computes (the coin page's projection and history) pass { shallow: false } and sit
// under nuqs's Next.js adapter (app/coins/[tag]/layout.tsx).
//
// The ranking on `/` is different: its state is the address bar alone. Under Next.js's adapter a
// shallow write also went through the App Router (its history patch turns each write into a
// router "restore", and the router later writes its own idea of the URL back into the entry). Two
// writes close together, a sort (a new entry) then a rig edit (replacing it), could leave the entry
// with the older URL: forward then brought back the old rig (the flaky back/forward e2e). Under
// DashboardUrlState, nuqs's plain React adapter writes the URL with the entry's own history state,
// which the router passes through untouched, and reads it back from `location`; the router only
// hears of the URL on back and forward, from the browser itself.
import { enableHistorySync, NuqsAdapter } from 'nuqs/adapters/react';
import { useQueryStates, type Options } from 'nuqs';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { withPendingValues, type PendingParser } from '@/lib/url/pending';
import { dashboardParsers, parseDashboardParams, type DashboardState, type ParamError } from '@/lib/url/search-params';

/** Shared by every URL write: no scroll, the current history entry replaced, no server round trip. */
export const URL_OPTIONS = { shallow: true, history: 'replace', scroll: false } as const satisfies Options;

export function useDashboardParams(options: Options = {}) {
  return useQueryStates(dashboardParsers, { ...URL_OPTIONS, ...options });
}

export type SetDashboardParams = ReturnType<typeof useDashboardParams>[1];

/**
 * The ranking island's one URL setter (LiveRanking's), for its links, switches and fields. Each
 * useQueryStates instance re-reads and compares every param on each render: one per link made
 * the server's render of `/` pay for some twenty of them, and the browser too on every keystroke.
 */
export const SetParamsContext = createContext<SetDashboardParams | null>(null);

export function useSetDashboardParams(): SetDashboardParams {
  const setParams = useContext(SetParamsContext);
  if (!setParams) throw new Error('useSetDashboardParams needs a SetParamsContext above it (LiveRanking)');
  return setParams;
}

/** The query the server rendered the page for: what the address bar says until the browser takes over. */
const ServerSearchContext = createContext('');

/**
 * The ranking's URL state: the address bar, written in place (shallow) and read back from
 * `location`. `search` is the query the server rendered for (its render and hydration read it).
 */
export function DashboardUrlState({ search, children }: { search: string; children: ReactNode }) {
  // A URL written by other code (a script, an extension, the App Router's own writes) is read too.
  useEffect(enableHistorySync, []);
  return (
    <ServerSearchContext value={search}>
      <NuqsAdapter serverSearch={search}>{children}</NuqsAdapter>
    </ServerSearchContext>
  );
}

function subscribeToTraversal(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

/** The address bar's query: read on every render (a write re-renders through nuqs) and on back/forward. */
function useAddressBarSearch(): string {
  const serverSearch = useContext(ServerSearchContext);
  return useSyncExternalStore(subscribeToTraversal, () => window.location.search, () => serverSearch);
}

/**
 * The state and per-param errors as the page is about to show them: the address bar with the
 * values just written overlaid, read by the same parser the server used for the first render.
 */
export function useDashboardState(): { state: DashboardState; errors: ParamError[]; setParams: SetDashboardParams } {
  const [values, write] = useDashboardParams();
  const router = useRouter();
  // A write with { shallow: false } needs the server (the spot feed a spot= zone names): it is
  // written in place like any other, then the router is sent to that very URL, so the router's
  // idea of the URL is the address bar's again.
  const setParams = useCallback<SetDashboardParams>(
    (next, options) => {
      const written = write(next, options);
      if (options?.shallow === false) {
        void written.then(() => router.replace(`${window.location.pathname}${window.location.search}`, { scroll: false }));
      }
      return written;
    },
    [write, router],
  );
  const raw = useAddressBarSearch();
  // A write renders twice: once with the value just set overlaid, once more when the address bar
  // has it (nuqs writes it a moment later). Both give the same query once sorted, so the state is
  // parsed once and the ranking (memoised on it) is not computed again for the second.
  const query = useMemo(() => {
    const merged = withPendingValues(new URLSearchParams(raw), values, dashboardParsers as unknown as Record<string, PendingParser>);
    merged.sort();
    return merged.toString();
  }, [raw, values]);
  const { state, errors } = useMemo(() => parseDashboardParams(new URLSearchParams(query)), [query]);
  return { state, errors, setParams };
}
