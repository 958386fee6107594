// The estimate basis: current figures, or 24 h / 3 d / 7 d averages of difficulty, network
// hashrate, block reward and price — the upstream's own averages where it publishes them,
// our recorded history otherwise. Small coins' current difficulty jumps when profit-switching
// pools arrive; an average is steadier. Pure: a coin in, the coin on that basis out.
import { impliedNetworkHashrate } from './profit';
import type { AverageWindow, Coin } from '@/lib/model/types';

export const BASES = ['current', '24h', '3d', '7d'] as const;
export type Basis = (typeof BASES)[number];
export const DEFAULT_BASIS: Basis = 'current';

export const BASIS_LABEL: Readonly<Record<Basis, string>> = {
  current: 'current figures',
  '24h': '24 h averages',
  '3d': '3 day averages',
  '7d': '7 day averages',
};

export type BasisUsed = 'current' | 'upstream' | 'history';

/**
 * The coin with its window's averages in place of current figures. Where only difficulty is
 * averaged, the network hashrate scales with it (N ∝ D at a fixed block time). Figures the
 * window lacks stay current; `used` says what was applied.
 */
export function coinOnBasis(coin: Coin, basis: Basis): { coin: Coin; used: BasisUsed } {
  if (basis === 'current') return { coin, used: 'current' };
  const avg = coin.averages[basis as AverageWindow];
  if (!avg) return { coin, used: 'current' };

  const difficulty = avg.difficulty ?? coin.difficulty;
  let networkHashrate = avg.networkHashrate ?? coin.networkHashrate;
  if (avg.networkHashrate === null && avg.difficulty !== null && coin.difficulty && coin.networkHashrate) {
    networkHashrate = coin.networkHashrate * (avg.difficulty / coin.difficulty);
  }
  const priceUsd = avg.priceUsd ?? coin.priceUsd;
  const priceBtc = avg.priceBtc ?? coin.priceBtc;
  return {
    coin: {
      ...coin,
      difficulty,
      networkHashrate,
      blockReward: avg.blockReward ?? coin.blockReward,
      priceUsd,
      priceBtc,
      impliedNetworkHashrate: impliedNetworkHashrate(difficulty, coin.workFactor, coin.blockTimeSeconds),
    },
    used: avg.source,
  };
}

/** Difficulty jumps when CV over 24 h exceeds this (profit-switching pools come and go). */
export const VOLATILE_CV = 0.25;
