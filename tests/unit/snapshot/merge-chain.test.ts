// A coin's own chain is the truth for its network figures; aggregators fill what a node cannot
// know (price, volume, averages) and gaps it leaves; disagreements are flagged, not hidden.
import { describeFlag } from '@/lib/format/flags';
import { describe, expect, it } from 'vitest';
import { mergeSources, type SourceInput } from '@/lib/snapshot/merge';
import { type NetworkStats, type SourceId } from '@/lib/model/types';
import { networkStats } from '../../support/factories';
import { emptyPayload, type SourcePayload } from '@/lib/sources/contract';

const FETCHED = '2026-11-24T12:00:00.000Z';

const input = (id: SourceId, partial: Partial<SourcePayload>): SourceInput => ({
  status: { id, name: id, url: `http://127.0.0.1/${id}`, ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 0 },
  payload: { ...emptyPayload(), ...partial },
});

/** What a chain adapter gives: network figures only, no market. */
const chainStats = (tag: string, overrides: Partial<NetworkStats> = {}) =>
  networkStats(tag, { updatedAt: FETCHED, priceUsd: null, priceBtc: null, ...overrides });

describe('mergeSources with a chain source', () => {
  it('takes network figures from the chain and the market from the aggregator, naming the source of each', () => {
    const snapshot = mergeSources(
      [
        input('chain:RVN', {
          coins: [chainStats('RVN', { difficulty: 90_000, networkHashrate: null, blockReward: 2500 })],
          heights: { RVN: 3_600_000 },
        }),
        input('whattomine-gpu', {
          coins: [networkStats('RVN', { difficulty: 85_166, blockReward: 2500, priceBtc: 4e-7, updatedAt: FETCHED })],
          btcUsd: 60_000,
          volume24hBtcByTag: { RVN: 12 },
        }),
      ],
      'live',
      // No CoinGecko quote in this merge: the aggregator's own price is used.
      { coingeckoIds: { RVN: null } },
    );
    const rvn = snapshot.coins.find((c) => c.tag === 'RVN')!;
    expect(snapshot.coins.filter((c) => c.tag === 'RVN')).toHaveLength(1);
    expect(rvn.source).toBe('chain:RVN');
    expect(rvn.difficulty).toBe(90_000);
    // The chain gave no hashrate: WhatToMine's fills it, and says so.
    expect(rvn.networkHashrate).toBeCloseTo((85_166 * 2 ** 32) / 60, 0);
    expect(rvn.figureSources).toEqual({
      difficulty: 'chain:RVN',
      networkHashrate: 'whattomine-gpu',
      blockReward: 'chain:RVN',
      blockTimeSeconds: 'chain:RVN',
    });
    expect(rvn.height).toBe(3_600_000);
    // Price 4e-7 BTC × 60,000 USD/BTC = 0.024 USD; volume 12 BTC × 60,000 = 720,000 USD.
    expect(rvn.priceUsd).toBeCloseTo(0.024, 10);
    expect(rvn.priceSource).toBe('whattomine-gpu');
    expect(rvn.volume24hUsd).toBeCloseTo(720_000, 6);
    // 90,000 / 85,166 = 1.057: within 1.5×, no disagreement.
    expect(rvn.flags.map((f) => f.code)).not.toContain('source-disagreement');
  });

  it('flags an aggregator figure more than 1.5× off the chain and keeps the chain figure', () => {
    const snapshot = mergeSources(
      [
        input('chain:RVN', { coins: [chainStats('RVN', { difficulty: 40_000 })] }),
        input('whattomine-gpu', { coins: [networkStats('RVN', { difficulty: 85_166, updatedAt: FETCHED })] }),
      ],
      'live',
    );
    const rvn = snapshot.coins[0]!;
    expect(rvn.difficulty).toBe(40_000);
    const flag = rvn.flags.find((f) => f.code === 'source-disagreement');
    // 85,166 / 40,000 = 2.129
    expect(flag?.figures).toEqual({ figure: 'difficulty', source: 'whattomine-gpu', theirs: 85_166, own: 40_000, ratio: 85_166 / 40_000 });
    expect(describeFlag(flag!)).toContain('Difficulty: whattomine-gpu reports 85,170, ×2.13');
  });

  it("prices a registry coin by its CoinGecko id, and a coin registered without one has no market", () => {
    const snapshot = mergeSources(
      [
        input('chain:ABC', { coins: [chainStats('ABC', { algorithm: 'randomx', difficulty: 1e9, networkHashrate: null })] }),
        input('chain:XYZ', { coins: [chainStats('XYZ', { algorithm: 'randomx', difficulty: 1e9, networkHashrate: null })] }),
        input('coingecko', { quotes: [{ id: 'abc-coin', priceUsd: 0.5, volume24hUsd: 20_000, updatedAt: null }], btcUsd: 60_000 }),
      ],
      'live',
      { coingeckoIds: { ABC: 'abc-coin', XYZ: null } },
    );
    const abc = snapshot.coins.find((c) => c.tag === 'ABC')!;
    const xyz = snapshot.coins.find((c) => c.tag === 'XYZ')!;
    expect(abc.priceUsd).toBe(0.5);
    expect(abc.priceSource).toBe('coingecko');
    expect(abc.figureSources).toEqual({});
    expect(xyz.priceUsd).toBeNull();
    expect(xyz.flags.map((f) => f.code)).toContain('no-price');
  });
});

describe('a failing chain source', () => {
  it('flags its own coin stale without dating or staling the whole snapshot', () => {
    const old = '2026-11-24T09:00:00.000Z';
    const snapshot = mergeSources(
      [
        {
          status: { id: 'chain:ZEPH', name: 'ZEPH', url: 'http://127.0.0.1/', ok: false, fetchedAt: old, error: 'network error', stale: true, coins: 1 },
          payload: { ...emptyPayload(), coins: [chainStats('ZEPH', { algorithm: 'randomx', updatedAt: old })] },
        },
        input('whattomine-gpu', { coins: [networkStats('RVN', { updatedAt: FETCHED })] }),
      ],
      'live',
    );
    expect(snapshot.asOf).toBe(FETCHED);
    expect(snapshot.stale).toBe(false);
    expect(snapshot.coins.find((c) => c.tag === 'ZEPH')!.flags.map((f) => f.code)).toContain('stale-source');
  });
});
