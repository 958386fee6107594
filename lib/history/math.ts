// The history's pure arithmetic: snapshot → rows, hourly buckets, averages and the coefficient of
// variation. Kept out of SQL so both dialects run the same plain selects and the maths is tested once.
import { AVERAGE_WINDOWS, type AverageWindow, type Coin, type Snapshot } from '@/lib/model/types';
import type { Resolution } from './schema';

import { DAY_MS, HOUR_MS } from '@/lib/mining/time';

export { DAY_MS, HOUR_MS };
/** Raw points are kept this long, then folded into hourly points. */
export const RAW_RETENTION_MS = 7 * DAY_MS;
/** Hourly points are kept this long, then deleted. */
export const HOURLY_RETENTION_MS = 365 * DAY_MS;
/** The averaging windows (lib/model/types AVERAGE_WINDOWS) in ms. */
export const AVERAGE_WINDOW_MS: Record<AverageWindow, number> = { '24h': DAY_MS, '3d': 3 * DAY_MS, '7d': 7 * DAY_MS };
export type { AverageWindow };

const VALUE_KEYS = ['difficulty', 'networkHashrate', 'blockReward', 'priceUsd', 'volume24hUsd', 'emissionPerDay'] as const;
type ValueKey = (typeof VALUE_KEYS)[number];

/** One point of a coin's history, as the store returns it. Times are epoch ms. */
export type HistoryPoint = { [K in ValueKey]: number | null } & {
  at: number;
  resolution: Resolution;
  /** Raw observations behind the point: 1 for raw, the hour's count for an hourly point. */
  samples: number;
  source: string;
  priceSource: string | null;
  /** The upstream's own timestamp for the figures (the coin's `updatedAt`), if it gave one. */
  sourceUpdatedAt: number | null;
  snapshotAsOf: number;
};

/** A point with the coin it belongs to: one row of `coin_points`. */
export type StoredPoint = HistoryPoint & { tag: string; algorithm: string };

export type Avg = { difficulty: number | null; priceUsd: number | null; networkHashrate: number | null; points: number };

export const hourStart = (at: number): number => Math.floor(at / HOUR_MS) * HOUR_MS;

const finiteOrNull = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

const parseTime = (iso: string | null | undefined): number | null => finiteOrNull(iso ? Date.parse(iso) : null);

/** Arithmetic mean of the finite values; null when there are none. */
export function mean(values: ReadonlyArray<number | null>): number | null {
  const xs = values.filter((v): v is number => finiteOrNull(v) !== null);
  return xs.length === 0 ? null : xs.reduce((sum, x) => sum + x, 0) / xs.length;
}

/**
 * Coefficient of variation (population standard deviation / mean) of the finite values: the
 * window is the whole population we describe, not a sample of a larger one. Null with fewer than
 * 3 values or a zero mean.
 */
export function coefficientOfVariation(values: ReadonlyArray<number | null>): { cv: number | null; points: number } {
  const xs = values.filter((v): v is number => finiteOrNull(v) !== null);
  const m = mean(xs);
  if (xs.length < 3 || m === null || m === 0) return { cv: null, points: xs.length };
  const variance = xs.reduce((sum, x) => sum + (x - m) ** 2, 0) / xs.length;
  return { cv: Math.sqrt(variance) / Math.abs(m), points: xs.length };
}

/**
 * When a coin's figures were observed: the later of the fetches of its network source and its
 * price source (either changing makes a new observation), else the snapshot's asOf. Using the
 * sources' fetch times, not asOf, keeps new figures from colliding with old ones while one
 * source is failing and holds asOf back; re-recording the same snapshot yields the same times.
 */
export function observedAt(coin: Coin, snapshot: Snapshot): number {
  const fetched = snapshot.sources
    .filter((s) => s.id === coin.source || s.id === coin.priceSource)
    .map((s) => parseTime(s.fetchedAt))
    .filter((t): t is number => t !== null);
  return fetched.length > 0 ? Math.max(...fetched) : (parseTime(snapshot.asOf) ?? 0);
}

