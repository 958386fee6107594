// Per-pool figures for one rig: coins and money per day after that pool's fee, days to its
// minimum payout, the odds of a payout within a week, the pool's share of the network, and the
// warnings, each a code with the figures behind it (components word them). Pure: numbers in,
// numbers out; the caller passes the clock. Formulas: README "Pools" and /work/shared/MINING.md.
import { estimate, impliedNetworkHashrate, soloSecondsToBlock, type CoinFigures } from '@/lib/mining/profit';
import { SECONDS_PER_DAY } from '@/lib/mining/time';
import type { PoolStats } from '@/lib/model/pools';

/** One pool above this share of the network is a 51 % risk in the making. */
export const POOL_SHARE_WARN = 0.4;
/** Above half the network the pool alone can rewrite the chain: shown red. */
export const POOL_SHARE_DANGER = 0.5;
/** A pool is overdue when its last block is older than this many of its expected block times. */
export const OVERDUE_FACTOR = 3;
/** A minimum payout further away than this is "not reachable". */
export const PAYOUT_LIMIT_DAYS = 30;
/** Orphan rate above which a pool is flagged, once it has settled enough blocks to say. */
export const ORPHAN_RATE_WARN = 0.05;
export const ORPHAN_MIN_SETTLED = 5;
/** The payout-odds window. */
export const PAYOUT_WINDOW_DAYS = 7;
/** Beyond this many pool blocks to reach the minimum, the odds are not computed. */
const MAX_BLOCKS_NEEDED = 100_000;

export type PoolRig = {
  /** The rig's hashrate on this coin's algorithm, base units; 0 when it has none. */
  hashrate: number;
  powerWatts: number;
  electricityUsdPerKwh: number;
  /** The user's flat fee (`fee=`), used for a pool whose fee is unknown. */
  flatFeePercent: number;
};

export type PoolWarning =
  | { code: 'pool-majority'; level: 'warn' | 'danger'; networkShare: number; threshold: number }
  | { code: 'pool-overdue'; sinceSeconds: number; expectedSeconds: number; factor: number }
  | { code: 'payout-unreachable'; daysToMinimumPayout: number | null; limitDays: number }
  | { code: 'high-orphan-rate'; orphanRate: number; threshold: number; settledBlocks: number };
export type PoolWarningCode = PoolWarning['code'];

export type PoolFigures = {
  /** The fee the estimate used, percent, and where it came from. */
  feePercentUsed: number;
  feeFrom: 'pool' | 'flat';
  /** Pool hashrate ÷ network hashrate. */
  networkShare: number | null;
  /** Expected seconds between the pool's blocks: D × k ÷ pool hashrate (or T × N ÷ pool hashrate). */
  expectedSecondsPerPoolBlock: number | null;
  coinsPerDay: number | null;
  revenueUsdPerDay: number | null;
  daysToMinimumPayout: number | null;
  /** P(at least one payout within PAYOUT_WINDOW_DAYS), 0–1. */
  payoutWithinWeek: number | null;
  warnings: PoolWarning[];
};

const positive = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/** The network the pool's share is measured against: the coin's (chain first), else the pool's own view. */
export function poolNetworkHashrate(coin: CoinFigures, pool: Pick<PoolStats, 'networkHashrate'>): number | null {
  if (positive(coin.networkHashrate)) return coin.networkHashrate;
  const implied = impliedNetworkHashrate(coin.difficulty, coin.workFactor, coin.blockTimeSeconds);
  if (positive(implied)) return implied;
  return positive(pool.networkHashrate) ? pool.networkHashrate : null;
}

/**
 * P(X ≥ n) for X ~ Poisson(λ): 1 − Σ_{i<n} e^−λ λ^i / i!, summed in log space so a large λ
 * (e^−λ underflows past λ ≈ 745) stays exact.
 */
export function poissonAtLeast(n: number, lambda: number): number | null {
  if (!Number.isFinite(n) || !Number.isFinite(lambda) || lambda < 0) return null;
  if (n <= 0) return 1;
  if (lambda === 0) return 0;
  if (n > MAX_BLOCKS_NEEDED) return null;
  const logLambda = Math.log(lambda);
  let logTerm = -lambda;
  let maxLog = logTerm;
  const logs: number[] = [logTerm];
  for (let i = 1; i < n; i += 1) {
    logTerm += logLambda - Math.log(i);
    logs.push(logTerm);
    if (logTerm > maxLog) maxLog = logTerm;
  }
  let scaled = 0;
  for (const value of logs) scaled += Math.exp(value - maxLog);
  const below = Math.exp(maxLog) * scaled;
  return Math.min(1, Math.max(0, 1 - below));
}

