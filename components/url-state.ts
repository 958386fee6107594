'use client';

// The one way client components read and write the URL state: nuqs with the shared options.
// Writes are shallow by default (the browser re-ranks; no server request); pages whose content
// the server computes (the coin page's projection and history) pass { shallow: false }.
import { useSearchParams } from 'next/navigation';
import { useQueryStates, type Options } from 'nuqs';
import { createContext, useContext, useMemo } from 'react';
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

/**
 * The state and per-param errors as the page is about to show them: the address bar with the
 * values just written overlaid, read by the same parser the server used for the first render.
 */
export function useDashboardState(): { state: DashboardState; errors: ParamError[]; setParams: SetDashboardParams } {
  const [values, setParams] = useDashboardParams();
  const raw = useSearchParams();
  const { state, errors } = useMemo(
    () =>
      parseDashboardParams(
        withPendingValues(
          new URLSearchParams(raw?.toString() ?? ''),
          values,
          dashboardParsers as unknown as Record<string, PendingParser>,
        ),
      ),
    [raw, values],
  );
  return { state, errors, setParams };
}
