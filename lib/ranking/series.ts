// Time series for charts: a gap in the data stays a gap. Where two recorded points are much
// further apart than the series' usual spacing, a null point is put between them, so a line
// chart breaks there instead of drawing a line across missing data.
import { estimate, type CoinFigures, type RigFigures } from '@/lib/mining/profit';

export type SeriesPoint = { at: number; value: number | null };

/** A gap is a spacing more than this many times the median spacing (and at least `minGapMs`). */
export const GAP_FACTOR = 3;

export function withGaps(points: readonly SeriesPoint[], minGapMs = 15 * 60_000): SeriesPoint[] {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  if (sorted.length < 3) return sorted;
  const spacings = sorted.slice(1).map((p, i) => p.at - sorted[i]!.at).sort((a, b) => a - b);
  const median = spacings[Math.floor(spacings.length / 2)]!;
  const limit = Math.max(median * GAP_FACTOR, minGapMs);
  const out: SeriesPoint[] = [sorted[0]!];
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const point = sorted[i]!;
    if (point.at - prev.at > limit) out.push({ at: prev.at + (point.at - prev.at) / 2, value: null });
    out.push(point);
  }
  return out;
}


/** The rig's profit (USD/day) at each recorded point: that moment's difficulty, hashrate and price. */
export function profitSeries(
  coin: CoinFigures,
  points: ReadonlyArray<{ at: number; difficulty: number | null; networkHashrate: number | null; priceUsd: number | null; blockReward: number | null }>,
  rig: RigFigures,
): SeriesPoint[] {
  return points.map((p) => {
    const figures: CoinFigures = {
      ...coin,
      difficulty: p.difficulty ?? null,
      networkHashrate: p.networkHashrate ?? null,
      blockReward: p.blockReward ?? coin.blockReward,
      priceUsd: p.priceUsd,
    };
    return { at: p.at, value: estimate(figures, rig).profitUsdPerDay };
  });
}
