// The coin registry: small coins whose network stats come from the coin's own node, explorer or
// pool (a ChainSource), with the facts an estimate needs that those sources may not give (target
// block time, algorithm, price id, block reward by height) and a citation for each fact.
import { z } from 'zod';

import { algorithmFromUpstream, getAlgorithm } from '@/lib/mining/algorithms';
import { POOL_KINDS, poolSourceId } from '@/lib/model/pools';
import { chainSourceSchema, sourceUrl } from '@/lib/sources/chain/types';

/** Slugs shown as examples when an algorithm is unknown (all of them would be a wall of text). */
const EXAMPLE_SLUGS = ['kawpow', 'randomx', 'ghostrider', 'sha256d', 'scrypt', 'equihash'];

const tagSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{2,10}$/, 'must be a ticker of 2 to 10 letters or digits, e.g. RTM');

/** Plain text only: names are shown in pages, so no markup and no control characters. */
const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .regex(/^[^<>\u0000-\u001f\u007f]*$/, 'must be plain text (no < > or control characters)');

const algorithmSchema = z.string().superRefine((slug, ctx) => {
  if (getAlgorithm(slug)) return;
  const near = algorithmFromUpstream(slug);
  const hint = near ? `did you mean "${near.slug}"? ` : '';
  ctx.addIssue({
    code: 'custom',
    message: `unknown algorithm "${slug}": ${hint}use a slug from lib/mining/algorithms.ts, e.g. ${EXAMPLE_SLUGS.join(', ')}`,
  });
});

/** Target block time: positive and at most a day (anything longer is a unit mistake). */
const blockTimeSchema = z
  .number()
  .positive('must be a positive number of seconds')
  .max(86_400, 'must be at most 86400 seconds (one day): is it in milliseconds?');

/** CoinGecko API ids are lowercase words joined by - or _ ("zephyr-protocol", "clore-ai"). */
export const COINGECKO_ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

const priceSchema = z.union(
  [
    z.strictObject({
      coingeckoId: z.string().regex(COINGECKO_ID_PATTERN, 'must be a CoinGecko API id such as "raptoreum"'),
    }),
    z.null(),
  ],
  { error: 'must be { "coingeckoId": "..." } or null (no market)' },
);

const scheduleStepSchema = z.strictObject({
  fromHeight: z.number().int('must be a whole block height').min(0, 'must be 0 or more'),
  reward: z.number().min(0, 'must be 0 or more coins'),
});

/** Block reward by height, for sources that do not report it (Blockbook, Iquidus). */
export const emissionSchema = z.strictObject({
  schedule: z
    .array(scheduleStepSchema)
    .min(1, 'must have at least one step')
    .superRefine((steps, ctx) => {
      if (steps[0] && steps[0].fromHeight !== 0) {
        ctx.addIssue({ code: 'custom', path: [0, 'fromHeight'], message: 'the first step must start at height 0' });
      }
      for (let i = 1; i < steps.length; i += 1) {
        const previous = steps[i - 1]!.fromHeight;
        if (steps[i]!.fromHeight <= previous) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'fromHeight'],
            message: `heights must increase strictly (previous step starts at ${previous})`,
          });
        }
      }
    }),
});
export type Emission = z.infer<typeof emissionSchema>;

const citationSchema = z.strictObject({
  fact: z.string().trim().min(1, 'must say which fact the link supports').max(200),
  url: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }),
});
export type Citation = z.infer<typeof citationSchema>;

/**
 * A pool that mines the coin: its software (which API to read), its site, the pool's id on a
 * site running several (MiningCore's pool id, NOMP's pool name, YIIMP's coin key), a fee for
 * software that publishes none, and where the pool was found.
 */
export const poolRefSchema = z.strictObject({
  kind: z.enum(POOL_KINDS, { error: `must be one of ${POOL_KINDS.join(', ')}` }),
  url: sourceUrl,
  poolId: z.string().regex(/^[A-Za-z0-9$._-]{1,40}$/, 'must be the pool id the site uses, e.g. clore1').optional(),
  feePercent: z.number().min(0, 'must be 0 or more').max(100, 'must be at most 100').optional(),
  citation: citationSchema,
});
export type PoolRef = z.infer<typeof poolRefSchema>;

