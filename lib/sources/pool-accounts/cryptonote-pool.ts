// cryptonote-nodejs-pool (dvandal/cryptonote-nodejs-pool lib/api.js handleMinerStats, handleStats):
//   GET /stats_address?address=<a> → { stats: { hashes, lastShare, balance, paid (atomic units,
//     strings from Redis), hashrate (H/s) }, payments: ["<txHash>:<amount>:<fee>:<mixin>",
//     "<unix s>", …] (newest first, amounts atomic), workers: [{ name, hashrate }] }
//     or { error: "Not found" } for an address the pool has never seen
//   GET /stats → { config: { coinUnits (atomic units per coin), fee (percent), symbol } }
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { getAccountJson } from './fetch';
import { NoSuchMinerError, type AccountFetchOptions, type AccountPayment, type MinerAccount } from './types';

const SOURCE = 'cryptonote-pool-account';

export const cryptonoteAddressStatsSchema = z
  .object({
    stats: z
      .object({
        balance: upstreamNumber.optional(),
        paid: upstreamNumber.optional(),
        hashrate: upstreamNumber.optional(),
      })
      .loose(),
    payments: z.array(z.union([z.string(), z.number()])).optional(),
    workers: z.array(z.object({ name: z.string(), hashrate: upstreamNumber.optional() }).loose()).optional(),
  })
  .loose();

export const cryptonoteConfigSchema = z
  .object({
    config: z.object({ coinUnits: upstreamNumber, fee: upstreamNumber.optional(), symbol: z.string().optional() }).loose(),
  })
  .loose();

const nonNeg = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

/** The flat [entry, score, entry, score…] list → payments in whole coins. */
export function parseCryptonotePayments(list: ReadonlyArray<string | number>, coinUnits: number): AccountPayment[] {
  const out: AccountPayment[] = [];
  for (let i = 0; i + 1 < list.length; i += 2) {
    const [txId = '', atomic = ''] = String(list[i]).split(':');
    const amount = Number(atomic) / coinUnits;
    const time = Number(list[i + 1]) * 1000;
    if (!/^[0-9a-fA-F]{16,128}$/.test(txId) || !Number.isFinite(amount) || amount <= 0 || !Number.isFinite(time)) continue;
    out.push({ time, amount, txId, txUrl: null });
  }
  return out;
}

export function normalizeCryptonote(raw: unknown, config: unknown): MinerAccount {
  if (raw === null || (typeof raw === 'object' && raw !== null && 'error' in raw)) throw new NoSuchMinerError('cryptonote-pool: no such miner');
  const stats = parseOrThrow(cryptonoteAddressStatsSchema, raw, SOURCE);
  const cfg = parseOrThrow(cryptonoteConfigSchema, config, `${SOURCE} config`).config;
  const units = cfg.coinUnits;
  if (units === null || !(units > 0)) throw new NoSuchMinerError('cryptonote-pool: no coin units');
  const atomic = (x: number | null | undefined) => (nonNeg(x) === null ? null : (x as number) / units);
  return {
    kind: 'cryptonote-pool',
    pendingCoins: atomic(stats.stats.balance),
    totalPaidCoins: atomic(stats.stats.paid),
    hashrate: nonNeg(stats.stats.hashrate),
    workers: (stats.workers ?? []).map((w) => ({ name: w.name, hashrate: nonNeg(w.hashrate) ?? 0 })),
    hashrateSamples: [],
    credits: null,
    creditsFrom: null,
    payments: parseCryptonotePayments(stats.payments ?? [], units),
    poolNetwork: [],
    feePercent: nonNeg(cfg.fee),
    symbol: cfg.symbol ?? null,
  };
}

export async function fetchCryptonoteAccount(base: string, address: string, opts: AccountFetchOptions): Promise<MinerAccount> {
  const config = await getAccountJson(`${base}/stats`, opts, SOURCE);
  const raw = await getAccountJson(`${base}/stats_address?address=${encodeURIComponent(address)}`, opts, SOURCE);
  return normalizeCryptonote(raw, config);
}
