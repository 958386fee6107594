// What every spot-price adapter returns: intervals in the feed's own currency per kWh.
import type { SpotPoint } from '@/lib/electricity/tariff';
import type { SpotCurrency } from '@/lib/electricity/spot-zones';

export type SpotPrices = { currency: SpotCurrency; points: SpotPoint[] };

export type SpotFetchOptions = {
  baseUrl: string;
  timeoutMs: number;
  /** The window asked for (the caller's clock): from yesterday's start to tomorrow's end. */
  fromMs: number;
  toMs: number;
};

/** Sorted by start, one point per start (a repeated start keeps the later entry). */
export function orderPoints(points: SpotPoint[]): SpotPoint[] {
  const byStart = new Map<number, SpotPoint>();
  for (const p of points) byStart.set(p.startMs, p);
  return [...byStart.values()].sort((a, b) => a.startMs - b.startMs);
}
