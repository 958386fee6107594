// The payouts report: one miner's pool account (normalized by lib/sources/pool-accounts), the
// coin's recorded history and constants → the per-day reconciliation, the period ratio with its
// luck band, and the payments valued at receipt. Pure: the server passes everything in.
import { DAY_MS } from '@/lib/mining/time';
import { creditsByDay, dailyFigures, hashrateByDay, periodDates, rewardFromEmission, utcDate, type FigurePoint } from './days';
import { valuePayments, type PricePoint, type ValuedPayment } from './ledger';
import { reconcilePeriod, type DayInput, type DayResult, type LuckVerdict, type NetworkFigures } from './reconcile';

/** What the report needs from the pool account (a structural subset of MinerAccount). */
export type AccountFigures = {
  pendingCoins: number | null;
  totalPaidCoins: number | null;
  hashrate: number | null;
  hashrateSamples: ReadonlyArray<{ time: number; hashrate: number }>;
  credits: ReadonlyArray<{ time: number; amount: number }> | null;
  /** Days up to this time's day are not covered by the credit list (null: all are). */
  creditsFrom: number | null;
  payments: ReadonlyArray<{ time: number; amount: number; txId: string | null; txUrl: string | null }>;
  poolNetwork: ReadonlyArray<{ time: number; networkHashrate: number | null; networkDifficulty: number | null; poolHashrate: number | null }>;
  feePercent: number | null;
};

/** The coin's figures that do not change day to day, from the snapshot. */
export type CoinConstants = {
  tag: string;
  blockTimeSeconds: number | null;
  workFactor: number | null;
  /** Today's reward per block as the snapshot counts it (see rewardBasis). */
  blockReward: number | null;
  /** Coins per day network-wide, where the snapshot has it instead of a reward. */
  emissionPerDay: number | null;
  rewardBasis: 'whole' | 'miner';
  /** The miner's share of a whole block (0..1) when verified; null otherwise. */
  minerShare: number | null;
};

export type HistoryFigurePoint = FigurePoint & { priceUsd: number | null };

export type FeeBasis = 'pool' | 'param' | 'none';
/** 'miner': the reward counted is the miner's part; 'whole-unverified': no verified split, the whole block. */
export type RewardShareBasis = 'miner' | 'whole-unverified';

export type PayoutReport = {
  coin: string;
  days: Array<DayResult>;
  realisedOverEstimated: number | null;
  luckBand: { low: number; high: number } | null;
  luckBasis: 'pool' | 'miner' | null;
  expectedBlocks: number | null;
  verdict: LuckVerdict | null;
  /** Σ credited and Σ estimated over the days that have both: the ratio's two sides. */
  creditedCoins: number;
  estimatedCoins: number;
  /** Σ credited over every day with credit data, estimated or not. */
  creditedCoinsAllDays: number;
  /** 'pool-credits': per-day credits from the pool; 'none': the software publishes only totals. */
  creditSource: 'pool-credits' | 'none';
  feePercent: number;
  feeBasis: FeeBasis;
  rewardShare: RewardShareBasis;
  pendingCoins: number | null;
  totalPaidCoins: number | null;
  hashrate: number | null;
  payments: ValuedPayment[];
};

/** The factor that turns a recorded reward into the miner's part: 1 when already the miner's part. */
export function minerFactor(coin: CoinConstants): { factor: number; basis: RewardShareBasis } {
  if (coin.rewardBasis === 'miner') return { factor: 1, basis: 'miner' };
  if (typeof coin.minerShare === 'number' && coin.minerShare > 0 && coin.minerShare <= 1) return { factor: coin.minerShare, basis: 'miner' };
  return { factor: 1, basis: 'whole-unverified' };
}

export function buildPayoutReport(input: {
  account: AccountFigures;
  coin: CoinConstants;
  history: readonly HistoryFigurePoint[];
  /** Extra recorded prices (EUR per USD where known), merged with the history's USD prices. */
  prices?: readonly PricePoint[];
  now: number;
  days: number;
  feePercentParam: number | null;
}): PayoutReport {
  const { account, coin, now } = input;
  const dates = periodDates(now, input.days);
  const share = minerFactor(coin);
  const scale = (f: NetworkFigures): NetworkFigures => ({ ...f, blockReward: f.blockReward === null ? null : f.blockReward * share.factor });

  const history = dailyFigures(input.history, { blockTimeSeconds: coin.blockTimeSeconds, workFactor: coin.workFactor });
  const hashrates = hashrateByDay(account.hashrateSamples);
  const credits = account.credits ? creditsByDay(account.credits) : null;
  const poolDays = new Map(account.poolNetwork.map((p) => [utcDate(p.time), p]));

  const coinReward = coin.blockReward ?? rewardFromEmission(coin.emissionPerDay, coin.blockTimeSeconds);
  const dayInputs: DayInput[] = dates.map((date) => {
    const recorded = history.get(date) ?? null;
    const pool = poolDays.get(date) ?? null;
    return {
      date,
      hashrate: hashrates.get(date) ?? null,
      // A day the credit list covers and that has none was credited 0; an uncovered day is unknown.
      creditedCoins: credits && (account.creditsFrom === null || date > utcDate(account.creditsFrom)) ? (credits.get(date) ?? 0) : null,
      history: recorded ? scale(recorded) : null,
      // The pool's record gives N per day; the block time and reward are the coin's (stated as such).
      pool: pool
        ? scale({ difficulty: null, networkHashrate: pool.networkHashrate, blockReward: coinReward, blockTimeSeconds: coin.blockTimeSeconds, workFactor: null })
        : null,
      poolHashrate: pool?.poolHashrate ?? null,
    };
  });

  const feeBasis: FeeBasis = account.feePercent !== null ? 'pool' : input.feePercentParam !== null ? 'param' : 'none';
  const feePercent = account.feePercent ?? input.feePercentParam ?? 0;
  const period = reconcilePeriod(dayInputs, feePercent);

  const from = Date.parse(`${dates[0] ?? utcDate(now)}T00:00:00Z`);
  const prices: PricePoint[] = [...input.history.map((p) => ({ at: p.at, priceUsd: p.priceUsd })), ...(input.prices ?? [])];
  const payments = valuePayments(
    account.payments.filter((p) => p.time >= from && p.time < from + input.days * DAY_MS),
    prices,
  );

  return {
    coin: coin.tag,
    days: period.days,
    realisedOverEstimated: period.realisedOverEstimated,
    luckBand: period.luckBand,
    luckBasis: period.luckBasis,
    expectedBlocks: period.expectedBlocks,
    verdict: period.verdict,
    creditedCoins: period.creditedCoins,
    estimatedCoins: period.estimatedCoins,
    creditedCoinsAllDays: period.days.reduce((sum, d) => sum + (d.creditedCoins ?? 0), 0),
    creditSource: credits ? 'pool-credits' : 'none',
    feePercent,
    feeBasis,
    rewardShare: share.basis,
    pendingCoins: account.pendingCoins,
    totalPaidCoins: account.totalPaidCoins,
    hashrate: account.hashrate,
    payments,
  };
}
