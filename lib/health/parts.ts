// Coin health, part by part: each part is a number from 0 (worst) to 100 (best), or null when
// there is no data for it. Missing data is never scored 0 here and never dropped silently: the
// dataHealth part counts what is missing. Numbers in, numbers out; no I/O, clock or React.
// The thresholds are ours (not a standard), chosen so a part reads the same on every coin.

export const HEALTH_PARTS = [
  'security',
  'liquidity',
  'markets',
  'development',
  'community',
  'dataHealth',
  'networkShare',
] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
export type HealthParts = Record<HealthPart, number | null>;

/** The parts dataHealth counts: every part but itself. */
export const MEASURED_PARTS = HEALTH_PARTS.filter((p) => p !== 'dataHealth') as Array<Exclude<HealthPart, 'dataHealth'>>;

const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

// ---------------------------------------------------------------------------------------------
// Security: can the network's hashrate be rented, and does a protection cap what renting buys?

/** Chain protections against a rented majority; facts per coin in ./protections. */
export const PROTECTION_KINDS = ['checkpoints', 'dpow', 'chainlocks', 'merge-mining'] as const;
export type ProtectionKind = (typeof PROTECTION_KINDS)[number];
/** Protections that make recent blocks final whatever the hashrate (a rented majority cannot reorg them). */
export const FINALITY_PROTECTIONS: readonly ProtectionKind[] = ['dpow', 'chainlocks'];
/** NiceHash able to rent this share of the network's hashrate or more scores 0. */
export const SECURITY_ZERO_RENTABLE_SHARE = 0.5;
/** The floor a finality protection (ChainLocks, dPoW notarisation) gives security. */
export const SECURITY_FINALITY_FLOOR = 75;
/** One pool with this share of the network or more scores 0 (it could attack alone). */
export const SECURITY_ZERO_POOL_SHARE = 0.5;

export const SECURITY_FORMULA =
  '100 × (1 − min(1, rentable share ÷ 50 %)), rentable share = NiceHash capacity ÷ network hashrate; ' +
  'no rental market for the algorithm: 100; at least 75 with ChainLocks or dPoW notarisation; ' +
  'at most 100 × (1 − min(1, largest pool share ÷ 50 %)) where the pool split is known';

export type SecurityInput = {
  /** lib/risk rentalAttackCost's status; null when no hash-rental prices were fetched at all. */
  rentalStatus: 'ok' | 'no-rental-market' | 'no-network-data' | 'no-price' | null;
  /** NiceHash marketplace speed ÷ network hashrate; null when unknown. */
  rentableShare: number | null;
  protections: readonly ProtectionKind[];
  /** The largest pool's share of the network's hashrate (lib/pools); null or undefined when unknown. */
  largestPoolShare?: number | null;
};

export function securityPart({ rentalStatus, rentableShare, protections, largestPoolShare }: SecurityInput): number | null {
  let score: number | null = null;
  if (rentalStatus === 'no-rental-market') score = 100;
  else if (rentalStatus !== null && rentalStatus !== 'no-network-data' && finite(rentableShare) && rentableShare >= 0) {
    score = 100 * (1 - Math.min(1, rentableShare / SECURITY_ZERO_RENTABLE_SHARE));
  }
  if (protections.some((p) => FINALITY_PROTECTIONS.includes(p))) {
    score = Math.max(score ?? 0, SECURITY_FINALITY_FLOOR);
  }
  if (finite(largestPoolShare) && largestPoolShare >= 0) {
    const pool = 100 * (1 - Math.min(1, largestPoolShare / SECURITY_ZERO_POOL_SHARE));
    score = score === null ? pool : Math.min(score, pool);
  }
  return score;
}

// ---------------------------------------------------------------------------------------------
// Liquidity: could the market take what this rig mines?

/** Output worth this share of a day's volume or more scores 0 (lib/risk warns from 1 %). */
export const LIQUIDITY_ZERO_SHARE = 0.05;
export const LIQUIDITY_FORMULA = '100 × (1 − min(1, (daily output value ÷ 24 h volume) ÷ 5 %)); nothing traded: 0';

