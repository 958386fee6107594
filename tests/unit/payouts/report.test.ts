// The report from the MiningCore stand-in (tests/fixtures/pool-accounts) and history recorded for
// the seven days, worked by hand. The fixture is read as written (not time-shifted): "now" is its
// moment, 2026-12-01T12:00Z, so the period is the seven complete days 24–30 November.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { buildPayoutReport, minerFactor, type CoinConstants, type HistoryFigurePoint } from '@/lib/payouts/report';
import { normalizeMiningCore } from '@/lib/sources/pool-accounts/miningcore';

const NOW = Date.UTC(2026, 11, 1, 12);
const acc = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/pool-accounts', file), 'utf8'));
const account = (who: 'paid' | 'short') =>
  normalizeMiningCore({
    pool: acc('miningcore-api_pools_doge1-documented-shape.json'),
    miner: acc(`miningcore-api_pools_doge1_miners_${who}-documented-shape.json`),
    payments: acc(`miningcore-api_pools_doge1_miners_${who}_payments-documented-shape.json`),
    balanceChanges: acc(`miningcore-api_pools_doge1_miners_${who}_balancechanges-documented-shape.json`),
    performance: acc('miningcore-api_pools_doge1_performance-documented-shape.json'),
  });

const DOGE: CoinConstants = { tag: 'DOGE', blockTimeSeconds: 60, workFactor: 2 ** 32, blockReward: 10, emissionPerDay: null, rewardBasis: 'whole', minerShare: null };

/** History recorded hourly for 24–30 November: N = 1e12 H/s, R = 10 DOGE, price $0.10. */
function history(skipDay?: number): HistoryFigurePoint[] {
  const points: HistoryFigurePoint[] = [];
  for (let d = 24; d <= 30; d += 1) {
    if (d === skipDay) continue;
    for (let h = 0; h < 24; h += 1) {
      points.push({ at: Date.UTC(2026, 10, d, h), difficulty: 13969.838619232178, networkHashrate: 1e12, blockReward: 10, priceUsd: 0.1 });
    }
  }
  return points;
}

