import { describe, expect, it } from 'vitest';
import { sourceStatusText } from '@/lib/format/source-status';

describe('sourceStatusText', () => {
  const failed = { ok: false, error: 'connect ECONNREFUSED 10.0.0.5:8332', fetchedAt: '2026-12-03T12:00:00.000Z' };
  it('words each state of a listed source', () => {
    expect(sourceStatusText(null, { enabled: false, operator: true })).toBe('off');
    expect(sourceStatusText(null, { enabled: true, operator: true })).toBe('not yet');
    expect(sourceStatusText({ ok: true, error: null, fetchedAt: '2026-12-03T12:00:00.000Z' }, { enabled: true, operator: false })).toBe(
      'ok, 3 Dec 2026, 12:00 UTC',
    );
    expect(sourceStatusText({ ok: false, error: null, fetchedAt: null }, { enabled: true, operator: true })).toBe('failed: unknown error');
  });

  it('shows the operator the whole error and a visitor the error without the private address, with the kept data’s time', () => {
    expect(sourceStatusText(failed, { enabled: true, operator: true })).toBe(
      'failed: connect ECONNREFUSED 10.0.0.5:8332 (kept data of 3 Dec 2026, 12:00 UTC)',
    );
    const visitor = sourceStatusText(failed, { enabled: true, operator: false });
    expect(visitor).not.toContain('10.0.0.5');
    expect(visitor).toMatch(/^failed: connect ECONNREFUSED .+ \(kept data of 3 Dec 2026, 12:00 UTC\)$/);
  });
});
