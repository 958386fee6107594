import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  coefficientOfVariation,
  downsampleHourly,
  hourStart,
  mean,
  observedAt,
  preferRaw,
  snapshotPoints,
  windowAverages,
  type StoredPoint,
} from '@/lib/history/math';
import { coinSchema, snapshotSchema, type Coin, type Snapshot } from '@/lib/model/types';
import { networkStats } from '../../support/factories';

const T0 = Date.parse('2026-11-24T12:00:00Z');

function point(at: number, overrides: Partial<StoredPoint> = {}): StoredPoint {
  return {
    tag: 'RVN',
    algorithm: 'kawpow',
    at,
    resolution: 'raw',
    samples: 1,
    difficulty: 100,
    networkHashrate: 1e12,
    blockReward: 2500,
    priceUsd: 0.02,
    volume24hUsd: 1e6,
    emissionPerDay: 3.6e6,
    source: 'whattomine-gpu',
    priceSource: 'coingecko',
    sourceUpdatedAt: null,
    snapshotAsOf: at,
    ...overrides,
  };
}

describe('coefficientOfVariation (population stddev / mean)', () => {
  it.each([
    // mean 100; deviations −10, 0, 10 → variance (100+0+100)/3 = 66.67 → σ 8.165 → CV 0.08165
    { values: [90, 100, 110], cv: Math.sqrt(200 / 3) / 100, points: 3 },
    // all equal → σ 0 → CV 0
    { values: [5, 5, 5, 5], cv: 0, points: 4 },
    // mean 5; deviations −3, −1, 1, 3 → variance 20/4 = 5 → CV √5/5 = 0.4472
    { values: [2, 4, 6, 8], cv: Math.sqrt(5) / 5, points: 4 },
    // nulls are skipped: [90, 110] is two points → too few
    { values: [90, null, 110], cv: null, points: 2 },
    // a zero mean has no CV
    { values: [-1, 0, 1], cv: null, points: 3 },
  ])('$values → $cv', ({ values, cv, points }) => {
    const result = coefficientOfVariation(values);
    expect(result.points).toBe(points);
    if (cv === null) expect(result.cv).toBeNull();
    else expect(result.cv).toBeCloseTo(cv, 10);
  });

  it('gives 0.08165 for 90, 100, 110', () => {
    expect(coefficientOfVariation([90, 100, 110]).cv).toBeCloseTo(0.08165, 5);
  });

  it('is scale-invariant and never negative or NaN (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1e9, noNaN: true }), { minLength: 3, maxLength: 50 }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (xs, k) => {
          const a = coefficientOfVariation(xs).cv!;
          const b = coefficientOfVariation(xs.map((x) => x * k)).cv!;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeCloseTo(a, 6);
        },
      ),
    );
  });
});

describe('mean and hourStart', () => {
  it('averages finite values only', () => {
    expect(mean([1, 2, null, 3])).toBe(2);
    expect(mean([null, null])).toBeNull();
    expect(mean([])).toBeNull();
  });

  it('floors to the hour', () => {
    expect(hourStart(T0 + 59 * 60_000)).toBe(T0);
    expect(hourStart(T0 + HOUR_MS)).toBe(T0 + HOUR_MS);
  });
});

describe('downsampleHourly', () => {
  it('averages each hour per coin, ignoring nulls, keeping the latest source', () => {
    const hourly = downsampleHourly([
      point(T0 + 5 * 60_000, { difficulty: 90, priceUsd: null }),
      point(T0 + 10 * 60_000, { difficulty: 100, priceUsd: 0.03 }),
      point(T0 + 15 * 60_000, { difficulty: 110, priceUsd: 0.01, source: 'hashrateno' }),
      point(T0 + HOUR_MS, { difficulty: 500 }),
      point(T0 + 5 * 60_000, { tag: 'ERG', algorithm: 'autolykos', difficulty: 7 }),
    ]);
    const rvn = hourly.filter((p) => p.tag === 'RVN').sort((a, b) => a.at - b.at);
    // hour T0: difficulty (90+100+110)/3 = 100; price (0.03+0.01)/2 = 0.02 (the null is ignored)
    expect(rvn[0]).toMatchObject({ at: T0, resolution: 'hour', samples: 3, difficulty: 100, source: 'hashrateno' });
    expect(rvn[0]!.priceUsd).toBeCloseTo(0.02, 12);
    expect(rvn[1]).toMatchObject({ at: T0 + HOUR_MS, samples: 1, difficulty: 500 });
    expect(hourly.find((p) => p.tag === 'ERG')).toMatchObject({ at: T0, difficulty: 7, samples: 1 });
  });

  it('weights an existing hourly point by its samples when late raw points join it', () => {
    // existing: 3 samples averaging 100; late raw 200 → (3×100 + 1×200) / 4 = 125
    const [merged] = downsampleHourly([
      point(T0, { resolution: 'hour', samples: 3, difficulty: 100 }),
      point(T0 + 30 * 60_000, { difficulty: 200 }),
    ]);
    expect(merged).toMatchObject({ at: T0, samples: 4, difficulty: 125 });
  });
});

