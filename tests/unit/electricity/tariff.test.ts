import { describe, expect, it } from 'vitest';
import { integrateDay } from '@/lib/electricity/integrate';
import { parseTou } from '@/lib/electricity/tou';
import {
  DEFAULT_TARIFF,
  resolvePowerDay,
  retailSpotPrice,
  spotHourPrices,
  usesTariff,
  type SpotFeed,
  type SpotPoint,
  type TariffSettings,
} from '@/lib/electricity/tariff';

const HOUR = 3_600_000;
const tou = (text: string) => {
  const r = parseTou(text);
  if (!r.success) throw new Error(r.error);
  return r.data;
};
const tariff = (patch: Partial<TariffSettings>): TariffSettings => ({ ...DEFAULT_TARIFF, ...patch });
const at = (isoText: string) => Date.parse(isoText);

describe('resolvePowerDay: time of use', () => {
  const twoRate = tariff({ tou: tou('0-7:0.08,7-24:0.24'), timeZone: 'Europe/Berlin' });

  it('prices the 23 hours of the spring-forward day (Berlin, 31 March 2024)', () => {
    // Local hours 0, 1, 3, 4, 5, 6 at 0.08 (6 h) and 7–23 at 0.24 (17 h).
    // 1000 W, revenue 24 USD/day = 1 USD an hour: revenue 23, cost 6 × 0.08 + 17 × 0.24 = 0.48 + 4.08
    // = 4.56, profit 18.44.
    const day = resolvePowerDay(twoRate, 0.1, at('2024-03-31T12:00:00Z'), null, {});
    expect(day.source).toBe('tou');
    expect(day.hourPricesUsdPerKwh).toHaveLength(23);
    expect(day.hourPricesUsdPerKwh.filter((p) => p === 0.08)).toHaveLength(6);
    const r = integrateDay(24, 1000, day);
    expect(r.powerCostUsdPerDay).toBeCloseTo(4.56, 12);
    expect(r.profitUsdPerDay).toBeCloseTo(18.44, 12);
  });

  it('prices the 25 hours of the fall-back day (Berlin, 27 October 2024)', () => {
    // Local hours 0, 1, 2, 2, 3, 4, 5, 6 at 0.08 (8 h) and 7–23 at 0.24 (17 h).
    // Revenue 25, cost 8 × 0.08 + 17 × 0.24 = 0.64 + 4.08 = 4.72, profit 20.28.
    const day = resolvePowerDay(twoRate, 0.1, at('2024-10-27T12:00:00Z'), null, {});
    expect(day.hourPricesUsdPerKwh).toHaveLength(25);
    const r = integrateDay(24, 1000, day);
    expect(r.hoursMining).toBe(25);
    expect(r.powerCostUsdPerDay).toBeCloseTo(4.72, 12);
    expect(r.profitUsdPerDay).toBeCloseTo(20.28, 12);
  });

  it('takes the day from the data time in the tariff zone', () => {
    // 23:30 UTC on Friday 15 March 2024 is Saturday 16 March in Berlin: the weekend bands apply.
    const week = tariff({ tou: tou('wd:0-24:0.3;we:0-24:0.1'), timeZone: 'Europe/Berlin' });
    const day = resolvePowerDay(week, 0.2, at('2024-03-15T23:30:00Z'), null, {});
    expect(day.date).toEqual({ year: 2024, month: 3, day: 16 });
    expect(new Set(day.hourPricesUsdPerKwh)).toEqual(new Set([0.1]));
    const utc = resolvePowerDay({ ...week, timeZone: null }, 0.2, at('2024-03-15T23:30:00Z'), null, {});
    expect(utc.timeZone).toBe('UTC');
    expect(new Set(utc.hourPricesUsdPerKwh)).toEqual(new Set([0.3]));
  });

  it('a flat price alone is no tariff; any extra is', () => {
    expect(usesTariff(DEFAULT_TARIFF)).toBe(false);
    expect(usesTariff(tariff({ fixedUsdPerDay: 1 }))).toBe(true);
    expect(usesTariff(tariff({ hoursMode: 'profitable' }))).toBe(true);
    const flat = resolvePowerDay(tariff({ fixedUsdPerDay: 1 }), 0.12, at('2024-03-14T00:00:00Z'), null, {});
    expect(flat.source).toBe('flat');
    expect(flat.hourPricesUsdPerKwh).toEqual(Array(24).fill(0.12));
  });
});

