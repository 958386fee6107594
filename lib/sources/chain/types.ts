// The contract shared by the single-chain adapters (a coin's own node, explorer or pool API) and
// the coin registry that points at them. Only lib/sources/chain knows the upstream JSON shapes;
// everything else sees a ChainSource (where to ask) and ChainStats (what came back, in base units).
import { z } from 'zod';

export const CHAIN_KINDS = ['bitcoin-rpc', 'monero-rpc', 'blockbook', 'iquidus', 'yiimp'] as const;
export type ChainKind = (typeof CHAIN_KINDS)[number];

export const CHAIN_KIND_LABELS: Readonly<Record<ChainKind, string>> = {
  'bitcoin-rpc': 'Bitcoin-family node (JSON-RPC)',
  'monero-rpc': 'Monero-family daemon (JSON-RPC)',
  blockbook: 'Blockbook explorer (/api)',
  iquidus: 'Iquidus / Insight-style explorer (plain-text /api/getdifficulty…)',
  yiimp: 'YIIMP-style pool (/api/currencies)',
};

/** http(s) only, no credentials in the URL (they would be shown to users and logged). */
export const sourceUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
  .refine((value) => {
    // zod runs this even when the URL check above failed; that failure is already reported.
    if (!URL.canParse(value)) return true;
    const parsed = new URL(value);
    return parsed.username === '' && parsed.password === '';
  }, 'must not contain a user name or password: put RPC credentials in an environment variable (authEnv)')
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * Name of an environment variable holding `user:password` for a node's RPC. It must end in
 * _RPC_AUTH: the value is sent to the source's URL, so no other variable (DATABASE_URL, an API
 * key) may ever be named here.
 */
const envName = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{0,54}_RPC_AUTH$/, 'must be an environment variable name ending in _RPC_AUTH, such as MYCOIN_RPC_AUTH');

/** Decimal places of the coin's atomic unit (8 for satoshis, 12 for Monero's piconero). */
const decimals = z.number().int().min(0).max(18);

export const chainSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bitcoin-rpc'), url: sourceUrl, authEnv: envName.optional(), decimals: decimals.default(8) }),
  z.object({ kind: z.literal('monero-rpc'), url: sourceUrl, decimals: decimals.default(12) }),
  z.object({ kind: z.literal('blockbook'), url: sourceUrl }),
  z.object({ kind: z.literal('iquidus'), url: sourceUrl }),
  z.object({
    kind: z.literal('yiimp'),
    url: sourceUrl,
    /** The coin's key in the pool's /api/currencies object (usually its ticker). */
    symbol: z.string().regex(/^[A-Za-z0-9$._-]{1,20}$/, 'must be the coin key used by the pool, e.g. RTM'),
  }),
]);
export type ChainSource = z.infer<typeof chainSourceSchema>;
export type ChainSourceInput = z.input<typeof chainSourceSchema>;

/**
 * What one chain source reports, normalized: difficulty in the coin's own convention (the
 * registry's algorithm says which k applies), network hashrate in H/s (Sol/s, G/s), block reward
 * in whole coins. null where the source does not give the figure.
 */
export type ChainStats = {
  height: number | null;
  difficulty: number | null;
  networkHashrate: number | null;
  blockReward: number | null;
  /** Observed or target seconds per block, where the source states it (monerod's `target`). */
  blockTimeSeconds: number | null;
  /** When the source says these figures were taken (ISO), if it says. */
  updatedAt: string | null;
  /** What blockReward counts: the whole coinbase (default) or the miner's part (a YIIMP pool's `reward`). */
  rewardBasis?: 'whole' | 'miner';
  /** Coins of blockReward the coinbase must pay to others (a template's masternode, superblock, founder payees). */
  blockRewardToOthers?: number | null;
};

export type ChainFetchOptions = {
  timeoutMs: number;
  /** Let the server connect to private, loopback and link-local addresses (operator opt-in). */
  allowPrivate: boolean;
  /** Where `authEnv` names are looked up (process.env in the app). */
  env: Readonly<Record<string, string | undefined>>;
};
