// The payouts view's URL state (the page and both API routes read the same params): which pool
// site, which pool there, which coin, which wallet, how many days. Every bad param is named; the
// wallet address is checked for its coin's family before any request is made with it. Pure.
import { validateAddress, type AddressError } from './address';

export const PAYOUT_SOFTWARE = ['miningcore', 'nomp', 'cryptonote-pool', 'yiimp'] as const;
export type PayoutSoftware = (typeof PAYOUT_SOFTWARE)[number];

export const DEFAULT_DAYS = 7;
export const MAX_DAYS = 30;

export type PayoutState = {
  /** The pool site's base URL: http(s), no credentials, query or fragment, no trailing slash. */
  pool: string;
  software: PayoutSoftware;
  /** MiningCore pool id; null for the other programs. */
  poolId: string | null;
  /** Upper-case coin tag. */
  coin: string;
  address: string;
  days: number;
  /** The fee to assume when the pool's API does not state one (percent); null = none given. */
  feePercent: number | null;
};

export type PayoutParamError = { param: string; message: string; code?: AddressError };

const ADDRESS_WORDS: Record<AddressError, string> = {
  empty: 'is missing',
  'too-long': 'is too long',
  characters: 'has characters no address of this coin uses',
  checksum: "fails its checksum (a mistyped character?)",
  length: 'has the wrong length for this coin',
  prefix: "starts with another coin's or network's prefix",
  family: 'is not an address of this coin',
};

function parsePoolUrl(raw: string | null): string | { message: string } {
  if (!raw || raw.trim() === '') return { message: 'pool: give the pool site URL (https://…)' };
  if (raw.length > 200) return { message: 'pool: the URL is too long (at most 200 characters)' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { message: 'pool: not a URL (https://pool.example)' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { message: 'pool: only http:// and https:// pool sites' };
  if (url.username || url.password) return { message: 'pool: the URL must not carry a user name or password' };
  if (url.search || url.hash) return { message: 'pool: give the site address without ?query or #fragment' };
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Reads the params; `algorithmOf(tag)` says whether the coin is known (undefined: not in the
 * snapshot) and its algorithm, which picks the address family.
 */
export function parsePayoutParams(
  params: URLSearchParams,
  algorithmOf: (tag: string) => string | null | undefined,
): { state: PayoutState | null; errors: PayoutParamError[] } {
  const errors: PayoutParamError[] = [];
  const fail = (param: string, message: string, code?: AddressError) => errors.push({ param, message, ...(code ? { code } : {}) });

  const pool = parsePoolUrl(params.get('pool'));
  if (typeof pool !== 'string') fail('pool', pool.message);

  const softwareRaw = (params.get('software') ?? 'miningcore').trim().toLowerCase();
  const software = (PAYOUT_SOFTWARE as readonly string[]).includes(softwareRaw) ? (softwareRaw as PayoutSoftware) : null;
  if (!software) fail('software', `software: one of ${PAYOUT_SOFTWARE.join(', ')}`);

  const poolIdRaw = params.get('poolId')?.trim() ?? '';
  let poolId: string | null = null;
  if (software === 'miningcore') {
    if (poolIdRaw === '') fail('poolId', 'poolId: give the pool id at that MiningCore site (as in /api/pools)');
    else if (!/^[A-Za-z0-9_.-]{1,64}$/.test(poolIdRaw)) fail('poolId', 'poolId: letters, digits, ".", "_" or "-", at most 64');
    else poolId = poolIdRaw;
  }

  const coinRaw = params.get('coin')?.trim().toUpperCase() ?? '';
  let coin: string | null = null;
  let algorithm: string | null = null;
  if (!/^[A-Z0-9]{2,10}$/.test(coinRaw)) {
    fail('coin', 'coin: give the coin tag (2–10 letters or digits)');
  } else {
    const found = algorithmOf(coinRaw);
    if (found === undefined) fail('coin', `coin: no coin "${coinRaw}" in the data`);
    else {
      coin = coinRaw;
      algorithm = found;
    }
  }

  const address = params.get('address')?.trim() ?? '';
  if (coin !== null || address === '') {
    const check = validateAddress(address, coin ?? coinRaw, algorithm);
    if (!check.ok) fail('address', `address ${ADDRESS_WORDS[check.error]}`, check.error);
  }

  const daysRaw = params.get('days');
  let days = DEFAULT_DAYS;
  if (daysRaw !== null && daysRaw.trim() !== '') {
    const n = Number(daysRaw);
    if (!Number.isInteger(n) || n < 1 || n > MAX_DAYS) fail('days', `days: a whole number from 1 to ${MAX_DAYS}`);
    else days = n;
  }

  const feeRaw = params.get('fee');
  let feePercent: number | null = null;
  if (feeRaw !== null && feeRaw.trim() !== '') {
    const n = Number(feeRaw);
    if (!Number.isFinite(n) || n < 0 || n > 100) fail('fee', 'fee: a percentage from 0 to 100');
    else feePercent = n;
  }

  if (errors.length > 0 || typeof pool !== 'string' || !software || coin === null) return { state: null, errors };
  return { state: { pool, software, poolId, coin, address, days, feePercent }, errors };
}

/** The query string of a state, in the order the page links use. */
export function payoutQuery(state: Pick<PayoutState, 'pool' | 'software' | 'poolId' | 'coin' | 'address' | 'days' | 'feePercent'>): string {
  const q = new URLSearchParams();
  q.set('pool', state.pool);
  if (state.software !== 'miningcore') q.set('software', state.software);
  if (state.poolId) q.set('poolId', state.poolId);
  q.set('coin', state.coin);
  q.set('address', state.address);
  if (state.days !== DEFAULT_DAYS) q.set('days', String(state.days));
  if (state.feePercent !== null) q.set('fee', String(state.feePercent));
  return q.toString();
}
