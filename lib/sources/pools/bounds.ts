// Bounds shared by the pool adapters: a figure that is negative, not finite or beyond any real
// pool is unknown (null), never NaN or Infinity. Zero stays zero where it means something (a fee).
import { MAX_HASHRATE } from '@/lib/format/units';

export function nonNegative(value: number | null | undefined, max = Number.MAX_VALUE): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max ? value : null;
}

export const hashrateOrNull = (value: number | null | undefined): number | null => nonNegative(value, MAX_HASHRATE);
export const percentOrNull = (value: number | null | undefined): number | null => nonNegative(value, 100);

/** An upper-case scheme code (PPLNS, PPS, SOLO…), or null for anything else. */
export function schemeCode(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase();
  return /^[A-Z0-9+_-]{2,16}$/.test(code) ? code : null;
}

/** ms since the epoch → ISO, or null for a stamp before 2009 or more than a day ahead of `nowMs`. */
export function isoOrNull(ms: number | null | undefined, nowMs: number): string | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return null;
  if (ms < Date.UTC(2009, 0, 3) || ms > nowMs + 86_400_000) return null;
  return new Date(ms).toISOString();
}
