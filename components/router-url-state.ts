'use client';

// URL writes for pages whose content the server computes (the coin page's projection and history
// range): nuqs with its Next.js adapter (app/coins/[tag]/layout.tsx), { shallow: false }, so each
// write asks the server again. The ranking on `/` has its own URL state (./url-state.tsx).
import { useQueryStates, type Options } from 'nuqs';
import { dashboardParsers } from '@/lib/url/nuqs-parsers';

/** No scroll, the current history entry replaced. */
const ROUTER_URL_OPTIONS = { history: 'replace', scroll: false } as const satisfies Options;

export function useRouterDashboardParams(options: Options = {}) {
  return useQueryStates(dashboardParsers, { ...ROUTER_URL_OPTIONS, ...options });
}
