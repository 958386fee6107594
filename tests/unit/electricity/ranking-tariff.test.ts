// The ranking and the estimates API on a tariff: each coin's profit is the day integrated hour by
// hour, so a time-of-use schedule can change which coin comes first.
import { describe, expect, it } from 'vitest';
import { mergeSources } from '@/lib/snapshot/merge';
import { rankCoins } from '@/lib/ranking/ranking';
import { rigFromState } from '@/lib/ranking/rig';
import { estimatesResponse } from '@/lib/share/estimates-json';
import { parseDashboardParams } from '@/lib/url/search-params';
import { networkStats } from '../../support/factories';
import { emptyPayload } from '@/lib/sources/contract';

const FETCHED = '2024-03-14T12:00:00.000Z'; // a Thursday
// HOT (KawPow): 1 MH/s of a 1 GH/s network, 100,000 coins a day → 100 coins at 0.05 USD = 5 USD/day, 1000 W.
// COOL (SHA-256d): 1 TH/s of 1 PH/s, 4,000 coins a day → 4 coins at 0.5 USD = 2 USD/day, 100 W.
const RIG = 'hr.kawpow=1M&w.kawpow=1000&hr.sha256d=1T&w.sha256d=100&fee=0';

function snapshot() {
  return mergeSources(
    [
      {
        status: { id: 'whattomine-gpu', name: 'w', url: 'http://127.0.0.1/', ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 2 },
        payload: {
          ...emptyPayload(),
          btcUsd: 50_000,
          coins: [
            networkStats('HOT', { difficulty: null, blockTimeSeconds: null, networkHashrate: 1e9, emissionPerDay: 100_000, priceBtc: 1e-6, updatedAt: FETCHED }),
            networkStats('COOL', {
              algorithm: 'sha256d',
              difficulty: null,
              blockTimeSeconds: null,
              networkHashrate: 1e15,
              emissionPerDay: 4000,
              priceBtc: 1e-5,
              updatedAt: FETCHED,
            }),
          ],
        },
      },
    ],
    'live',
    { coingeckoIds: { HOT: null, COOL: null } },
  );
}

function rank(query: string) {
  const snap = snapshot();
  const { state, errors } = parseDashboardParams(new URLSearchParams(query));
  expect(errors).toEqual([]);
  const rig = rigFromState(state, { asOfMs: Date.parse(snap.asOf) });
  return rankCoins(snap.coins, rig, state);
}

describe('ranking on the day as billed', () => {
  it('a flat 0.10 USD/kWh ranks HOT first', () => {
    // HOT: 5 − 24 kWh × 0.10 = 2.60; COOL: 2 − 2.4 kWh × 0.10 = 1.76.
    const rows = rank(`${RIG}&kwh=0.1`);
    expect(rows.map((r) => r.coin.tag)).toEqual(['HOT', 'COOL']);
    expect(rows[0]!.estimate?.profitUsdPerDay).toBeCloseTo(2.6, 9);
    expect(rows[0]!.day ?? null).toBeNull();
  });

  it('a time-of-use day (6 cheap hours, 18 dear ones) ranks COOL first', () => {
    // Cost per kWh-hour: 6 × 0.05 + 18 × 0.30 = 0.30 + 5.40 = 5.70.
    // HOT: 5 − 1 kWh × 5.70 = −0.70; COOL: 2 − 0.1 kWh × 5.70 = 1.43.
    const rows = rank(`${RIG}&tou=0-6:0.05,6-24:0.3`);
    expect(rows.map((r) => r.coin.tag)).toEqual(['COOL', 'HOT']);
    expect(rows[0]!.estimate?.profitUsdPerDay).toBeCloseTo(1.43, 9);
    expect(rows[1]!.estimate?.profitUsdPerDay).toBeCloseTo(-0.7, 9);
    expect(rows[1]!.estimate?.powerCostUsdPerDay).toBeCloseTo(5.7, 9);
  });

  it('hours=profitable runs HOT in the six cheap hours only', () => {
    // HOT earns 5/24 = 0.2083 an hour: at 0.05 it nets 0.1583 (mine), at 0.30 it loses 0.0917 (off).
    // Six hours: revenue 6 × 0.2083 = 1.25, cost 0.30, profit 0.95; coins 100 × 6/24 = 25.
    const rows = rank(`${RIG}&tou=0-6:0.05,6-24:0.3&hours=profitable`);
    const hot = rows.find((r) => r.coin.tag === 'HOT')!;
    expect(hot.day?.hoursMining).toBe(6);
    expect(hot.estimate?.revenueUsdPerDay).toBeCloseTo(1.25, 9);
    expect(hot.estimate?.coinsPerDay).toBeCloseTo(25, 9);
    expect(hot.estimate?.profitUsdPerDay).toBeCloseTo(0.95, 9);
    expect(rows.map((r) => r.coin.tag)).toEqual(['COOL', 'HOT']);
  });
});

