// MiningCore (oliverw/miningcore) per-miner endpoints, field names and units from its source
// (src/Miningcore/Api/Controllers/PoolApiController.cs and Api/Responses/*.cs; camelCase JSON,
// dictionary keys such as worker names kept as they are):
//   GET /api/pools/{id}                                   → { pool: { poolFeePercent, coin{symbol} } }
//   GET /api/pools/{id}/miners/{address}?perfMode=Month   → MinerStats: pendingBalance, totalPaid,
//       todayPaid (whole coins), performance{created, workers{name:{hashrate H/s}}}, performanceSamples
//       (one per day with perfMode=Month); an unknown miner is a null result (HTTP 204, empty body)
//   GET /api/pools/{id}/miners/{address}/payments?pageSize=N     → Payment[]: amount (coins),
//       transactionConfirmationData (tx id), transactionInfoLink, created (ISO)
//   GET /api/pools/{id}/miners/{address}/balancechanges?pageSize=N → BalanceChange[]: amount
//       (coins; "Reward for … shares for block …" credits are positive, "Balance reset after
//       payment" negative), usage, created
//   GET /api/pools/{id}/performance?r=Month&i=Day          → { stats: [{ poolHashrate,
//       networkHashrate (H/s), networkDifficulty, created }] } one per day
// An unknown pool id is HTTP 404 ("Unknown pool"). Requests go one after another, paced per host.
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { getAccountJson, msOrNull, safeLink } from './fetch';
import { NoSuchMinerError, type AccountFetchOptions, type MinerAccount, type PoolNetworkDay } from './types';

const SOURCE = 'miningcore-account';
/** Payments and balance changes asked for (one page each). A pool credits every block it finds, so a
 * busy pool's page covers less than the period: days before its oldest entry are then "no credit data". */
export const PAGE_SIZE = 1000;

const workersSchema = z.record(z.string(), z.object({ hashrate: upstreamNumber }).loose()).nullable().optional();
const performanceSchema = z.object({ created: z.string(), workers: workersSchema }).loose();

export const minerStatsSchema = z
  .object({
    pendingBalance: upstreamNumber,
    totalPaid: upstreamNumber,
    todayPaid: upstreamNumber.optional(),
    performance: performanceSchema.nullable().optional(),
    performanceSamples: z.array(performanceSchema).nullable().optional(),
  })
  .loose();

export const paymentsSchema = z.array(
  z
    .object({
      amount: upstreamNumber,
      transactionConfirmationData: z.string().nullable().optional(),
      transactionInfoLink: z.string().nullable().optional(),
      created: z.string(),
    })
    .loose(),
);

export const balanceChangesSchema = z.array(
  z.object({ amount: upstreamNumber, usage: z.string().nullable().optional(), created: z.string() }).loose(),
);

export const poolPerformanceSchema = z.object({
  stats: z.array(
    z
      .object({
        poolHashrate: upstreamNumber.optional(),
        networkHashrate: upstreamNumber.optional(),
        networkDifficulty: upstreamNumber.optional(),
        created: z.string(),
      })
      .loose(),
  ),
});

export const poolInfoSchema = z.object({
  pool: z.object({ poolFeePercent: upstreamNumber.optional(), coin: z.object({ symbol: z.string().optional() }).loose().optional() }).loose(),
});

const positiveOrNull = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

function sumWorkers(workers: z.infer<typeof workersSchema>): number {
  return Object.values(workers ?? {}).reduce((sum, w) => sum + (positiveOrNull(w.hashrate) ?? 0), 0);
}

export type MiningCoreRaw = { pool: unknown; miner: unknown; payments: unknown; balanceChanges: unknown; performance: unknown };

/** The five answers → one MinerAccount; NoSuchMinerError when the miner answer is empty. */
export function normalizeMiningCore(raw: MiningCoreRaw): MinerAccount {
  if (raw.miner === null || raw.miner === undefined) throw new NoSuchMinerError('miningcore: no such miner');
  const miner = parseOrThrow(minerStatsSchema, raw.miner, `${SOURCE} miner`);
  const info = parseOrThrow(poolInfoSchema, raw.pool, `${SOURCE} pool`);
  const payments = parseOrThrow(paymentsSchema, raw.payments ?? [], `${SOURCE} payments`);
  const changes = parseOrThrow(balanceChangesSchema, raw.balanceChanges ?? [], `${SOURCE} balancechanges`);
  const perf = parseOrThrow(poolPerformanceSchema, raw.performance ?? { stats: [] }, `${SOURCE} performance`);

  const current = miner.performance ?? null;
  const credits = changes.flatMap((c) => {
    const time = msOrNull(c.created);
    return time === null || c.amount === null ? [] : [{ time, amount: c.amount }];
  });
  const poolNetwork: PoolNetworkDay[] = perf.stats.flatMap((s) => {
    const time = msOrNull(s.created);
    return time === null
      ? []
      : [{ time, networkHashrate: positiveOrNull(s.networkHashrate), networkDifficulty: positiveOrNull(s.networkDifficulty), poolHashrate: positiveOrNull(s.poolHashrate) }];
  });
  return {
    kind: 'miningcore',
    pendingCoins: positiveOrNull(miner.pendingBalance),
    totalPaidCoins: positiveOrNull(miner.totalPaid),
    hashrate: current ? sumWorkers(current.workers) : null,
    workers: Object.entries(current?.workers ?? {}).map(([name, w]) => ({ name, hashrate: positiveOrNull(w.hashrate) ?? 0 })),
    hashrateSamples: (miner.performanceSamples ?? []).flatMap((s) => {
      const time = msOrNull(s.created);
      return time === null ? [] : [{ time, hashrate: sumWorkers(s.workers) }];
    }),
    credits,
    creditsFrom: changes.length >= PAGE_SIZE && credits.length > 0 ? Math.min(...credits.map((c) => c.time)) : null,
    payments: payments.flatMap((p) => {
      const time = msOrNull(p.created);
      const amount = positiveOrNull(p.amount);
      return time === null || amount === null
        ? []
        : [{ time, amount, txId: p.transactionConfirmationData ?? null, txUrl: safeLink(p.transactionInfoLink) }];
    }),
    poolNetwork,
    feePercent: positiveOrNull(info.pool.poolFeePercent),
    symbol: info.pool.coin?.symbol ?? null,
  };
}

/** Reads the miner's account: five requests, one after another. */
export async function fetchMiningCoreAccount(
  base: string,
  poolId: string,
  address: string,
  opts: AccountFetchOptions,
): Promise<MinerAccount> {
  const pool = `${base}/api/pools/${encodeURIComponent(poolId)}`;
  const minerUrl = `${pool}/miners/${encodeURIComponent(address)}`;
  const info = await getAccountJson(pool, opts, SOURCE);
  const miner = await getAccountJson(`${minerUrl}?perfMode=Month`, opts, SOURCE);
  if (miner === null) throw new NoSuchMinerError('miningcore: no such miner');
  const payments = await getAccountJson(`${minerUrl}/payments?page=0&pageSize=${PAGE_SIZE}`, opts, SOURCE);
  const balanceChanges = await getAccountJson(`${minerUrl}/balancechanges?page=0&pageSize=${PAGE_SIZE}`, opts, SOURCE);
  const performance = await getAccountJson(`${pool}/performance?r=Month&i=Day`, opts, SOURCE);
  return normalizeMiningCore({ pool: info, miner, payments, balanceChanges, performance });
}
