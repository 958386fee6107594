// Time-of-use schedules as written in a URL: `0-7:0.08,7-23:0.24,23-24:0.08` (local hours
// from–to, USD/kWh), or weekdays and weekends apart: `wd:0-7:0.08,7-24:0.24;we:0-24:0.08`.
// Parsing is total: every mistake comes back as a message, never a throw.
import type { ParseResult } from '@/lib/format/units';

/** Local hours [fromHour, toHour) at one price. */
export type TouBand = { fromHour: number; toHour: number; usdPerKwh: number };

/** `weekend` null: the same bands every day. */
export type TouSchedule = { weekday: TouBand[]; weekend: TouBand[] | null };

export const MAX_TOU_PRICE_USD = 10;
const MAX_TOU_LENGTH = 400;
const MAX_BANDS = 24;

const fail = (error: string): { success: false; error: string } => ({ success: false, error });

function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function parseBands(text: string, which: string): ParseResult<TouBand[]> {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return fail(`Give ${which} as from-to:price bands, e.g. 0-7:0.08,7-24:0.24.`);
  if (parts.length > MAX_BANDS) return fail(`At most ${MAX_BANDS} bands ${which}.`);
  const bands: TouBand[] = [];
  for (const part of parts) {
    const m = /^(\d{1,2})-(\d{1,2}):([0-9]*\.?[0-9]+)$/.exec(part);
    if (!m) return fail(`"${short(part)}" is not a band; write from-to:price, e.g. 7-23:0.24 (hours 0–24, USD/kWh).`);
    const fromHour = Number(m[1]);
    const toHour = Number(m[2]);
    const usdPerKwh = Number(m[3]);
    if (fromHour > 24 || toHour > 24) return fail(`"${short(part)}": hours run from 0 to 24.`);
    if (toHour <= fromHour) return fail(`"${short(part)}" ends before it starts; split a band across midnight in two (22-24 and 0-6).`);
    if (!Number.isFinite(usdPerKwh) || usdPerKwh > MAX_TOU_PRICE_USD) {
      return fail(`"${short(part)}": the price must be between 0 and ${MAX_TOU_PRICE_USD} USD/kWh.`);
    }
    bands.push({ fromHour, toHour, usdPerKwh });
  }
  bands.sort((a, b) => a.fromHour - b.fromHour);
  let covered = 0;
  for (const band of bands) {
    if (band.fromHour < covered) return fail(`Hours ${band.fromHour}–${Math.min(covered, band.toHour)} are priced twice ${which}.`);
    if (band.fromHour > covered) return fail(`Hours ${covered}–${band.fromHour} have no price ${which}.`);
    covered = band.toHour;
  }
  if (covered < 24) return fail(`Hours ${covered}–24 have no price ${which}.`);
  return { success: true, data: bands };
}

/** Reads a `tou=` value. */
export function parseTou(input: string): ParseResult<TouSchedule> {
  const text = input.trim().toLowerCase();
  if (text === '') return fail('Enter a time-of-use schedule, e.g. 0-7:0.08,7-24:0.24.');
  if (text.length > MAX_TOU_LENGTH) return fail(`A schedule is limited to ${MAX_TOU_LENGTH} characters.`);
  if (!/^(wd|we):/.test(text)) {
    const all = parseBands(text, 'in the day');
    return all.success ? { success: true, data: { weekday: all.data, weekend: null } } : all;
  }
  const sections = text.split(';').map((s) => s.trim()).filter((s) => s !== '');
  let weekday: TouBand[] | null = null;
  let weekend: TouBand[] | null = null;
  for (const section of sections) {
    const m = /^(wd|we):(.*)$/.exec(section);
    if (!m) return fail(`"${short(section)}": start each part with wd: (Monday–Friday) or we: (Saturday, Sunday).`);
    const isWeekday = m[1] === 'wd';
    if ((isWeekday ? weekday : weekend) !== null) return fail(`${m[1]}: is given twice.`);
    const bands = parseBands(m[2] ?? '', isWeekday ? 'on weekdays' : 'at weekends');
    if (!bands.success) return bands;
    if (isWeekday) weekday = bands.data;
    else weekend = bands.data;
  }
  if (weekday === null) return fail('Give the weekday bands too (wd:…), or leave out wd:/we: for every day.');
  if (weekend === null) return fail('Give the weekend bands too (we:…), or leave out wd:/we: for every day.');
  return { success: true, data: { weekday, weekend } };
}

function serializeBands(bands: readonly TouBand[]): string {
  return bands.map((b) => `${b.fromHour}-${b.toHour}:${b.usdPerKwh}`).join(',');
}

/** The canonical `tou=` value (parseTou(serializeTou(s)) equals s). */
export function serializeTou(schedule: TouSchedule): string {
  if (schedule.weekend === null) return serializeBands(schedule.weekday);
  return `wd:${serializeBands(schedule.weekday)};we:${serializeBands(schedule.weekend)}`;
}

/** The price of local hour-of-day `hour` (0–23). */
export function touPrice(schedule: TouSchedule, hour: number, weekend: boolean): number {
  const bands = weekend && schedule.weekend ? schedule.weekend : schedule.weekday;
  const band = bands.find((b) => hour >= b.fromHour && hour < b.toHour) ?? bands[bands.length - 1];
  return band?.usdPerKwh ?? 0;
}