describe('spot prices', () => {
  it('retail price = spot × (1 + VAT) + markup', () => {
    // 0.11 × 1.19 + 0.05 = 0.1309 + 0.05 = 0.1809; −0.022 × 1.19 + 0.05 = −0.02618 + 0.05 = 0.02382.
    expect(retailSpotPrice(0.11, 19, 0.05)).toBeCloseTo(0.1809, 12);
    expect(retailSpotPrice(-0.022, 19, 0.05)).toBeCloseTo(0.02382, 12);
  });

  it('averages quarter-hours into the hour and fills a missing hour from the day before', () => {
    const start = at('2024-03-14T00:00:00Z');
    const points: SpotPoint[] = [
      // Hour 0 in four quarters: mean of 0.08, 0.10, 0.12, 0.10 = 0.10 EUR/kWh.
      ...[0.08, 0.1, 0.12, 0.1].map((p, i) => ({ startMs: start + i * 900_000, endMs: start + (i + 1) * 900_000, pricePerKwh: p })),
      // Yesterday's hour 1 only: today's hour 1 takes it.
      { startMs: start + HOUR - 24 * HOUR, endMs: start + 2 * HOUR - 24 * HOUR, pricePerKwh: 0.2 },
    ];
    const hours = [0, 1].map((i) => ({ startMs: start + i * HOUR, localHour: i }));
    const prices = spotHourPrices(points, hours);
    expect(prices?.[0]).toBeCloseTo(0.1, 12);
    expect(prices?.[1]).toBe(0.2);
    expect(spotHourPrices(points, [{ startMs: start + 5 * HOUR, localHour: 5 }])).toBeNull();
  });

  // Berlin's 14 March 2024 runs from 13 March 23:00 UTC for 24 hours. EUR/MWh 100 → 0.1 EUR/kWh.
  const dayStart = at('2024-03-13T23:00:00Z');
  const eurPerKwh = (i: number) => (i >= 11 && i < 15 ? -0.02 : 0.1); // four negative midday hours
  const feed = (patch: Partial<SpotFeed> = {}): SpotFeed => ({
    zone: 'DE-LU',
    currency: 'EUR',
    points: Array.from({ length: 24 }, (_, i) => ({
      startMs: dayStart + i * HOUR,
      endMs: dayStart + (i + 1) * HOUR,
      pricePerKwh: eurPerKwh(i),
    })),
    lastGoodAt: '2024-03-14T10:00:00Z',
    stale: false,
    expired: false,
    ...patch,
  });
  const spotTariff = tariff({ spotZone: 'DE-LU', vatPercent: 19, markupUsdPerKwh: 0.05 });
  // USD per EUR = BTC/USD ÷ BTC/EUR = 66,000 ÷ 60,000 = 1.1.
  const rates = { EUR: 66_000 / 60_000 };

  it('a spot day with negative hours, converted EUR → USD and taxed', () => {
    // 20 h at 0.1 EUR → 0.11 USD → 0.1809 retail; 4 h at −0.02 EUR → −0.022 USD → 0.02382 retail.
    // 1000 W, revenue 4.8/day (0.2 an hour): cost = 20 × 0.1809 + 4 × 0.02382 = 3.618 + 0.09528 = 3.71328.
    // Profit (all hours) = 4.8 − 3.71328 = 1.08672.
    const day = resolvePowerDay(spotTariff, 0.3, at('2024-03-14T12:00:00Z'), feed(), rates);
    expect(day.source).toBe('spot');
    expect(day.timeZone).toBe('Europe/Berlin');
    expect(day.notice).toBeNull();
    expect(day.hourPricesUsdPerKwh[0]).toBeCloseTo(0.1809, 12);
    expect(day.hourPricesUsdPerKwh[12]).toBeCloseTo(0.02382, 12);
    const r = integrateDay(4.8, 1000, day);
    expect(r.powerCostUsdPerDay).toBeCloseTo(3.71328, 10);
    expect(r.profitUsdPerDay).toBeCloseTo(1.08672, 10);
  });

  it('a failed feed keeps yesterday\'s prices, marked stale', () => {
    // The feed holds 14 March; the data time is 15 March: each hour takes 14 March's price.
    const day = resolvePowerDay(spotTariff, 0.3, at('2024-03-15T12:00:00Z'), feed({ stale: true }), rates);
    expect(day.source).toBe('spot');
    expect(day.notice).toEqual({ code: 'spot-stale', zone: 'DE-LU', lastGoodAt: '2024-03-14T10:00:00Z' });
    expect(day.hourPricesUsdPerKwh[12]).toBeCloseTo(0.02382, 12);
  });

  it('after 48 h, or without a rate or data, falls back to the flat price with a reason', () => {
    const expired = resolvePowerDay(spotTariff, 0.3, at('2024-03-16T12:00:00Z'), feed({ stale: true, expired: true }), rates);
    expect(expired.source).toBe('flat');
    expect(expired.hourPricesUsdPerKwh).toEqual(Array(24).fill(0.3));
    expect(expired.notice).toEqual({ code: 'spot-fallback', zone: 'DE-LU', reason: 'expired', lastGoodAt: '2024-03-14T10:00:00Z' });
    expect(resolvePowerDay(spotTariff, 0.3, at('2024-03-14T12:00:00Z'), feed(), {}).notice).toMatchObject({ reason: 'no-rate' });
    expect(resolvePowerDay(spotTariff, 0.3, at('2024-03-14T12:00:00Z'), null, rates).notice).toMatchObject({ reason: 'no-data' });
    // Three days on, even yesterday and the day before are missing: no data.
    expect(resolvePowerDay(spotTariff, 0.3, at('2024-03-17T12:00:00Z'), feed(), rates).notice).toMatchObject({ reason: 'no-data' });
  });
});
