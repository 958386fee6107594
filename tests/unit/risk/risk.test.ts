// lib/risk/risk.ts: each case worked out by hand in its comment, then properties over hostile inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { probabilityOfBlockWithin, SECONDS_PER_DAY } from '@/lib/mining/profit';
import {
  inflation,
  LIQUIDITY_FORMULA,
  LIQUIDITY_WARN,
  liquidityShare,
  marketStatus,
  NETWORK_SHARE_WARN,
  networkShareRisk,
  POOL_ONLY_P_MONTH,
  rentalAttackCost,
  SOLO_OK_P_WEEK,
  THIN_VOLUME_USD,
  variance,
  INFLATION_FORMULA,
  NETWORK_SHARE_FORMULA,
  RENTAL_ATTACK_FORMULA,
  VARIANCE_FORMULA,
} from '@/lib/risk/risk';

const DAY = SECONDS_PER_DAY;

describe('formula strings for display', () => {
  it('are one line each', () => {
    for (const formula of [LIQUIDITY_FORMULA, NETWORK_SHARE_FORMULA, VARIANCE_FORMULA, RENTAL_ATTACK_FORMULA, INFLATION_FORMULA]) {
      expect(formula.length).toBeGreaterThan(10);
      expect(formula).not.toContain('\n');
    }
  });
});

describe('liquidityShare and marketStatus', () => {
  it.each([
    // $50 a day into $10,000 of daily volume: 50 / 10,000 = 0.005, under the 1 % warning.
    [50, 10_000, 0.005],
    // $500 into $10,000: 0.05, five times the warning.
    [500, 10_000, 0.05],
    // Nothing mined is nothing sold: 0.
    [0, 10_000, 0],
  ])('revenue %d USD/day, volume %d USD → %d', (revenue, volume, share) => {
    expect(liquidityShare(revenue, volume)).toBeCloseTo(share, 12);
  });

  it('warns above 1 %', () => {
    expect(LIQUIDITY_WARN).toBe(0.01);
    expect(liquidityShare(101, 10_000)! > LIQUIDITY_WARN).toBe(true);
    expect(liquidityShare(99, 10_000)! > LIQUIDITY_WARN).toBe(false);
  });

  it.each([
    [null, 10_000],
    [50, null],
    // Nothing traded: a share of zero volume is no figure, never Infinity.
    [50, 0],
    [50, -1],
    [-5, 10_000],
    [Number.NaN, 10_000],
    [50, Number.NaN],
    [Number.POSITIVE_INFINITY, 10_000],
  ])('is null for revenue %s and volume %s', (revenue, volume) => {
    expect(liquidityShare(revenue, volume)).toBeNull();
  });

  it.each([
    // A coin with no market: no price at all.
    [null, 1_000_000, 'no-market'],
    [0, 1_000_000, 'no-market'],
    [Number.NaN, 1_000_000, 'no-market'],
    // A price but nothing traded in 24 h: it cannot be sold either.
    [0.01, 0, 'no-market'],
    // A price and no volume figure (hashrate.no gives none).
    [0.01, null, 'no-volume-data'],
    [0.01, undefined, 'no-volume-data'],
    [0.01, -5, 'no-volume-data'],
    [0.01, Number.POSITIVE_INFINITY, 'no-volume-data'],
    // Under $10,000 a day is thin; at it, ok.
    [0.01, 9_999, 'thin'],
    [0.01, THIN_VOLUME_USD, 'ok'],
    [84_449, 21_971_999_782, 'ok'],
  ] as const)('price %s, volume %s → %s', (price, volume, status) => {
    expect(marketStatus(price, volume)).toBe(status);
  });
});

