// Merges what the sources returned into one coin list: network figures from the first source
// that has the coin, USD price and volume from CoinGecko where the coin has an explicit id,
// block times and difficulty conventions from our catalogs, and a flag wherever the figures
// do not hold together. Pure: the snapshot service passes in the clock-derived values.
import { getAlgorithm } from './algorithms';
import { getCoinFacts, targetBlockTimeSeconds } from './coins';
import { impliedNetworkHashrate } from './profit';
import {
  AVERAGE_WINDOWS,
  type Averages,
  type Coin,
  type CoinFlag,
  type NetworkStats,
  type PriceQuote,
  type Snapshot,
  type SourceId,
  type SourcePayload,
  type SourceStatus,
} from './types';
import { formatAge, formatHashrate, formatSignificant } from './units';

/** Difficulty and reported network hashrate disagree when one is more than this factor off the other. */
export const MISMATCH_FACTOR = 1.5;
/** A coin's figures lag when the source's own timestamp for them is older than this at fetch time. */
export const LAG_SECONDS = 3600;
/** Two prices for one coin disagree when one is more than this factor off the other. */
export const PRICE_DISAGREEMENT_FACTOR = 1.25;

export type SourceInput = { status: SourceStatus; payload: SourcePayload | null };

/** Order of precedence for a coin's network figures: WhatToMine first, hashrate.no fills gaps. */
const NETWORK_SOURCE_ORDER: readonly SourceId[] = ['whattomine-gpu', 'whattomine-asic', 'hashrateno', 'embedded'];

