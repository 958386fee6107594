import { describe, expect, it } from 'vitest';
import { registryEntrySchema, type RegistryEntry } from '@/lib/registry/schema';
import { buildRegistryFetchers, registryCoinPayload, registryCoinStats } from '@/lib/registry/fetchers';
import type { ChainStats } from '@/lib/sources/chain/types';

const entry = (overrides: Record<string, unknown>): RegistryEntry =>
  registryEntrySchema.parse({
    tag: 'ZEPH',
    name: 'Zephyr Protocol',
    algorithm: 'randomx',
    blockTimeSeconds: 120,
    source: { kind: 'yiimp', url: 'https://raptorhash.com', symbol: 'ZEPH' },
    price: { coingeckoId: 'zephyr-protocol' },
    sources: [{ fact: 'test', url: 'https://example.org' }],
    ...overrides,
  });

// raptorhash /api/currencies, 2025-02-14: ZEPH difficulty 24,421,340,176, network_hashrate 9.2008e17.
const zeph: ChainStats = {
  height: 449_024,
  difficulty: 24_421_340_176,
  networkHashrate: 9.200776963193937e17,
  blockReward: 7.249802285079,
  blockTimeSeconds: null,
  updatedAt: null,
};

describe('registryCoinStats', () => {
  it("drops a YIIMP pool's derived network hashrate where the algorithm's k is known", () => {
    // 24,421,340,176 × 2^32 / 114 s = 9.2e17: the pool's formula, 2^32 too high for RandomX (k = 1).
    expect((24_421_340_176 * 2 ** 32) / 9.200776963193937e17).toBeCloseTo(114, 0);
    const stats = registryCoinStats(entry({}), zeph);
    expect(stats.networkHashrate).toBeNull();
    expect(stats.difficulty).toBe(24_421_340_176);
    expect(stats.blockTimeSeconds).toBe(120);
    expect(stats.blockReward).toBe(7.249802285079);
  });

  it("keeps it where k is unknown (GhostRider), since it is then the only figure", () => {
    const rtm = entry({ tag: 'RTM', name: 'Raptoreum', algorithm: 'ghostrider', source: { kind: 'yiimp', url: 'https://raptorhash.com', symbol: 'RTM' } });
    expect(registryCoinStats(rtm, { ...zeph, networkHashrate: 20_733_666.8 }).networkHashrate).toBe(20_733_666.8);
  });

  it('takes the reward from the emission schedule at the reported height when the source gives none', () => {
    const vtc = entry({
      tag: 'VTC',
      name: 'Vertcoin',
      algorithm: 'lyra2rev2',
      blockTimeSeconds: 150,
      source: { kind: 'blockbook', url: 'https://vtc1.trezor.io' },
      emission: { schedule: [{ fromHeight: 0, reward: 50 }, { fromHeight: 840_000, reward: 25 }, { fromHeight: 1_680_000, reward: 12.5 }] },
    });
    const stats = registryCoinStats(vtc, { ...zeph, height: 1_700_000, blockReward: null, networkHashrate: null });
    expect(stats.blockReward).toBe(12.5);
    expect(registryCoinStats(vtc, { ...zeph, height: null, blockReward: null }).blockReward).toBeNull();
  });

  it('puts the height in the payload under the tag, and names each source chain:<TAG>', () => {
    expect(registryCoinPayload(entry({}), zeph).heights).toEqual({ ZEPH: 449_024 });
    const [fetcher] = buildRegistryFetchers([entry({})], { timeoutMs: 100, allowPrivate: false, env: {} });
    expect(fetcher).toMatchObject({ id: 'chain:ZEPH', url: 'https://raptorhash.com' });
  });
});
