// The view models pages render: the dashboard (buildView), the coin page (buildCoinView), a row's
// risk (rowRisk) and the table's columns. Figures worked by hand from the RVN-like factory coin.
import { describe, expect, it } from 'vitest';
import { buildCoinView } from '@/lib/ranking/coin-view';
import { TABLE_COLUMNS } from '@/lib/ranking/columns';
import { rowRisk, sellable } from '@/lib/ranking/row-risk';
import { estimateRow } from '@/lib/ranking/ranking';
import type { Rig } from '@/lib/ranking/rig';
import { buildView } from '@/lib/ranking/view';
import { KAWPOW_RIG_STATE, liveSnapshot, rvnLike } from '../../support/snapshots';

// 30 MH/s of KawPow at 200 W, $0.10/kWh, no pool fee.
const state = KAWPOW_RIG_STATE;
const rig: Rig = { hashrates: { kawpow: 30e6 }, powerWatts: { kawpow: 200 }, electricityUsdPerKwh: 0.1, poolFeePercent: 0, devices: [] };

// coins/day = 30e6 × 86,400 × 2,500 / (85,166 × 2^32) = 17.7153; at $0.05: $0.885766/day.
// Power: 200 W × 24 h / 1000 × $0.10 = $0.48/day. Profit $0.405766/day.
const COINS = 17.715315629;
const REVENUE = 0.885765781;

describe('buildView (the dashboard view model)', () => {
  it('ranks by profit, attaches each row its risk, and filters unsellable coins when asked', () => {
    const snapshot = liveSnapshot([
      rvnLike('RVN'),
      rvnLike('DOUBLE', { blockReward: 5000 }), // twice the coins
      rvnLike('THIN', { blockReward: 5000, volume24hUsd: 5_000 }), // same profit as DOUBLE, a thin market
    ]);
    const view = buildView(snapshot, state);
    expect(view.rows.map((r) => r.coin.tag)).toEqual(['DOUBLE', 'THIN', 'RVN']);
    const rvn = view.rows.find((r) => r.coin.tag === 'RVN')!;
    expect(rvn.estimate!.coinsPerDay).toBeCloseTo(COINS, 6);
    expect(rvn.estimate!.profitUsdPerDay).toBeCloseTo(REVENUE - 0.48, 6);
    expect(view.rows.find((r) => r.coin.tag === 'THIN')!.risk.codes).toEqual(['thin-market']);
    expect(buildView(snapshot, { ...state, sellableOnly: true }).rows.map((r) => r.coin.tag)).toEqual(['DOUBLE', 'RVN']);
  });

  it('falls back to USD, and says why, when the data has no EUR rate', () => {
    const view = buildView(liveSnapshot([rvnLike('RVN')]), { ...state, currency: 'eur' });
    expect(view.state.currency).toBe('usd');
    expect(view.notes).toEqual([{ param: 'cur', message: expect.stringContaining('Showing USD') }]);
    expect(view.unavailable.eur).toBeDefined();
  });
});