describe('preferRaw', () => {
  it('drops an hourly point whose hour has raw points, and orders by time', () => {
    const out = preferRaw([
      point(T0 + HOUR_MS + 60_000),
      point(T0 + HOUR_MS, { resolution: 'hour' }),
      point(T0, { resolution: 'hour' }),
    ]);
    expect(out.map((p) => [p.at - T0, p.resolution])).toEqual([
      [0, 'hour'],
      [HOUR_MS + 60_000, 'raw'],
    ]);
  });
});

describe('windowAverages', () => {
  it('takes plain means over now − window < at ≤ now', () => {
    const now = T0;
    const points = [
      point(now - 1 * HOUR_MS, { difficulty: 100, priceUsd: 1 }), // in 24h, 3d, 7d
      point(now - 2 * DAY_MS, { difficulty: 200, priceUsd: 2 }), // in 3d, 7d
      point(now - 5 * DAY_MS, { difficulty: 600, priceUsd: null }), // in 7d only
      point(now - 7 * DAY_MS, { difficulty: 9999 }), // exactly 7 days old: outside
      point(now + 1, { difficulty: 9999 }), // in the future: outside
    ];
    const avg = windowAverages(points, now);
    expect(avg['24h']).toMatchObject({ difficulty: 100, priceUsd: 1, points: 1 });
    expect(avg['3d']).toMatchObject({ difficulty: 150, priceUsd: 1.5, points: 2 }); // (100+200)/2
    expect(avg['7d']).toMatchObject({ difficulty: 300, priceUsd: 1.5, points: 3 }); // (100+200+600)/3
  });
});

describe('snapshotPoints', () => {
  const coin = (tag: string, overrides: Partial<Coin> = {}): Coin =>
    coinSchema.parse({
      ...networkStats(tag, { emissionPerDay: 3.6e6, priceUsd: 0.02, volume24hUsd: 1e6, updatedAt: '2026-11-24T11:58:00.000Z' }),
      workFactor: 2 ** 32,
      source: 'whattomine-gpu',
      priceSource: 'coingecko',
      impliedNetworkHashrate: null,
      flags: [],
      ...overrides,
    });
  const source = (id: Snapshot['sources'][number]['id'], fetchedAt: string | null) => ({
    id,
    name: id,
    url: `http://127.0.0.1/${id}`,
    ok: true,
    fetchedAt,
    error: null,
    stale: false,
    coins: 1,
  });
  const snapshot: Snapshot = snapshotSchema.parse({
    asOf: '2026-11-24T11:55:00.000Z',
    mode: 'live',
    stale: false,
    btcUsd: 60000,
    eurPerUsd: null,
    rentals: [],
    sources: [source('whattomine-gpu', '2026-11-24T11:55:00.000Z'), source('coingecko', '2026-11-24T12:00:00.000Z')],
    coins: [coin('RVN'), coin('FLUX', { priceSource: null, updatedAt: null })],
  });

  it('stamps each coin with the later fetch of its network and price sources', () => {
    expect(observedAt(snapshot.coins[0]!, snapshot)).toBe(Date.parse('2026-11-24T12:00:00Z'));
    expect(observedAt(snapshot.coins[1]!, snapshot)).toBe(Date.parse('2026-11-24T11:55:00Z'));
    expect(observedAt(coin('X', { source: 'hashrateno', priceSource: null }), snapshot)).toBe(Date.parse(snapshot.asOf));
  });

  it('maps one raw point per coin, with the data source and its age', () => {
    const [rvn, flux] = snapshotPoints(snapshot);
    expect(rvn).toMatchObject({
      tag: 'RVN',
      algorithm: 'kawpow',
      resolution: 'raw',
      samples: 1,
      difficulty: 85166,
      source: 'whattomine-gpu',
      priceSource: 'coingecko',
      sourceUpdatedAt: Date.parse('2026-11-24T11:58:00Z'),
      snapshotAsOf: Date.parse('2026-11-24T11:55:00Z'),
    });
    expect(flux).toMatchObject({ tag: 'FLUX', sourceUpdatedAt: null, priceSource: null });
  });

  it('records nothing from the embedded snapshot', () => {
    expect(snapshotPoints({ ...snapshot, mode: 'embedded' })).toEqual([]);
  });
});
