// Did it pay? Pure reconciliation of what a pool credited against what the estimate promised for
// the hashrate the pool itself measured, day by day, and over the period with a block-luck band.
// Numbers in, numbers out: no I/O, clock or env. Hashrates in H/s (Sol/s, G/s: the coin's base
// unit), times in seconds, coins in whole coins, fees in percent.
//
// Per day (MINING.md "core formulas"):
//   estimatedCoins = H / N × (86400 / T) × R × (1 − fee/100)           when N and T are known
//                  = H × 86400 × R / (D × k) × (1 − fee/100)            else, from difficulty
//   ratio          = creditedCoins / estimatedCoins
// H is the pool-measured hashrate (already part of N, so H / N, not H / (N + H)).
// Over the period: realised ÷ estimated = Σ credited / Σ estimated over the days with both.
// Luck band: a pool's blocks in the period are Poisson with mean λ = Σ pool blocks expected per
// day (pool hashrate / N × 86400 / T); a PPLNS/PROP miner's credit scales with them, so luck alone
// keeps realised ÷ estimated within [q₀.₀₂₅(λ) / λ, q₀.₉₇₅(λ) / λ] 95 % of the time, where qₚ is
// the Poisson quantile. Without the pool's hashrate, λ is the miner's own solo-equivalent block
// count (the widest band: it never flags a shortfall that a bigger pool's luck could explain).
import { SECONDS_PER_DAY } from '@/lib/mining/time';

/** A day's network figures from one source; null where that source does not give them. */
export type NetworkFigures = {
  difficulty: number | null;
  networkHashrate: number | null;
  blockReward: number | null;
  blockTimeSeconds: number | null;
  /** Difficulty-to-work factor k of the source's difficulty convention. */
  workFactor: number | null;
};

export type DayInput = {
  /** UTC day, YYYY-MM-DD. */
  date: string;
  /** The hashrate the pool measured for the miner, mean over the day (H/s); null if none. */
  hashrate: number | null;
  /** Coins the pool credited to the miner that day; null when the pool does not say. */
  creditedCoins: number | null;
  /** minerank's recorded history for that day (the day's means). */
  history: NetworkFigures | null;
  /** The pool's own performance record for that day (stated as such when used). */
  pool: NetworkFigures | null;
  /** The pool's whole hashrate that day (H/s), for the luck band; null when unknown. */
  poolHashrate: number | null;
};

/** Which record gave the day's network figures. */
export type FiguresBasis = 'history' | 'pool';

/** Why a day has no ratio: codes, worded by the page. */
export type DayStatus = 'ok' | 'no-network-figures' | 'no-hashrate' | 'no-credit';

export type DayResult = {
  date: string;
  hashrate: number | null;
  estimatedCoins: number | null;
  creditedCoins: number | null;
  ratio: number | null;
  basis: FiguresBasis | null;
  status: DayStatus;
  /** Blocks the whole pool should find that day (pool hashrate basis); null when unknown. */
  expectedPoolBlocks: number | null;
  /** Blocks the miner alone would find that day (solo-equivalent). */
  expectedMinerBlocks: number | null;
};

export type LuckVerdict = 'within' | 'below' | 'above';

export type PeriodResult = {
  days: DayResult[];
  /** Σ credited ÷ Σ estimated over days with both; null when none. */
  realisedOverEstimated: number | null;
  creditedCoins: number;
  estimatedCoins: number;
  /** λ, the expected blocks behind the band; null when unknown. */
  expectedBlocks: number | null;
  /** 'pool': λ from the pool's hashrate; 'miner': the miner's solo-equivalent (wider band). */
  luckBasis: 'pool' | 'miner' | null;
  /** 95 % range of realised ÷ estimated from block luck alone; null without λ. */
  luckBand: { low: number; high: number } | null;
  verdict: LuckVerdict | null;
};

const positive = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);

/** Blocks per day a hashrate H finds on a network with these figures: H/N × 86400/T, or H × 86400/(D × k). */
export function blocksPerDay(hashrate: number, figures: NetworkFigures): number | null {
  if (!(hashrate >= 0) || !Number.isFinite(hashrate)) return null;
  const { networkHashrate: n, blockTimeSeconds: t, difficulty: d, workFactor: k } = figures;
  if (positive(n) && positive(t)) return (hashrate / n) * (SECONDS_PER_DAY / t);
  if (positive(d) && positive(k)) return (hashrate * SECONDS_PER_DAY) / (d * k);
  return null;
}

/** Coins per day for H after the pool's fee: blocks per day × R × (1 − fee/100). */
export function estimatedCoinsPerDay(hashrate: number, figures: NetworkFigures, feePercent: number): number | null {
  const blocks = blocksPerDay(hashrate, figures);
  const reward = figures.blockReward;
  if (blocks === null || !finite(reward) || reward < 0 || !(feePercent >= 0 && feePercent <= 100)) return null;
  return blocks * reward * (1 - feePercent / 100);
}

/** A record is usable when it gives a reward and either (N, T) or (D, k). */
function usable(figures: NetworkFigures | null): figures is NetworkFigures {
  if (!figures || !finite(figures.blockReward) || figures.blockReward < 0) return false;
  return (
    (positive(figures.networkHashrate) && positive(figures.blockTimeSeconds)) ||
    (positive(figures.difficulty) && positive(figures.workFactor))
  );
}

