// Selling hashpower on NiceHash against mining the best coin, per algorithm of the rig. Both
// burn the same power, so revenue is compared: NiceHash's price × the rig's hashrate against
// the best coin's revenue for that algorithm (before NiceHash's own seller fee).
import type { RankedRow } from './ranking';
import type { Rig } from './rig';
import type { RentalPrice } from '@/lib/model/types';

export type RentVsMine = {
  algorithm: string;
  hashrate: number;
  /** USD/day NiceHash would pay for the rig's hashrate; null where the algorithm is not offered. */
  sellUsdPerDay: number | null;
  best: { tag: string; revenueUsdPerDay: number } | null;
  better: 'sell' | 'mine' | null;
};

export function rentVsMine(
  rig: Pick<Rig, 'hashrates'>,
  rows: readonly RankedRow[],
  rentals: readonly RentalPrice[],
  btcUsd: number | null,
): RentVsMine[] {
  return Object.entries(rig.hashrates).map(([algorithm, hashrate]) => {
    const rental = rentals.find((r) => r.algorithm === algorithm);
    const sell =
      rental && rental.payingBtcPerHashPerDay > 0 && btcUsd !== null && btcUsd > 0
        ? hashrate * rental.payingBtcPerHashPerDay * btcUsd
        : null;
    const sellUsdPerDay = sell !== null && Number.isFinite(sell) ? sell : null;
    let best: RentVsMine['best'] = null;
    for (const row of rows) {
      const revenue = row.estimate?.revenueUsdPerDay;
      if (row.coin.algorithm !== algorithm || revenue == null || row.combo) continue;
      if (!best || revenue > best.revenueUsdPerDay) best = { tag: row.coin.tag, revenueUsdPerDay: revenue };
    }
    const better =
      sellUsdPerDay === null || best === null ? null : sellUsdPerDay > best.revenueUsdPerDay ? 'sell' : 'mine';
    return { algorithm, hashrate, sellUsdPerDay, best, better };
  });
}
