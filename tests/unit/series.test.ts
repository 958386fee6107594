import { describe, expect, it } from 'vitest';
import { withGaps } from '@/lib/series';

const MIN = 60_000;

describe('withGaps', () => {
  it('breaks the line where points are missing, not elsewhere', () => {
    // Points every 5 min, then nothing for 2 h: one null between 10:10 and 12:10.
    const at = (m: number) => Date.UTC(2026, 10, 24, 10, 0) + m * MIN;
    const points = [0, 5, 10, 130, 135].map((m) => ({ at: at(m), value: m }));
    const out = withGaps(points);
    expect(out.map((p) => p.value)).toEqual([0, 5, 10, null, 130, 135]);
    expect(out[3]!.at).toBe(at(70));
  });

  it('leaves a regular series alone and sorts it', () => {
    const points = [3, 1, 2].map((i) => ({ at: i * 5 * MIN, value: i }));
    expect(withGaps(points).map((p) => p.value)).toEqual([1, 2, 3]);
  });
});
