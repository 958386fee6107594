// Feed entries for a ranking view, computed from recorded history (nothing stored per reader): an
// entry whenever the top coin for the rig changes, and whenever a watched coin's profit crosses
// its threshold. Pure: profit series in, entries out (lib/ranking/series.ts computes the series).
import { HOUR_MS } from '@/lib/mining/time';

export type ProfitPoint = { at: number; profit: number | null };
export type CoinSeries = { tag: string; points: readonly ProfitPoint[] };

export type TopChange = { at: number; top: string; profit: number; previous: string; previousProfit: number | null };
export type Crossing = { at: number; tag: string; direction: 'below' | 'above'; profit: number; threshold: number };

/** Each coin's last known profit in each hour (hour start → profit). */
function byHour(points: readonly ProfitPoint[], bucketMs: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of [...points].sort((a, b) => a.at - b.at)) {
    if (p.profit === null || !Number.isFinite(p.profit)) continue;
    out.set(Math.floor(p.at / bucketMs) * bucketMs, p.profit);
  }
  return out;
}

/**
 * The hours in which the most profitable coin changed. In each hour the coins compared are those
 * with a recorded profit in that hour; an hour where no coin has one is skipped (a gap, not a change).
 */
export function topCoinChanges(series: readonly CoinSeries[], bucketMs = HOUR_MS): TopChange[] {
  const hourly = series.map((s) => ({ tag: s.tag, hours: byHour(s.points, bucketMs) }));
  const hours = [...new Set(hourly.flatMap((s) => [...s.hours.keys()]))].sort((a, b) => a - b);
  const changes: TopChange[] = [];
  let current: { tag: string; profit: number } | null = null;
  for (const hour of hours) {
    let best: { tag: string; profit: number } | null = null;
    for (const s of hourly) {
      const profit = s.hours.get(hour);
      if (profit === undefined) continue;
      // Ties keep the coin already on top (no flapping), else the first in series order.
      if (!best || profit > best.profit || (profit === best.profit && s.tag === current?.tag)) best = { tag: s.tag, profit };
    }
    if (!best) continue;
    if (current && best.tag !== current.tag) {
      changes.push({ at: hour, top: best.tag, profit: best.profit, previous: current.tag, previousProfit: hourly.find((s) => s.tag === current!.tag)?.hours.get(hour) ?? null });
    }
    current = best;
  }
  return changes;
}

/** The hours in which a coin's profit crossed the threshold (from ≥ to <: below; from ≤ to >: above). */
export function thresholdCrossings(series: CoinSeries, threshold: number, bucketMs = HOUR_MS): Crossing[] {
  const hours = [...byHour(series.points, bucketMs).entries()].sort((a, b) => a[0] - b[0]);
  const out: Crossing[] = [];
  for (let i = 1; i < hours.length; i++) {
    const [, before] = hours[i - 1]!;
    const [at, profit] = hours[i]!;
    if (before >= threshold && profit < threshold) out.push({ at, tag: series.tag, direction: 'below', profit, threshold });
    else if (before <= threshold && profit > threshold) out.push({ at, tag: series.tag, direction: 'above', profit, threshold });
  }
  return out;
}