describe('networkShareRisk', () => {
  it('a small rig: 1 GH/s on 100 GH/s', () => {
    // share = 1e9 / 1e11 = 0.01; joined = 1e9 / (1e11 + 1e9) = 1 / 101 = 0.00990099…
    const risk = networkShareRisk(1e9, 1e11);
    expect(risk.share).toBeCloseTo(0.01, 15);
    expect(risk.joinedShare).toBeCloseTo(1 / 101, 15);
    expect(risk.warn).toBe(false);
  });

  it('warns above 5 %: 10 GH/s on 100 GH/s', () => {
    // share 0.1 > 0.05; joined 1e10 / 1.1e11 = 1/11 = 0.0909
    const risk = networkShareRisk(1e10, 1e11);
    expect(NETWORK_SHARE_WARN).toBe(0.05);
    expect(risk.share).toBeCloseTo(0.1, 15);
    expect(risk.joinedShare).toBeCloseTo(1 / 11, 15);
    expect(risk.warn).toBe(true);
  });

  it('a rig bigger than the network: 3 TH/s on 1 TH/s', () => {
    // share = 3 (the rig alone is three networks); joined = 3 / (1 + 3) = 0.75, still below 1.
    const risk = networkShareRisk(3e12, 1e12);
    expect(risk.share).toBe(3);
    expect(risk.joinedShare).toBeCloseTo(0.75, 15);
    expect(risk.warn).toBe(true);
  });

  it.each([0, null, undefined, -1, Number.NaN])('an unknown network hashrate (%s) gives nulls and no warning', (network) => {
    expect(networkShareRisk(1e9, network)).toEqual({ share: null, joinedShare: null, warn: false });
  });

  it('no hashrate is no share', () => {
    expect(networkShareRisk(0, 1e12)).toEqual({ share: 0, joinedShare: 0, warn: false });
    expect(networkShareRisk(Number.NaN, 1e12)).toEqual({ share: 0, joinedShare: 0, warn: false });
  });

  it('a share that overflows is unknown, but the joined share still warns', () => {
    // 1e308 / 1e-300 = ∞ → null; joined = 1 / (1 + 1e-300/1e308) = 1.
    const risk = networkShareRisk(1e308, 1e-300);
    expect(risk.share).toBeNull();
    expect(risk.joinedShare).toBe(1);
    expect(risk.warn).toBe(true);
  });
});

describe('variance (Poisson block finds)', () => {
  it('a 10-day expected solo time', () => {
    // P(day) = 1 − e^(−1/10) = 0.09516; P(week) = 1 − e^(−0.7) = 0.50341; P(month) = 1 − e^(−3) = 0.95021.
    // A week without a block is a coin toss (< 99 %), a month is likely (≥ 50 %): pool advised.
    const v = variance(10 * DAY);
    expect(v.soloDays).toBe(10);
    expect(v.pDay).toBeCloseTo(0.0951625819640404, 12);
    expect(v.pWeek).toBeCloseTo(0.5034146962085905, 12);
    expect(v.pMonth).toBeCloseTo(0.950212931632136, 12);
    expect(v.advice).toBe('pool-advised');
  });

  it('reuses probabilityOfBlockWithin from lib/mining/profit', () => {
    const v = variance(3.7 * DAY);
    expect(v.pWeek).toBe(probabilityOfBlockWithin(7 * DAY, 3.7 * DAY));
  });

  it('solo is fine at a block a day: P(week) = 1 − e^(−7) = 0.99909 ≥ 0.99', () => {
    expect(SOLO_OK_P_WEEK).toBe(0.99);
    expect(variance(1 * DAY).advice).toBe('solo-ok');
  });

  it('pool only at 60 days: P(month) = 1 − e^(−0.5) = 0.3935 < 0.5', () => {
    expect(POOL_ONLY_P_MONTH).toBe(0.5);
    const v = variance(60 * DAY);
    expect(v.pMonth).toBeCloseTo(0.3934693402873666, 12);
    expect(v.advice).toBe('pool-only');
  });

  it('thresholds in days: solo-ok up to 7/ln(100) = 1.5200 days, pool-only beyond 30/ln(2) = 43.28 days', () => {
    expect(variance(1.519 * DAY).advice).toBe('solo-ok');
    expect(variance(1.521 * DAY).advice).toBe('pool-advised');
    expect(variance(43.28 * DAY).advice).toBe('pool-advised');
    expect(variance(43.29 * DAY).advice).toBe('pool-only');
  });

  it.each([null, undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY])('is all null for %s', (seconds) => {
    expect(variance(seconds)).toEqual({ soloDays: null, pDay: null, pWeek: null, pMonth: null, advice: null });
  });
});

