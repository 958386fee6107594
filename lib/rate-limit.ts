// A per-client token bucket for the API: each client gets `perMinute` requests a minute with a
// burst of the same size; past that, 429 with Retry-After. In memory (one process), bounded in
// size. Pure apart from the map it keeps; the clock is passed in.

export type RateLimiter = {
  /** null when allowed; otherwise the seconds to wait. */
  take(key: string, now: number): number | null;
};

/** At most this many clients are tracked; the least recently seen are forgotten first. */
const MAX_CLIENTS = 10_000;

export function createRateLimiter(perMinute: number): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return {
    take(key, now) {
      if (perMinute <= 0) return null;
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: now };
      buckets.delete(key); // re-inserted below: Map order is then least recently seen first
      bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.at) * refillPerMs);
      bucket.at = now;
      let wait: number | null = null;
      if (bucket.tokens >= 1) bucket.tokens -= 1;
      else wait = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      buckets.set(key, bucket);
      if (buckets.size > MAX_CLIENTS) buckets.delete(buckets.keys().next().value as string);
      return wait;
    },
  };
}

/** The client's address as the server sees it (first X-Forwarded-For hop), or one shared key. */
export function clientKey(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('x-real-ip') || 'unknown';
}
