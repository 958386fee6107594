// lib/mining/halvings.ts: reward changes listed strictly after a date within a horizon, recurring
// schedules expanded, every entry sourced. Days worked out by hand from the calendar.

import { describe, expect, it } from 'vitest';
import { getRewardSchedule, REWARD_SCHEDULES, upcomingRewardChanges } from '@/lib/mining/halvings';

describe('upcomingRewardChanges', () => {
  it('finds the 2024-04-20 Bitcoin halving 35 days after 2024-03-16', () => {
    // March 16 → 31: 15 days; + 20 days of April = 35.
    const changes = upcomingRewardChanges('BTC', '2024-03-16', 90);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ day: 35, factor: 0.5, date: '2024-04-20', estimated: false });
  });

  it('is case-insensitive on the tag and empty outside the window', () => {
    expect(upcomingRewardChanges('btc', '2024-03-16', 90)).toHaveLength(1);
    // 2024-04-20 is day 35: a 34-day window stops short of it, a 35-day one includes it.
    expect(upcomingRewardChanges('BTC', '2024-03-16', 34)).toEqual([]);
    expect(upcomingRewardChanges('BTC', '2024-03-16', 35)).toHaveLength(1);
    // Strictly after: from the halving day itself it is not upcoming.
    expect(upcomingRewardChanges('BTC', '2024-04-20', 90)).toEqual([]);
  });

  it('expands the next Bitcoin halving from the recurring schedule', () => {
    // 210,000 blocks × 600 s = 1458.33 days after 2024-04-20 → 2028-04-17.
    const [next] = upcomingRewardChanges('BTC', '2026-11-24', 3650);
    expect(next).toMatchObject({ date: '2028-04-17', factor: 0.5, estimated: true });
  });

  it('lists nothing for Dogecoin, whose reward is fixed', () => {
    expect(getRewardSchedule('DOGE')).toBeDefined();
    expect(upcomingRewardChanges('DOGE', '2024-03-16', 3650)).toEqual([]);
  });

  it('expands Kaspa monthly chromatic steps of (1/2)^(1/12)', () => {
    // Months of 365.25 / 12 = 30.4375 days from 2022-05-08: 90 days hold two or three steps.
    const changes = upcomingRewardChanges('KAS', '2024-03-16', 90);
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(changes.length).toBeLessThanOrEqual(3);
    for (const c of changes) expect(c.factor).toBeCloseTo(2 ** (-1 / 12), 12);
    // Consecutive steps are a month apart (30 or 31 whole days after rounding to UTC days).
    for (let i = 1; i < changes.length; i++) {
      const gap = changes[i]!.day - changes[i - 1]!.day;
      expect(gap === 30 || gap === 31).toBe(true);
    }
    // Twelve steps make a year's halving.
    const year = upcomingRewardChanges('KAS', '2024-03-16', 365.25);
    expect(year.reduce((f, c) => f * c.factor, 1)).toBeCloseTo(0.5, 10);
  });

  it('steps Ergo miners down each 64,800 blocks and stops at 3 ERG', () => {
    // 2024-03-16 sits in epoch 11 (miners 30 ERG); epoch 12 (27 ERG) is estimated for 2024-03-22, day 6.
    const [next] = upcomingRewardChanges('ERG', '2024-03-16', 90);
    expect(next).toMatchObject({ day: 6, date: '2024-03-22', estimated: true });
    expect(next!.factor).toBeCloseTo(27 / 30, 12);
    // Miner rewards multiply from 67.5 ERG down to the flat 3 ERG: 3 / 67.5 overall, then nothing.
    const all = upcomingRewardChanges('ERG', '2021-12-01', 3650);
    expect(all.reduce((f, c) => f * c.factor, 1)).toBeCloseTo(3 / 67.5, 12);
    expect(upcomingRewardChanges('ERG', '2026-11-24', 3650)).toEqual([]);
  });

  it('lists the ETC eras at 0.8 each', () => {
    const changes = upcomingRewardChanges('ETC', '2024-03-16', 3650);
    expect(changes[0]).toMatchObject({ date: '2024-05-25', factor: 0.8 });
    expect(changes.length).toBeGreaterThanOrEqual(4);
    for (const c of changes) expect(c.factor).toBe(0.8);
  });

  it('ends Flux PoW rewards at the PoUW v2 fork', () => {
    const changes = upcomingRewardChanges('FLUX', '2024-03-16', 3650);
    expect(changes.map((c) => c.factor)).toEqual([0.5, 0]);
  });

  it('gives days sorted, whole and within the window', () => {
    for (const tag of Object.keys(REWARD_SCHEDULES)) {
      const changes = upcomingRewardChanges(tag, '2023-01-01', 3650);
      for (let i = 0; i < changes.length; i++) {
        const c = changes[i]!;
        expect(Number.isInteger(c.day)).toBe(true);
        expect(c.day).toBeGreaterThanOrEqual(1);
        expect(c.day).toBeLessThanOrEqual(3650);
        if (i > 0) expect(c.day).toBeGreaterThanOrEqual(changes[i - 1]!.day);
      }
    }
  });

  it('rounds the day up when fromIso has a time of day', () => {
    // 2024-04-20T00:00Z is 34.5 days after 2024-03-16T12:00Z: the halving applies from day 35.
    expect(upcomingRewardChanges('BTC', '2024-03-16T12:00:00Z', 90)[0]!.day).toBe(35);
  });

  it.each([
    ['an unknown tag', 'NOPE', '2024-03-16', 90],
    ['an unparsable date', 'BTC', 'not a date', 90],
    ['NaN days', 'BTC', '2024-03-16', Number.NaN],
    ['negative days', 'BTC', '2024-03-16', -1],
  ])('is empty for %s', (_label, tag, from, days) => {
    expect(upcomingRewardChanges(tag, from, days)).toEqual([]);
  });
});

describe('REWARD_SCHEDULES', () => {
  it('covers the coins in our data that have reward changes, and DOGE with none', () => {
    for (const tag of ['BTC', 'LTC', 'RVN', 'KAS', 'ERG', 'ZEC', 'FLUX', 'DOGE', 'ETC']) {
      expect(REWARD_SCHEDULES[tag], tag).toBeDefined();
    }
    expect(REWARD_SCHEDULES.DOGE!.changes).toEqual([]);
    expect(REWARD_SCHEDULES.DOGE!.recurring).toEqual([]);
  });

  it('gives every entry a source, a valid date and a factor in [0, 1]', () => {
    for (const schedule of Object.values(REWARD_SCHEDULES)) {
      expect(schedule.summary.length).toBeGreaterThan(0);
      for (const entry of [...schedule.changes, ...schedule.recurring]) {
        expect(entry.source.length, schedule.tag).toBeGreaterThan(10);
        expect(entry.factor).toBeGreaterThanOrEqual(0);
        expect(entry.factor).toBeLessThanOrEqual(1);
      }
      for (const change of schedule.changes) expect(change.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const series of schedule.recurring) {
        expect(Number.isFinite(Date.parse(series.start))).toBe(true);
        expect(series.periodDays).toBeGreaterThan(0);
      }
    }
    for (const tag of Object.keys(REWARD_SCHEDULES)) {
      for (const c of upcomingRewardChanges(tag, '2015-01-01', 365 * 30)) expect(c.source).not.toBe('');
    }
  });
});