/** Schemes that credit every share as it is submitted (no wait for the pool's blocks). */
const PER_SHARE = new Set(['PPS', 'PPS+', 'FPPS', 'PPLNT-PPS']);

/**
 * Odds of a payout within `days`:
 * - per-share schemes (PPS, PPS+, FPPS) pay what was earned: 1 when the minimum is reached in
 *   `days` (days to minimum ≤ days), else 0;
 * - SOLO: the rig must find a block itself: n = ⌈minimum ÷ (R × (1 − fee))⌉ blocks (at least 1)
 *   at one per D × k ÷ H seconds;
 * - every other scheme (PPLNS, PROP, unknown): the pool's blocks pay the rig R × (1 − fee) × H ÷
 *   (P + H) each (the rig joins the pool's hashrate P), n = ⌈minimum ÷ that⌉ blocks (at least 1)
 *   at one per D × k ÷ (P + H) seconds.
 * Then P(payout) = P(Poisson(days × 86400 ÷ seconds per block) ≥ n).
 */
export function payoutOdds(
  days: number,
  scheme: string | null,
  coin: CoinFigures,
  rigHashrate: number,
  poolHashrate: number | null,
  feePercent: number,
  minimumPayout: number | null,
  daysToMinimumPayout: number | null,
): number | null {
  if (!positive(rigHashrate)) return null;
  const keep = 1 - Math.min(Math.max(feePercent, 0), 100) / 100;
  const code = scheme?.toUpperCase() ?? null;
  if (code !== null && PER_SHARE.has(code)) {
    if (minimumPayout === null || minimumPayout <= 0) return 1;
    return daysToMinimumPayout !== null && daysToMinimumPayout <= days ? 1 : 0;
  }
  const reward = coin.blockReward;
  if (!positive(reward) || keep <= 0) return null;
  const solo = code === 'SOLO';
  if (!solo && !positive(poolHashrate)) return null;
  const pooled = solo ? rigHashrate : poolHashrate! + rigHashrate;
  const secondsPerBlock = soloSecondsToBlock(coin, pooled);
  if (secondsPerBlock === null) return null;
  const perBlock = reward * keep * (solo ? 1 : rigHashrate / pooled);
  const needed = minimumPayout !== null && minimumPayout > 0 ? Math.max(1, Math.ceil(minimumPayout / perBlock)) : 1;
  return poissonAtLeast(needed, (days * SECONDS_PER_DAY) / secondsPerBlock);
}

