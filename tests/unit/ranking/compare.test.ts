import { describe, expect, it } from 'vitest';
import { winnerIndex } from '@/lib/ranking/compare';

describe('winnerIndex', () => {
  it('picks the highest or lowest known value', () => {
    expect(winnerIndex([1.2, 3.4, -0.5], 'higher')).toBe(1);
    expect(winnerIndex([0.72, 0.24, 0.5], 'lower')).toBe(1);
  });

  it('ignores missing values and needs two to compare', () => {
    expect(winnerIndex([null, 2, 1], 'higher')).toBe(1);
    expect(winnerIndex([null, 2, null], 'higher')).toBeNull();
  });

  it('declares no winner on a tie or where more is neither better nor worse', () => {
    expect(winnerIndex([2, 2, 1], 'higher')).toBeNull();
    expect(winnerIndex([1, 2, 3], null)).toBeNull();
  });
});