/** The raw rows a snapshot records: one per coin, none for the embedded (dated, not live) snapshot. */
export function snapshotPoints(snapshot: Snapshot): StoredPoint[] {
  if (snapshot.mode !== 'live') return [];
  const asOf = parseTime(snapshot.asOf) ?? 0;
  return snapshot.coins.map((coin) => ({
    tag: coin.tag,
    algorithm: coin.algorithm,
    at: observedAt(coin, snapshot),
    resolution: 'raw',
    samples: 1,
    difficulty: finiteOrNull(coin.difficulty),
    networkHashrate: finiteOrNull(coin.networkHashrate),
    blockReward: finiteOrNull(coin.blockReward),
    priceUsd: finiteOrNull(coin.priceUsd),
    volume24hUsd: finiteOrNull(coin.volume24hUsd),
    emissionPerDay: finiteOrNull(coin.emissionPerDay),
    source: coin.source,
    priceSource: coin.priceSource,
    sourceUpdatedAt: parseTime(coin.updatedAt),
    snapshotAsOf: asOf,
  }));
}

/**
 * Folds points into one point per coin per hour (at = the hour's start): each figure is the
 * mean of the hour's non-null values, weighted by `samples` so an existing hourly point merges
 * with late raw points as the raw points it stands for. Source, price source and times are the
 * hour's latest.
 */
export function downsampleHourly(points: readonly StoredPoint[]): StoredPoint[] {
  const buckets = new Map<string, StoredPoint[]>();
  for (const point of points) {
    const key = `${point.tag}\u0000${point.algorithm}\u0000${hourStart(point.at)}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(point);
    else buckets.set(key, [point]);
  }
  return [...buckets.values()].map((bucket) => {
    const sorted = [...bucket].sort((a, b) => a.at - b.at);
    const latest = sorted[sorted.length - 1]!;
    const values = Object.fromEntries(
      VALUE_KEYS.map((key) => {
        let weight = 0;
        let sum = 0;
        for (const p of sorted) {
          const v = finiteOrNull(p[key]);
          if (v === null) continue;
          weight += p.samples;
          sum += v * p.samples;
        }
        return [key, weight === 0 ? null : sum / weight];
      }),
    ) as Record<ValueKey, number | null>;
    const updated = sorted.map((p) => p.sourceUpdatedAt).filter((t): t is number => t !== null);
    return {
      ...values,
      tag: latest.tag,
      algorithm: latest.algorithm,
      at: hourStart(latest.at),
      resolution: 'hour',
      samples: sorted.reduce((sum, p) => sum + p.samples, 0),
      source: latest.source,
      priceSource: latest.priceSource,
      sourceUpdatedAt: updated.length > 0 ? updated.reduce((a, b) => Math.max(a, b)) : null,
      snapshotAsOf: sorted.reduce((max, p) => Math.max(max, p.snapshotAsOf), Number.NEGATIVE_INFINITY),
    };
  });
}

/** Orders points by time and drops an hourly point wherever raw points of the same hour exist. */
export function preferRaw<P extends { at: number; resolution: Resolution }>(points: readonly P[]): P[] {
  const rawHours = new Set(points.filter((p) => p.resolution === 'raw').map((p) => hourStart(p.at)));
  return points
    .filter((p) => p.resolution === 'raw' || !rawHours.has(hourStart(p.at)))
    .sort((a, b) => a.at - b.at || (a.resolution === b.resolution ? 0 : a.resolution === 'raw' ? -1 : 1));
}

/**
 * Plain means over the points with now − window < at ≤ now (each point counts once, whatever
 * its spacing); each figure ignores the points that lack it, as SQL's AVG does. `points` counts
 * every point in the window. The store computes the same in SQL (AVG, COUNT); this is its reference.
 */
export function windowAverages(points: readonly HistoryPoint[], now: number): Record<AverageWindow, Avg> {
  return Object.fromEntries(
    AVERAGE_WINDOWS.map((window) => {
      const inWindow = points.filter((p) => p.at > now - AVERAGE_WINDOW_MS[window] && p.at <= now);
      const avg: Avg = {
        difficulty: mean(inWindow.map((p) => p.difficulty)),
        priceUsd: mean(inWindow.map((p) => p.priceUsd)),
        networkHashrate: mean(inWindow.map((p) => p.networkHashrate)),
        points: inWindow.length,
      };
      return [window, avg];
    }),
  ) as Record<AverageWindow, Avg>;
}

/** CV of difficulty over now − window < at ≤ now, raw points preferred within an hour. */
export function difficultyVolatility(
  points: ReadonlyArray<{ at: number; resolution: Resolution; difficulty: number | null }>,
  now: number,
  windowMs: number,
): { cv: number | null; points: number } {
  const inWindow = points.filter((p) => p.at > now - windowMs && p.at <= now);
  return coefficientOfVariation(preferRaw(inWindow).map((p) => p.difficulty));
}