export function poolFigures(pool: PoolStats, coin: CoinFigures, rig: PoolRig, nowMs: number): PoolFigures {
  const feeFrom = pool.feePercent !== null ? 'pool' : 'flat';
  const feePercentUsed = pool.feePercent ?? rig.flatFeePercent;
  const hashrate = positive(rig.hashrate) ? rig.hashrate : 0;
  const result = hashrate > 0
    ? estimate(coin, { hashrate, powerWatts: rig.powerWatts, electricityUsdPerKwh: rig.electricityUsdPerKwh, poolFeePercent: feePercentUsed })
    : null;
  const coinsPerDay = result?.coinsPerDay ?? null;

  const network = poolNetworkHashrate(coin, pool);
  const networkShare = positive(pool.poolHashrate) && network !== null ? pool.poolHashrate / network : null;
  const expectedSecondsPerPoolBlock = positive(pool.poolHashrate) ? soloSecondsToBlock(coin, pool.poolHashrate) : null;
  const daysToMinimumPayout =
    pool.minimumPayout !== null && pool.minimumPayout >= 0 && positive(coinsPerDay) ? pool.minimumPayout / coinsPerDay : null;

  const warnings: PoolWarning[] = [];
  if (networkShare !== null && networkShare > POOL_SHARE_WARN) {
    const danger = networkShare > POOL_SHARE_DANGER;
    warnings.push({
      code: 'pool-majority',
      level: danger ? 'danger' : 'warn',
      networkShare,
      threshold: danger ? POOL_SHARE_DANGER : POOL_SHARE_WARN,
    });
  }
  const lastMs = pool.lastBlockAt !== null ? Date.parse(pool.lastBlockAt) : Number.NaN;
  if (expectedSecondsPerPoolBlock !== null && Number.isFinite(lastMs)) {
    const sinceSeconds = Math.max(0, (nowMs - lastMs) / 1000);
    if (sinceSeconds > OVERDUE_FACTOR * expectedSecondsPerPoolBlock) {
      warnings.push({ code: 'pool-overdue', sinceSeconds, expectedSeconds: expectedSecondsPerPoolBlock, factor: OVERDUE_FACTOR });
    }
  }
  if (hashrate > 0 && pool.minimumPayout !== null && pool.minimumPayout > 0 && coinsPerDay !== null) {
    if (daysToMinimumPayout === null || daysToMinimumPayout > PAYOUT_LIMIT_DAYS) {
      warnings.push({ code: 'payout-unreachable', daysToMinimumPayout, limitDays: PAYOUT_LIMIT_DAYS });
    }
  }
  if (
    pool.orphanRate !== null &&
    pool.orphanRate > ORPHAN_RATE_WARN &&
    pool.settledBlocks !== null &&
    pool.settledBlocks >= ORPHAN_MIN_SETTLED
  ) {
    warnings.push({ code: 'high-orphan-rate', orphanRate: pool.orphanRate, threshold: ORPHAN_RATE_WARN, settledBlocks: pool.settledBlocks });
  }

  return {
    feePercentUsed,
    feeFrom,
    networkShare,
    expectedSecondsPerPoolBlock,
    coinsPerDay,
    revenueUsdPerDay: result?.revenueUsdPerDay ?? null,
    daysToMinimumPayout,
    payoutWithinWeek: payoutOdds(
      PAYOUT_WINDOW_DAYS,
      pool.payoutScheme,
      coin,
      hashrate,
      pool.poolHashrate,
      feePercentUsed,
      pool.minimumPayout,
      daysToMinimumPayout,
    ),
    warnings,
  };
}

/**
 * What the rig can expect to be paid per day at this pool: coins per day after the fee, less the
 * orphaned share of its blocks (an orphaned block pays nobody), except under per-share schemes,
 * where the pool carries that risk.
 */
export function expectedPaidCoinsPerDay(pool: Pick<PoolStats, 'orphanRate' | 'payoutScheme'>, figures: Pick<PoolFigures, 'coinsPerDay'>): number | null {
  if (figures.coinsPerDay === null) return null;
  const perShare = pool.payoutScheme !== null && PER_SHARE.has(pool.payoutScheme.toUpperCase());
  const orphanRate = perShare ? 0 : Math.min(Math.max(pool.orphanRate ?? 0, 0), 1);
  return figures.coinsPerDay * (1 - orphanRate);
}

/** A pool the best-pool choice passes over: its payout is out of reach, or it may have stopped finding blocks. */
const DISQUALIFYING: ReadonlySet<PoolWarningCode> = new Set(['payout-unreachable', 'pool-overdue']);

/**
 * The best pool for this rig: the highest expected paid coins per day (expectedPaidCoinsPerDay)
 * among pools that are neither overdue nor out of reach of their minimum payout; a tie goes to
 * the larger pool (steadier payouts). The index into `rows`, or null when no pool qualifies.
 */
export function bestPoolIndex(
  rows: ReadonlyArray<{ pool: Pick<PoolStats, 'orphanRate' | 'payoutScheme' | 'poolHashrate'>; figures: PoolFigures }>,
): number | null {
  let best: number | null = null;
  let bestPaid = -1;
  rows.forEach((row, index) => {
    const paid = expectedPaidCoinsPerDay(row.pool, row.figures);
    if (paid === null || row.figures.warnings.some((w) => DISQUALIFYING.has(w.code))) return;
    const larger = best !== null && (row.pool.poolHashrate ?? 0) > (rows[best]!.pool.poolHashrate ?? 0);
    if (paid > bestPaid || (paid === bestPaid && larger)) {
      best = index;
      bestPaid = paid;
    }
  });
  return best;
}
