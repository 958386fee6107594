// What one pool reports about one coin, normalized by its adapter (lib/sources/pools): the same
// shape whichever pool software it runs. Base units: hashrate in H/s (Sol/s, G/s), minimum payout
// in whole coins, fee in percent, effort in percent (100 = the expected work per block), orphan
// rate as a fraction. null where the software does not give the figure.
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be finite');
const nullableFinite = finite.nullable();

/** Pool software with an adapter; YIIMP reads the /api/currencies the chain sources already read. */
export const POOL_KINDS = ['miningcore', 'nomp', 'cryptonote-pool', 'yiimp'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

export const poolStatsSchema = z.object({
  /** The registry coin these figures are for. */
  tag: z.string().min(1),
  kind: z.enum(POOL_KINDS),
  /** The pool site's base URL (no credentials: the registry refuses them). */
  url: z.string(),
  /** MiningCore pool id, NOMP pool name; null where the site runs one pool per coin key. */
  poolId: z.string().nullable(),
  /** The pool's fee in percent (MiningCore: the sum of all reward recipients, an upper bound). */
  feePercent: nullableFinite,
  /** Upper-case scheme code as the pool names it: PPLNS, PPS, PROP, SOLO… */
  payoutScheme: z.string().nullable(),
  /** Whole coins. */
  minimumPayout: nullableFinite,
  /** H/s (Sol/s, G/s) as the pool measures it. */
  poolHashrate: nullableFinite,
  miners: nullableFinite,
  /** The pool's own view of the network (H/s); the chain stays the truth where the registry has one. */
  networkHashrate: nullableFinite,
  networkDifficulty: nullableFinite,
  /** ISO time of the pool's last block. */
  lastBlockAt: z.string().nullable(),
  blocks24h: nullableFinite,
  /** blocks24h is a lower bound: the pool's page of recent blocks was all within 24 h. */
  blocks24hAtLeast: z.boolean().default(false),
  /** Mean effort of its recent blocks, percent (100 = exactly the expected work). */
  effortPercent: nullableFinite,
  /** Orphaned ÷ (confirmed + orphaned) among its recent blocks, 0–1. */
  orphanRate: nullableFinite,
  /** How many settled blocks (confirmed + orphaned) the orphan rate is made of. */
  settledBlocks: nullableFinite,
});
export type PoolStats = z.infer<typeof poolStatsSchema>;

/** A pool's figures as the snapshot serves them: with the age and staleness of its source. */
export const snapshotPoolSchema = poolStatsSchema.extend({
  sourceId: z.string(),
  /** When these figures were fetched (the last good fetch), ISO. */
  fetchedAt: z.string().nullable(),
  /** The newest attempt failed; these are the last good figures. */
  stale: z.boolean(),
});
export type SnapshotPool = z.infer<typeof snapshotPoolSchema>;

/** A pool site as a snapshot source: `pool:<kind>:<host and path>`. */
export type PoolSourceId = `pool:${string}`;
export const POOL_SOURCE_PREFIX = 'pool:';
export const POOL_SOURCE_ID_RE = /^pool:[a-z-]+:[A-Za-z0-9.:/_\-[\]]{1,200}$/;

export function poolSourceId(kind: PoolKind, url: string): PoolSourceId {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  const where = parsed ? `${parsed.host}${parsed.pathname}`.replace(/\/+$/, '') : url;
  return `pool:${kind}:${where.replace(/[^A-Za-z0-9.:/_\-[\]]/g, '_').slice(0, 200)}`;
}

export const isPoolSourceId = (id: string): id is PoolSourceId => id.startsWith(POOL_SOURCE_PREFIX);
