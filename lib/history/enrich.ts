// Fills what the upstreams do not publish from our own recorded history: 24 h / 3 d / 7 d
// averages for coins without upstream averages, and each coin's 24 h difficulty volatility,
// flagging coins whose difficulty jumps (profit-switching pools arriving and leaving).
import { VOLATILE_CV } from '@/lib/mining/basis';
import type { Averages, AverageWindow, Coin, Snapshot } from '@/lib/model/types';
import { AVERAGE_WINDOWS } from '@/lib/model/types';

export type HistoryAverages = Record<
  AverageWindow,
  { difficulty: number | null; priceUsd: number | null; networkHashrate: number | null; points: number }
>;

export type HistoryReader = {
  averages(tag: string, now: number, algorithm?: string): Promise<HistoryAverages>;
  volatility(tag: string, now: number, windowMs?: number, algorithm?: string): Promise<{ cv: number | null; points: number }>;
};

/** An average needs a few points to mean anything. */
export const MIN_AVERAGE_POINTS = 3;

export function enrichCoin(
  coin: Coin,
  averages: HistoryAverages,
  volatility: { cv: number | null; points: number },
  btcUsd: number | null,
): Coin {
  const merged: Averages = { ...coin.averages };
  for (const window of AVERAGE_WINDOWS) {
    const avg = averages[window];
    if (merged[window] || avg.points < MIN_AVERAGE_POINTS) continue;
    merged[window] = {
      difficulty: avg.difficulty,
      networkHashrate: avg.networkHashrate,
      blockReward: null,
      priceUsd: avg.priceUsd,
      priceBtc: avg.priceUsd !== null && btcUsd ? avg.priceUsd / btcUsd : null,
      source: 'history',
      points: avg.points,
    };
  }
  const flags = coin.flags.filter((f) => f.code !== 'volatile-difficulty');
  if (volatility.cv !== null && volatility.cv > VOLATILE_CV) {
    flags.push({ code: 'volatile-difficulty', figures: { cv: volatility.cv } });
  }
  return { ...coin, averages: merged, difficultyCv24h: volatility.cv, flags };
}

/** The snapshot with history-derived averages and volatility; any history failure leaves it as it was. */
export async function enrichSnapshot(snapshot: Snapshot, history: HistoryReader, now: number): Promise<Snapshot> {
  const coins = await Promise.all(
    snapshot.coins.map(async (coin) => {
      // A tag can name two coins (DGB on two algorithms): history is read per tag and algorithm.
      const [averages, volatility] = await Promise.all([
        history.averages(coin.tag, now, coin.algorithm),
        history.volatility(coin.tag, now, undefined, coin.algorithm),
      ]);
      return enrichCoin(coin, averages, volatility, snapshot.btcUsd);
    }),
  );
  return { ...snapshot, coins };
}
