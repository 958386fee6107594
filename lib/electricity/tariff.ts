// The electricity a rig is billed for, as URL state, and the day's hourly prices it gives: a flat
// price (kwh=), a time-of-use schedule (tou=, in the zone tz=), or an hourly spot feed (spot=)
// at spot × (1 + VAT) + markup. Pure and browser-safe; the day and the feed's prices are inputs.
import { hoursOfDay, isWeekend, localDateOf, type DayHour, type LocalDate } from './zone';
import { touPrice, type TouSchedule } from './tou';
import type { DayCosts, HoursMode } from './integrate';
import { spotZone, type SpotCurrency } from './spot-zones';

export type TariffSettings = {
  /** Time-of-use schedule in local hours; null for a flat price or a spot feed. */
  tou: TouSchedule | null;
  /** IANA zone the schedule's hours are in; null: the spot zone's own, else UTC. */
  timeZone: string | null;
  /** Spot feed zone id (lib/electricity/spot-zones.ts); null for none. */
  spotZone: string | null;
  /** Added to each spot hour after VAT, USD/kWh (grid fees, supplier margin). */
  markupUsdPerKwh: number;
  /** VAT on the spot price, %. */
  vatPercent: number;
  fixedUsdPerDay: number;
  overheadPercent: number;
  heatUsdPerKwh: number;
  hoursMode: HoursMode;
};

export const DEFAULT_TARIFF: TariffSettings = {
  tou: null,
  timeZone: null,
  spotZone: null,
  markupUsdPerKwh: 0,
  vatPercent: 0,
  fixedUsdPerDay: 0,
  overheadPercent: 0,
  heatUsdPerKwh: 0,
  hoursMode: 'all',
};

/** True when anything beyond the flat kwh= price is set: then the day is integrated hour by hour. */
export function usesTariff(t: TariffSettings): boolean {
  return (
    t.tou !== null ||
    t.spotZone !== null ||
    t.fixedUsdPerDay > 0 ||
    t.overheadPercent > 0 ||
    t.heatUsdPerKwh > 0 ||
    t.hoursMode !== 'all'
  );
}

/** One price interval of a spot feed, in the feed's currency per kWh (negative prices happen). */
export type SpotPoint = { startMs: number; endMs: number; pricePerKwh: number };

/** What the server knows of a spot feed when the page is built. */
export type SpotFeed = {
  zone: string;
  currency: SpotCurrency;
  points: readonly SpotPoint[];
  /** When the feed last answered well (ISO); null if never. */
  lastGoodAt: string | null;
  /** The last fetch failed: the points are the last good ones. */
  stale: boolean;
  /** The last good answer is older than the fallback age (48 h): use the flat price. */
  expired: boolean;
  /** This server does not fetch spot prices at all. */
  disabled?: boolean;
};

/** USD per unit of each feed currency, from the snapshot's own rates; null where unknown. */
export type UsdRates = Partial<Record<SpotCurrency, number | null>>;

export type PriceSource = 'flat' | 'tou' | 'spot';

/** Why a spot tariff is not what the day uses, or uses old prices: codes, worded by components. */
export type TariffNotice =
  | { code: 'spot-stale'; zone: string; lastGoodAt: string | null }
  | { code: 'spot-fallback'; zone: string; reason: 'expired' | 'no-data' | 'no-rate' | 'unknown-zone' | 'disabled'; lastGoodAt: string | null };

export type PowerDay = DayCosts & {
  source: PriceSource;
  timeZone: string;
  date: LocalDate;
  hours: DayHour[];
  notice: TariffNotice | null;
};

const HOUR_MS = 3_600_000;

/** spot × (1 + VAT) + markup, all per kWh. */
export function retailSpotPrice(spotUsdPerKwh: number, vatPercent: number, markupUsdPerKwh: number): number {
  return spotUsdPerKwh * (1 + vatPercent / 100) + markupUsdPerKwh;
}

/** Time-weighted mean of the feed's prices over [from, to); null where it covers none of it. */
function meanOver(points: readonly SpotPoint[], from: number, to: number): number | null {
  let weighted = 0;
  let covered = 0;
  for (const p of points) {
    const overlap = Math.min(to, p.endMs) - Math.max(from, p.startMs);
    if (overlap > 0 && Number.isFinite(p.pricePerKwh)) {
      weighted += p.pricePerKwh * overlap;
      covered += overlap;
    }
  }
  return covered > 0 ? weighted / covered : null;
}

