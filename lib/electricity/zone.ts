// Wall-clock hours of one calendar day in an IANA time zone, from the zone rules the runtime's
// Intl carries (browser and Node alike). The day is an input, never read from the clock: a DST day
// has 23 or 25 hours, and each hour keeps the local hour-of-day a tariff is written in.

/** A calendar date (month 1–12). */
export type LocalDate = { year: number; month: number; day: number };

/** One hour of a local day: its start instant and the local hour-of-day it begins at (0–23). */
export type DayHour = { startMs: number; localHour: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    // Bounded: a zone name comes from a URL, and only valid ones get here.
    if (FORMATTERS.size < 500) FORMATTERS.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows `timeZone` as an IANA zone (or UTC). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

type WallClock = LocalDate & { hour: number; minute: number; second: number };

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at instant `ms`, in ms (Europe/Berlin in summer: +7,200,000). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The calendar date at instant `ms` in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(ms, timeZone);
  return { year, month, day };
}

/** The first instant of `date` in `timeZone` (its local midnight, or the first hour after a gap). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes settle the offset even when midnight sits next to a transition.
  let start = naive - zoneOffsetMs(naive, timeZone);
  start = naive - zoneOffsetMs(start, timeZone);
  // Where midnight itself does not exist (a DST gap at 00:00), the day starts an hour later.
  const at = localDateOf(start, timeZone);
  if (at.year !== date.year || at.month !== date.month || at.day !== date.day) {
    start += Date.UTC(date.year, date.month - 1, date.day) > Date.UTC(at.year, at.month - 1, at.day) ? HOUR_MS : -HOUR_MS;
  }
  return start;
}

/** The next calendar date. */
export function nextDate(date: LocalDate): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday (the date's own weekday, the same in every zone). */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isWeekend(date: LocalDate): boolean {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
}

/**
 * The hours of `date` in `timeZone`: 24 on most days, 23 on the day clocks go forward, 25 on the
 * day they go back (the repeated hour appears twice, with the same local hour-of-day).
 */
export function hoursOfDay(date: LocalDate, timeZone: string): DayHour[] {
  const start = startOfLocalDay(date, timeZone);
  const end = startOfLocalDay(nextDate(date), timeZone);
  const count = Math.max(1, Math.min(26, Math.round((end - start) / HOUR_MS)));
  const hours: DayHour[] = [];
  for (let i = 0; i < count; i++) {
    const startMs = start + i * HOUR_MS;
    hours.push({ startMs, localHour: wallClock(startMs, timeZone).hour });
  }
  return hours;
}

/** "2024-03-16" → a LocalDate; null for anything else. */
export function parseIsoDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() + 1 === date.month && check.getUTCDate() === date.day ? date : null;
}

export function formatIsoDate(date: LocalDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