export type LiquidityInput = {
  priceUsd: number | null | undefined;
  volume24hUsd: number | null | undefined;
  /** The rig's revenue per day for this coin; null without an estimate. */
  revenueUsdPerDay: number | null | undefined;
};

/** No price, no volume figure or no estimate: null ("no data"). A price with 0 traded: 0, a measured fact. */
export function liquidityPart({ priceUsd, volume24hUsd, revenueUsdPerDay }: LiquidityInput): number | null {
  if (!finite(priceUsd) || priceUsd <= 0 || !finite(volume24hUsd) || volume24hUsd < 0) return null;
  if (volume24hUsd === 0) return 0;
  if (!finite(revenueUsdPerDay) || revenueUsdPerDay < 0) return null;
  const share = revenueUsdPerDay / volume24hUsd;
  return 100 * (1 - Math.min(1, share / LIQUIDITY_ZERO_SHARE));
}

// ---------------------------------------------------------------------------------------------
// Markets: where can a miner sell? (CoinGecko tickers: not stale, not anomalous, spread < 2 %.)

/** A ticker with a wider bid-ask spread is not a market a miner can sell on. */
export const MAX_SPREAD_PERCENT = 2;
/** One exchange holding this share of the usable volume or more is a warning, and halves the part. */
export const CONCENTRATION_WARN = 0.9;
export const MARKETS_VOLUME_FLOOR_USD = 1_000;
export const MARKETS_VOLUME_FULL_USD = 1_000_000;
export const MARKETS_FORMULA =
  '100 × clamp(log10(usable 24 h volume ÷ $1,000) ÷ 3) — $1k: 0, $10k: 33, $100k: 67, $1M: 100 — ' +
  '× ½ when one exchange holds 90 % of it; usable = not stale, not anomalous, spread < 2 %';

export type MarketsSummary = {
  /** Markets that are not stale, not anomalous, with a known spread under 2 %. */
  usableMarkets: number;
  /** Their summed 24 h volume, USD. */
  usableVolumeUsd: number;
  /** The largest exchange's share of that volume; null when there is none. */
  topExchangeShare: number | null;
  /** The exchange holding it (for the warning's wording). */
  topExchange: string | null;
};

export function concentrated(markets: MarketsSummary | null | undefined): boolean {
  return finite(markets?.topExchangeShare) && markets.topExchangeShare >= CONCENTRATION_WARN;
}

/** null when the tickers were never fetched (no CoinGecko entry); 0 when fetched and none is usable. */
export function marketsPart(markets: MarketsSummary | null | undefined): number | null {
  if (!markets) return null;
  if (markets.usableMarkets <= 0 || !finite(markets.usableVolumeUsd) || markets.usableVolumeUsd <= 0) return 0;
  const volume =
    clamp01(Math.log10(markets.usableVolumeUsd / MARKETS_VOLUME_FLOOR_USD) /
      Math.log10(MARKETS_VOLUME_FULL_USD / MARKETS_VOLUME_FLOOR_USD));
  return 100 * volume * (concentrated(markets) ? 0.5 : 1);
}

// ---------------------------------------------------------------------------------------------
// Development: is anyone still working on the code?

/** Commits in 4 weeks at which activity is full. */
export const DEV_FULL_COMMITS_4W = 20;
/** A last commit within this many days is fully recent; at DEV_DEAD_DAYS or older, 0. */
export const DEV_RECENT_DAYS = 30;
export const DEV_DEAD_DAYS = 365;
export const DEVELOPMENT_FORMULA =
  'mean of the known of: activity 100 × min(1, commits in 4 weeks ÷ 20) and recency ' +
  '100 × clamp((365 − days since the last commit) ÷ 335)';

export type DevelopmentInput = {
  commitCount4Weeks: number | null | undefined;
  lastCommitDaysAgo: number | null | undefined;
};

