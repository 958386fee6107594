// Cache-Control on snapshot answers: fresh until the snapshot's next refresh is due.
import { describe, expect, it } from 'vitest';
import { snapshotCacheControl } from '@/app/api/_lib/respond';

const now = Date.parse('2026-12-03T12:00:00Z');

describe('snapshotCacheControl', () => {
  it('is fresh for what is left of the refresh period', () => {
    // asOf 120 s ago, period 300 s: 300 − 120 = 180 s left.
    expect(snapshotCacheControl({ asOf: '2026-12-03T11:58:00Z', mode: 'live' }, 300, now)).toBe('public, max-age=180');
    // Just refreshed: the whole period.
    expect(snapshotCacheControl({ asOf: '2026-12-03T12:00:00Z', mode: 'live' }, 300, now)).toBe('public, max-age=300');
  });

  it('revalidates a snapshot already due, the embedded one, and an unreadable date', () => {
    expect(snapshotCacheControl({ asOf: '2026-12-03T11:50:00Z', mode: 'live' }, 300, now)).toBe('public, max-age=0, must-revalidate');
    expect(snapshotCacheControl({ asOf: '2024-03-01T00:00:00Z', mode: 'embedded' }, 300, now)).toBe('public, max-age=0, must-revalidate');
    expect(snapshotCacheControl({ asOf: 'not a date', mode: 'live' }, 300, now)).toBe('public, max-age=0, must-revalidate');
  });
});
