'use client';

// The ranking's URL state on `/`: the address bar is the state. Every control of the island reads
// it through useDashboardState and writes it through the one setter in SetParamsContext; the
// same parser as the server's (parseDashboardParams) turns it into the view.
//
// Why not a URL hook library here: under nuqs's Next.js adapter a shallow write also went through
// the App Router (its history patch turns each write into a router "restore", and the router later
// writes its own idea of the URL back into the entry). A sort (a new entry) then a rig edit
// (replacing it), close together, could leave the entry with the older URL: forward then brought
// back the old rig (the flaky back/forward e2e). And a hook that re-reads every one of the ~200
// params on each render cost more per keystroke than the ranking itself. So this module writes the
// address bar with the entry's own history state, which the router passes through untouched, and
// reads it back from `location`; the router hears of the URL only on back and forward (from the
// browser) and on the one write that needs the server (a spot zone). The params' parsers and
// serializers are still nuqs's, shared with the server (lib/url/search-params.ts).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { withParams, type ParamValues } from '@/lib/url/query';
import { parseDashboardParams, type DashboardState, type ParamError } from '@/lib/url/search-params';

/** push: a new history entry (a view the user may go back from); shallow false: the server renders it. */
export type UrlWrite = { history?: 'push' | 'replace'; shallow?: boolean };

/** Sets the given params (null removes one) and leaves the others as the address bar has them. */
export type SetDashboardParams = (values: ParamValues, options?: UrlWrite) => void;

/** The ranking island's one URL setter (LiveRanking's), for its links, switches and fields. */
export const SetParamsContext = createContext<SetDashboardParams | null>(null);

export function useSetDashboardParams(): SetDashboardParams {
  const setParams = useContext(SetParamsContext);
  if (!setParams) throw new Error('useSetDashboardParams needs a SetParamsContext above it (LiveRanking)');
  return setParams;
}

// The address bar, with the last write held for up to WRITE_EVERY_MS: typing re-ranks at once, and
// the history API is called at most 20 times a second (browsers throttle pages that call it more).
const WRITE_EVERY_MS = 50;
let held: string | null = null;
/** The page the held write is for: a write never lands on another page's entry. */
let heldPath = '';
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

const currentSearch = () => held ?? window.location.search;
const notify = () => listeners.forEach((listener) => listener());

function writeAddressBar(search: string, history: 'push' | 'replace') {
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  // The entry's own state (the router's tree) goes with the URL, so the router lets the write through.
  if (history === 'push') window.history.pushState(window.history.state, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

function flush() {
  clearTimeout(timer);
  timer = undefined;
  if (held === null) return;
  const search = held;
  held = null;
  if (window.location.pathname !== heldPath) return;
  writeAddressBar(search, 'replace');
  // The browser may spell the query differently (escapes): readers then see its spelling.
  if (window.location.search !== search) notify();
}

/** Back or forward: whatever was held belonged to the entry left behind. */
function onTraversal() {
  clearTimeout(timer);
  timer = undefined;
  held = null;
  notify();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    window.addEventListener('popstate', onTraversal);
    // A click may follow a link (the router then adds an entry): what is held goes to this entry first.
    document.addEventListener('click', flush, true);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('popstate', onTraversal);
      document.removeEventListener('click', flush, true);
      flush();
    }
  };
}

function write(values: ParamValues, options: UrlWrite = {}): string {
  const search = withParams(currentSearch(), values);
  if (options.history === 'push' || options.shallow === false) {
    flush();
    writeAddressBar(search, options.history ?? 'replace');
  } else {
    held = search;
    heldPath = window.location.pathname;
    timer ??= setTimeout(flush, WRITE_EVERY_MS);
  }
  notify();
  return search;
}

/** The query the server rendered the page for: what the island reads until the browser takes over. */
const ServerSearchContext = createContext('');

/** `search` is the request's query ("?dev=…"): the island's server render and hydration read it. */
export function DashboardUrlState({ search, children }: { search: string; children: ReactNode }) {
  return <ServerSearchContext value={search}>{children}</ServerSearchContext>;
}

/**
 * The state and per-param errors as the page is about to show them, read by the same parser the
 * server used for the first render, and the setter.
 */
export function useDashboardState(): { state: DashboardState; errors: ParamError[]; setParams: SetDashboardParams } {
  const serverSearch = useContext(ServerSearchContext);
  const router = useRouter();
  const pathname = usePathname();
  // Not read: a URL written by other code through the router (history.pushState from a script, a
  // link to `/?…`) changes the router's search params, which re-renders this and re-reads `location`.
  useSearchParams();
  const raw = useSyncExternalStore(subscribe, currentSearch, () => serverSearch);
  const setParams = useCallback<SetDashboardParams>(
    (values, options) => {
      const search = write(values, options);
      // The spot zone's prices are fetched by the server: the router renders the URL just written.
      if (options?.shallow === false) router.replace(`${pathname}${search}`, { scroll: false });
    },
    [router, pathname],
  );
  // Sorted, one view is one string: a write and the address bar catching up parse once.
  const query = useMemo(() => {
    const params = new URLSearchParams(raw);
    params.sort();
    return params.toString();
  }, [raw]);
  const { state, errors } = useMemo(() => parseDashboardParams(new URLSearchParams(query)), [query]);
  return { state, errors, setParams };
}
