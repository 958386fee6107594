// Merges what the sources returned into one coin list: network figures from the first source
// that has the coin, USD price and volume from CoinGecko where the coin has an explicit id,
// block times and difficulty conventions from our catalogs, and a flag wherever the figures
// do not hold together. Pure: the snapshot service passes in the clock-derived values.
import { getAlgorithm } from '@/lib/mining/algorithms';
import { getCoinFacts, targetBlockTimeSeconds } from '@/lib/mining/coin-facts';
import { blockRewardFigure, impliedNetworkHashrate } from '@/lib/mining/profit';
import { rewardBasisOf, sourceWorkFactor, type ConventionSource } from '@/lib/mining/difficulty-conventions';
import { minerPartOfTemplate, minerShareAt } from '@/lib/mining/reward-splits';
import { AVERAGE_WINDOWS, type Averages, type Coin, type CoinFlag, type NetworkStats, type Snapshot, type SourceId, type SourceStatus, isChainSourceId } from '@/lib/model/types';
import type { PriceQuote, SourcePayload } from '@/lib/sources/contract';
import { isPoolSourceId } from '@/lib/model/pools';

/** Difficulty and reported network hashrate disagree when one is more than this factor off the other. */
export const MISMATCH_FACTOR = 1.5;
/** A coin's figures lag when the source's own timestamp for them is older than this at fetch time. */
export const LAG_SECONDS = 3600;
/** Two prices for one coin disagree when one is more than this factor off the other. */
export const PRICE_DISAGREEMENT_FACTOR = 1.25;

export type SourceInput = { status: SourceStatus; payload: SourcePayload | null };

export type MergeOptions = {
  /**
   * CoinGecko ids of registry coins by tag (lib/registry): a string prices the coin by that id,
   * null says it has no market we know of (an aggregator's own price may still be used).
   */
  coingeckoIds?: Readonly<Record<string, string | null>>;
};

/**
 * Order of precedence for a coin's network figures: a coin's own chain first (its node or
 * explorer is the truth for difficulty, hashrate and reward), then WhatToMine, then hashrate.no,
 * then a pool site's view of the network (`pool:<kind>:<site>`, the long tail's only source).
 */
const AGGREGATOR_ORDER: readonly SourceId[] = ['whattomine-gpu', 'whattomine-asic', 'hashrateno', 'embedded'];
/** The figures a chain source is the truth for, each filled from an aggregator when the chain lacks it. */
const NETWORK_FIGURES = ['difficulty', 'networkHashrate', 'blockReward', 'blockTimeSeconds'] as const;

type Candidate = { sourceId: SourceId; input: SourceInput; stats: NetworkStats };

