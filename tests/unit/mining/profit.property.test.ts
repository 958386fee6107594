// Properties of estimate() and the pure formulas in lib/mining/profit.ts, over huge ranges of valid
// figures (tiny hashrates, huge difficulties) and over hostile ones (NaN, ±Infinity, negatives,
// zeros, the extremes of a double) in every coin and rig field.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coinsPerDayFromBlockTime,
  coinsPerDayFromDifficulty,
  coinsPerDayFromEmission,
  estimate,
  impliedNetworkHashrate,
  powerCostUsdPerDay,
  probabilityOfBlockWithin,
  soloSecondsToBlock,
  type CoinFigures,
  type Estimate,
  type RigFigures,
} from '@/lib/mining/profit';

const RUNS = { numRuns: 1000 };

/** Log-uniform positive numbers m × 10^e with m in [1, 10), e in [minExp, maxExp]. */
const logUniform = (minExp: number, maxExp: number): fc.Arbitrary<number> =>
  fc
    .tuple(fc.double({ min: 1, max: 10, maxExcluded: true, noNaN: true }), fc.integer({ min: minExp, max: maxExp }))
    .map(([mantissa, exponent]) => mantissa * 10 ** exponent);

const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 4 });

const validWorkFactor = fc.oneof(fc.constantFrom(1, 2, 16, 8192, 2 ** 32), logUniform(-2, 12));

const validCoin: fc.Arbitrary<CoinFigures> = fc.record({
  blockTimeSeconds: optional(logUniform(-1, 5)),
  blockReward: optional(logUniform(-8, 10)),
  difficulty: optional(logUniform(-6, 45)),
  networkHashrate: optional(logUniform(-3, 30)),
  emissionPerDay: optional(logUniform(-3, 12)),
  workFactor: optional(validWorkFactor),
  priceUsd: optional(logUniform(-10, 6)),
  priceBtc: optional(logUniform(-14, 1)),
});

const validRig: fc.Arbitrary<RigFigures> = fc.record({
  hashrate: logUniform(-3, 24),
  powerWatts: fc.double({ min: 0, max: 1e5, noNaN: true }),
  electricityUsdPerKwh: fc.double({ min: 0, max: 10, noNaN: true }),
  poolFeePercent: fc.double({ min: 0, max: 100, noNaN: true }),
});

/** Any double at all, weighted towards the values that break arithmetic. */
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    0,
    -0,
    -1,
    -1e12,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e308,
    1e-308,
  ),
  fc.double(),
  logUniform(-30, 30),
);

const hostileCoin: fc.Arbitrary<CoinFigures> = fc.record({
  blockTimeSeconds: optional(hostileNumber),
  blockReward: optional(hostileNumber),
  difficulty: optional(hostileNumber),
  networkHashrate: optional(hostileNumber),
  emissionPerDay: optional(hostileNumber),
  workFactor: optional(hostileNumber),
  priceUsd: optional(hostileNumber),
  priceBtc: optional(hostileNumber),
});

const hostileRig: fc.Arbitrary<RigFigures> = fc.record({
  hashrate: hostileNumber,
  powerWatts: hostileNumber,
  electricityUsdPerKwh: hostileNumber,
  poolFeePercent: hostileNumber,
});

const NUMERIC_FIELDS = [
  'coinsPerDay',
  'revenueUsdPerDay',
  'revenueBtcPerDay',
  'powerCostUsdPerDay',
  'profitUsdPerDay',
  'networkShare',
  'networkShareJoined',
  'coinsPerDayJoined',
  'soloDaysToBlock',
] as const satisfies ReadonlyArray<keyof Estimate>;

/** Fields that can never be negative (profit can). */
const NON_NEGATIVE_FIELDS = NUMERIC_FIELDS.filter((f) => f !== 'profitUsdPerDay');

const finiteOrNull = (x: number | null): boolean => x === null || Number.isFinite(x);

function assertSane(result: Estimate): void {
  for (const field of NUMERIC_FIELDS) {
    const value = result[field];
    expect(finiteOrNull(value), `${field} = ${value}`).toBe(true);
  }
  for (const field of NON_NEGATIVE_FIELDS) {
    const value = result[field];
    if (value !== null) expect(value, field).toBeGreaterThanOrEqual(0);
  }
  expect(result.powerCostUsdPerDay).not.toBeNull();
  if (result.networkShareJoined !== null) expect(result.networkShareJoined).toBeLessThanOrEqual(1);
}

const relativelyClose = (a: number, b: number, rel: number): boolean =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

