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