export function mergeSources(inputs: readonly SourceInput[], mode: Snapshot['mode'], options: MergeOptions = {}): Snapshot {
  const byId = new Map(inputs.map((input) => [input.status.id, input]));
  const quotes = new Map<string, PriceQuote>();
  for (const q of byId.get('coingecko')?.payload?.quotes ?? []) quotes.set(q.id, q);

  const btcUsd =
    byId.get('coingecko')?.payload?.btcUsd ??
    AGGREGATOR_ORDER.map((id) => byId.get(id)?.payload?.btcUsd ?? null).find((v) => v !== null) ??
    null;

  const supplies = new Map((byId.get('coingecko-markets')?.payload?.supplies ?? []).map((x) => [x.id, x]));
  const gecko = byId.get('coingecko')?.payload;
  const eurPerUsd = gecko?.btcEur && gecko.btcUsd ? gecko.btcEur / gecko.btcUsd : null;
  const gbpPerUsd = gecko?.btcGbp && gecko.btcUsd ? gecko.btcGbp / gecko.btcUsd : null;
  const geckoIdOf = (tag: string): string | null => {
    const key = tag.toUpperCase();
    const registered = options.coingeckoIds?.[key];
    return registered !== undefined ? registered : (getCoinFacts(key).coingeckoId ?? null);
  };

  // Every source's entry for each coin (tag + algorithm), chain sources first, pool sites last: a
  // pool's view of a network (MiningCore's networkStats) is the long tail's only source, never a
  // rival to a chain or an aggregator that lists the coin.
  const chainIds = inputs.map((i) => i.status.id).filter(isChainSourceId).sort();
  const poolIds = inputs.map((i) => i.status.id).filter(isPoolSourceId).sort();
  const candidates = new Map<string, Candidate[]>();
  for (const sourceId of [...chainIds, ...AGGREGATOR_ORDER, ...poolIds]) {
    const input = byId.get(sourceId);
    if (!input?.payload) continue;
    for (const stats of input.payload.coins) {
      const key = `${stats.tag.toUpperCase()}|${stats.algorithm}`;
      const list = candidates.get(key) ?? [];
      // One entry per source: a source listing a coin twice keeps its first.
      if (!list.some((c) => c.sourceId === sourceId)) list.push({ sourceId, input, stats });
      candidates.set(key, list);
    }
  }

  const coins: Coin[] = [];
  for (const list of candidates.values()) {
    const [primary, ...others] = list as [Candidate, ...Candidate[]];
    const aggregator = isChainSourceId(primary.sourceId)
      ? (others.find((c) => !isChainSourceId(c.sourceId) && !isPoolSourceId(c.sourceId)) ?? null)
      : null;
    const merged = aggregator ? withAggregator(primary, aggregator) : null;
    const priceInput = aggregator ?? primary;
    const geckoId = geckoIdOf(primary.stats.tag);
    const coin = buildCoin(merged?.stats ?? primary.stats, {
      source: primary.sourceId,
      sourceStale: primary.input.status.stale,
      sourceFetchedAt: primary.input.status.fetchedAt,
      btcUsd,
      volume24hBtc: priceInput.input.payload?.volume24hBtcByTag[priceInput.stats.tag] ?? null,
      quote: geckoId ? (quotes.get(geckoId) ?? null) : null,
      supply: supplies.get(geckoId ?? '') ?? null,
      priceFrom: priceInput.sourceId,
      figureSources: merged?.figureSources ?? {},
      height: primary.input.payload?.heights?.[primary.stats.tag.toUpperCase()] ?? null,
    });
    if (merged) coin.flags.push(...merged.flags);
    coins.push(coin);
  }

  // Like staleness, the table's "as of" follows the aggregators: a coin whose own node has been
  // down for hours says so on its row ("stale") without dating the whole table back.
  const used = staleInputs(inputs).filter((i) => i.payload !== null && i.status.fetchedAt !== null);
  const asOf = used.map((i) => i.status.fetchedAt as string).sort()[0] ?? new Date(0).toISOString();
  return {
    asOf,
    mode,
    // One small coin's node failing flags that coin ('stale'), not the whole table.
    stale: mode === 'embedded' || staleInputs(inputs).some((i) => i.status.stale || !i.status.ok),
    btcUsd,
    eurPerUsd,
    ...(gbpPerUsd !== null ? { gbpPerUsd } : {}),
    rentals: byId.get('nicehash')?.payload?.rentals ?? [],
    sources: inputs.map((i) => i.status),
    coins,
    // A pool site's figures carry its own age and staleness: a dead pool never dates the table.
    pools: inputs.flatMap((i) =>
      (i.payload?.pools ?? []).map((pool) => ({ ...pool, sourceId: i.status.id, fetchedAt: i.status.fetchedAt, stale: i.status.stale })),
    ),
  };
}

/** The sources whose failure makes the whole snapshot stale: the aggregators, or all when only chains feed it. */
function staleInputs(inputs: readonly SourceInput[]): readonly SourceInput[] {
  const aggregators = inputs.filter((i) => !isChainSourceId(i.status.id) && !isPoolSourceId(i.status.id));
  return aggregators.length > 0 ? aggregators : inputs;
}

/**
 * A chain source's figures with an aggregator's filling the gaps: network figures from the chain
 * where it has them, market figures (price, volume, averages, emission) from the aggregator, which
 * a node does not know. Where both give a network figure and they disagree, the coin is flagged.
 */
