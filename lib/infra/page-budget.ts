// The per-client page budget: how many page requests (documents, client navigations, form posts)
// one client may make in a fixed 60-second window before it is answered 429. Generous on purpose:
// it exists so that a crawler or a loop cannot take the renderer from everyone else, not to meter
// people. Synchronous, because it is consulted on Node's http.server.request.start channel
// (lib/infra/peer-capture.ts), before Next starts any work; so its counters live in this process
// (each instance counts its own pages, unlike the API limit, which can share Redis).
import { OVERFLOW_KEY } from './rate-limit';

export const PAGE_WINDOW_MS = 60_000;

export type PageBudget = {
  /** null when allowed; otherwise the whole seconds until this client's window ends (at least 1). */
  take(key: string): number | null;
  /** Clients counted now (tests). */
  readonly size: number;
};

export type PageBudgetOptions = {
  /** Page requests per client per window; 0 (or less) turns the budget off. */
  perMinute: number;
  /** Most clients counted apart at once; past it, new clients share OVERFLOW_KEY (bounded memory). */
  maxKeys?: number;
  now?: () => number;
};

export function createPageBudget(options: PageBudgetOptions): PageBudget {
  const { perMinute } = options;
  const maxKeys = options.maxKeys ?? 100_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { count: number; ends: number }>();
  let prunedAt = -Infinity;
  return {
    take(clientKey) {
      if (!(perMinute > 0)) return null;
      const t = now();
      let key = clientKey;
      let window = windows.get(key);
      if (window !== undefined && window.ends <= t) {
        windows.delete(key);
        window = undefined;
      }
      if (window === undefined) {
        if (windows.size >= maxKeys && t - prunedAt >= 1000) {
          prunedAt = t; // at most one sweep a second
          for (const [k, w] of windows) if (w.ends <= t) windows.delete(k);
        }
        if (windows.size >= maxKeys) {
          key = OVERFLOW_KEY;
          window = windows.get(key);
          if (window !== undefined && window.ends <= t) window = undefined;
        }
        if (window === undefined) {
          window = { count: 0, ends: t + PAGE_WINDOW_MS };
          windows.set(key, window);
        }
      }
      if (window.count >= perMinute) return Math.max(1, Math.ceil((window.ends - t) / 1000));
      window.count += 1;
      return null;
    },
    get size() {
      return windows.size;
    },
  };
}

/** Files at the root that are static or cheap (app/icon.svg and the usual ones a browser asks). */
const STATIC_FILES = new Set(['/icon.svg', '/favicon.ico', '/robots.txt', '/sitemap.xml']);

/**
 * Whether a request is one the renderer may have to build: anything but Next's build files
 * (/_next/static/), the API and feeds (they have the API's per-client limit) and the static files
 * above. An unknown path counts too: its not-found page is rendered as well.
 */
export function isPageRequest(method: string | undefined, url: string | undefined): boolean {
  if (method === 'OPTIONS') return false;
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  const path = query === -1 ? raw : raw.slice(0, query);
  if (path.startsWith('/_next/static/') || path.startsWith('/api/') || path.startsWith('/feeds/')) return false;
  return !STATIC_FILES.has(path);
}
