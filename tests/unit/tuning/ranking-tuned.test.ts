// The ranking at each coin's best operating point: the choice flips at the break-even price worked
// out by hand, tune=stock keeps the catalog's stock figures, and a power limit wins over both.
import { describe, expect, it } from 'vitest';
import { mergeSources } from '@/lib/snapshot/merge';
import { emptyPayload } from '@/lib/sources/contract';
import { estimateRow } from '@/lib/ranking/ranking';
import { rigFromState } from '@/lib/ranking/rig';
import { DEFAULT_STATE, type DashboardState } from '@/lib/url/search-params';
import { estimatesResponse } from '@/lib/share/estimates-json';
import { networkStats } from '../../support/factories';

const FETCHED = '2026-11-24T12:00:00.000Z';

// An Autolykos2 coin (k = 1) paying $0.002 per MH/s per day: 86,400 × R / D × price with R = 1,
// D = 4.32e13 and $1 → 2e-9 USD per H/s per day, the case worked in best.test.ts.
function snapshot() {
  return mergeSources(
    [
      {
        status: { id: 'whattomine-gpu', name: 'w', url: 'http://127.0.0.1/', ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 1 },
        payload: {
          ...emptyPayload(),
          btcUsd: 50_000,
          coins: [
            networkStats('ALX', {
              algorithm: 'autolykos2',
              blockTimeSeconds: 120,
              blockReward: 1,
              difficulty: 4.32e13,
              networkHashrate: 4.32e13 / 120,
              priceBtc: 1 / 50_000,
              updatedAt: FETCHED,
            }),
          ],
        },
      },
    ],
    'live',
    { coingeckoIds: { ALX: null } },
  );
}

const state = (patch: Partial<DashboardState>): DashboardState => ({
  ...DEFAULT_STATE,
  poolFeePercent: 0,
  devices: [{ id: 'amd-radeon-vii', count: 2 }],
  ...patch,
});

const row = (patch: Partial<DashboardState>) => {
  const coin = snapshot().coins[0]!;
  return estimateRow(coin, rigFromState(state(patch)));
};

describe('ranking at the best operating point', () => {
  it('runs "max" below the break-even price, 0.0614 / 0.912 = 0.06732 USD/kWh, and "stock" above', () => {
    const cheap = row({ electricityUsdPerKwh: 0.06 });
    expect(cheap.operatingPoints?.map((c) => c.point.label)).toEqual(['max']);
    // 2 × 268.2 MH/s, 2 × 183 W; profit 2 × (0.5364 − 4.392 × 0.06) = 0.54576 USD/day.
    expect(cheap.hashrate).toBeCloseTo(536.4e6, 0);
    expect(cheap.powerWatts).toBe(366);
    expect(cheap.estimate?.profitUsdPerDay).toBeCloseTo(0.54576, 9);

    const dear = row({ electricityUsdPerKwh: 0.07 });
    expect(dear.operatingPoints?.map((c) => c.point.label)).toEqual(['stock']);
    // 2 × (0.475 − 3.48 × 0.07) = 0.4628 USD/day.
    expect(dear.estimate?.profitUsdPerDay).toBeCloseTo(0.4628, 9);
  });

  it('tune=stock shows the stock figures whatever the price', () => {
    const stock = row({ electricityUsdPerKwh: 0.06, tune: 'stock' });
    expect(stock.operatingPoints?.map((c) => c.point.label)).toEqual(['stock']);
    expect(stock.hashrate).toBeCloseTo(475e6, 0);
    expect(stock.powerWatts).toBe(290);
  });

  it('a power limit sets the point from the curve', () => {
    // 70 % of 145 W = 101.5 W on the line to the origin: 166.25 MH/s per card.
    const limited = row({ powerLimits: { 'amd-radeon-vii': 70 } });
    expect(limited.operatingPoints?.[0]?.point).toMatchObject({ label: 'pl-70', powerLimitPercent: 70 });
    expect(limited.hashrate).toBeCloseTo(332.5e6, 0);
    expect(limited.powerWatts).toBeCloseTo(203, 9);
  });

  it('leaves hand-typed figures alone', () => {
    const typed = row({ electricityUsdPerKwh: 0.06, hashrates: { autolykos2: 100e6 } });
    expect(typed.operatingPoints).toBeNull();
    expect(typed.hashrate).toBe(100e6);
  });

  it('the estimates API names the points chosen', () => {
    const json = estimatesResponse(snapshot(), state({ electricityUsdPerKwh: 0.06 }));
    expect(json.tune).toBe('best');
    expect(json.estimates[0]?.operatingPoints).toEqual([
      { device: 'amd-radeon-vii', count: 2, label: 'max', hashrate: 268.2e6, watts: 183, powerLimitPercent: null },
    ]);
  });
});