export function developmentPart({ commitCount4Weeks, lastCommitDaysAgo }: DevelopmentInput): number | null {
  const known: number[] = [];
  if (finite(commitCount4Weeks) && commitCount4Weeks >= 0) known.push(100 * Math.min(1, commitCount4Weeks / DEV_FULL_COMMITS_4W));
  if (finite(lastCommitDaysAgo) && lastCommitDaysAgo >= 0) {
    known.push(100 * clamp01((DEV_DEAD_DAYS - lastCommitDaysAgo) / (DEV_DEAD_DAYS - DEV_RECENT_DAYS)));
  }
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

// ---------------------------------------------------------------------------------------------
// Community: how many people follow the coin?

export const COMMUNITY_FLOOR = 100;
export const COMMUNITY_FULL = 100_000;
export const COMMUNITY_FORMULA =
  '100 × clamp(log10(audience ÷ 100) ÷ 3), audience = X followers + Reddit subscribers + Telegram members ' +
  '(the known ones) — 100: 0, 1,000: 33, 10,000: 67, 100,000: 100';

export type CommunityInput = {
  xFollowers: number | null | undefined;
  redditSubscribers: number | null | undefined;
  telegramMembers: number | null | undefined;
};

/** A count of 0 is the upstreams' "not tracked" (source adapters already make it null); none known: null. */
export function communityPart({ xFollowers, redditSubscribers, telegramMembers }: CommunityInput): number | null {
  const counts = [xFollowers, redditSubscribers, telegramMembers].filter((n): n is number => finite(n) && n > 0);
  if (counts.length === 0) return null;
  const audience = counts.reduce((a, b) => a + b, 0);
  return 100 * clamp01(Math.log10(audience / COMMUNITY_FLOOR) / Math.log10(COMMUNITY_FULL / COMMUNITY_FLOOR));
}

// ---------------------------------------------------------------------------------------------
// Network share: the rig's own weight on the network (it raises difficulty, and it is a risk to it).

/** A joined share of 25 % or more scores 0 (lib/risk warns from 5 %, which scores 80). */
export const NETWORK_SHARE_ZERO = 0.25;
export const NETWORK_SHARE_PART_FORMULA = '100 × (1 − min(1, (H ÷ (N + H)) ÷ 25 %))';

export function networkSharePart(joinedShare: number | null | undefined): number | null {
  if (!finite(joinedShare) || joinedShare < 0) return null;
  return 100 * (1 - Math.min(1, joinedShare / NETWORK_SHARE_ZERO));
}

// ---------------------------------------------------------------------------------------------
// Data health: how much of the picture is there, and is it current? Never null.

/** Points taken off per data-quality flag on the coin (lagging, stale source, sources disagreeing…). */
export const DATA_FLAG_PENALTY = 20;
export const DATA_HEALTH_FORMULA =
  '100 × (parts with data ÷ 6) − 20 × data-quality flags (lagging, stale source, difficulty mismatch, sources or prices disagreeing), at least 0';

/** Coin flags that say the figures themselves are doubtful (lib/model/types coinFlagSchema codes). */
export const DATA_QUALITY_FLAGS = [
  'lagging',
  'stale-source',
  'difficulty-mismatch',
  'price-disagreement',
  'source-disagreement',
] as const;

export function dataHealthPart(parts: Omit<HealthParts, 'dataHealth'>, dataQualityFlags: number): number {
  const known = MEASURED_PARTS.filter((p) => parts[p] !== null).length;
  const flags = Number.isFinite(dataQualityFlags) && dataQualityFlags > 0 ? Math.floor(dataQualityFlags) : 0;
  return Math.max(0, (100 * known) / MEASURED_PARTS.length - DATA_FLAG_PENALTY * flags);
}

export const PART_FORMULAS: Record<HealthPart, string> = {
  security: SECURITY_FORMULA,
  liquidity: LIQUIDITY_FORMULA,
  markets: MARKETS_FORMULA,
  development: DEVELOPMENT_FORMULA,
  community: COMMUNITY_FORMULA,
  dataHealth: DATA_HEALTH_FORMULA,
  networkShare: NETWORK_SHARE_PART_FORMULA,
};