/**
 * The feed's price (its currency per kWh) for each hour; an hour the feed lacks takes the same
 * hour a day, then two days, earlier (a feed that failed today keeps yesterday's prices).
 * Null when some hour has no price at all.
 */
export function spotHourPrices(points: readonly SpotPoint[], hours: readonly DayHour[]): number[] | null {
  const prices: number[] = [];
  for (const h of hours) {
    let price: number | null = null;
    for (let back = 0; back <= 2 && price === null; back++) {
      const from = h.startMs - back * 24 * HOUR_MS;
      price = meanOver(points, from, from + HOUR_MS);
    }
    if (price === null) return null;
    prices.push(price);
  }
  return prices;
}

/** The day's zone: tz= if given, else the spot zone's own, else UTC. */
export function tariffTimeZone(t: TariffSettings): string {
  return t.timeZone ?? (t.spotZone ? spotZone(t.spotZone)?.timeZone : undefined) ?? 'UTC';
}

/**
 * The day the estimate covers — the calendar day of `asOfMs` (the data's time, not the clock) in
 * the tariff's zone — with a price for each of its hours.
 */
export function resolvePowerDay(
  t: TariffSettings,
  flatUsdPerKwh: number,
  asOfMs: number,
  spot: SpotFeed | null,
  rates: UsdRates,
): PowerDay {
  const timeZone = tariffTimeZone(t);
  const date = localDateOf(asOfMs, timeZone);
  const hours = hoursOfDay(date, timeZone);
  const costs = {
    overheadPercent: t.overheadPercent,
    fixedUsdPerDay: t.fixedUsdPerDay,
    heatUsdPerKwh: t.heatUsdPerKwh,
    hoursMode: t.hoursMode,
  };
  const flat = (notice: TariffNotice | null): PowerDay => ({
    ...costs,
    source: 'flat',
    timeZone,
    date,
    hours,
    notice,
    hourPricesUsdPerKwh: hours.map(() => flatUsdPerKwh),
  });

  if (t.spotZone !== null) {
    const zone = spotZone(t.spotZone);
    const base = { zone: t.spotZone, lastGoodAt: spot?.lastGoodAt ?? null };
    if (!zone) return flat({ code: 'spot-fallback', reason: 'unknown-zone', ...base });
    if (spot?.disabled) return flat({ code: 'spot-fallback', reason: 'disabled', ...base });
    if (!spot || spot.points.length === 0) return flat({ code: 'spot-fallback', reason: 'no-data', ...base });
    if (spot.expired) return flat({ code: 'spot-fallback', reason: 'expired', ...base });
    const usdPerUnit = rates[spot.currency] ?? null;
    if (usdPerUnit === null || !(usdPerUnit > 0)) return flat({ code: 'spot-fallback', reason: 'no-rate', ...base });
    const raw = spotHourPrices(spot.points, hours);
    if (raw === null) return flat({ code: 'spot-fallback', reason: 'no-data', ...base });
    return {
      ...costs,
      source: 'spot',
      timeZone,
      date,
      hours,
      notice: spot.stale ? { code: 'spot-stale', ...base } : null,
      hourPricesUsdPerKwh: raw.map((p) => retailSpotPrice(p * usdPerUnit, t.vatPercent, t.markupUsdPerKwh)),
    };
  }
  if (t.tou !== null) {
    const schedule = t.tou;
    const weekend = isWeekend(date);
    return {
      ...costs,
      source: 'tou',
      timeZone,
      date,
      hours,
      notice: null,
      hourPricesUsdPerKwh: hours.map((h) => touPrice(schedule, h.localHour, weekend)),
    };
  }
  return flat(null);
}

/** Just the tariff's fields of a larger state (what the form needs, and no more). */
export function tariffOf(s: TariffSettings): TariffSettings {
  return {
    tou: s.tou,
    timeZone: s.timeZone,
    spotZone: s.spotZone,
    markupUsdPerKwh: s.markupUsdPerKwh,
    vatPercent: s.vatPercent,
    fixedUsdPerDay: s.fixedUsdPerDay,
    overheadPercent: s.overheadPercent,
    heatUsdPerKwh: s.heatUsdPerKwh,
    hoursMode: s.hoursMode,
  };
}