describe('rowRisk', () => {
  it('codes a big share of the network, an illiquid output and no market, worst first', () => {
    // On a network 100,000× smaller than RVN's (D = 0.85166, N = 0.85166 × 2^32 / 60 = 60.97 MH/s) the
    // 30 MH/s rig is 49.2 % > 5 % → big-share. Output 1,771,532 coins × $0.05 = $88,577 a day against
    // $10,000 traded → 886 % > 1 % → illiquid.
    const small = rvnLike('SMALL', { difficulty: 0.85166, networkHashrate: (0.85166 * 2 ** 32) / 60, volume24hUsd: 10_000 });
    const row = estimateRow(liveSnapshot([small]).coins[0]!, rig);
    const risk = rowRisk(row, [], 60_000);
    expect(risk.network.share).toBeCloseTo(0.49209, 4);
    expect(risk.liquidity).toBeCloseTo((COINS * 100_000 * 0.05) / 10_000, 3);
    expect(risk.codes).toEqual(['illiquid', 'big-share']);
    expect(sellable(risk)).toBe(false);
    const unpriced = estimateRow(liveSnapshot([rvnLike('NOPE', { priceUsd: null })]).coins[0]!, rig);
    expect(rowRisk(unpriced, [], 60_000).codes).toEqual(['no-market']);
  });

  it('gives the solo odds once: 141.12 days to a block, 4.84 % within a week', () => {
    // Expected solo time = D × k / H = 85,166 × 2^32 / 30e6 s = 141.12 days; P(week) = 1 − e^(−7 / 141.12) = 4.839 %.
    const risk = rowRisk(estimateRow(liveSnapshot([rvnLike('RVN')]).coins[0]!, rig), [], 60_000);
    expect(risk.variance.soloDays).toBeCloseTo(141.1208, 3);
    expect(risk.variance.pWeek).toBeCloseTo(0.048393, 5);
    expect(risk.variance.advice).toBe('pool-only');
  });
});

describe('TABLE_COLUMNS', () => {
  it('gives each column its value in the viewer’s currency and period', () => {
    const view = buildView(liveSnapshot([rvnLike('RVN')]), { ...state, period: 'week' });
    const row = view.rows[0]!;
    const value = (id: string) => TABLE_COLUMNS.find((c) => c.id === id)!.value(row, { currency: 'usd', period: 'week' }, view.rates);
    expect(value('profit')).toBeCloseTo((REVENUE - 0.48) * 7, 6); // $2.84 a week
    expect(TABLE_COLUMNS.find((c) => c.id === 'profit')!.unit({ currency: 'usd', period: 'week' })).toContain('week');
    // In BTC at $60,000: 0.405766 × 7 / 60,000 = 4.734e-5 BTC a week.
    const btc = TABLE_COLUMNS.find((c) => c.id === 'profit')!.value(row, { currency: 'btc', period: 'week' }, view.rates);
    expect(btc).toBeCloseTo(((REVENUE - 0.48) * 7) / 60_000, 10);
    expect(new Set(TABLE_COLUMNS.map((c) => c.id)).size).toBe(TABLE_COLUMNS.length);
  });
});

describe('buildCoinView (the coin page view model)', () => {
  it('computes the periods, the formula, the break-even price and the projection once', () => {
    const snapshot = liveSnapshot([rvnLike('RVN')]);
    const view = buildCoinView(snapshot, snapshot.coins[0]!, { ...state, horizonDays: 30, growthPercentPerMonth: 0 });
    expect(view.basisFormula).toBe('H × 86400 × R / (D × k)');
    const week = view.periods.find((p) => p.period === 'week')!;
    expect(week.coins).toBeCloseTo(COINS * 7, 5); // 124.007
    expect(week.powerCostUsd).toBeCloseTo(0.48 * 7, 9);
    const month = view.periods.find((p) => p.period === 'month')!;
    expect(month.profitUsd).toBeCloseTo((REVENUE - 0.48) * 30, 6); // $12.17 over 30 days
    // Break-even: revenue ÷ kWh a day = 0.885766 / 4.8 = $0.18453/kWh.
    expect(view.breakEvenKwh).toBeCloseTo(0.184535, 5);
    // 30 flat days, no hardware: the month's profit again.
    expect(view.projection!.totalProfitUsd).toBeCloseTo((REVENUE - 0.48) * 30, 6);
    expect(view.networkSourceName).toBe('w');
    expect(view.unit).toBe('H/s');
  });

  it('has no projection and no figures for a coin without a price', () => {
    const snapshot = liveSnapshot([rvnLike('NOPE', { priceUsd: null })]);
    const view = buildCoinView(snapshot, snapshot.coins[0]!, state);
    expect(view.projection).toBeNull();
    expect(view.periods.every((p) => p.revenueUsd === null && p.profitUsd === null)).toBe(true);
    expect(view.periods[1]!.coins).toBeCloseTo(COINS, 6);
  });
});
