// A one-entry stale-while-revalidate cache for a rendered page: fresh for `ttlMs` and while
// `version()` (the data it was rendered from) is unchanged, then served stale while one background
// render replaces it; concurrent misses share one render. A failed render never replaces a good
// page (the error is logged, the old page kept).

export type CachedPage = {
  status: number;
  headers: Array<[string, string]>;
  body: ArrayBuffer;
  /** What `version()` said when the copy was made. */
  version?: unknown;
};

export type PageCache = { get(now: number): Promise<CachedPage> };

export function createPageCache(options: {
  ttlMs: number;
  render: () => Promise<CachedPage>;
  /** Identifies the data a render shows: a change makes the copy stale before its TTL is over. */
  version?: () => unknown;
  onError?: (error: unknown) => void;
}): PageCache {
  let entry: { page: CachedPage; at: number } | null = null;
  let inFlight: Promise<CachedPage> | null = null;

  function refresh(now: number): Promise<CachedPage> {
    inFlight ??= options
      .render()
      .then((page) => {
        // Only a 200 is worth repeating to everyone; anything else is passed through once.
        if (page.status === 200) entry = { page: { ...page, version: options.version?.() }, at: now };
        return page;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    async get(now) {
      if (entry === null) return refresh(now);
      const stale = now - entry.at >= options.ttlMs || (options.version !== undefined && options.version() !== entry.page.version);
      if (stale && inFlight === null) {
        refresh(now).catch((error: unknown) => options.onError?.(error));
      }
      return entry.page;
    },
  };
}

export type KeyedPageCache = {
  /**
   * The copy for `key` (or the render made for it, passed on once if it was not a 200); null when
   * this request should be rendered the ordinary way (a key seen fewer than `minRequests` times).
   */
  get(key: string, now: number): Promise<CachedPage | null>;
  /** Copies held now, and their bytes. */
  stats(): { entries: number; bytes: number };
};

/**
 * Copies of rendered pages by key (a shared link's query), bounded in count and bytes, least
 * recently used out first. A key is copied from its `minRequests`-th request on: a link opened
 * once costs nothing extra, a link passed around is rendered once per `ttlMs`. A copy is served
 * while fresh; past its TTL it is served while one background render replaces it; rendered from
 * older data (`version()` changed), it is dropped and the page rendered again before answering.
 */
export function createKeyedPageCache(options: {
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  /** Requests for a key before it is copied (1: the first request renders the copy). */
  minRequests: number;
  render: (key: string) => Promise<CachedPage>;
  version?: () => unknown;
  onError?: (error: unknown) => void;
}): KeyedPageCache {
  // Map order is recency order: the first key is the least recently used.
  const entries = new Map<string, { page: CachedPage; at: number }>();
  const seen = new Map<string, number>();
  const inFlight = new Map<string, Promise<CachedPage>>();
  let bytes = 0;

  function drop(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.page.body.byteLength;
    entries.delete(key);
  }

  function store(key: string, page: CachedPage, now: number): void {
    drop(key);
    if (page.body.byteLength > options.maxBytes) return;
    entries.set(key, { page, at: now });
    bytes += page.body.byteLength;
    for (const oldest of entries.keys()) {
      if (entries.size <= options.maxEntries && bytes <= options.maxBytes) break;
      drop(oldest);
    }
  }

  function refresh(key: string, now: number): Promise<CachedPage> {
    let pending = inFlight.get(key);
    if (pending) return pending;
    const version = options.version?.();
    pending = options
      .render(key)
      .then((page) => {
        // Only a 200 is worth repeating; anything else is passed through once.
        if (page.status === 200) store(key, { ...page, version }, now);
        return { ...page, version };
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
    return pending;
  }

  /** Counts a request for a key with no copy; true once it has reached `minRequests`. */
  function wanted(key: string): boolean {
    const count = (seen.get(key) ?? 0) + 1;
    seen.delete(key);
    if (count >= options.minRequests) return true;
    seen.set(key, count);
    // The counts are bounded too: the oldest-seen keys are forgotten first.
    for (const oldest of seen.keys()) {
      if (seen.size <= options.maxEntries * 8) break;
      seen.delete(oldest);
    }
    return false;
  }

  return {
    async get(key, now) {
      const entry = entries.get(key);
      if (entry) {
        if (options.version !== undefined && options.version() !== entry.page.version) {
          drop(key);
        } else {
          // Most recently used: moved to the end of the order.
          entries.delete(key);
          entries.set(key, entry);
          if (now - entry.at >= options.ttlMs && !inFlight.has(key)) {
            refresh(key, now).catch((error: unknown) => options.onError?.(error));
          }
          return entry.page;
        }
      }
      const pending = inFlight.get(key);
      if (!pending && !wanted(key)) return null;
      return pending ?? refresh(key, now);
    },
    stats: () => ({ entries: entries.size, bytes }),
  };
}