describe('rentalAttackCost', () => {
  it('renting the whole network for an hour', () => {
    // N = 240 TH/s, price 5e-13 BTC per H/s per day: 2.4e14 × 5e-13 = 120 BTC a day for the whole
    // network; at $40,000 that is $4,800,000 a day, $200,000 an hour. NiceHash has 12 TH/s: 5 %.
    const cost = rentalAttackCost({ networkHashrate: 2.4e14, payingBtcPerHashPerDay: 5e-13, btcUsd: 40_000, rentableHashrate: 1.2e13 });
    expect(cost.usdPerHour).toBeCloseTo(200_000, 6);
    expect(cost.rentableShare).toBeCloseTo(0.05, 15);
    expect(cost.status).toBe('ok');
  });

  it('an unknown marketplace speed leaves the share unknown, not 0', () => {
    const cost = rentalAttackCost({ networkHashrate: 2.4e14, payingBtcPerHashPerDay: 5e-13, btcUsd: 40_000, rentableHashrate: null });
    expect(cost).toEqual({ usdPerHour: expect.closeTo(200_000, 6), rentableShare: null, status: 'ok' });
  });

  it('a zero-capacity rental market is no market, never a cost of $0', () => {
    // Speed 0: nothing is for rent at any price. Share = 0 / N = 0.
    const cost = rentalAttackCost({ networkHashrate: 2.4e14, payingBtcPerHashPerDay: 5e-13, btcUsd: 40_000, rentableHashrate: 0 });
    expect(cost).toEqual({ usdPerHour: null, rentableShare: 0, status: 'no-rental-market' });
  });

  it.each([null, undefined, 0, -1e-13, Number.NaN])('an algorithm NiceHash does not offer (paying %s) is no market', (paying) => {
    const cost = rentalAttackCost({ networkHashrate: 2.4e14, payingBtcPerHashPerDay: paying, btcUsd: 40_000, rentableHashrate: null });
    expect(cost.status).toBe('no-rental-market');
    expect(cost.usdPerHour).toBeNull();
  });

  it.each([null, 0, Number.NaN])('a missing BTC price (%s) is no price, never $0', (btcUsd) => {
    const cost = rentalAttackCost({ networkHashrate: 2.4e14, payingBtcPerHashPerDay: 5e-13, btcUsd, rentableHashrate: 1.2e13 });
    expect(cost).toEqual({ usdPerHour: null, rentableShare: expect.closeTo(0.05, 15), status: 'no-price' });
  });

  it('an unknown network hashrate gives no cost', () => {
    const cost = rentalAttackCost({ networkHashrate: null, payingBtcPerHashPerDay: 5e-13, btcUsd: 40_000, rentableHashrate: 1.2e13 });
    expect(cost).toEqual({ usdPerHour: null, rentableShare: null, status: 'no-network-data' });
  });

  it('an overflowing cost is no figure', () => {
    const cost = rentalAttackCost({ networkHashrate: 1e300, payingBtcPerHashPerDay: 1e10, btcUsd: 1e10, rentableHashrate: null });
    expect(cost.usdPerHour).toBeNull();
    expect(cost.status).not.toBe('ok');
  });
});

