// Pure mining arithmetic: numbers in, numbers out. No I/O, no clock, no env, no React.
// Every hashrate is in base units (H/s, Sol/s or G/s), every time in seconds, money in USD.
// Formulas and their sources: ../shared/MINING.md, restated in the README.

import { SECONDS_PER_DAY } from './time';

export { SECONDS_PER_DAY };

/** Figures of one coin that the estimate needs; null where the source does not give them. */
export type CoinFigures = {
  blockTimeSeconds: number | null;
  blockReward: number | null;
  difficulty: number | null;
  networkHashrate: number | null;
  /** Coins issued per day network-wide, where the source gives it (hashrate.no, multi-chain coins). */
  emissionPerDay: number | null;
  /** Difficulty-to-work factor k (hashes per block = D × k); null where unknown. */
  workFactor: number | null;
  priceUsd: number | null;
  priceBtc: number | null;
  /**
   * What blockReward and emissionPerDay count: the whole block (default) or already the miner's
   * part. A whole-block figure is scaled by minerShare; an unknown share (null) counts the whole.
   */
  rewardBasis?: 'whole' | 'miner';
  /** The miner's share of the whole block, 0..1 (lib/mining/reward-splits.ts, or a template's payees). */
  minerShare?: number | null;
};

/** The rig's figures for the coin's algorithm. */
export type RigFigures = {
  hashrate: number;
  powerWatts: number;
  electricityUsdPerKwh: number;
  poolFeePercent: number;
};

export type EstimateBasis = 'difficulty' | 'block-time' | 'emission';

export type Estimate = {
  /** Which formula gave coinsPerDay; null when the coin lacks the figures for any. */
  basis: EstimateBasis | null;
  coinsPerDay: number | null;
  revenueUsdPerDay: number | null;
  revenueBtcPerDay: number | null;
  powerCostUsdPerDay: number;
  profitUsdPerDay: number | null;
  /** H / N: the rig's share of today's network. */
  networkShare: number | null;
  /** H / (N + H): the rig's share once it has joined the network. */
  networkShareJoined: number | null;
  /** Coins per day once the rig's own hashrate is part of the network (difficulty follows). */
  coinsPerDayJoined: number | null;
  /** Expected days to find a block mining solo. */
  soloDaysToBlock: number | null;
};

const positive = (x: number | null | undefined): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x > 0;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** coins/day = H × 86400 × R / (D × k). */
export function coinsPerDayFromDifficulty(
  hashrate: number,
  difficulty: number,
  workFactor: number,
  blockReward: number,
): number | null {
  if (!positive(difficulty) || !positive(workFactor) || !(hashrate >= 0) || !(blockReward >= 0)) return null;
  return finiteOrNull((hashrate * SECONDS_PER_DAY * blockReward) / (difficulty * workFactor));
}

/** coins/day = (H / N) × (86400 / T) × R. */
export function coinsPerDayFromBlockTime(
  hashrate: number,
  networkHashrate: number,
  blockTimeSeconds: number,
  blockReward: number,
): number | null {
  if (!positive(networkHashrate) || !positive(blockTimeSeconds) || !(hashrate >= 0) || !(blockReward >= 0)) {
    return null;
  }
  return finiteOrNull((hashrate / networkHashrate) * (SECONDS_PER_DAY / blockTimeSeconds) * blockReward);
}

/** coins/day = (H / N) × daily emission. */
export function coinsPerDayFromEmission(
  hashrate: number,
  networkHashrate: number,
  emissionPerDay: number,
): number | null {
  if (!positive(networkHashrate) || !(hashrate >= 0) || !(emissionPerDay >= 0)) return null;
  return finiteOrNull((hashrate / networkHashrate) * emissionPerDay);
}

/** R = emission × T / 86400: the block reward a daily emission implies at block time T. */
export function blockRewardFromEmission(emissionPerDay: number, blockTimeSeconds: number): number | null {
  if (!positive(blockTimeSeconds) || !(emissionPerDay >= 0)) return null;
  return finiteOrNull((emissionPerDay * blockTimeSeconds) / SECONDS_PER_DAY);
}

/**
 * The block reward R a coin's figures give: the source's own, or, where the source gives only a
 * daily emission (hashrate.no), emission × T / 86400 with the figures it was derived from.
 * RVN on 2024-03-16: 3,600,000 RVN/day × 60 s / 86,400 s = 2,500 RVN.
 */
