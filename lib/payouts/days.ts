// UTC day buckets for reconciliation: the period's days, recorded history as one set of figures per
// day (means of the points in it), and a pool's credits summed per day. Pure.
import { DAY_MS, SECONDS_PER_DAY } from '@/lib/mining/time';
import type { NetworkFigures } from './reconcile';

/** Epoch ms → "YYYY-MM-DD" (UTC). */
export const utcDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The `count` complete UTC days before the day of `now`, oldest first. */
export function periodDates(now: number, count: number): string[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return Array.from({ length: count }, (_, i) => utcDate(today - (count - i) * DAY_MS));
}

export type FigurePoint = {
  at: number;
  difficulty: number | null;
  networkHashrate: number | null;
  blockReward: number | null;
  /** Coins issued per day network-wide, where the source gives it instead of a block reward. */
  emissionPerDay?: number | null;
};

const mean = (xs: readonly (number | null)[]): number | null => {
  const good = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0);
  return good.length === 0 ? null : good.reduce((s, x) => s + x, 0) / good.length;
};

/**
 * Each day's plain means of the recorded points; days without points are absent. Where a source
 * recorded emission instead of a reward: R = emission per day × T / 86400 (emission ÷ blocks a day).
 */
export function dailyFigures(
  points: readonly FigurePoint[],
  constants: { blockTimeSeconds: number | null; workFactor: number | null },
): Map<string, NetworkFigures> {
  const byDay = new Map<string, FigurePoint[]>();
  for (const p of points) {
    const day = utcDate(p.at);
    const list = byDay.get(day) ?? [];
    list.push(p);
    byDay.set(day, list);
  }
  const out = new Map<string, NetworkFigures>();
  for (const [day, list] of byDay) {
    out.set(day, {
      difficulty: mean(list.map((p) => p.difficulty)),
      networkHashrate: mean(list.map((p) => p.networkHashrate)),
      blockReward: mean(list.map((p) => p.blockReward)) ?? rewardFromEmission(mean(list.map((p) => p.emissionPerDay ?? null)), constants.blockTimeSeconds),
      blockTimeSeconds: constants.blockTimeSeconds,
      workFactor: constants.workFactor,
    });
  }
  return out;
}

/** R = emission per day × T / 86400; null without both. */
export function rewardFromEmission(emissionPerDay: number | null, blockTimeSeconds: number | null): number | null {
  if (emissionPerDay === null || !(emissionPerDay > 0) || blockTimeSeconds === null || !(blockTimeSeconds > 0)) return null;
  return (emissionPerDay * blockTimeSeconds) / SECONDS_PER_DAY;
}

/** Positive amounts summed per UTC day (a balance reset after a payment is negative: not a credit). */
export function creditsByDay(entries: readonly { time: number; amount: number }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    if (!Number.isFinite(e.time) || !Number.isFinite(e.amount) || e.amount <= 0) continue;
    const day = utcDate(e.time);
    out.set(day, (out.get(day) ?? 0) + e.amount);
  }
  return out;
}

/** Mean hashrate per UTC day of timestamped samples (H/s). */
export function hashrateByDay(samples: readonly { time: number; hashrate: number }[]): Map<string, number> {
  const sums = new Map<string, { total: number; n: number }>();
  for (const s of samples) {
    if (!Number.isFinite(s.time) || !Number.isFinite(s.hashrate) || s.hashrate < 0) continue;
    const day = utcDate(s.time);
    const acc = sums.get(day) ?? { total: 0, n: 0 };
    acc.total += s.hashrate;
    acc.n += 1;
    sums.set(day, acc);
  }
  return new Map([...sums].map(([day, { total, n }]) => [day, total / n]));
}
