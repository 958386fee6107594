// The payouts view's one server entry: read the miner's pool account (guarded, paced, cached a
// minute; the last good read on failure), the coin's recorded history for the period, and build
// the report. Nothing about the address or the pool is stored: the account cache lives in memory.
import 'server-only';
import { DAY_MS } from '@/lib/mining/time';
import { parsePayoutParams, type PayoutParamError, type PayoutState } from '@/lib/payouts/params';
import { buildPayoutReport, type PayoutReport } from '@/lib/payouts/report';
import { readMinerAccount, type AccountFailure } from '@/lib/sources/pool-accounts/index';
import { chainCheckOptions, getHistory, getSnapshot } from './queries';

export type PayoutOutcome =
  | { status: 'ok'; state: PayoutState; report: PayoutReport; fetchedAt: number; stale: boolean; historyAvailable: boolean }
  | { status: 'failed'; state: PayoutState; code: AccountFailure };

/** Parses the params against the coins in the snapshot. */
export async function parsePayoutRequest(params: URLSearchParams): Promise<{ state: PayoutState | null; errors: PayoutParamError[] }> {
  const snapshot = await getSnapshot();
  return parsePayoutParams(params, (tag) => snapshot.coins.find((c) => c.tag.toUpperCase() === tag)?.algorithm);
}

export async function getPayouts(state: PayoutState, now: number = Date.now()): Promise<PayoutOutcome> {
  const snapshot = await getSnapshot();
  const coin = snapshot.coins.find((c) => c.tag.toUpperCase() === state.coin);
  if (!coin) return { status: 'failed', state, code: 'upstream' };
  const { timeoutMs, allowPrivate } = chainCheckOptions();
  const read = await readMinerAccount({ kind: state.software, url: state.pool, poolId: state.poolId, address: state.address }, { timeoutMs, allowPrivate });
  if (!read.ok) return { status: 'failed', state, code: read.code };

  const to = Math.floor(now / DAY_MS) * DAY_MS;
  const history = await getHistory(coin, { from: to - state.days * DAY_MS, to });
  const report = buildPayoutReport({
    account: read.account,
    coin: {
      tag: coin.tag,
      blockTimeSeconds: coin.blockTimeSeconds,
      workFactor: coin.workFactor,
      blockReward: coin.blockReward,
      emissionPerDay: coin.emissionPerDay,
      rewardBasis: coin.rewardBasis,
      minerShare: coin.minerShare,
    },
    history: history.points,
    now,
    days: state.days,
    feePercentParam: state.feePercent,
  });
  return { status: 'ok', state, report, fetchedAt: read.fetchedAt, stale: read.stale, historyAvailable: history.available };
}
