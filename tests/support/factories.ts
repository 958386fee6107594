// Test data builders shared by the unit tests: a RVN-like KawPow coin unless told otherwise.
import type { NetworkStats } from '@/lib/model/types';

/** RVN's figures from the hashrate.no recording: D = 85,166, k = 2^32, T = 60 s, R = 2,500. */
export function networkStats(tag: string, overrides: Partial<NetworkStats> = {}): NetworkStats {
  return {
    tag,
    name: tag,
    algorithm: 'kawpow',
    blockTimeSeconds: 60,
    blockReward: 2500,
    difficulty: 85166,
    networkHashrate: (85166 * 2 ** 32) / 60,
    emissionPerDay: null,
    priceUsd: null,
    priceBtc: null,
    volume24hUsd: null,
    lagging: false,
    updatedAt: null,
    averages: {},
    ...overrides,
  };
}