describe('estimate() over valid figures', () => {
  it('every output is finite or null, and non-negative except profit', () => {
    fc.assert(
      fc.property(validCoin, validRig, (coin, rig) => {
        assertSane(estimate(coin, rig));
      }),
      RUNS,
    );
  });

  it('doubling the hashrate doubles coins per day (relative 1e-9)', () => {
    fc.assert(
      fc.property(validCoin, validRig, (coin, rig) => {
        const once = estimate(coin, rig);
        const twice = estimate(coin, { ...rig, hashrate: rig.hashrate * 2 });
        expect(twice.basis).toBe(once.basis);
        if (once.coinsPerDay === null) {
          expect(twice.coinsPerDay).toBeNull();
          return;
        }
        expect(twice.coinsPerDay).not.toBeNull();
        expect(relativelyClose(twice.coinsPerDay as number, 2 * once.coinsPerDay, 1e-9)).toBe(true);
      }),
      RUNS,
    );
  });

  it('profit = revenue − cost (relative 1e-9), and null exactly when revenue is', () => {
    fc.assert(
      fc.property(validCoin, validRig, (coin, rig) => {
        const result = estimate(coin, rig);
        if (result.revenueUsdPerDay === null) {
          expect(result.profitUsdPerDay).toBeNull();
          return;
        }
        expect(result.profitUsdPerDay).not.toBeNull();
        const expected = result.revenueUsdPerDay - result.powerCostUsdPerDay;
        const scale = Math.max(Math.abs(result.revenueUsdPerDay), result.powerCostUsdPerDay);
        expect(Math.abs((result.profitUsdPerDay as number) - expected)).toBeLessThanOrEqual(1e-9 * scale);
      }),
      RUNS,
    );
  });

  it('revenue = coins × price, and there is no revenue without a price', () => {
    fc.assert(
      fc.property(validCoin, validRig, (coin, rig) => {
        const result = estimate(coin, rig);
        if (result.coinsPerDay === null || coin.priceUsd === null) {
          expect(result.revenueUsdPerDay).toBeNull();
        } else {
          expect(relativelyClose(result.revenueUsdPerDay as number, result.coinsPerDay * coin.priceUsd, 1e-12)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('the pool fee only ever reduces coins: coins(fee) = coins(0) × (1 − fee/100)', () => {
    fc.assert(
      fc.property(validCoin, validRig, (coin, rig) => {
        const withFee = estimate(coin, rig).coinsPerDay;
        const noFee = estimate(coin, { ...rig, poolFeePercent: 0 }).coinsPerDay;
        if (noFee === null) return;
        const expected = noFee * (1 - rig.poolFeePercent / 100);
        expect(Math.abs((withFee as number) - expected)).toBeLessThanOrEqual(1e-12 * noFee);
        expect(withFee as number).toBeLessThanOrEqual(noFee);
      }),
      RUNS,
    );
  });

  it('joined share H/(N+H) ≤ share H/N; both in [0, 1] when H < N; joined < 1 while N/H is representable', () => {
    fc.assert(
      fc.property(validCoin, validRig, (coin, rig) => {
        const { networkShare, networkShareJoined, coinsPerDay, coinsPerDayJoined } = estimate(coin, rig);
        if (networkShare === null) {
          expect(networkShareJoined).toBeNull();
          return;
        }
        const joined = networkShareJoined as number;
        expect(joined).toBeGreaterThan(0);
        expect(joined).toBeLessThanOrEqual(networkShare);
        // Strictly less whenever N + H differs from N in floating point (H/N above ~2^-52).
        if (networkShare > 1e-15) expect(joined).toBeLessThan(networkShare);
        // H/(N+H) < 1 for any finite N; in doubles it rounds to 1 only once N/H < 2^-53.
        if (networkShare < 1e15) expect(joined).toBeLessThan(1);
        if (networkShare < 1) expect(networkShare).toBeGreaterThanOrEqual(0);
        if (coinsPerDay !== null) {
          // Joining keeps the same coins × N/(N+H) = coins / (1 + H/N).
          expect(coinsPerDayJoined as number).toBeLessThanOrEqual(coinsPerDay);
          expect(relativelyClose(coinsPerDayJoined as number, coinsPerDay / (1 + networkShare), 1e-9)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('solo days = D·k/H/86400 when there is a difficulty basis', () => {
    fc.assert(
      fc.property(logUniform(-6, 45), validWorkFactor, logUniform(-3, 24), (difficulty, workFactor, hashrate) => {
        const coin: CoinFigures = {
          blockTimeSeconds: null,
          blockReward: 1,
          difficulty,
          networkHashrate: null,
          emissionPerDay: null,
          workFactor,
          priceUsd: null,
          priceBtc: null,
        };
        const days = estimate(coin, { hashrate, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }).soloDaysToBlock;
        expect(relativelyClose(days as number, (difficulty * workFactor) / hashrate / 86_400, 1e-12)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('pure formulas over valid figures', () => {
  it('coins per day is linear in hashrate in all three forms', () => {
    fc.assert(
      fc.property(
        logUniform(-3, 24),
        logUniform(-6, 45),
        validWorkFactor,
        logUniform(-8, 10),
        logUniform(-3, 30),
        logUniform(-1, 5),
        logUniform(-3, 12),
        (h, d, k, r, n, t, e) => {
          const pairs = [
            [coinsPerDayFromDifficulty(h, d, k, r), coinsPerDayFromDifficulty(2 * h, d, k, r)],
            [coinsPerDayFromBlockTime(h, n, t, r), coinsPerDayFromBlockTime(2 * h, n, t, r)],
            [coinsPerDayFromEmission(h, n, e), coinsPerDayFromEmission(2 * h, n, e)],
          ] as const;
          for (const [once, twice] of pairs) {
            if (once === null) continue;
            expect(once).toBeGreaterThanOrEqual(0);
            expect(relativelyClose(twice as number, 2 * once, 1e-9)).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });

  it('the difficulty and block-time forms agree when N = D·k/T', () => {
    fc.assert(
      fc.property(logUniform(-3, 24), logUniform(-6, 30), validWorkFactor, logUniform(-8, 10), logUniform(-1, 5), (h, d, k, r, t) => {
        const n = impliedNetworkHashrate(d, k, t);
        const byDifficulty = coinsPerDayFromDifficulty(h, d, k, r);
        const byBlockTime = n === null ? null : coinsPerDayFromBlockTime(h, n, t, r);
        if (byDifficulty === null || byBlockTime === null) return;
        expect(relativelyClose(byDifficulty, byBlockTime, 1e-9)).toBe(true);
      }),
      RUNS,
    );
  });

  it('power cost = W × 24 / 1000 × price, never negative', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (w, p) => {
        const cost = powerCostUsdPerDay(w, p);
        expect(cost).toBeGreaterThanOrEqual(0);
        expect(Math.abs(cost - (w * 24 * p) / 1000)).toBeLessThanOrEqual(1e-12 * Math.max(cost, 1e-300));
      }),
      RUNS,
    );
  });

  it('probability of a block is in [0, 1] and grows with time', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), logUniform(-6, 30), (t, e) => {
        const p = probabilityOfBlockWithin(t, e) as number;
        const later = probabilityOfBlockWithin(2 * t, e) as number;
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        expect(later).toBeGreaterThanOrEqual(p);
      }),
      RUNS,
    );
  });
});

describe('hostile figures never give NaN or Infinity', () => {
  it('estimate()', () => {
    fc.assert(
      fc.property(hostileCoin, hostileRig, (coin, rig) => {
        assertSane(estimate(coin, rig));
      }),
      RUNS,
    );
  });

  it('estimate() with one hostile field in an otherwise valid coin and rig', () => {
    const coinKeys = ['blockTimeSeconds', 'blockReward', 'difficulty', 'networkHashrate', 'emissionPerDay', 'workFactor', 'priceUsd', 'priceBtc'] as const;
    const rigKeys = ['hashrate', 'powerWatts', 'electricityUsdPerKwh', 'poolFeePercent'] as const;
    fc.assert(
      fc.property(
        validCoin,
        validRig,
        fc.constantFrom(...coinKeys, ...rigKeys),
        hostileNumber,
        (coin, rig, key, bad) => {
          const result = (coinKeys as readonly string[]).includes(key)
            ? estimate({ ...coin, [key]: bad }, rig)
            : estimate(coin, { ...rig, [key]: bad });
          assertSane(result);
        },
      ),
      RUNS,
    );
  });

  it('the pure formulas', () => {
    fc.assert(
      fc.property(hostileNumber, hostileNumber, hostileNumber, hostileNumber, (a, b, c, d) => {
        const outputs = [
          coinsPerDayFromDifficulty(a, b, c, d),
          coinsPerDayFromBlockTime(a, b, c, d),
          coinsPerDayFromEmission(a, b, c),
          impliedNetworkHashrate(a, b, c),
          probabilityOfBlockWithin(a, b),
          soloSecondsToBlock(
            { blockTimeSeconds: a, blockReward: null, difficulty: b, networkHashrate: c, emissionPerDay: null, workFactor: d, priceUsd: null, priceBtc: null },
            d,
          ),
        ];
        for (const value of outputs) {
          expect(finiteOrNull(value), String(value)).toBe(true);
          if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
        }
        const p = probabilityOfBlockWithin(a, b);
        if (p !== null) expect(p).toBeLessThanOrEqual(1);
        const cost = powerCostUsdPerDay(a, b);
        expect(Number.isFinite(cost)).toBe(true);
        expect(cost).toBeGreaterThanOrEqual(0);
      }),
      RUNS,
    );
  });
});