/** Where coin health (lib/server/health-service) looks for a coin CoinGecko lacks. */
const healthLinksSchema = z.strictObject({
  github: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/(?!\.\.?$)[A-Za-z0-9_.-]{1,100}$/, 'must be a GitHub repository as "owner/name"')
    .optional(),
  coinpaprikaId: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a CoinPaprika id such as "rtm-raptoreum"')
    .optional(),
});

export const registryEntrySchema = z.strictObject({
  tag: tagSchema,
  name: nameSchema,
  algorithm: algorithmSchema,
  blockTimeSeconds: blockTimeSchema,
  source: chainSourceSchema,
  price: priceSchema,
  emission: emissionSchema.optional(),
  links: healthLinksSchema.optional(),
  sources: z.array(citationSchema).min(1, 'must cite at least one source for the facts'),
  notes: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  /** Pools that mine the coin (optional; read when SOURCES includes chain). */
  pools: z.array(poolRefSchema).max(20, 'must list at most 20 pools').optional(),
});
export type RegistryEntry = z.infer<typeof registryEntrySchema>;
export type RegistryEntryInput = z.input<typeof registryEntrySchema>;

/** A coin is one tag on one algorithm (multi-algorithm coins list each algorithm once). */
export function registryKey(entry: Pick<RegistryEntry, 'tag' | 'algorithm'>): string {
  return `${entry.tag}/${entry.algorithm}`;
}

/**
 * A pool site added on the add page (the user's coins file only): every pool it runs is read each
 * refresh, and a MiningCore site's coins become long-tail coin rows. Its software and address only:
 * what it mines is read from the site itself.
 */
export const poolSiteSchema = z.strictObject({
  kind: z.enum(POOL_KINDS, { error: `must be one of ${POOL_KINDS.join(', ')}` }),
  url: sourceUrl,
});
export type PoolSiteEntry = z.infer<typeof poolSiteSchema>;

/** A pool site is one software at one address: the id of the snapshot source that reads it. */
export const poolSiteKey = (site: PoolSiteEntry): string => poolSourceId(site.kind, site.url);

/**
 * The whole file. A duplicate's issue sits on the later entry's tag and carries the first one's
 * path in `params.duplicateOf`, so the loader can name both lines.
 */
export const registryFileSchema = z.strictObject({
  /** Pool sites added on the add page (only the user's file has them). */
  poolSites: z
    .array(poolSiteSchema)
    .max(50, 'must list at most 50 pool sites')
    .superRefine((sites, ctx) => {
      const seen = new Map<string, number>();
      sites.forEach((site, index) => {
        const first = seen.get(poolSiteKey(site));
        if (first === undefined) seen.set(poolSiteKey(site), index);
        else ctx.addIssue({ code: 'custom', path: [index, 'url'], message: `this pool site is listed twice (also poolSites[${first}])` });
      });
    })
    .optional(),
  coins: z.array(registryEntrySchema).superRefine((coins, ctx) => {
    const seen = new Map<string, number>();
    coins.forEach((coin, index) => {
      const key = registryKey(coin);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [index, 'tag'],
        message: `${coin.tag} on ${coin.algorithm} is listed twice (also coins[${first}])`,
        params: { duplicateOf: ['coins', first, 'tag'] },
      });
    });
  }),
});
export type RegistryFile = z.infer<typeof registryFileSchema>;

/** The block reward in force at `height`: the last step starting at or below it; null if none. */
export function rewardAtHeight(emission: Emission | undefined, height: number): number | null {
  if (!emission || !Number.isFinite(height) || height < 0) return null;
  let reward: number | null = null;
  for (const step of emission.schedule) {
    if (step.fromHeight > height) break;
    reward = step.reward;
  }
  return reward;
}
