import { describe, expect, it } from 'vitest';
import { hoursOfDay, isTimeZone, isWeekend, localDateOf, startOfLocalDay } from '@/lib/electricity/zone';

const iso = (ms: number) => new Date(ms).toISOString();

describe('hoursOfDay', () => {
  it('gives 24 hours in UTC starting at midnight', () => {
    const hours = hoursOfDay({ year: 2024, month: 3, day: 14 }, 'UTC');
    expect(hours).toHaveLength(24);
    expect(iso(hours[0]!.startMs)).toBe('2024-03-14T00:00:00.000Z');
    expect(hours.map((h) => h.localHour)).toEqual([...Array(24).keys()]);
  });

  it('gives 23 hours on the spring-forward day in Berlin (02:00 CET → 03:00 CEST at 01:00 UTC)', () => {
    // Local midnight is 23:00 UTC the day before (CET, +1); the hour 02:00 never happens.
    const hours = hoursOfDay({ year: 2024, month: 3, day: 31 }, 'Europe/Berlin');
    expect(hours).toHaveLength(23);
    expect(iso(hours[0]!.startMs)).toBe('2024-03-30T23:00:00.000Z');
    expect(hours.map((h) => h.localHour)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, i) => i + 3)]);
    // Its last hour, 23:00 CEST, starts at 21:00 UTC.
    expect(iso(hours[22]!.startMs)).toBe('2024-03-31T21:00:00.000Z');
  });

  it('gives 25 hours on the fall-back day in Berlin, local hour 2 twice', () => {
    // Midnight is 22:00 UTC (CEST, +2); 03:00 CEST → 02:00 CET at 01:00 UTC.
    const hours = hoursOfDay({ year: 2024, month: 10, day: 27 }, 'Europe/Berlin');
    expect(hours).toHaveLength(25);
    expect(iso(hours[0]!.startMs)).toBe('2024-10-26T22:00:00.000Z');
    expect(hours.map((h) => h.localHour)).toEqual([0, 1, 2, 2, ...Array.from({ length: 21 }, (_, i) => i + 3)]);
  });

  it('gives 23 and 25 hours on New York DST days (2024-03-10, 2024-11-03)', () => {
    const spring = hoursOfDay({ year: 2024, month: 3, day: 10 }, 'America/New_York');
    expect(spring).toHaveLength(23);
    expect(iso(spring[0]!.startMs)).toBe('2024-03-10T05:00:00.000Z'); // EST, −5
    const fall = hoursOfDay({ year: 2024, month: 11, day: 3 }, 'America/New_York');
    expect(fall).toHaveLength(25);
    expect(iso(fall[0]!.startMs)).toBe('2024-11-03T04:00:00.000Z'); // EDT, −4
    expect(fall.map((h) => h.localHour).slice(0, 4)).toEqual([0, 1, 1, 2]);
  });

  it('keeps a half-hour zone on its own hours (Asia/Kolkata, +5:30)', () => {
    const hours = hoursOfDay({ year: 2024, month: 3, day: 14 }, 'Asia/Kolkata');
    expect(hours).toHaveLength(24);
    expect(iso(hours[0]!.startMs)).toBe('2024-03-13T18:30:00.000Z');
    expect(hours[5]!.localHour).toBe(5);
  });
});

describe('zone helpers', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('finds the local date of an instant', () => {
    // 23:30 UTC on 15 March is already 16 March in Berlin (00:30 CET).
    const ms = Date.parse('2024-03-15T23:30:00Z');
    expect(localDateOf(ms, 'UTC')).toEqual({ year: 2024, month: 3, day: 15 });
    expect(localDateOf(ms, 'Europe/Berlin')).toEqual({ year: 2024, month: 3, day: 16 });
    expect(iso(startOfLocalDay({ year: 2024, month: 3, day: 16 }, 'Europe/Berlin'))).toBe('2024-03-15T23:00:00.000Z');
  });

  it('knows weekends: 16 March 2024 was a Saturday, 14 March a Thursday', () => {
    expect(isWeekend({ year: 2024, month: 3, day: 16 })).toBe(true);
    expect(isWeekend({ year: 2024, month: 3, day: 14 })).toBe(false);
  });
});
