import { describe, expect, it } from 'vitest';
import { formatUtc } from '@/lib/format/time';

describe('formatUtc', () => {
  it.each([
    // The embedded snapshot's time: midnight UTC, shown in UTC whatever the machine's zone.
    ['2024-03-16T00:00:00.000Z', '16 Mar 2024, 00:00 UTC'],
    // 23:30 in UTC−02:00 is 01:30 UTC the next day.
    ['2024-12-31T23:30:00-02:00', '1 Jan 2025, 01:30 UTC'],
    [null, 'never'],
    ['yesterday', 'unknown time'],
  ])('%s → %s', (iso, shown) => {
    expect(formatUtc(iso)).toBe(shown);
  });
});
