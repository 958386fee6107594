// Time constants, defined once: every module that converts seconds, hours, days or history ranges
// imports them from here instead of restating 86 400.
export const SECONDS_PER_HOUR = 3_600;
export const SECONDS_PER_DAY = 86_400;
export const HOUR_MS = SECONDS_PER_HOUR * 1_000;
export const DAY_MS = SECONDS_PER_DAY * 1_000;
/** Julian year, the convention for "per year" figures (supply growth, yearly emission). */
export const DAYS_PER_YEAR = 365.25;

/** The history chart's ranges, as the `range=` URL param names them. */
export const HISTORY_RANGES = ['24h', '7d', '30d', 'all'] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];
export const RANGE_MS: Readonly<Record<HistoryRange, number | null>> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
  all: null,
};