export function mergeSources(inputs: readonly SourceInput[], mode: Snapshot['mode']): Snapshot {
  const byId = new Map(inputs.map((input) => [input.status.id, input]));
  const quotes = new Map<string, PriceQuote>();
  for (const q of byId.get('coingecko')?.payload?.quotes ?? []) quotes.set(q.id, q);

  const btcUsd =
    byId.get('coingecko')?.payload?.btcUsd ??
    NETWORK_SOURCE_ORDER.map((id) => byId.get(id)?.payload?.btcUsd ?? null).find((v) => v !== null) ??
    null;

  const supplies = new Map((byId.get('coingecko-markets')?.payload?.supplies ?? []).map((x) => [x.id, x]));
  const gecko = byId.get('coingecko')?.payload;
  const eurPerUsd = gecko?.btcEur && gecko.btcUsd ? gecko.btcEur / gecko.btcUsd : null;

  const seen = new Set<string>();
  const coins: Coin[] = [];
  for (const sourceId of NETWORK_SOURCE_ORDER) {
    const input = byId.get(sourceId);
    if (!input?.payload) continue;
    for (const stats of input.payload.coins) {
      const key = `${stats.tag}|${stats.algorithm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      coins.push(
        buildCoin(stats, {
          source: sourceId,
          sourceStale: input.status.stale,
          sourceFetchedAt: input.status.fetchedAt,
          btcUsd,
          volume24hBtc: input.payload.volume24hBtcByTag[stats.tag] ?? null,
          quote: quoteFor(stats.tag, quotes),
          supply: supplies.get(getCoinFacts(stats.tag).coingeckoId ?? '') ?? null,
        }),
      );
    }
  }

  const used = inputs.filter((i) => i.payload !== null && i.status.fetchedAt !== null);
  const asOf = used.map((i) => i.status.fetchedAt as string).sort()[0] ?? new Date(0).toISOString();
  return {
    asOf,
    mode,
    stale: mode === 'embedded' || inputs.some((i) => i.status.stale || !i.status.ok),
    btcUsd,
    eurPerUsd,
    rentals: byId.get('nicehash')?.payload?.rentals ?? [],
    sources: inputs.map((i) => i.status),
    coins,
  };
}

function quoteFor(tag: string, quotes: Map<string, PriceQuote>): PriceQuote | null {
  const id = getCoinFacts(tag).coingeckoId;
  return id ? (quotes.get(id) ?? null) : null;
}

type CoinContext = {
  source: SourceId;
  sourceStale: boolean;
  sourceFetchedAt: string | null;
  btcUsd: number | null;
  volume24hBtc: number | null;
  quote: PriceQuote | null;
  supply?: { circulatingSupply: number | null; maxSupply: number | null } | null;
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

export function buildCoin(stats: NetworkStats, ctx: CoinContext): Coin {
  const facts = getCoinFacts(stats.tag);
  const algorithm = getAlgorithm(stats.algorithm);
  const flags: CoinFlag[] = [];
  const at = stats.updatedAt ?? ctx.sourceFetchedAt ?? new Date(0).toISOString();

  const blockTimeSeconds = stats.blockTimeSeconds ?? targetBlockTimeSeconds(stats.tag, at) ?? null;
  let workFactor = facts.workFactor !== undefined ? facts.workFactor : (algorithm?.workFactor ?? null);
  const implied = impliedNetworkHashrate(stats.difficulty, workFactor, blockTimeSeconds);
  if (implied !== null && stats.networkHashrate !== null) {
    const ratio = implied / stats.networkHashrate;
    if (ratio > MISMATCH_FACTOR || ratio < 1 / MISMATCH_FACTOR) {
      const unit = algorithm?.unit ?? 'H/s';
      flags.push({
        code: 'difficulty-mismatch',
        message:
          `Difficulty ${formatSignificant(stats.difficulty, 6)} implies ${formatHashrate(implied, unit)}, but the source ` +
          `reports ${formatHashrate(stats.networkHashrate, unit)} (×${formatSignificant(ratio, 3)}); ` +
          'estimates use the reported network hashrate.',
      });
      // Trust the measured network hashrate, not a difficulty in an unknown convention.
      workFactor = null;
    }
  }

  // Price: CoinGecko by explicit id first, then the network source's own (USD, or BTC × BTC/USD).
  const ownPriceUsd =
    stats.priceUsd ?? (stats.priceBtc !== null && ctx.btcUsd !== null ? stats.priceBtc * ctx.btcUsd : null);
  const priceUsd = ctx.quote?.priceUsd ?? ownPriceUsd;
  const priceSource: SourceId | null = ctx.quote ? 'coingecko' : ownPriceUsd !== null ? ctx.source : null;
  if (ctx.quote && ownPriceUsd !== null) {
    const ratio = ctx.quote.priceUsd / ownPriceUsd;
    if (ratio > PRICE_DISAGREEMENT_FACTOR || ratio < 1 / PRICE_DISAGREEMENT_FACTOR) {
      flags.push({
        code: 'price-disagreement',
        message: `CoinGecko's price is ×${formatSignificant(ratio, 3)} the ${ctx.source} price; check the market.`,
      });
    }
  }
  const priceBtc = stats.priceBtc ?? (priceUsd !== null && ctx.btcUsd ? priceUsd / ctx.btcUsd : null);
  const volume24hUsd =
    ctx.quote?.volume24hUsd ??
    stats.volume24hUsd ??
    (ctx.volume24hBtc !== null && ctx.btcUsd !== null ? ctx.volume24hBtc * ctx.btcUsd : null);

  if (priceUsd === null) flags.push({ code: 'no-price', message: 'No market price: revenue cannot be estimated.' });
  // Unknown volume shows as "—"; a known zero is a market nobody can sell into, so it is flagged.
  if (volume24hUsd === 0) flags.push({ code: 'no-volume', message: 'No trading in the last 24 h: you may not be able to sell.' });
  const lagSeconds =
    stats.updatedAt && ctx.sourceFetchedAt ? (Date.parse(ctx.sourceFetchedAt) - Date.parse(stats.updatedAt)) / 1000 : 0;
  if (lagSeconds > LAG_SECONDS) {
    flags.push({
      code: 'lagging',
      message: `The source’s figures for this coin are ${formatAge(lagSeconds)} old (last updated ${stats.updatedAt}).`,
    });
  } else if (stats.lagging) {
    flags.push({ code: 'lagging', message: 'The source marks this coin’s data as lagging.' });
  }
  if (ctx.sourceStale) {
    flags.push({ code: 'stale-source', message: 'Its source failed on the last refresh; these are its last good figures.' });
  }

  return {
    ...stats,
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
    flags,
  };
}
