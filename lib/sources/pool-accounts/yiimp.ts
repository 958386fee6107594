// YIIMP (tpruvot/yiimp web/yaamp/modules/api/ApiController.php actionWallet):
//   GET /api/wallet?address=<a> → { currency, unsold, balance, unpaid, paid24h, total } in whole
//   coins of the wallet's currency; an unknown (or locked) address gets an empty body.
// Totals only: no hashrate, no per-day credits, no payment list.
import { z } from 'zod';

import { parseOrThrow, upstreamNumber } from '@/lib/sources/parse';
import { getAccountJson } from './fetch';
import { NoSuchMinerError, type AccountFetchOptions, type MinerAccount } from './types';

const SOURCE = 'yiimp-account';

export const yiimpWalletSchema = z
  .object({
    currency: z.string(),
    unsold: upstreamNumber.optional(),
    balance: upstreamNumber.optional(),
    unpaid: upstreamNumber.optional(),
    paid24h: upstreamNumber.optional(),
    total: upstreamNumber.optional(),
  })
  .loose();

const nonNeg = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

export function normalizeYiimpWallet(raw: unknown): MinerAccount {
  if (raw === null) throw new NoSuchMinerError('yiimp: no such miner');
  const wallet = parseOrThrow(yiimpWalletSchema, raw, SOURCE);
  return {
    kind: 'yiimp',
    pendingCoins: nonNeg(wallet.unpaid),
    totalPaidCoins: null,
    hashrate: null,
    workers: [],
    hashrateSamples: [],
    credits: null,
    creditsFrom: null,
    payments: [],
    poolNetwork: [],
    feePercent: null,
    symbol: wallet.currency,
  };
}

export async function fetchYiimpAccount(base: string, address: string, opts: AccountFetchOptions): Promise<MinerAccount> {
  return normalizeYiimpWallet(await getAccountJson(`${base}/api/wallet?address=${encodeURIComponent(address)}`, opts, SOURCE));
}
