// The server's spot cache: one request per zone per hour, the last good prices kept (stale) when a
// fetch fails, and after 48 h without a good answer the tariff falls back to the flat price.
import { describe, expect, it } from 'vitest';
import { SpotService, type SpotFetchZone } from '@/lib/server/spot';
import { DEFAULT_TARIFF, resolvePowerDay } from '@/lib/electricity/tariff';

const HOUR = 3_600_000;
const T0 = Date.parse('2024-03-14T10:00:00Z');
const settle = () => new Promise((resolve) => setImmediate(resolve));
// Berlin's 14 March: 24 hours from 13 March 23:00 UTC, 100 EUR/MWh each (0.1 EUR/kWh).
const DAY = Array.from({ length: 24 }, (_, i) => ({
  startMs: Date.parse('2024-03-13T23:00:00Z') + i * HOUR,
  endMs: Date.parse('2024-03-13T23:00:00Z') + (i + 1) * HOUR,
  pricePerKwh: 0.1,
}));

function setup() {
  let now = T0;
  let fail = false;
  const calls: number[] = [];
  const fetchZone: SpotFetchZone = async (_zone, window) => {
    calls.push(window.fromMs);
    if (fail) throw new Error('energy-charts: HTTP 503');
    return { currency: 'EUR', points: DAY };
  };
  const service = new SpotService({ fetchZone, now: () => now });
  return {
    service,
    calls,
    at: (ms: number) => {
      now = ms;
    },
    failing: (f: boolean) => {
      fail = f;
    },
  };
}

describe('SpotService', () => {
  it('asks once per zone per hour', async () => {
    const s = setup();
    expect(await s.service.get('de-lu')).toMatchObject({ zone: 'DE-LU', stale: false, expired: false });
    s.at(T0 + HOUR - 1);
    await s.service.get('DE-LU');
    expect(s.calls).toHaveLength(1);
    s.at(T0 + HOUR);
    await s.service.get('DE-LU');
    await settle();
    expect(s.calls).toHaveLength(2);
    // The window runs from two days before to two days after the request.
    expect(s.calls[1]).toBe(T0 + HOUR - 48 * HOUR);
    expect(await s.service.get('XX')).toBeNull();
  });

  it('keeps the last good prices, marked stale, when a fetch fails; retries after 20 minutes', async () => {
    const s = setup();
    await s.service.get('DE-LU');
    s.failing(true);
    s.at(T0 + 2 * HOUR);
    await s.service.get('DE-LU'); // serves the cache while the refresh runs
    await settle();
    const stale = await s.service.get('DE-LU');
    expect(stale).toMatchObject({ stale: true, expired: false, lastGoodAt: '2024-03-14T10:00:00.000Z' });
    expect(stale?.points).toHaveLength(24);
    expect(s.calls).toHaveLength(2);
    s.at(T0 + 2 * HOUR + 19 * 60_000);
    await s.service.get('DE-LU');
    expect(s.calls).toHaveLength(2);
    s.at(T0 + 2 * HOUR + 20 * 60_000);
    await s.service.get('DE-LU');
    await settle();
    expect(s.calls).toHaveLength(3);

    // The next day the stale feed still prices it, with yesterday's prices (100 EUR/MWh → 0.11 USD).
    s.at(T0 + 24 * HOUR);
    const tomorrow = await s.service.get('DE-LU');
    const day = resolvePowerDay({ ...DEFAULT_TARIFF, spotZone: 'DE-LU' }, 0.3, T0 + 24 * HOUR, tomorrow, { EUR: 1.1 });
    expect(day.source).toBe('spot');
    expect(day.notice).toMatchObject({ code: 'spot-stale' });
    expect(day.hourPricesUsdPerKwh[0]).toBeCloseTo(0.11, 12);
  });

  it('48 hours after the last good answer, falls back to the flat price with a reason', async () => {
    const s = setup();
    await s.service.get('DE-LU');
    s.failing(true);
    s.at(T0 + 48 * HOUR);
    await s.service.get('DE-LU');
    await settle();
    expect(await s.service.get('DE-LU')).toMatchObject({ stale: true, expired: false }); // exactly 48 h: still served
    s.at(T0 + 48 * HOUR + 1);
    const expired = await s.service.get('DE-LU');
    expect(expired).toMatchObject({ stale: true, expired: true });
    const day = resolvePowerDay({ ...DEFAULT_TARIFF, spotZone: 'DE-LU' }, 0.3, T0 + 48 * HOUR, expired, { EUR: 1.1 });
    expect(day.source).toBe('flat');
    expect(day.hourPricesUsdPerKwh).toEqual(Array(24).fill(0.3));
    expect(day.notice).toEqual({ code: 'spot-fallback', zone: 'DE-LU', reason: 'expired', lastGoodAt: '2024-03-14T10:00:00.000Z' });
  });

  it('a zone that never answered has no prices: the flat price, with the reason no-data', async () => {
    const s = setup();
    s.failing(true);
    const feed = await s.service.get('awattar-at');
    expect(feed).toMatchObject({ zone: 'awattar-at', points: [], stale: true, expired: true, lastGoodAt: null });
    const day = resolvePowerDay({ ...DEFAULT_TARIFF, spotZone: 'awattar-at' }, 0.3, T0, feed, { EUR: 1.1 });
    expect(day.notice).toMatchObject({ code: 'spot-fallback', reason: 'no-data' });
  });
});
