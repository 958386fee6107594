// The live sources the configuration switches on, each wrapped to return our one payload shape.
import { coingeckoIds } from '@/lib/mining/coin-facts';
import type { Env } from '@/lib/infra/env';
import type { PoolSiteEntry, RegistryEntry } from '@/lib/registry/schema';
import { fetchCoinGeckoPrices } from '@/lib/sources/coingecko';
import { fetchCoinGeckoMarkets } from '@/lib/sources/coingecko-markets';
import { fetchNiceHashPrices } from '@/lib/sources/nicehash';
import { fetchHashrateNo, HASHRATENO_MIN_INTERVAL_MS } from '@/lib/sources/hashrateno';
import { fetchWhatToMine } from '@/lib/sources/whattomine';
import { buildRegistryFetchers } from '@/lib/registry/fetchers';
import { buildPoolFetchers, buildSiteFetchers, registryPoolSiteIds } from '@/lib/registry/pool-fetchers';
import { emptyPayload } from '@/lib/sources/contract';
import type { SourceFetcher } from '@/lib/sources/contract';


/** Every CoinGecko id to ask for: our catalog's and the registry coins'. */
function priceIds(registry: readonly RegistryEntry[]): string[] {
  const ids = new Set(coingeckoIds());
  for (const entry of registry) if (entry.price) ids.add(entry.price.coingeckoId);
  return [...ids].sort();
}

export function buildFetchers(env: Env, registry: readonly RegistryEntry[] = [], poolSites: readonly PoolSiteEntry[] = []): SourceFetcher[] {
  const timeoutMs = env.UPSTREAM_TIMEOUT_MS;
  const fetchers: SourceFetcher[] = [];
  if (env.SOURCES.includes('chain')) {
    fetchers.push(
      ...buildRegistryFetchers(registry, { timeoutMs, allowPrivate: env.ALLOW_PRIVATE_SOURCES, env: process.env }),
    );
    // The registry coins' pools: one source per pool site (MiningCore: one request per refresh plus one per wanted pool, in turn).
    fetchers.push(...buildPoolFetchers(registry, { timeoutMs, allowPrivate: env.ALLOW_PRIVATE_SOURCES }));
    // Pool sites added on the page: every pool they run, and a MiningCore site's coins as long-tail rows.
    fetchers.push(...buildSiteFetchers(poolSites, { timeoutMs, allowPrivate: env.ALLOW_PRIVATE_SOURCES }, registryPoolSiteIds(registry)));
  }
  if (env.SOURCES.includes('whattomine')) {
    for (const kind of ['gpu', 'asic'] as const) {
      fetchers.push({
        id: kind === 'gpu' ? 'whattomine-gpu' : 'whattomine-asic',
        name: kind === 'gpu' ? 'WhatToMine GPU coins' : 'WhatToMine ASIC coins',
        url: `${env.WHATTOMINE_URL}/${kind === 'gpu' ? 'coins' : 'asic'}.json`,
        fetch: async () => {
          const { data } = await fetchWhatToMine(kind, { baseUrl: env.WHATTOMINE_URL, timeoutMs });
          return { ...emptyPayload(), coins: data.coins, btcUsd: data.btcUsd, volume24hBtcByTag: data.volume24hBtcByTag };
        },
      });
    }
  }
  if (env.SOURCES.includes('coingecko')) {
    fetchers.push({
      id: 'coingecko',
      name: 'CoinGecko prices',
      url: `${env.COINGECKO_URL}/api/v3/simple/price`,
      fetch: async () => {
        const { data } = await fetchCoinGeckoPrices(priceIds(registry), {
          baseUrl: env.COINGECKO_URL,
          timeoutMs,
          apiKey: env.COINGECKO_API_KEY,
        });
        return { ...emptyPayload(), quotes: data.quotes, btcUsd: data.btcUsd, btcEur: data.btcEur, ...(data.btcGbp ? { btcGbp: data.btcGbp } : {}) };
      },
    });
  }
  if (env.SOURCES.includes('coingecko')) {
    fetchers.push({
      id: 'coingecko-markets',
      name: 'CoinGecko supply',
      url: `${env.COINGECKO_URL}/api/v3/coins/markets`,
      fetch: async () => {
        const { data } = await fetchCoinGeckoMarkets(priceIds(registry), {
          baseUrl: env.COINGECKO_URL,
          timeoutMs,
          apiKey: env.COINGECKO_API_KEY,
        });
        return { ...emptyPayload(), supplies: data };
      },
    });
  }
  if (env.SOURCES.includes('nicehash')) {
    fetchers.push({
      id: 'nicehash',
      name: 'NiceHash hash-rental prices',
      url: `${env.NICEHASH_URL}/main/api/v2/public/simplemultialgo/info`,
      fetch: async () => {
        const { data } = await fetchNiceHashPrices({ baseUrl: env.NICEHASH_URL, timeoutMs });
        return {
          ...emptyPayload(),
          rentals: data.map(({ algorithm, payingBtcPerHashPerDay, rentableHashrate }) => ({
            algorithm,
            payingBtcPerHashPerDay,
            rentableHashrate,
          })),
        };
      },
    });
  }
  if (env.SOURCES.includes('hashrateno') && env.HASHRATENO_API_KEY) {
    const apiKey = env.HASHRATENO_API_KEY;
    fetchers.push({
      id: 'hashrateno',
      name: 'hashrate.no coins',
      url: `${env.HASHRATENO_URL}/v1/coins`,
      fetch: async () => {
        const { data } = await fetchHashrateNo({ baseUrl: env.HASHRATENO_URL, apiKey, timeoutMs });
        return { ...emptyPayload(), coins: data };
      },
      minIntervalMs: HASHRATENO_MIN_INTERVAL_MS,
    });
  }
  return fetchers;
}
