// Registry coins (lib/registry) as snapshot sources: one source per coin, `chain:<TAG>`, asking
// the coin's own node, explorer or pool, so one coin's failing node leaves the others and keeps
// that coin's last good figures. Network figures come from the chain; the registry adds what the
// chain does not say (its name, algorithm, expected block time, reward schedule).
import { getAlgorithm } from '@/lib/mining/algorithms';
import { rewardAtHeight, type RegistryEntry } from './schema';
import { chainSourceId, type NetworkStats } from '@/lib/model/types';
import { fetchChainStats } from '@/lib/sources/chain/index';
import { CHAIN_KIND_LABELS, type ChainFetchOptions, type ChainStats } from '@/lib/sources/chain/types';
import { emptyPayload, type SourcePayload } from '@/lib/sources/contract';
import type { SourceFetcher } from '@/lib/sources/contract';

/** The coin's stats in our one shape: the chain's figures, the registry's where the chain is silent. */
export function registryCoinStats(entry: RegistryEntry, stats: ChainStats): NetworkStats {
  const reward = stats.blockReward ?? (stats.height !== null ? rewardAtHeight(entry.emission, stats.height) : null);
  // A YIIMP pool's network_hashrate is not measured: it is difficulty × 2^32 ÷ its observed block
  // time for every coin (raptorhash 2025-02-14: ZEPH and TSK, k = 1 coins, come out ~2^32 too
  // high). Where we know the algorithm's k, the difficulty alone is the better figure.
  const derivedByPool = entry.source.kind === 'yiimp' && (getAlgorithm(entry.algorithm)?.workFactor ?? null) !== null;
  return {
    tag: entry.tag,
    name: entry.name,
    algorithm: entry.algorithm,
    blockTimeSeconds: stats.blockTimeSeconds ?? entry.blockTimeSeconds,
    blockReward: reward,
    difficulty: stats.difficulty,
    networkHashrate: derivedByPool ? null : stats.networkHashrate,
    emissionPerDay: null,
    priceUsd: null,
    priceBtc: null,
    volume24hUsd: null,
    lagging: false,
    updatedAt: stats.updatedAt,
    averages: {},
    // The registry's reward schedule is the whole block; the chain's own figure says what it counts.
    rewardBasis: stats.blockReward !== null ? (stats.rewardBasis ?? 'whole') : 'whole',
    blockRewardToOthers: stats.blockReward !== null ? (stats.blockRewardToOthers ?? null) : null,
  };
}

export function registryCoinPayload(entry: RegistryEntry, stats: ChainStats): SourcePayload {
  return {
    ...emptyPayload(),
    coins: [registryCoinStats(entry, stats)],
    heights: stats.height !== null ? { [entry.tag]: stats.height } : {},
  };
}

export function buildRegistryFetchers(entries: readonly RegistryEntry[], options: ChainFetchOptions): SourceFetcher[] {
  return entries.map((entry) => ({
    id: chainSourceId(entry.tag),
    name: `${entry.tag}: ${CHAIN_KIND_LABELS[entry.source.kind]}`,
    // The schema refuses credentials in the URL, so it can be shown.
    url: entry.source.url,
    fetch: async () => registryCoinPayload(entry, await fetchChainStats(entry.source, options)),
  }));
}