describe('buildPayoutReport: 1 GH/s on a 1e12 H/s network, 60 s blocks, 10 DOGE a block, fee 1 %', () => {
  // Per day: 1e9 / 1e12 × 86400 / 60 = 1.44 blocks × 10 DOGE × 0.99 = 14.256 DOGE.
  // Seven days: 99.792 DOGE estimated. The pool (1e11 H/s) expects 144 blocks a day, λ = 1008.

  it('the paid miner: 94.5 credited ÷ 99.792 estimated = 0.94697, within the band [0.9385, 1.0625]', () => {
    const report = buildPayoutReport({ account: account('paid'), coin: DOGE, history: history(), now: NOW, days: 7, feePercentParam: null });
    expect(report.days.map((d) => d.date)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    for (const day of report.days) {
      expect(day).toMatchObject({ hashrate: 1e9, creditedCoins: 13.5, basis: 'history', status: 'ok' });
      expect(day.estimatedCoins).toBeCloseTo(14.256, 10);
    }
    expect(report.estimatedCoins).toBeCloseTo(99.792, 10);
    expect(report.creditedCoins).toBeCloseTo(94.5, 10);
    expect(report.realisedOverEstimated).toBeCloseTo(94.5 / 99.792, 12);
    expect(report.expectedBlocks).toBeCloseTo(1008, 8);
    expect(report.luckBand?.low).toBeCloseTo(946 / 1008, 12);
    expect(report.luckBand?.high).toBeCloseTo(1071 / 1008, 12);
    expect(report).toMatchObject({ verdict: 'within', feePercent: 1, feeBasis: 'pool', rewardShare: 'whole-unverified', creditSource: 'pool-credits' });
  });

  it('the miner paid 40 % less: 59.8752 ÷ 99.792 = 0.6, below the band: flagged', () => {
    const report = buildPayoutReport({ account: account('short'), coin: DOGE, history: history(), now: NOW, days: 7, feePercentParam: null });
    expect(report.realisedOverEstimated).toBeCloseTo(0.6, 12);
    expect(report.verdict).toBe('below');
  });

  it("a day without history takes the pool's own record (N = 1e12 there too), stated as 'pool'", () => {
    const report = buildPayoutReport({ account: account('paid'), coin: DOGE, history: history(27), now: NOW, days: 7, feePercentParam: null });
    const day = report.days.find((d) => d.date === '2026-11-27');
    expect(day?.basis).toBe('pool');
    expect(day?.estimatedCoins).toBeCloseTo(14.256, 10);
    expect(report.realisedOverEstimated).toBeCloseTo(94.5 / 99.792, 12);
  });

  it('a day with neither history nor a pool record is marked and left out', () => {
    const acct = account('paid');
    const report = buildPayoutReport({
      account: { ...acct, poolNetwork: acct.poolNetwork.filter((p) => p.time !== Date.UTC(2026, 10, 27, 12)) },
      coin: DOGE,
      history: history(27),
      now: NOW,
      days: 7,
      feePercentParam: null,
    });
    expect(report.days.find((d) => d.date === '2026-11-27')).toMatchObject({ status: 'no-network-figures', estimatedCoins: null, ratio: null });
    // Six days: 6 × 13.5 = 81 ÷ 6 × 14.256 = 85.536 → the same 0.94697.
    expect(report.estimatedCoins).toBeCloseTo(85.536, 10);
  });

  it('values the payments at the recorded price: 27 × $0.10 = $2.70, 40.5 → $4.05, 13.5 → $1.35', () => {
    const report = buildPayoutReport({ account: account('paid'), coin: DOGE, history: history(), now: NOW, days: 7, feePercentParam: null });
    expect(report.payments.map((p) => [p.amount, p.valueUsd === null ? null : Math.round(p.valueUsd * 100) / 100])).toEqual([
      [27, 2.7],
      [40.5, 4.05],
      [13.5, 1.35],
    ]);
    expect(report.payments.every((p) => p.valueEur === null)).toBe(true);
  });

  it('a full credit page leaves the days up to its oldest entry unknown, not 0', () => {
    const acct = account('paid');
    const report = buildPayoutReport({
      account: { ...acct, creditsFrom: Date.UTC(2026, 10, 26, 12) },
      coin: DOGE,
      history: history(),
      now: NOW,
      days: 7,
      feePercentParam: null,
    });
    expect(report.days.slice(0, 3).map((d) => d.status)).toEqual(['no-credit', 'no-credit', 'no-credit']);
    expect(report.days[3]?.status).toBe('ok');
  });

  it('derives the reward from emission where the coin has no reward: 14,400 a day × 60 s / 86400 s = 10', () => {
    const history14400 = history().map((p) => ({ ...p, blockReward: null, emissionPerDay: 14_400 }));
    const report = buildPayoutReport({ account: account('paid'), coin: { ...DOGE, blockReward: null, emissionPerDay: 14_400 }, history: history14400, now: NOW, days: 7, feePercentParam: null });
    expect(report.estimatedCoins).toBeCloseTo(99.792, 10);
    expect(report.creditedCoinsAllDays).toBeCloseTo(94.5, 10);
  });

  it("uses the coin's verified miner share: CLORE's 50 % halves the estimate", () => {
    expect(minerFactor({ ...DOGE, minerShare: 0.5 })).toEqual({ factor: 0.5, basis: 'miner' });
    expect(minerFactor({ ...DOGE, rewardBasis: 'miner', minerShare: 0.5 })).toEqual({ factor: 1, basis: 'miner' });
    const report = buildPayoutReport({ account: account('paid'), coin: { ...DOGE, minerShare: 0.5 }, history: history(), now: NOW, days: 7, feePercentParam: null });
    expect(report.estimatedCoins).toBeCloseTo(99.792 / 2, 10);
  });
});