export type BlockRewardFigure =
  | { from: 'source'; reward: number }
  | { from: 'emission'; reward: number; emissionPerDay: number; blockTimeSeconds: number };

export function blockRewardFigure(
  coin: Pick<CoinFigures, 'blockReward' | 'emissionPerDay' | 'blockTimeSeconds'>,
): BlockRewardFigure | null {
  const { blockReward, emissionPerDay, blockTimeSeconds } = coin;
  if (typeof blockReward === 'number' && Number.isFinite(blockReward) && blockReward >= 0) {
    return { from: 'source', reward: blockReward };
  }
  if (typeof emissionPerDay !== 'number' || !Number.isFinite(emissionPerDay) || !positive(blockTimeSeconds)) return null;
  const reward = blockRewardFromEmission(emissionPerDay, blockTimeSeconds);
  return reward === null ? null : { from: 'emission', reward, emissionPerDay, blockTimeSeconds };
}

/**
 * coins/day = H × 86400 × R / (D × k) with R = emission × T / 86400, i.e. H × emission × T / (D × k):
 * the expected coins at the current difficulty when a source gives a daily emission but no block
 * reward (hashrate.no). Its reported network hashrate is itself an estimate; the difficulty is what
 * a miner is paid against.
 */
export function coinsPerDayFromEmissionAtDifficulty(
  hashrate: number,
  difficulty: number,
  workFactor: number,
  blockTimeSeconds: number,
  emissionPerDay: number,
): number | null {
  const reward = blockRewardFromEmission(emissionPerDay, blockTimeSeconds);
  return reward === null ? null : coinsPerDayFromDifficulty(hashrate, difficulty, workFactor, reward);
}

/** USD/day = W × 24 / 1000 × USD/kWh. */
export function powerCostUsdPerDay(powerWatts: number, electricityUsdPerKwh: number): number {
  if (!(powerWatts > 0) || !(electricityUsdPerKwh > 0)) return 0;
  const cost = ((powerWatts * 24) / 1000) * electricityUsdPerKwh;
  return Number.isFinite(cost) ? cost : 0;
}

/** N = D × k / T: the network hashrate that a difficulty implies. */
export function impliedNetworkHashrate(
  difficulty: number | null,
  workFactor: number | null,
  blockTimeSeconds: number | null,
): number | null {
  if (!positive(difficulty) || !positive(workFactor) || !positive(blockTimeSeconds)) return null;
  return finiteOrNull((difficulty * workFactor) / blockTimeSeconds);
}

/** Expected seconds to a block mining solo: D × k / H, or T × N / H without a difficulty. */
export function soloSecondsToBlock(coin: CoinFigures, hashrate: number): number | null {
  if (!positive(hashrate)) return null;
  if (positive(coin.difficulty) && positive(coin.workFactor)) {
    return finiteOrNull((coin.difficulty * coin.workFactor) / hashrate);
  }
  if (positive(coin.blockTimeSeconds) && positive(coin.networkHashrate)) {
    return finiteOrNull((coin.blockTimeSeconds * coin.networkHashrate) / hashrate);
  }
  return null;
}

/** P(at least one block in `seconds`) for Poisson block finds: 1 − exp(−t / expected). */
export function probabilityOfBlockWithin(seconds: number, expectedSecondsToBlock: number | null): number | null {
  if (!positive(expectedSecondsToBlock) || !(seconds >= 0)) return null;
  return -Math.expm1(-seconds / expectedSecondsToBlock);
}

function grossCoinsPerDay(coin: CoinFigures, hashrate: number): { basis: EstimateBasis; coins: number } | null {
  const { difficulty, workFactor, blockReward, networkHashrate, blockTimeSeconds, emissionPerDay } = coin;
  if (positive(difficulty) && positive(workFactor) && blockReward !== null && blockReward >= 0) {
    const coins = coinsPerDayFromDifficulty(hashrate, difficulty, workFactor, blockReward);
    if (coins !== null) return { basis: 'difficulty', coins };
  }
  if (positive(networkHashrate) && positive(blockTimeSeconds) && blockReward !== null && blockReward >= 0) {
    const coins = coinsPerDayFromBlockTime(hashrate, networkHashrate, blockTimeSeconds, blockReward);
    if (coins !== null) return { basis: 'block-time', coins };
  }
  // No block reward, but a daily emission: R = emission × T / 86400 on the difficulty basis, when D,
  // k and T are all known (the merge sets k aside when D × k / T disagrees with N: difficulty-mismatch).
  if (
    blockReward === null &&
    positive(difficulty) &&
    positive(workFactor) &&
    positive(blockTimeSeconds) &&
    emissionPerDay !== null &&
    emissionPerDay >= 0
  ) {
    const coins = coinsPerDayFromEmissionAtDifficulty(hashrate, difficulty, workFactor, blockTimeSeconds, emissionPerDay);
    if (coins !== null) return { basis: 'difficulty', coins };
  }
  if (positive(networkHashrate) && emissionPerDay !== null && emissionPerDay >= 0) {
    const coins = coinsPerDayFromEmission(hashrate, networkHashrate, emissionPerDay);
    if (coins !== null) return { basis: 'emission', coins };
  }
  return null;
}

