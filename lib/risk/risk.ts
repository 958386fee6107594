// Pure risk figures for one coin and one rig: can the output be sold, how big is the rig next to
// the network, how lumpy is solo mining, what would renting the network cost, how fast the supply
// grows. Numbers in, numbers out; every result is finite or null, never NaN or Infinity.
import { PERIOD_DAYS, probabilityOfBlockWithin, SECONDS_PER_DAY } from '@/lib/mining/profit';

const positive = (x: number | null | undefined): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x > 0;

const nonNegative = (x: number | null | undefined): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

// ---------------------------------------------------------------------------------------------
// Liquidity: could the market absorb what the rig mines?

export const LIQUIDITY_FORMULA = 'daily output value ÷ 24 h volume';
/** Selling more than 1 % of a day's volume every day starts to move a thin market. */
export const LIQUIDITY_WARN = 0.01;
/** Below this 24 h volume (USD) a market is thin whatever the rig's size: our threshold, not a standard. */
export const THIN_VOLUME_USD = 10_000;

/** The rig's daily output as a share of the coin's 24 h volume; null when either is unknown or nothing traded. */
export function liquidityShare(
  revenueUsdPerDay: number | null | undefined,
  volume24hUsd: number | null | undefined,
): number | null {
  if (!nonNegative(revenueUsdPerDay) || !positive(volume24hUsd)) return null;
  return finiteOrNull(revenueUsdPerDay / volume24hUsd);
}

export type MarketStatus = 'no-market' | 'no-volume-data' | 'thin' | 'ok';

/**
 * 'no-market': no usable price, or a price with nothing traded in 24 h (the coin cannot be sold);
 * 'no-volume-data': a price but no (usable) volume figure; 'thin': under THIN_VOLUME_USD a day; else 'ok'.
 */
export function marketStatus(
  priceUsd: number | null | undefined,
  volume24hUsd: number | null | undefined,
): MarketStatus {
  if (!positive(priceUsd)) return 'no-market';
  // A negative or infinite volume is a broken figure, not a market size.
  if (!nonNegative(volume24hUsd)) return 'no-volume-data';
  if (volume24hUsd === 0) return 'no-market';
  return volume24hUsd < THIN_VOLUME_USD ? 'thin' : 'ok';
}

// ---------------------------------------------------------------------------------------------
// Network share: a rig that is a big part of the network moves its difficulty (and is a risk to it).

export const NETWORK_SHARE_FORMULA = 'rig hashrate ÷ network hashrate (H ÷ N); once joined H ÷ (N + H)';
/** Above 5 % of the network, the rig's own arrival raises the difficulty noticeably. */
export const NETWORK_SHARE_WARN = 0.05;

export type NetworkShareRisk = {
  /** H / N; above 1 when the rig is bigger than the network. */
  share: number | null;
  /** H / (N + H): the share once the rig has joined, always below 1. */
  joinedShare: number | null;
  warn: boolean;
};

/** Unknown (null, 0, negative, NaN) network hashrate gives nulls and no warning. */
export function networkShareRisk(
  hashrate: number | null | undefined,
  networkHashrate: number | null | undefined,
): NetworkShareRisk {
  if (!positive(networkHashrate)) return { share: null, joinedShare: null, warn: false };
  const rig = nonNegative(hashrate) ? hashrate : 0;
  // H / N can overflow when N is tiny next to H: that share is unknown, not infinite.
  const share = finiteOrNull(rig / networkHashrate);
  // 1 / (1 + N/H) stays finite where N + H would overflow; H = 0 gives N/0 = ∞ and a share of 0.
  const joinedShare = 1 / (1 + networkHashrate / rig);
  // A rig so big that H / N overflows is far above the threshold: judge it by the joined share.
  const warn = (share !== null && share > NETWORK_SHARE_WARN) || joinedShare > NETWORK_SHARE_WARN;
  return { share, joinedShare, warn };
}

// ---------------------------------------------------------------------------------------------
// Variance: solo mining pays in whole blocks, found as a Poisson process.

export const VARIANCE_FORMULA = 'P(at least one block within t) = 1 − e^(−t ÷ expected solo time)';
/** Solo is fine when a week without a block is a 1-in-100 event (expected solo time ≤ 1.52 days). */
export const SOLO_OK_P_WEEK = 0.99;
/** Pool only when a month without a block is more likely than not (expected solo time > 43.3 days). */
export const POOL_ONLY_P_MONTH = 0.5;

export type VarianceAdvice = 'solo-ok' | 'pool-advised' | 'pool-only';

export type Variance = {
  soloDays: number | null;
  /** P(at least one block) within a day, a week and a month (30 days). */
  pDay: number | null;
  pWeek: number | null;
  pMonth: number | null;
  advice: VarianceAdvice | null;
};

