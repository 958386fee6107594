// NOMP / s-nomp per-miner answer, field names and units from s-nomp's libs/api.js (worker_stats)
// and libs/stats.js (getBalanceByAddress):
//   GET /api/worker_stats?<address> → { miner, totalHash (H/s, summed over workers), balance,
//     immature, paid (whole coins), workers{ "<address>.<worker>": { hashrate, balance, paid, … } },
//     history{ "<address>.<worker>": [{ time (unix s), hashrate }] } }
// The history spans the portal's retention (hours, not days) and there is no per-day credit or
// payment list: only totals. An address the pool has never seen answers zeros and no workers.
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { getAccountJson } from './fetch';
import { NoSuchMinerError, type AccountFetchOptions, type MinerAccount } from './types';

const SOURCE = 'nomp-account';

export const nompWorkerStatsSchema = z
  .object({
    miner: z.string().nullable().optional(),
    totalHash: upstreamNumber.optional(),
    balance: upstreamNumber.optional(),
    immature: upstreamNumber.optional(),
    paid: upstreamNumber.optional(),
    workers: z.record(z.string(), z.object({ hashrate: upstreamNumber.optional() }).loose()).optional(),
    history: z.record(z.string(), z.array(z.object({ time: upstreamNumber, hashrate: upstreamNumber }).loose())).optional(),
  })
  .loose();

const nonNeg = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

export function normalizeNomp(raw: unknown): MinerAccount {
  if (raw === null || (typeof raw === 'object' && raw !== null && 'result' in raw)) throw new NoSuchMinerError('nomp: no such miner');
  const stats = parseOrThrow(nompWorkerStatsSchema, raw, SOURCE);
  const workers = Object.entries(stats.workers ?? {}).map(([name, w]) => ({ name, hashrate: nonNeg(w.hashrate) ?? 0 }));
  const paid = nonNeg(stats.paid);
  const pending = (nonNeg(stats.balance) ?? 0) + (nonNeg(stats.immature) ?? 0);
  if (workers.length === 0 && !paid && pending === 0) throw new NoSuchMinerError('nomp: no such miner');
  // Sum the workers' samples taken at the same moment.
  const byTime = new Map<number, number>();
  for (const samples of Object.values(stats.history ?? {})) {
    for (const s of samples) {
      const hashrate = nonNeg(s.hashrate);
      if (s.time === null || hashrate === null) continue;
      byTime.set(s.time * 1000, (byTime.get(s.time * 1000) ?? 0) + hashrate);
    }
  }
  return {
    kind: 'nomp',
    pendingCoins: pending,
    totalPaidCoins: paid,
    hashrate: nonNeg(stats.totalHash),
    workers,
    hashrateSamples: [...byTime].sort((a, b) => a[0] - b[0]).map(([time, hashrate]) => ({ time, hashrate })),
    credits: null,
    creditsFrom: null,
    payments: [],
    poolNetwork: [],
    feePercent: null,
    symbol: null,
  };
}

export async function fetchNompAccount(base: string, address: string, opts: AccountFetchOptions): Promise<MinerAccount> {
  // s-nomp reads the address as the raw query string, not as a named parameter.
  return normalizeNomp(await getAccountJson(`${base}/api/worker_stats?${encodeURIComponent(address)}`, opts, SOURCE));
}