function withAggregator(
  chain: Candidate,
  aggregator: Candidate,
): { stats: NetworkStats; figureSources: Coin['figureSources']; flags: CoinFlag[] } {
  const stats: NetworkStats = {
    ...aggregator.stats,
    tag: chain.stats.tag,
    name: chain.stats.name,
    algorithm: chain.stats.algorithm,
    lagging: chain.stats.lagging,
    updatedAt: chain.stats.updatedAt,
  };
  const figureSources: Coin['figureSources'] = {};
  const flags: CoinFlag[] = [];
  // The reward's meaning (whole block or miner's part) follows whichever source gave the reward.
  if (chain.stats.blockReward !== null) {
    stats.rewardBasis = chain.stats.rewardBasis ?? 'whole';
    stats.blockRewardToOthers = chain.stats.blockRewardToOthers ?? null;
  } else {
    stats.rewardBasis = aggregator.stats.rewardBasis ?? rewardBasisFor(aggregator.sourceId, chain.stats.tag);
    stats.blockRewardToOthers = null;
  }
  for (const figure of NETWORK_FIGURES) {
    const own = chain.stats[figure];
    const theirs = aggregator.stats[figure];
    stats[figure] = own ?? theirs;
    figureSources[figure] = own !== null ? chain.sourceId : theirs !== null ? aggregator.sourceId : undefined;
    if (figure === 'blockTimeSeconds' || own === null || theirs === null) continue;
    const ratio = theirs / own;
    if (ratio > MISMATCH_FACTOR || ratio < 1 / MISMATCH_FACTOR) {
      flags.push({
        code: 'source-disagreement',
        figures: { figure, source: aggregator.sourceId, theirs, own, ratio },
      });
    }
  }
  return { stats, figureSources, flags };
}

type CoinContext = {
  source: SourceId;
  sourceStale: boolean;
  sourceFetchedAt: string | null;
  btcUsd: number | null;
  volume24hBtc: number | null;
  quote: PriceQuote | null;
  supply?: { circulatingSupply: number | null; maxSupply: number | null } | null;
  /** The source whose own price is used when there is no CoinGecko quote (default: `source`). */
  priceFrom?: SourceId;
  figureSources?: Coin['figureSources'];
  height?: number | null;
};

/** Upstream averages priced in BTC get their USD price from the same BTC/USD rate as the coin. */
function withUsdPrices(averages: Averages, btcUsd: number | null): Averages {
  const out: Averages = {};
  for (const window of AVERAGE_WINDOWS) {
    const figures = averages[window];
    if (!figures) continue;
    out[window] = {
      ...figures,
      priceUsd: figures.priceUsd ?? (figures.priceBtc !== null && btcUsd !== null ? figures.priceBtc * btcUsd : null),
    };
  }
  return out;
}

/** Which family of conventions a source follows (lib/mining/difficulty-conventions.ts); null for price-only sources. */
export function conventionSourceOf(id: SourceId): ConventionSource | null {
  if (isChainSourceId(id)) return 'chain';
  if (id === 'whattomine-gpu' || id === 'whattomine-asic') return 'whattomine';
  if (id === 'hashrateno' || id === 'embedded') return 'hashrateno';
  return null;
}

function rewardBasisFor(id: SourceId, tag: string): 'whole' | 'miner' {
  const kind = conventionSourceOf(id);
  return kind ? rewardBasisOf(kind, tag) : 'whole';
}

/**
 * The miner's share and reward: a template's payees (live truth) first, else the cited split at
 * the chain height (or the figures' date). A figure that is already the miner's part is the
 * miner's reward whatever the share; a whole-block figure with an unknown share gives no miner reward.
 */
function minerFigures(
  stats: NetworkStats,
  rewardBasis: 'whole' | 'miner',
  height: number | null,
  at: string,
  blockTimeSeconds: number | null,
) {
  const template =
    stats.blockRewardToOthers !== undefined && stats.blockRewardToOthers !== null && rewardBasis === 'whole'
      ? minerPartOfTemplate(stats.blockReward, stats.blockRewardToOthers)
      : null;
  if (template) return { minerShare: template.minerShare, minerShareFrom: 'template' as const, minerReward: template.minerReward };
  const share = minerShareAt(stats.tag, { height, date: at });
  // Only a daily emission (hashrate.no): R = emission × T / 86400, as the estimate derives it.
  const reward = blockRewardFigure({ blockReward: stats.blockReward, emissionPerDay: stats.emissionPerDay, blockTimeSeconds })?.reward ?? null;
  const minerReward = reward === null ? null : rewardBasis === 'miner' ? reward : share !== null ? reward * share : null;
  return { minerShare: share, minerShareFrom: share !== null ? ('schedule' as const) : null, minerReward };
}