describe('/api/estimates rows on a tariff', () => {
  it('carry the integrated power cost, fixed cost, heat credit, hours mined and the profit after them', () => {
    // COOL at flat 0.10 with 10 % overhead, fixed 0.5/day, heat 0.02/kWh:
    // 110 W → 2.64 kWh/day; power 0.264; heat 2.64 × 0.02 = 0.0528; profit 2 − 0.264 + 0.0528 − 0.5 = 1.2888.
    const snap = snapshot();
    const { state } = parseDashboardParams(new URLSearchParams(`${RIG}&kwh=0.1&overhead=10&fixed=0.5&heat=0.02`));
    const body = estimatesResponse(snap, state);
    const cool = body.estimates.find((e) => e.tag === 'COOL')!;
    expect(cool.powerCostUsdPerDay).toBeCloseTo(0.264, 9);
    expect(cool.fixedCostUsdPerDay).toBe(0.5);
    expect(cool.heatCreditUsdPerDay).toBeCloseTo(0.0528, 9);
    expect(cool.hoursMining).toBe(24);
    expect(cool.profitUsdPerDay).toBeCloseTo(1.2888, 9);
    expect(body.electricity).toMatchObject({ source: 'flat', timeZone: 'UTC', date: '2024-03-14', fixedUsdPerDay: 0.5 });
    expect(body.electricity?.hourPricesUsdPerKwh).toHaveLength(24);
  });

  it('on a flat price alone, the rows are as before: 24 hours, no fixed cost or heat', () => {
    const { state } = parseDashboardParams(new URLSearchParams(`${RIG}&kwh=0.1`));
    const body = estimatesResponse(snapshot(), state);
    expect(body.electricity).toBeNull();
    expect(body.estimates[0]).toMatchObject({ tag: 'HOT', hoursMining: 24, fixedCostUsdPerDay: 0, heatCreditUsdPerDay: 0 });
  });
});

describe('tariff URL params', () => {
  it.each([
    ['tou=0-7:0.08', 'tou', 'Hours 7–24 have no price in the day.'],
    ['tz=Mars/Olympus', 'tz', '"Mars/Olympus" is not a time zone; use an IANA name such as Europe/Berlin or UTC.'],
    ['spot=XX', 'spot', 'Unknown spot zone "XX"; use one of 31 zones such as DE-LU, AT, awattar-de, agile-c.'],
    ['vat=120', 'vat', 'The VAT must be between 0 and 100 %.'],
    ['markup=abc', 'markup', '"abc" is not a number; enter the markup in USD/kWh.'],
    ['fixed=-1', 'fixed', 'The fixed cost must be between 0 and 100000 USD per day.'],
    ['overhead=101', 'overhead', 'The power overhead must be between 0 and 100 %.'],
    ['heat=x', 'heat', '"x" is not a number; enter the heat credit in USD per kWh of heat.'],
    ['hours=some', 'hours', 'Unknown hours "some"; use all or profitable.'],
    ['tou=0-24:0.1&spot=DE-LU', 'spot', 'Use a time-of-use schedule (tou) or a spot feed (spot), not both: using the schedule.'],
  ])('%s → an error on %s', (query, param, message) => {
    const { errors } = parseDashboardParams(new URLSearchParams(query));
    expect(errors).toEqual([{ param, message }]);
  });
});
