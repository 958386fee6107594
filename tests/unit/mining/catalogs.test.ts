import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, algorithmFromUpstream, normalizeAlgorithmName, POW2_13, POW2_32 } from '@/lib/mining/algorithms';
import { COIN_FACTS, coingeckoIds, targetBlockTimeSeconds } from '@/lib/mining/coin-facts';

type ListedCoin = { id: string; symbol: string; name: string };
const coinList: ListedCoin[] = JSON.parse(
  readFileSync(new URL('../../fixtures/coingecko-coins_list-2023-11-01.json', import.meta.url), 'utf8'),
);

describe('algorithm catalog', () => {
  it('has unique slugs, and no upstream spelling maps to two algorithms', () => {
    const slugs = ALGORITHMS.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const owners = new Map<string, string>();
    for (const algo of ALGORITHMS) {
      for (const key of [algo.slug, algo.name, ...algo.aliases].map(normalizeAlgorithmName)) {
        expect(owners.get(key) ?? algo.slug, `"${key}" claimed twice`).toBe(algo.slug);
        owners.set(key, algo.slug);
      }
    }
  });

  it('maps the upstream names seen in the recordings to the right slugs and k', () => {
    expect(algorithmFromUpstream('SHA256')).toMatchObject({ slug: 'sha256d', workFactor: POW2_32 });
    expect(algorithmFromUpstream('Blake (2b)')).toMatchObject({ slug: 'blake2b', workFactor: 1 });
    expect(algorithmFromUpstream('Equihash')).toMatchObject({ slug: 'equihash', workFactor: POW2_13, unit: 'Sol/s' });
    expect(algorithmFromUpstream('KHeavyHash')).toMatchObject({ slug: 'kheavyhash', workFactor: 2 });
    expect(algorithmFromUpstream('Blake3')).toMatchObject({ slug: 'blake3', workFactor: null });
    expect(algorithmFromUpstream('Zhash')).toMatchObject({ slug: 'equihash-144-5', unit: 'Sol/s' });
    expect(algorithmFromUpstream('cuckatoo32')).toMatchObject({ unit: 'G/s' });
    expect(algorithmFromUpstream('NoSuchHash')).toBeUndefined();
  });

  it('uses URL-safe slugs, since they are the hr.<slug> query keys', () => {
    for (const algo of ALGORITHMS) expect(algo.slug).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('coin catalog', () => {
  it('maps coins to CoinGecko ids that exist in the recorded coins list', () => {
    const ids = new Set(coinList.map((c) => c.id));
    for (const id of coingeckoIds()) expect(ids.has(id), id).toBe(true);
  });

  it('never relies on a ticker alone: these tickers collide in the recorded list', () => {
    const bySymbol = (symbol: string) => coinList.filter((c) => c.symbol === symbol).map((c) => c.id);
    // FLUX is three coins; the mining coin is "zelcash", which our catalog names explicitly.
    expect(bySymbol('flux')).toEqual(expect.arrayContaining(['flux', 'zelcash']));
    expect(COIN_FACTS.FLUX?.coingeckoId).toBe('zelcash');
    // EVR on CoinGecko (2023) is ENEFTIVERSE, not the mined Evrmore: no id, so no borrowed price.
    expect(bySymbol('evr')).toEqual(['eneftiverse']);
    expect(COIN_FACTS.EVR).toBeUndefined();
    expect(bySymbol('iron').length).toBeGreaterThan(1);
    expect(COIN_FACTS.IRON?.coingeckoId).toBe('iron-fish');
  });

  it('knows BLOCX’s block time: 180 s, 90 s from 2024-02-12 (block 87,601), 60 s from 2024-09-01 (Autolykos)', () => {
    expect(targetBlockTimeSeconds('BLOCX', '2024-02-11T23:59:59Z')).toBe(180);
    expect(targetBlockTimeSeconds('BLOCX', '2024-03-16T00:00:00Z')).toBe(90);
    expect(targetBlockTimeSeconds('BLOCX', '2024-09-01T00:00:00Z')).toBe(60);
  });

  it('knows Kaspa’s block time before and after Crescendo (2025-05-05)', () => {
    expect(targetBlockTimeSeconds('KAS', '2024-03-16T00:00:00Z')).toBe(1);
    expect(targetBlockTimeSeconds('KAS', '2025-05-05T00:00:00Z')).toBe(0.1);
    expect(targetBlockTimeSeconds('NOPE', '2025-05-05T00:00:00Z')).toBeUndefined();
  });
});