/**
 * The factor that turns the coin's reward figures into the miner's part: 1 when the source already
 * gives the miner's part or the share is unknown; the share when the figures count the whole block.
 * A CLORE block (whole) with a 50 % miner share gives 0.5; WhatToMine's ZEC (miner's part) gives 1.
 */
export function minerRewardFactor(coin: Pick<CoinFigures, 'rewardBasis' | 'minerShare'>): number {
  if (coin.rewardBasis === 'miner') return 1;
  const share = coin.minerShare;
  return typeof share === 'number' && Number.isFinite(share) && share > 0 && share <= 1 ? share : 1;
}

/** Everything the table shows for one coin and one rig. */
export function estimate(coin: CoinFigures, rig: RigFigures): Estimate {
  const hashrate = Number.isFinite(rig.hashrate) && rig.hashrate > 0 ? rig.hashrate : 0;
  const fee = Math.min(Math.max(Number.isFinite(rig.poolFeePercent) ? rig.poolFeePercent : 0, 0), 100);
  const keep = 1 - fee / 100;
  const cost = powerCostUsdPerDay(rig.powerWatts, rig.electricityUsdPerKwh);

  const gross = grossCoinsPerDay(coin, hashrate);
  const coinsPerDay = gross ? gross.coins * keep * minerRewardFactor(coin) : null;

  // An implied N can underflow to 0 (tiny D × k): that is no network figure, not a division by zero.
  const implied = impliedNetworkHashrate(coin.difficulty, coin.workFactor, coin.blockTimeSeconds);
  const network = positive(coin.networkHashrate) ? coin.networkHashrate : positive(implied) ? implied : null;
  // H / N overflows to Infinity when N is tiny next to H: an unknown share, not an infinite one.
  const networkShare = network !== null ? finiteOrNull(hashrate / network) : null;
  const networkShareJoined = network !== null ? hashrate / (network + hashrate) : null;
  // Joining scales the share from H/N down to H/(N+H): the same coins, times N/(N+H).
  const coinsPerDayJoined =
    coinsPerDay !== null && network !== null ? coinsPerDay * (network / (network + hashrate)) : null;

  const revenueUsdPerDay =
    coinsPerDay !== null && coin.priceUsd !== null && coin.priceUsd >= 0 ? coinsPerDay * coin.priceUsd : null;
  const revenueBtcPerDay =
    coinsPerDay !== null && coin.priceBtc !== null && coin.priceBtc >= 0 ? coinsPerDay * coin.priceBtc : null;
  const solo = soloSecondsToBlock(coin, hashrate);

  return {
    basis: gross?.basis ?? null,
    coinsPerDay,
    revenueUsdPerDay: revenueUsdPerDay !== null ? finiteOrNull(revenueUsdPerDay) : null,
    revenueBtcPerDay: revenueBtcPerDay !== null ? finiteOrNull(revenueBtcPerDay) : null,
    powerCostUsdPerDay: cost,
    profitUsdPerDay: revenueUsdPerDay !== null ? finiteOrNull(revenueUsdPerDay - cost) : null,
    networkShare,
    networkShareJoined,
    coinsPerDayJoined,
    soloDaysToBlock: solo !== null ? solo / SECONDS_PER_DAY : null,
  };
}

export type Period = 'hour' | 'day' | 'week' | 'month';

/** Days in each period; a month is 30 days. */
export const PERIOD_DAYS: Readonly<Record<Period, number>> = { hour: 1 / 24, day: 1, week: 7, month: 30 };

export function perPeriod(valuePerDay: number, period: Period): number {
  return valuePerDay * PERIOD_DAYS[period];
}