/** From the expected seconds to a solo block (lib/mining/profit soloSecondsToBlock); nulls when unknown. */
export function variance(soloSecondsToBlock: number | null | undefined): Variance {
  if (!positive(soloSecondsToBlock)) {
    return { soloDays: null, pDay: null, pWeek: null, pMonth: null, advice: null };
  }
  const within = (days: number) => probabilityOfBlockWithin(days * SECONDS_PER_DAY, soloSecondsToBlock);
  const pDay = within(PERIOD_DAYS.day);
  const pWeek = within(PERIOD_DAYS.week);
  const pMonth = within(PERIOD_DAYS.month);
  let advice: VarianceAdvice | null = null;
  if (pWeek !== null && pMonth !== null) {
    advice = pWeek >= SOLO_OK_P_WEEK ? 'solo-ok' : pMonth < POOL_ONLY_P_MONTH ? 'pool-only' : 'pool-advised';
  }
  return { soloDays: soloSecondsToBlock / SECONDS_PER_DAY, pDay, pWeek, pMonth, advice };
}

// ---------------------------------------------------------------------------------------------
// Rental attack: what renting the whole network's hashrate for an hour would cost on NiceHash.

export const RENTAL_ATTACK_FORMULA =
  'network hashrate × NiceHash price (BTC per H/s per day) × BTC/USD ÷ 24 (one hour at 100 % of the network)';

/** A row's risk warnings, as codes (lib/format/flags.ts words them). */
export const RISK_CODES = ['no-market', 'thin-market', 'illiquid', 'big-share', 'rentable-majority'] as const;
export type RiskCode = (typeof RISK_CODES)[number];

/** Rentable hashrate of half the network or more is enough to out-mine it (a 51 % attack). */
export const RENTABLE_MAJORITY = 0.5;

export type RentalAttackStatus = 'ok' | 'no-rental-market' | 'no-network-data' | 'no-price';

export type RentalAttackCost = {
  usdPerHour: number | null;
  /** NiceHash's current marketplace speed ÷ network hashrate: above 1 means the whole network can be rented. */
  rentableShare: number | null;
  status: RentalAttackStatus;
};

export type RentalAttackInput = {
  networkHashrate: number | null | undefined;
  /** From lib/sources/nicehash; null or undefined when NiceHash does not offer the algorithm. */
  payingBtcPerHashPerDay: number | null | undefined;
  btcUsd: number | null | undefined;
  /** NiceHash marketplace speed in H/s; null when unknown, 0 when nothing is for rent. */
  rentableHashrate: number | null | undefined;
};

/**
 * Never $0 for a missing market: an algorithm NiceHash does not offer, a price of 0 or no
 * capacity at all is 'no-rental-market' (crypto51 PR #20); a missing BTC price is 'no-price'.
 */
export function rentalAttackCost({
  networkHashrate,
  payingBtcPerHashPerDay,
  btcUsd,
  rentableHashrate,
}: RentalAttackInput): RentalAttackCost {
  const network = positive(networkHashrate) ? networkHashrate : null;
  const capacity = nonNegative(rentableHashrate) ? rentableHashrate : null;
  const rentableShare = network !== null && capacity !== null ? finiteOrNull(capacity / network) : null;

  if (!positive(payingBtcPerHashPerDay) || capacity === 0) {
    return { usdPerHour: null, rentableShare, status: 'no-rental-market' };
  }
  if (network === null) return { usdPerHour: null, rentableShare, status: 'no-network-data' };
  if (!positive(btcUsd)) return { usdPerHour: null, rentableShare, status: 'no-price' };
  const usdPerHour = finiteOrNull((network * payingBtcPerHashPerDay * btcUsd) / 24);
  // Overflow of the product: a cost too large to represent is no figure, and never $0.
  if (usdPerHour === null || usdPerHour <= 0) return { usdPerHour: null, rentableShare, status: 'no-price' };
  return { usdPerHour, rentableShare, status: 'ok' };
}

// ---------------------------------------------------------------------------------------------
// Inflation: new coins a year against the coins already out.

export const INFLATION_FORMULA =
  'coins issued per year ÷ circulating supply; coins a year = daily emission × 365.25, or R × 365.25 × 86400 ÷ T';
export const DAYS_PER_YEAR = 365.25;

export type InflationInput = {
  emissionPerDay: number | null | undefined;
  blockReward: number | null | undefined;
  blockTimeSeconds: number | null | undefined;
  circulatingSupply: number | null | undefined;
};

export type Inflation = {
  /** Coins per year at today's issuance (reward changes ahead are not in it). */
  yearlyEmission: number | null;
  /** yearlyEmission ÷ circulating supply, as a fraction (0.05 = 5 % a year). */
  inflationRate: number | null;
  basis: 'emission' | 'block-reward' | null;
};

/** Daily emission when the source gives it, else block reward ÷ block time. */
export function inflation({ emissionPerDay, blockReward, blockTimeSeconds, circulatingSupply }: InflationInput): Inflation {
  let yearlyEmission: number | null = null;
  let basis: Inflation['basis'] = null;
  if (nonNegative(emissionPerDay)) {
    yearlyEmission = finiteOrNull(emissionPerDay * DAYS_PER_YEAR);
    basis = 'emission';
  } else if (nonNegative(blockReward) && positive(blockTimeSeconds)) {
    yearlyEmission = finiteOrNull((blockReward * DAYS_PER_YEAR * SECONDS_PER_DAY) / blockTimeSeconds);
    basis = 'block-reward';
  }
  if (yearlyEmission === null) basis = null;
  const inflationRate =
    yearlyEmission !== null && positive(circulatingSupply) ? finiteOrNull(yearlyEmission / circulatingSupply) : null;
  return { yearlyEmission, inflationRate, basis };
}