/** One day: our history first, else the pool's record; neither → marked, not filled. */
export function reconcileDay(day: DayInput, feePercent: number): DayResult {
  const credited = finite(day.creditedCoins) && day.creditedCoins >= 0 ? day.creditedCoins : null;
  const hashrate = finite(day.hashrate) && day.hashrate >= 0 ? day.hashrate : null;
  const basis: FiguresBasis | null = usable(day.history) ? 'history' : usable(day.pool) ? 'pool' : null;
  const figures = basis === 'history' ? day.history : basis === 'pool' ? day.pool : null;
  const base = { date: day.date, hashrate, creditedCoins: credited, basis };
  if (!figures) {
    return { ...base, estimatedCoins: null, ratio: null, status: 'no-network-figures', expectedPoolBlocks: null, expectedMinerBlocks: null };
  }
  const poolBlocks = positive(day.poolHashrate) ? blocksPerDay(day.poolHashrate, figures) : null;
  if (hashrate === null) {
    return { ...base, estimatedCoins: null, ratio: null, status: 'no-hashrate', expectedPoolBlocks: poolBlocks, expectedMinerBlocks: null };
  }
  const estimated = estimatedCoinsPerDay(hashrate, figures, feePercent);
  const ratio = credited !== null && positive(estimated) ? credited / estimated : null;
  return {
    ...base,
    estimatedCoins: estimated,
    ratio,
    status: credited === null ? 'no-credit' : 'ok',
    expectedPoolBlocks: poolBlocks,
    expectedMinerBlocks: blocksPerDay(hashrate, figures),
  };
}

/** Two-sided 95 %: the 2.5 % and 97.5 % points. */
export const LUCK_BAND_PROBABILITY = 0.95;
/** Up to this λ the quantile is summed exactly; above it, the normal approximation with a skew term. */
const EXACT_POISSON_MAX_LAMBDA = 500;
const Z_975 = 1.959963984540054;

/**
 * The Poisson quantile: the smallest k with P(X ≤ k) ≥ p for X ~ Poisson(λ). Exact summation of
 * the pmf for λ ≤ 500; above, the Cornish–Fisher form λ + z√λ + (z² − 1)/6 rounded, which is
 * within one block of the exact value there.
 */
export function poissonQuantile(p: number, lambda: number): number {
  if (!(p > 0 && p < 1) || !(lambda > 0) || !Number.isFinite(lambda)) return Number.NaN;
  if (lambda > EXACT_POISSON_MAX_LAMBDA) {
    const z = p === 0.975 ? Z_975 : p === 0.025 ? -Z_975 : normalQuantile(p);
    return Math.max(0, Math.round(lambda + z * Math.sqrt(lambda) + (z * z - 1) / 6));
  }
  let pmf = Math.exp(-lambda);
  let cdf = pmf;
  let k = 0;
  while (cdf < p && k < 10_000) {
    k += 1;
    pmf *= lambda / k;
    cdf += pmf;
  }
  return k;
}

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  const poly = (cs: number[], x: number) => cs.reduce((acc, coef) => acc * x + coef, 0);
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(c, q) / (poly(d, q) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** The 95 % range of realised ÷ estimated that luck alone gives with λ expected blocks. */
export function luckBand(expectedBlocks: number): { low: number; high: number } | null {
  if (!positive(expectedBlocks)) return null;
  const tail = (1 - LUCK_BAND_PROBABILITY) / 2;
  return {
    low: poissonQuantile(tail, expectedBlocks) / expectedBlocks,
    high: poissonQuantile(1 - tail, expectedBlocks) / expectedBlocks,
  };
}

/** The period: each day reconciled, the totals, the ratio and where luck alone would put it. */
export function reconcilePeriod(days: readonly DayInput[], feePercent: number): PeriodResult {
  const results = days.map((day) => reconcileDay(day, feePercent));
  const counted = results.filter((d) => d.status === 'ok' && d.estimatedCoins !== null && d.creditedCoins !== null);
  const estimatedCoins = counted.reduce((sum, d) => sum + (d.estimatedCoins ?? 0), 0);
  const creditedCoins = counted.reduce((sum, d) => sum + (d.creditedCoins ?? 0), 0);
  const realisedOverEstimated = estimatedCoins > 0 ? creditedCoins / estimatedCoins : null;

  // λ from the pool's hashrate when every counted day has it; else the miner's own blocks.
  const poolKnown = counted.length > 0 && counted.every((d) => d.expectedPoolBlocks !== null);
  const lambda = poolKnown
    ? counted.reduce((sum, d) => sum + (d.expectedPoolBlocks ?? 0), 0)
    : counted.reduce((sum, d) => sum + (d.expectedMinerBlocks ?? 0), 0);
  const band = counted.length > 0 ? luckBand(lambda) : null;
  const verdict: LuckVerdict | null =
    band === null || realisedOverEstimated === null
      ? null
      : realisedOverEstimated < band.low
        ? 'below'
        : realisedOverEstimated > band.high
          ? 'above'
          : 'within';
  return {
    days: results,
    realisedOverEstimated,
    creditedCoins,
    estimatedCoins,
    expectedBlocks: band ? lambda : null,
    luckBasis: band ? (poolKnown ? 'pool' : 'miner') : null,
    luckBand: band,
    verdict,
  };
}