export function buildCoin(stats: NetworkStats, ctx: CoinContext): Coin {
  const facts = getCoinFacts(stats.tag);
  const algorithm = getAlgorithm(stats.algorithm);
  const flags: CoinFlag[] = [];
  const at = stats.updatedAt ?? ctx.sourceFetchedAt ?? new Date(0).toISOString();
  const conventions = conventionSourceOf(ctx.source);

  const blockTimeSeconds = stats.blockTimeSeconds ?? targetBlockTimeSeconds(stats.tag, at) ?? null;
  // The source's own convention for this coin first (hashrate.no reports Kaspa at 2^32), then the coin's, then the algorithm's.
  const sourceK = conventions ? sourceWorkFactor(conventions, stats.tag) : undefined;
  let workFactor =
    sourceK !== undefined ? sourceK : facts.workFactor !== undefined ? facts.workFactor : (algorithm?.workFactor ?? null);
  const implied = impliedNetworkHashrate(stats.difficulty, workFactor, blockTimeSeconds);
  if (implied !== null && stats.networkHashrate !== null) {
    const ratio = implied / stats.networkHashrate;
    if (ratio > MISMATCH_FACTOR || ratio < 1 / MISMATCH_FACTOR) {
      flags.push({
        code: 'difficulty-mismatch',
        figures: { difficulty: stats.difficulty, implied, reported: stats.networkHashrate, ratio, unit: algorithm?.unit ?? 'H/s' },
      });
      // Trust the measured network hashrate, not a difficulty in an unknown convention.
      workFactor = null;
    }
  }

  // Price: CoinGecko by explicit id first, then the network source's own (USD, or BTC × BTC/USD).
  const ownPriceUsd =
    stats.priceUsd ?? (stats.priceBtc !== null && ctx.btcUsd !== null ? stats.priceBtc * ctx.btcUsd : null);
  const priceUsd = ctx.quote?.priceUsd ?? ownPriceUsd;
  const priceSource: SourceId | null = ctx.quote ? 'coingecko' : ownPriceUsd !== null ? (ctx.priceFrom ?? ctx.source) : null;
  if (ctx.quote && ownPriceUsd !== null) {
    const ratio = ctx.quote.priceUsd / ownPriceUsd;
    if (ratio > PRICE_DISAGREEMENT_FACTOR || ratio < 1 / PRICE_DISAGREEMENT_FACTOR) {
      flags.push({
        code: 'price-disagreement',
        figures: { ratio, against: ctx.priceFrom ?? ctx.source },
      });
    }
  }
  const priceBtc = stats.priceBtc ?? (priceUsd !== null && ctx.btcUsd ? priceUsd / ctx.btcUsd : null);
  const volume24hUsd =
    ctx.quote?.volume24hUsd ??
    stats.volume24hUsd ??
    (ctx.volume24hBtc !== null && ctx.btcUsd !== null ? ctx.volume24hBtc * ctx.btcUsd : null);

  if (priceUsd === null) flags.push({ code: 'no-price', figures: {} });
  // Unknown volume shows as "—"; a known zero is a market nobody can sell into, so it is flagged.
  if (volume24hUsd === 0) flags.push({ code: 'no-volume', figures: {} });
  const lagSeconds =
    stats.updatedAt && ctx.sourceFetchedAt ? (Date.parse(ctx.sourceFetchedAt) - Date.parse(stats.updatedAt)) / 1000 : 0;
  if (lagSeconds > LAG_SECONDS) {
    flags.push({ code: 'lagging', figures: { lagSeconds, updatedAt: stats.updatedAt } });
  } else if (stats.lagging) {
    flags.push({ code: 'lagging', figures: { lagSeconds: null, updatedAt: stats.updatedAt } });
  }
  if (ctx.sourceStale) {
    flags.push({ code: 'stale-source', figures: { fetchedAt: ctx.sourceFetchedAt } });
  }

  const rewardBasis = stats.rewardBasis ?? rewardBasisFor(ctx.source, stats.tag);
  const miner = minerFigures(stats, rewardBasis, ctx.height ?? null, at, blockTimeSeconds);

  return {
    ...stats,
    rewardBasis,
    ...miner,
    blockTimeSeconds,
    priceUsd,
    priceBtc,
    volume24hUsd,
    workFactor,
    source: ctx.source,
    priceSource,
    impliedNetworkHashrate: implied,
    averages: withUsdPrices(stats.averages, ctx.btcUsd),
    difficultyCv24h: null,
    circulatingSupply: ctx.supply?.circulatingSupply ?? null,
    maxSupply: ctx.supply?.maxSupply ?? null,
    figureSources: ctx.figureSources ?? {},
    height: ctx.height ?? null,
    flags,
  };
}
