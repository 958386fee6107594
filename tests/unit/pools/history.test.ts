// Pool figures in history: one point per pool per fetch of its site, written with each recorded
// snapshot (the history recorder is the snapshot's first onPublished subscriber); a stale pool adds
// nothing. Against the embedded SQLite store in a temporary file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { snapshotPoolPoints } from '@/lib/history/pools';
import { createHistoryStore, type HistoryStore } from '@/lib/history/store';
import { coinSchema, type Snapshot } from '@/lib/model/types';
import type { SnapshotPool } from '@/lib/model/pools';
import { networkStats } from '@/tests/support/factories';

const AS_OF = '2026-12-01T12:00:00.000Z';
const AT = Date.parse(AS_OF);
// N = 85,166 × 2^32 / 60 = 6,096,291,069,883.7 H/s.
const N = (85166 * 2 ** 32) / 60;
const coin = coinSchema.parse({ ...networkStats('RVN'), workFactor: 2 ** 32, source: 'whattomine-gpu', priceSource: null, impliedNetworkHashrate: null, flags: [] });

function pool(poolId: string, poolHashrate: number, stale = false): SnapshotPool {
  return {
    tag: 'RVN', kind: 'miningcore', url: 'https://pool.example', poolId, feePercent: 1, payoutScheme: 'PPLNS', minimumPayout: 5,
    poolHashrate, miners: 40, networkHashrate: null, networkDifficulty: null, lastBlockAt: null, blocks24h: 12, blocks24hAtLeast: false,
    effortPercent: null, orphanRate: null, settledBlocks: null, sourceId: 'pool:miningcore:pool.example', fetchedAt: AS_OF, stale,
  };
}

const snapshot = (pools: SnapshotPool[], mode: Snapshot['mode'] = 'live'): Snapshot => ({
  asOf: AS_OF, mode, stale: false, btcUsd: null, eurPerUsd: null, rentals: [], sources: [], coins: [coin], pools,
});

describe('snapshotPoolPoints', () => {
  it('one point per fresh pool, its share of the network worked by hand', () => {
    // 0.55 × N / N = 0.55; the stale pool and an embedded snapshot add nothing.
    expect(snapshotPoolPoints(snapshot([pool('big', 0.55 * N), pool('gone', N / 100, true)]))).toEqual([
      { tag: 'RVN', sourceId: 'pool:miningcore:pool.example', poolId: 'big', at: AT, poolHashrate: 0.55 * N, networkShare: 0.55, feePercent: 1, miners: 40, blocks24h: 12 },
    ]);
    expect(snapshotPoolPoints(snapshot([pool('big', N)], 'embedded'))).toEqual([]);
  });
});

describe('the history store', () => {
  let dir: string | null = null;
  let store: HistoryStore | null = null;
  afterEach(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records the pools with each snapshot, once per fetch', async () => {
    dir = await mkdtemp(join(tmpdir(), 'minerank-pools-'));
    store = createHistoryStore({ sqliteFile: join(dir, 'history.sqlite') });
    await store.record(snapshot([pool('big', 0.55 * N), pool('small', 0.1 * N)]));
    // The same fetch again (a stale repeat) is a no-op.
    await store.record(snapshot([pool('big', 0.55 * N), pool('small', 0.1 * N)]));
    const points = await store.poolPoints('RVN', { from: AT - 1000, to: AT + 1000 });
    expect(points.map((p) => [p.poolId, p.networkShare])).toEqual([
      ['big', 0.55],
      ['small', 0.1],
    ]);
    expect(await store.poolPoints('RVN', { from: AT + 1, to: AT + 1000 })).toEqual([]);
  });
});
