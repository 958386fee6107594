// The payouts report as the API returns it: the fields the issue names (coin, pool, address, days,
// realisedOverEstimated, luckBand, payments) plus the figures behind them, codes not sentences.
import type { PayoutState } from './params';
import type { PayoutReport } from './report';

export function payoutJson(state: PayoutState, report: PayoutReport, read: { fetchedAt: number; stale: boolean; historyAvailable: boolean }) {
  return {
    coin: report.coin,
    pool: state.pool,
    software: state.software,
    poolId: state.poolId,
    address: state.address,
    /** When the pool was read, and whether that read is an older one kept because the pool failed now. */
    fetchedAt: new Date(read.fetchedAt).toISOString(),
    stale: read.stale,
    historyAvailable: read.historyAvailable,
    days: report.days.map((d) => ({
      date: d.date,
      /** H/s as the pool measured it. */
      hashrate: d.hashrate,
      estimatedCoins: d.estimatedCoins,
      creditedCoins: d.creditedCoins,
      ratio: d.ratio,
      /** 'history' (minerank's record) or 'pool' (the pool's own performance record); null: neither. */
      figures: d.basis,
      status: d.status,
    })),
    estimatedCoins: report.estimatedCoins,
    creditedCoins: report.creditedCoins,
    creditedCoinsAllDays: report.creditedCoinsAllDays,
    realisedOverEstimated: report.realisedOverEstimated,
    luckBand: report.luckBand,
    luckBasis: report.luckBasis,
    expectedBlocks: report.expectedBlocks,
    verdict: report.verdict,
    creditSource: report.creditSource,
    feePercent: report.feePercent,
    feeBasis: report.feeBasis,
    rewardShare: report.rewardShare,
    pendingCoins: report.pendingCoins,
    totalPaidCoins: report.totalPaidCoins,
    payments: report.payments.map((p) => ({
      time: new Date(p.time).toISOString(),
      amount: p.amount,
      txId: p.txId,
      txUrl: p.txUrl,
      valueUsd: p.valueUsd,
      valueEur: p.valueEur,
    })),
  };
}
