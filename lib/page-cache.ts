// A one-entry stale-while-revalidate cache for a rendered page: fresh for `ttlMs`, then served
// stale while one background render replaces it; concurrent misses share one render. A failed
// render never replaces a good page (the error is logged, the old page kept).

export type CachedPage = { status: number; headers: Array<[string, string]>; body: ArrayBuffer };

export type PageCache = { get(now: number): Promise<CachedPage> };

export function createPageCache(options: {
  ttlMs: number;
  render: () => Promise<CachedPage>;
  onError?: (error: unknown) => void;
}): PageCache {
  let entry: { page: CachedPage; at: number } | null = null;
  let inFlight: Promise<CachedPage> | null = null;

  function refresh(now: number): Promise<CachedPage> {
    inFlight ??= options
      .render()
      .then((page) => {
        // Only a 200 is worth repeating to everyone; anything else is passed through once.
        if (page.status === 200) entry = { page, at: now };
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
      if (now - entry.at >= options.ttlMs && inFlight === null) {
        refresh(now).catch((error: unknown) => options.onError?.(error));
      }
      return entry.page;
    },
  };
}
