// Merged and dual rows: revenue of the parts against one power bill, worked by hand.
import { describe, expect, it } from 'vitest';
import { mergeSources } from '@/lib/snapshot/merge';
import { emptyPayload } from '@/lib/sources/contract';
import { rankCoins } from '@/lib/ranking/ranking';
import { rigFromState } from '@/lib/ranking/rig';
import { DEFAULT_STATE, type DashboardState } from '@/lib/url/search-params';
import { estimatesResponse } from '@/lib/share/estimates-json';
import { combineParts, MERGED_MINING, mergedGroupFor } from '@/lib/tuning/merged';
import { MERGED_SOURCES } from '@/lib/tuning/merged-sources';
import type { NetworkStats } from '@/lib/model/types';
import { networkStats } from '../../support/factories';

const FETCHED = '2026-11-24T12:00:00.000Z';
const BTC = 50_000;

function snapshotOf(coins: NetworkStats[]) {
  return mergeSources(
    [
      {
        status: { id: 'whattomine-gpu', name: 'w', url: 'http://127.0.0.1/', ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: coins.length },
        payload: { ...emptyPayload(), btcUsd: BTC, coins },
      },
    ],
    'live',
    { coingeckoIds: Object.fromEntries(coins.map((c) => [c.tag, null])) },
  );
}

const state = (patch: Partial<DashboardState>): DashboardState => ({ ...DEFAULT_STATE, poolFeePercent: 0, ...patch });

describe('combineParts', () => {
  it('sums priced parts against one cost and names the unpriced', () => {
    const parts = [
      { tag: 'LTC', algorithm: 'scrypt', hashrate: 1, coinsPerDay: 1, revenueUsdPerDay: 4.5 },
      { tag: 'DOGE', algorithm: 'scrypt', hashrate: 1, coinsPerDay: 10, revenueUsdPerDay: 2.5 },
      { tag: 'JKC', algorithm: 'scrypt', hashrate: 1, coinsPerDay: 3, revenueUsdPerDay: null },
    ];
    // 4.5 + 2.5 = 7 revenue; 7 − 3 = 4 profit; JKC has no price.
    expect(combineParts(parts, 3)).toEqual({ revenueUsdPerDay: 7, profitUsdPerDay: 4, unpriced: ['JKC'] });
    expect(combineParts([parts[2]!], 3)).toEqual({ revenueUsdPerDay: null, profitUsdPerDay: null, unpriced: ['JKC'] });
  });

  it('cites every merged group and pool', () => {
    expect(mergedGroupFor('ltc')?.aux).toContain('DOGE');
    expect(mergedGroupFor('XMR')?.aux).toEqual(['XTM']);
    expect(Object.keys(MERGED_SOURCES).sort()).toEqual(MERGED_MINING.map((g) => g.parent).sort());
    for (const group of MERGED_MINING) {
      const cited = MERGED_SOURCES[group.parent]!;
      expect(cited.source.length).toBeGreaterThan(40);
      for (const pool of cited.pools) expect(pool.source.length).toBeGreaterThan(20);
    }
    expect(MERGED_SOURCES.LTC?.pools.map((p) => p.name)).toEqual(['SpiderPool', 'litecoinpool.org', 'LiteSolo']);
  });
});

