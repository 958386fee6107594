// The contract of the per-miner pool adapters: one miner's account at one pool, normalized the same
// whichever software the pool runs. Base units: hashrate in H/s (Sol/s, G/s), amounts in whole
// coins, times in epoch ms. null (or an empty list) where the software does not give the figure.
import type { PoolKind } from '@/lib/model/pools';

export type { PoolKind };

export type AccountPayment = {
  /** Epoch ms the pool sent it. */
  time: number;
  /** Whole coins. */
  amount: number;
  txId: string | null;
  /** Explorer link, when the pool gives one (http/https only). */
  txUrl: string | null;
};

/** One day of the pool's own record of the network (and itself), for days without our history. */
export type PoolNetworkDay = {
  /** Epoch ms of the sample (MiningCore: the day's aggregate). */
  time: number;
  /** H/s. */
  networkHashrate: number | null;
  /** In the pool software's convention. */
  networkDifficulty: number | null;
  /** The pool's whole hashrate, H/s. */
  poolHashrate: number | null;
};

export type MinerAccount = {
  kind: PoolKind;
  /** Coins waiting to be paid (MiningCore pendingBalance; NOMP balance + immature; YIIMP unpaid). */
  pendingCoins: number | null;
  /** Coins paid since the account began. */
  totalPaidCoins: number | null;
  /** Hashrate now, summed over workers (H/s). */
  hashrate: number | null;
  workers: Array<{ name: string; hashrate: number }>;
  /** Timestamped hashrate samples, summed over workers (MiningCore: one per day with perfMode=Month). */
  hashrateSamples: Array<{ time: number; hashrate: number }>;
  /** Balance credits (positive) and resets (negative); null when the software publishes none. */
  credits: Array<{ time: number; amount: number }> | null;
  /**
   * When the credit list is one full page, its oldest entry's time: days up to that one are not
   * covered (null: the list is the whole history).
   */
  creditsFrom: number | null;
  payments: AccountPayment[];
  /** The pool's own daily record of the network; empty where the software gives none. */
  poolNetwork: PoolNetworkDay[];
  /** The pool's fee in percent, where its API states it. */
  feePercent: number | null;
  /** The coin symbol the pool states for this account, where it does. */
  symbol: string | null;
};

export type AccountFetchOptions = {
  timeoutMs: number;
  /** Operator opt-in: allow private, loopback and link-local pool sites. */
  allowPrivate: boolean;
};

export type AccountQuery = {
  kind: PoolKind;
  /** The pool site's base URL, no trailing slash. */
  url: string;
  /** MiningCore pool id; NOMP and YIIMP ignore it. */
  poolId: string | null;
  address: string;
};

/** The pool answered that it has no miner with this address. */
export class NoSuchMinerError extends Error {
  override name = 'NoSuchMinerError';
}
