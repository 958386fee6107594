// Configuration from environment variables, validated once with zod. Every variable is
// documented in the README. With nothing set the app asks the keyless live sources and serves the
// embedded snapshot until one answers; `SOURCES=` (set, empty) pins the embedded snapshot.
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './client-address';

export const LIVE_SOURCE_NAMES = ['whattomine', 'coingecko', 'hashrateno', 'nicehash', 'chain', 'spot'] as const;
export type LiveSourceName = (typeof LIVE_SOURCE_NAMES)[number];
/** The sources that need no key or account: what SOURCES means when it is not set at all. */
export const KEYLESS_SOURCES: readonly LiveSourceName[] = ['whattomine', 'coingecko', 'nicehash', 'chain'];
/** Upstreams of the slow coin-health refresh (lib/server/health-service), apart from SOURCES. */
export const HEALTH_SOURCE_NAMES = ['coingecko', 'coinpaprika', 'github'] as const;

const url = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((value) => value.replace(/\/+$/, ''));

const envSchema = z.object({
  SOURCES: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? [...KEYLESS_SOURCES] : value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)))
    .pipe(z.array(z.enum(LIVE_SOURCE_NAMES))),
  /**
   * How long a request made before any live data was obtained waits for the first refresh (ms);
   * 0: never, it gets the embedded snapshot (marked so) while the refresh runs.
   */
  FIRST_PAGE_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(0),
  WHATTOMINE_URL: url('https://whattomine.com'),
  COINGECKO_URL: url('https://api.coingecko.com'),
  COINGECKO_API_KEY: z.string().min(1).optional(),
  HASHRATENO_URL: url('https://api.hashrate.no'),
  NICEHASH_URL: url('https://api2.nicehash.com'),
  /** Electricity spot feeds (SOURCES includes spot): asked per zone a URL names, at most hourly. */
  ENERGY_CHARTS_URL: url('https://api.energy-charts.info'),
  AWATTAR_DE_URL: url('https://api.awattar.de'),
  AWATTAR_AT_URL: url('https://api.awattar.at'),
  OCTOPUS_URL: url('https://api.octopus.energy'),
  /** The current Agile product code; Octopus issues a new one with each Agile version. */
  OCTOPUS_AGILE_PRODUCT: z.string().regex(/^[A-Z0-9-]{1,40}$/, 'a product code such as AGILE-24-10-01').default('AGILE-24-10-01'),
  HASHRATENO_API_KEY: z.string().min(1).optional(),
  /** Coin health (community, development, sellable markets): off unless listed here. */
  HEALTH_SOURCES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.enum(HEALTH_SOURCE_NAMES))),
  COINPAPRIKA_URL: url('https://api.coinpaprika.com'),
  GITHUB_API_URL: url('https://api.github.com'),
  HEALTH_FILE: z.string().min(1).default('.data/health.json'),
  /** A coin's CoinGecko/CoinPaprika figures are asked again after this many hours (GitHub: daily). */
  HEALTH_REFRESH_HOURS: z.coerce.number().min(1).max(24 * 30).default(6),
  /** Seconds between two coins' requests: CoinGecko's keyless rate is low and shared per IP. */
  HEALTH_SPACING_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  REFRESH_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  /** API requests per minute per client (token bucket, burst of the same size); 0 turns it off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(120),
  /** Page requests (documents, navigations, form posts) per minute per client, counted per process; 0 turns it off. */
  PAGE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  SNAPSHOT_FILE: z.string().min(1).default('.data/snapshot.json'),
  /** PostgreSQL for the history (postgres://…); unset: the embedded SQLite file HISTORY_FILE. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  HISTORY_FILE: z.string().min(1).default('.data/history.sqlite'),
  /**
   * Redis shared by every instance (redis://…): the snapshot, each source's last good data, the
   * refresh lock, the rate-limit counters and Next's own cache. Unset: all of it in this process.
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Prefix of every key this app writes in Redis, so several deployments can share one server. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, ":", "_" or "-", at most 64').default('minerank:'),
  /** The coin registry to load instead of the shipped lib/registry/coins.config.json (tests use their own). */
  COIN_REGISTRY_FILE: z.string().min(1).optional(),
  /** Coins added on /coins/add (the shipped ones are lib/registry/coins.config.json). */
  USER_COINS_FILE: z.string().min(1).default('.data/coins.user.json'),
  /**
   * Let coin sources (and the add-coin check) reach private, loopback and link-local addresses:
   * only for an operator whose node runs on their own network. Off, the server never connects there.
   */
  ALLOW_PRIVATE_SOURCES: z.stringbool().default(false),
  /**
   * The reverse proxies in front of the app: a hop count, or their addresses/CIDRs (and the names
   * loopback, linklocal, uniquelocal). Unset: the socket's peer is the client and X-Forwarded-For,
   * X-Real-IP and Forwarded are ignored (lib/infra/client-address.ts).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'invalid' });
        return z.NEVER;
      }
    }),
  /**
   * The operator's token: with it (header `authorization: Bearer …` or the form's token field) a
   * client that is not on this machine may add and remove coins. Unset: only loopback clients may.
   */
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The public origin, for absolute link-preview URLs (Open Graph needs them). */
  SITE_URL: url('http://localhost:3000'),
  /** Alert channels the operator allows (lib/alerts): any of webhook, ntfy, telegram, email. */
  ALERT_CHANNELS: z
    .string()
    .default('webhook,ntfy,telegram,email')
    .transform((value) => value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.enum(['webhook', 'ntfy', 'telegram', 'email']))),
  /** Let alert webhooks reach private and loopback addresses (an operator's own network). Off by default. */
  ALERTS_ALLOW_PRIVATE: z.stringbool().default(false),
  /** Abuse bounds: rules created per client per hour, rules per destination, deliveries per rule per day, rules in all. */
  ALERT_RULES_PER_CLIENT_PER_HOUR: z.coerce.number().int().min(0).max(10_000).default(10),
  ALERT_RULES_PER_DESTINATION: z.coerce.number().int().min(0).max(10_000).default(5),
  ALERT_DELIVERIES_PER_RULE_PER_DAY: z.coerce.number().int().min(0).max(10_000).default(24),
  ALERT_RULES_MAX: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
  /** SMTP server for e-mail alerts (smtp://user:pass@host:port or smtps://…); unset: e-mail alerts are off. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3).max(254).default('minerank <alerts@localhost>'),
}).refine((env) => !env.SOURCES.includes('hashrateno') || env.HASHRATENO_API_KEY, {
  path: ['HASHRATENO_API_KEY'],
  message: 'is required when SOURCES includes hashrateno',
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (process.env by default); throws ConfigError naming the bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Treat empty strings as unset, as shells and .env files often leave them.
  // SOURCES is the exception: set and empty, it pins the embedded snapshot; unset, the keyless sources.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => value !== undefined && (value !== '' || key === 'SOURCES')),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Invalid environment variable ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}
