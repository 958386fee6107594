// Never burst at a pool: requests to one host leave at least MIN_GAP_MS apart, whoever asks
// (MiningCore's default API limit is 5 requests per second per IP: 250 ms apart is 4 per second
// at most). Each caller waits its turn; nothing is dropped.
export const MIN_GAP_MS = 250;

const nextSlot = new Map<string, number>();

/** Resolves (with the ms it waited) when a request to `host` may leave; reserves the slot after it. */
export function paceHost(host: string, now: () => number = Date.now, gapMs = MIN_GAP_MS): Promise<number> {
  const at = Math.max(now(), nextSlot.get(host) ?? 0);
  nextSlot.set(host, at + gapMs);
  if (nextSlot.size > 1000) {
    for (const [key, slot] of nextSlot) if (slot < now()) nextSlot.delete(key);
  }
  const wait = at - now();
  return wait > 0 ? new Promise((resolve) => setTimeout(() => resolve(wait), wait)) : Promise.resolve(0);
}
