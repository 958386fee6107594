// Reads one miner's account at one pool: the adapter for the pool's software, answers cached per
// (pool, id, address) for a minute so a reload never asks the pool again, and the last good read
// kept in memory (never on disk) for an hour, so a pool that fails or times out shows what was last
// read and when. Nothing about the address or pool is written anywhere.
import { AddressRefusedError } from '@/lib/infra/net-guard';
import { fetchCryptonoteAccount } from './cryptonote-pool';
import { fetchMiningCoreAccount } from './miningcore';
import { fetchNompAccount } from './nomp';
import { fetchYiimpAccount } from './yiimp';
import { NoSuchMinerError, type AccountFetchOptions, type AccountQuery, type MinerAccount } from './types';

export { NoSuchMinerError };
export type { AccountQuery, MinerAccount };

export const ACCOUNT_CACHE_MS = 60_000;
export const LAST_GOOD_MS = 60 * 60_000;
const MAX_ENTRIES = 500;

export type AccountRead =
  | { ok: true; account: MinerAccount; fetchedAt: number; stale: false }
  | { ok: true; account: MinerAccount; fetchedAt: number; stale: true; error: string }
  | { ok: false; error: string; code: AccountFailure };

/** Why there is no account to show: the pool has no such miner, the SSRF guard refused the site, or the pool failed. */
export type AccountFailure = 'no-such-miner' | 'refused' | 'upstream';

type Entry = { account: MinerAccount; fetchedAt: number };
const lastGood = new Map<string, Entry>();
const inFlight = new Map<string, Promise<AccountRead>>();

const keyOf = (q: AccountQuery) => `${q.kind}|${q.url}|${q.poolId ?? ''}|${q.address}`;

function fetchAccount(q: AccountQuery, opts: AccountFetchOptions): Promise<MinerAccount> {
  switch (q.kind) {
    case 'miningcore':
      return fetchMiningCoreAccount(q.url, q.poolId ?? '', q.address, opts);
    case 'nomp':
      return fetchNompAccount(q.url, q.address, opts);
    case 'cryptonote-pool':
      return fetchCryptonoteAccount(q.url, q.address, opts);
    case 'yiimp':
      return fetchYiimpAccount(q.url, q.address, opts);
  }
}

function remember(key: string, entry: Entry, now: number): void {
  lastGood.delete(key);
  lastGood.set(key, entry);
  if (lastGood.size > MAX_ENTRIES) {
    for (const [k, e] of lastGood) if (now - e.fetchedAt > LAST_GOOD_MS || lastGood.size > MAX_ENTRIES) lastGood.delete(k);
  }
}

/** The miner's account: cached within a minute, else fetched; on failure the last good read, marked stale. */
export function readMinerAccount(q: AccountQuery, opts: AccountFetchOptions, now: () => number = Date.now): Promise<AccountRead> {
  const key = keyOf(q);
  const cached = lastGood.get(key);
  if (cached && now() - cached.fetchedAt < ACCOUNT_CACHE_MS) return Promise.resolve({ ok: true, ...cached, stale: false });
  const running = inFlight.get(key);
  if (running) return running;
  const read = fetchAccount(q, opts)
    .then((account): AccountRead => {
      const entry = { account, fetchedAt: now() };
      remember(key, entry, entry.fetchedAt);
      return { ok: true, ...entry, stale: false };
    })
    .catch((error: unknown): AccountRead => {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof NoSuchMinerError) {
        lastGood.delete(key);
        return { ok: false, error: message, code: 'no-such-miner' };
      }
      const previous = lastGood.get(key);
      if (previous && now() - previous.fetchedAt < LAST_GOOD_MS) return { ok: true, ...previous, stale: true, error: message };
      return { ok: false, error: message, code: error instanceof AddressRefusedError ? 'refused' : 'upstream' };
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, read);
  return read;
}

/** Tests only: forget every cached read. */
export function clearAccountCache(): void {
  lastGood.clear();
  inFlight.clear();
}