describe('inflation', () => {
  it('from daily emission', () => {
    // 1,000 coins a day × 365.25 = 365,250 a year; over 36,525,000 circulating = 1 %.
    expect(inflation({ emissionPerDay: 1000, blockReward: null, blockTimeSeconds: null, circulatingSupply: 36_525_000 })).toEqual({
      yearlyEmission: 365_250,
      inflationRate: expect.closeTo(0.01, 15),
      basis: 'emission',
    });
  });

  it('from block reward and block time: Bitcoin after the 2024 halving', () => {
    // 3.125 BTC × 365.25 × 86,400 / 600 = 3.125 × 52,596 = 164,362.5 BTC a year;
    // over CoinGecko's 19,832,115 circulating (2025-03-04): 0.0082877 = 0.83 % a year.
    const result = inflation({ emissionPerDay: null, blockReward: 3.125, blockTimeSeconds: 600, circulatingSupply: 19_832_115 });
    expect(result.yearlyEmission).toBeCloseTo(164_362.5, 6);
    expect(result.inflationRate).toBeCloseTo(0.00828769397515091, 14);
    expect(result.basis).toBe('block-reward');
  });

  it('prefers the emission the source gives (multi-chain coins) over R / T', () => {
    expect(inflation({ emissionPerDay: 10, blockReward: 1, blockTimeSeconds: 1, circulatingSupply: 1000 }).yearlyEmission).toBe(3652.5);
  });

  it.each([null, 0, -1, Number.NaN])('has no rate without a circulating supply (%s)', (circulating) => {
    const result = inflation({ emissionPerDay: 1000, blockReward: null, blockTimeSeconds: null, circulatingSupply: circulating });
    expect(result.yearlyEmission).toBe(365_250);
    expect(result.inflationRate).toBeNull();
  });

  it('has nothing without emission or reward and block time', () => {
    expect(inflation({ emissionPerDay: null, blockReward: 5, blockTimeSeconds: 0, circulatingSupply: 1e6 })).toEqual({
      yearlyEmission: null,
      inflationRate: null,
      basis: null,
    });
  });
});

describe('properties: finite or null, never NaN or Infinity', () => {
  const hostile = fc.oneof(
    fc.double(),
    fc.constantFrom(0, -0, -1, 1e-320, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.constant(null),
    fc.constant(undefined),
  );
  const finiteOrNull = (x: number | null) => x === null || Number.isFinite(x);

  it('liquidityShare and marketStatus', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        expect(finiteOrNull(liquidityShare(a, b))).toBe(true);
        expect(['no-market', 'no-volume-data', 'thin', 'ok']).toContain(marketStatus(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('networkShareRisk: shares finite, joined share in [0, 1]', () => {
    fc.assert(
      fc.property(hostile, hostile, (h, n) => {
        const risk = networkShareRisk(h, n);
        expect(finiteOrNull(risk.share)).toBe(true);
        expect(risk.joinedShare === null || (risk.joinedShare >= 0 && risk.joinedShare <= 1)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('variance: probabilities in [0, 1], ordered day ≤ week ≤ month', () => {
    fc.assert(
      fc.property(hostile, (seconds) => {
        const v = variance(seconds);
        for (const p of [v.pDay, v.pWeek, v.pMonth]) expect(p === null || (p >= 0 && p <= 1)).toBe(true);
        expect(finiteOrNull(v.soloDays)).toBe(true);
        if (v.pDay !== null && v.pWeek !== null && v.pMonth !== null) {
          expect(v.pDay <= v.pWeek && v.pWeek <= v.pMonth).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rentalAttackCost: a cost only with status ok, and then positive', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (networkHashrate, payingBtcPerHashPerDay, btcUsd, rentableHashrate) => {
        const cost = rentalAttackCost({ networkHashrate, payingBtcPerHashPerDay, btcUsd, rentableHashrate });
        expect(finiteOrNull(cost.usdPerHour)).toBe(true);
        expect(finiteOrNull(cost.rentableShare)).toBe(true);
        expect(cost.usdPerHour !== null).toBe(cost.status === 'ok');
        if (cost.usdPerHour !== null) expect(cost.usdPerHour).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('inflation', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (emissionPerDay, blockReward, blockTimeSeconds, circulatingSupply) => {
        const result = inflation({ emissionPerDay, blockReward, blockTimeSeconds, circulatingSupply });
        expect(finiteOrNull(result.yearlyEmission)).toBe(true);
        expect(finiteOrNull(result.inflationRate)).toBe(true);
        expect(result.basis === null).toBe(result.yearlyEmission === null);
      }),
      { numRuns: 2000 },
    );
  });
});