describe('merged row: LTC + DOGE on one Scrypt hash', () => {
  // Both chains: k = 2^32, D = 2e7. The rig: 9.5 GH/s (an Antminer L7) at 3,425 W, 0.05 USD/kWh.
  // LTC: 9.5e9 × 86,400 × 6.25 / (2e7 × 2^32) = 0.0597211 LTC/day × $80 = $4.7776848.
  // DOGE: same with R = 10,000: 95.5537 DOGE/day × $0.10 = $9.5553696.
  // Revenue 14.3330544; power 3,425 × 24 / 1000 × 0.05 = $4.11; profit $10.2230544.
  const coins = [
    networkStats('LTC', { algorithm: 'scrypt', blockTimeSeconds: 150, blockReward: 6.25, difficulty: 2e7, networkHashrate: null, priceBtc: 80 / BTC, updatedAt: FETCHED }),
    networkStats('DOGE', { algorithm: 'scrypt', blockTimeSeconds: 60, blockReward: 10_000, difficulty: 2e7, networkHashrate: null, priceBtc: 0.1 / BTC, updatedAt: FETCHED }),
  ];
  const s = state({ hashrates: { scrypt: 9.5e9 }, powerWatts: { scrypt: 3425 }, electricityUsdPerKwh: 0.05 });

  it('ranks the merged revenue as its own row, parent first', () => {
    const rows = rankCoins(snapshotOf(coins).coins, rigFromState(s), s);
    const merged = rows.find((r) => r.combo?.kind === 'merged')!;
    expect(merged.coin.tag).toBe('LTC');
    expect(merged.combo?.parts.map((p) => p.tag)).toEqual(['LTC', 'DOGE']);
    expect(merged.combo?.parts[0]?.coinsPerDay).toBeCloseTo(0.05972106, 7);
    expect(merged.combo?.parts[1]?.coinsPerDay).toBeCloseTo(95.5536962, 6);
    expect(merged.estimate?.revenueUsdPerDay).toBeCloseTo(14.3330544, 6);
    expect(merged.estimate?.powerCostUsdPerDay).toBeCloseTo(4.11, 9);
    expect(merged.estimate?.profitUsdPerDay).toBeCloseTo(10.2230544, 6);
    expect(merged.combo?.auxMissing).toEqual(['BELLS', 'LKY', 'PEP', 'JKC', 'DOGM', 'DINGO']);
    // The coins' own rows stay: LTC alone earns 4.7776848 − 4.11.
    expect(rows.find((r) => r.coin.tag === 'LTC' && !r.combo)?.estimate?.profitUsdPerDay).toBeCloseTo(0.6676848, 6);
    expect(rows[0]).toBe(merged);
  });

  it('names its parts in /api/estimates', () => {
    const json = estimatesResponse(snapshotOf(coins), s);
    const merged = json.estimates.find((e) => e.kind === 'merged')!;
    expect(merged.parts?.map((p) => p.tag)).toEqual(['LTC', 'DOGE']);
    expect(merged.parts?.[1]?.revenueUsdPerDay).toBeCloseTo(9.5553696, 6);
    expect(merged.profitUsdPerDay).toBeCloseTo(10.2230544, 6);
    expect(json.estimates.filter((e) => e.kind === 'coin').map((e) => e.tag).sort()).toEqual(['DOGE', 'LTC']);
  });

  it('has no merged row without an aux coin in the data', () => {
    const rows = rankCoins(snapshotOf([coins[0]!]).coins, rigFromState(s), s);
    expect(rows.some((r) => r.combo)).toBe(false);
  });
});

describe('dual row: a 3060 Ti on Ethash + Blake3 at one power', () => {
  // Catalog dual point (lolMiner issue #1499): 44.1 MH/s Ethash + 590 MH/s Blake3 at 147 W.
  // ETHX (Ethash, k = 1): 44.1e6 × 86,400 × 2 / 1e15 = 0.00762048/day × $20 = $0.1524096.
  // ALPX (Blake3, no k: share of network): 5.9e8 / 1e15 × 86,400 / 64 × 1 = 0.0007965/day × $100 = $0.07965.
  // Revenue 0.2320596; power 147 × 0.024 × 0.05 = 0.1764; profit 0.0556596.
  const coins = [
    networkStats('ETHX', { algorithm: 'ethash', blockTimeSeconds: 13, blockReward: 2, difficulty: 1e15, networkHashrate: null, priceBtc: 20 / BTC, updatedAt: FETCHED }),
    networkStats('ALPX', { algorithm: 'blake3', blockTimeSeconds: 64, blockReward: 1, difficulty: null, networkHashrate: 1e15, priceBtc: 100 / BTC, updatedAt: FETCHED }),
  ];
  const s = state({ devices: [{ id: 'nvidia-rtx-3060-ti', count: 1 }], electricityUsdPerKwh: 0.05 });

  it('sums both algorithms against the one power figure', () => {
    const rows = rankCoins(snapshotOf(coins).coins, rigFromState(s), s);
    const dual = rows.find((r) => r.combo?.kind === 'dual')!;
    expect(dual.combo?.label).toBe('dual-ethash-blake3');
    expect(dual.combo?.parts.map((p) => [p.tag, p.hashrate])).toEqual([
      ['ETHX', 44.1e6],
      ['ALPX', 590e6],
    ]);
    expect(dual.combo?.parts[0]?.revenueUsdPerDay).toBeCloseTo(0.1524096, 9);
    expect(dual.combo?.parts[1]?.revenueUsdPerDay).toBeCloseTo(0.07965, 9);
    expect(dual.powerWatts).toBe(147);
    expect(dual.estimate?.powerCostUsdPerDay).toBeCloseTo(0.1764, 9);
    expect(dual.estimate?.profitUsdPerDay).toBeCloseTo(0.0556596, 9);
  });

  it('needs a coin for both algorithms', () => {
    const rows = rankCoins(snapshotOf([coins[0]!]).coins, rigFromState(s), s);
    expect(rows.some((r) => r.combo)).toBe(false);
  });
});
