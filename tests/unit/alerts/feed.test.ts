import { describe, expect, it } from 'vitest';
import { thresholdCrossings, topCoinChanges, type CoinSeries } from '@/lib/alerts/feed';

const H = 3_600_000;
const T0 = Date.parse('2026-11-30T00:00:00Z');
const at = (hour: number, minute = 0) => T0 + hour * H + minute * 60_000;

describe('topCoinChanges', () => {
  it('has an entry for each of the two changes of the top coin, none for gaps or ties', () => {
    // Profit (USD/day) recorded at 5 past each hour:
    //   hour:  0     1     2     3     4     5
    //   RVN:   1.0   1.0   0.8   0.8   —     1.2
    //   ERG:   0.9   0.9   0.9   0.8   0.7   1.1
    // Top: RVN, RVN, ERG (change 1 at 2 h), ERG (tie at 3 h keeps ERG), ERG, RVN (change 2 at 5 h).
    const series: CoinSeries[] = [
      { tag: 'RVN', points: [1.0, 1.0, 0.8, 0.8, null, 1.2].map((profit, h) => ({ at: at(h, 5), profit })) },
      { tag: 'ERG', points: [0.9, 0.9, 0.9, 0.8, 0.7, 1.1].map((profit, h) => ({ at: at(h, 5), profit })) },
    ];
    expect(topCoinChanges(series)).toEqual([
      { at: at(2), top: 'ERG', profit: 0.9, previous: 'RVN', previousProfit: 0.8 },
      { at: at(5), top: 'RVN', profit: 1.2, previous: 'ERG', previousProfit: 1.1 },
    ]);
  });

  it('uses the last point of an hour, and has no entries for one coin or none', () => {
    const series: CoinSeries[] = [
      { tag: 'A', points: [{ at: at(0, 5), profit: 1 }, { at: at(0, 50), profit: 0.1 }] },
      { tag: 'B', points: [{ at: at(0, 10), profit: 0.5 }] },
    ];
    // Hour 0: A's last point is 0.1 < B's 0.5 → B on top; no change within one hour.
    expect(topCoinChanges(series)).toEqual([]);
    expect(topCoinChanges([series[0]!])).toEqual([]);
    expect(topCoinChanges([])).toEqual([]);
  });
});

describe('thresholdCrossings', () => {
  it('marks each crossing of the threshold, in both directions', () => {
    // 0.3, 0.1, −0.2 (below at 2 h), −0.1, 0.0 (not above: equal), 0.4 (above at 5 h)
    const series: CoinSeries = { tag: 'RVN', points: [0.3, 0.1, -0.2, -0.1, 0, 0.4].map((profit, h) => ({ at: at(h), profit })) };
    expect(thresholdCrossings(series, 0)).toEqual([
      { at: at(2), tag: 'RVN', direction: 'below', profit: -0.2, threshold: 0 },
      { at: at(5), tag: 'RVN', direction: 'above', profit: 0.4, threshold: 0 },
    ]);
  });
});
