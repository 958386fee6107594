import { describeFlag } from '@/lib/format/flags';
import { describe, expect, it, vi } from 'vitest';
import { enrichCoin, type HistoryAverages, type HistoryReader } from '@/lib/history/enrich';
import { mergeSources } from '@/lib/snapshot/merge';
import { SnapshotService } from '@/lib/snapshot/service';
import type { Snapshot } from '@/lib/model/types';
import { networkStats } from '../../support/factories';

const none = { difficulty: null, priceUsd: null, networkHashrate: null, points: 0 };
const averages = (over: Partial<HistoryAverages> = {}): HistoryAverages => ({ '24h': none, '3d': none, '7d': none, ...over });

function liveCoin(upstream24h = false) {
  const stats = networkStats('RVN', {
    updatedAt: '2026-11-24T12:00:00Z',
    averages: upstream24h
      ? { '24h': { difficulty: 90_000, networkHashrate: null, blockReward: null, priceUsd: 0.03, priceBtc: null, source: 'upstream', points: null } }
      : {},
  });
  return mergeSources(
    [
      {
        status: { id: 'hashrateno', name: 'h', url: 'u', ok: true, fetchedAt: '2026-11-24T12:00:00Z', error: null, stale: false, coins: 1 },
        payload: { coins: [stats], quotes: [], btcUsd: 60_000, btcEur: null, volume24hBtcByTag: {}, rentals: [], supplies: [], heights: {} },
      },
    ],
    'live',
  ).coins[0]!;
}

describe('enrichCoin', () => {
  it('fills a window the upstream lacks from history, with at least 3 points', () => {
    const coin = enrichCoin(
      liveCoin(),
      averages({
        '24h': { difficulty: 80_000, priceUsd: 0.024, networkHashrate: 6e12, points: 288 },
        '7d': { difficulty: 1, priceUsd: 1, networkHashrate: 1, points: 2 },
      }),
      { cv: 0.05, points: 288 },
      60_000,
    );
    expect(coin.averages['24h']).toEqual({
      difficulty: 80_000,
      networkHashrate: 6e12,
      blockReward: null,
      priceUsd: 0.024,
      priceBtc: 0.024 / 60_000,
      source: 'history',
      points: 288,
    });
    expect(coin.averages['7d']).toBeUndefined(); // two points are not an average
    expect(coin.difficultyCv24h).toBe(0.05);
    expect(coin.flags.map((f) => f.code)).not.toContain('volatile-difficulty');
  });

  it('keeps the upstream’s own average over history', () => {
    const coin = enrichCoin(liveCoin(true), averages({ '24h': { difficulty: 1, priceUsd: 1, networkHashrate: 1, points: 99 } }), { cv: null, points: 0 }, 60_000);
    expect(coin.averages['24h']).toMatchObject({ difficulty: 90_000, source: 'upstream' });
  });

  it('flags a difficulty that jumps: CV over 24 h above 25 %', () => {
    const coin = enrichCoin(liveCoin(), averages(), { cv: 0.4, points: 100 }, 60_000);
    expect(coin.flags).toContainEqual(expect.objectContaining({ code: 'volatile-difficulty' }));
    expect(describeFlag(coin.flags.find((f) => f.code === 'volatile-difficulty')!)).toContain('40 %');
  });
});

describe('SnapshotService with history', () => {
  const EMBEDDED: Snapshot = { asOf: '2024-03-16T00:00:00.000Z', mode: 'embedded', stale: true, btcUsd: null, eurPerUsd: null, rentals: [], sources: [], coins: [] };
  const fetcher = {
    id: 'hashrateno' as const,
    name: 'h',
    url: 'u',
    fetch: async () => ({ coins: [networkStats('RVN')], quotes: [], btcUsd: 60_000, btcEur: null, volume24hBtcByTag: {}, rentals: [], supplies: [], heights: {} }),
  };

  it('records every live snapshot without waiting for the write, and serves history averages', async () => {
    const record = vi.fn(() => new Promise<void>(() => undefined)); // a write that never finishes
    const reader: HistoryReader = {
      averages: async () => averages({ '24h': { difficulty: 80_000, priceUsd: null, networkHashrate: null, points: 10 } }),
      volatility: async () => ({ cv: 0.1, points: 10 }),
    };
    const service = new SnapshotService({ fetchers: [fetcher], refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED, history: { reader } });
    service.onPublished(record);
    const snapshot = await service.get();
    expect(record).toHaveBeenCalledTimes(1);
    expect(snapshot.coins[0]!.averages['24h']).toMatchObject({ difficulty: 80_000, source: 'history' });
  });

  it('serves the snapshot as merged when history fails or is slow', async () => {
    const failing: HistoryReader = { averages: async () => Promise.reject(new Error('database is locked')), volatility: async () => ({ cv: null, points: 0 }) };
    const slow: HistoryReader = { averages: () => new Promise(() => undefined), volatility: async () => ({ cv: null, points: 0 }) };
    for (const reader of [failing, slow]) {
      const service = new SnapshotService({
        fetchers: [fetcher],
        refreshSeconds: 300,
        snapshotFile: null,
        embedded: () => EMBEDDED,
        history: { reader },
        enrichTimeoutMs: 50,
      });
      const snapshot = await service.get();
      expect(snapshot.coins.map((c) => c.tag)).toEqual(['RVN']);
      expect(snapshot.coins[0]!.averages).toEqual({});
    }
  });
});
