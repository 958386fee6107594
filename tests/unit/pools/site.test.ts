// A whole pool site (lib/sources/pools/site.ts): every pool it runs, and a MiningCore site's coins
// as long-tail coin rows; then how those rows merge below chains and aggregators. The site C
// stand-in (tests/fixtures/pools/*site_c*, built from MiningCore's documented shape, written
// around 2026-12-01T12:00:00Z) runs KPX (KawPow), SCX (Scrypt) and ODD (an algorithm the app does
// not know).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AddressRefusedError } from '@/lib/infra/net-guard';
import { coinsPerDayFromDifficulty } from '@/lib/mining/profit';
import { POW2_32 } from '@/lib/mining/algorithms';
import { poolSourceId } from '@/lib/model/pools';
import type { SourceId } from '@/lib/model/types';
import { mergeSources, type SourceInput } from '@/lib/snapshot/merge';
import { emptyPayload, type SourcePayload } from '@/lib/sources/contract';
import { miningCoreBlocksSchema, miningCorePoolsSchema } from '@/lib/sources/pools/miningcore';
import { lastBlockReward, miningCoreCoinStats, plainName, readPoolSite, tagOf } from '@/lib/sources/pools/site';
import { SchemaError } from '@/lib/sources/http';
import { buildSiteFetchers } from '@/lib/registry/pool-fetchers';
import { fetchPoolSite } from '@/lib/sources/pools/index';
import { networkStats } from '../../support/factories';
import { POOL_FIXTURE_ANCHOR, startFixtureServer, type FixtureServer } from '@/tests/support/fixture-server';

const NOW = Date.parse(POOL_FIXTURE_ANCHOR);
const fixture = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/pools', file), 'utf8'));
const siteC = miningCorePoolsSchema.parse(fixture('miningcore-api_pools-site_c-documented-shape.json'));
const kpxBlocks = miningCoreBlocksSchema.parse(fixture('miningcore-api_pools_kpx1_blocks-site_c-documented-shape.json'));
// KPX's difficulty is the one 60 s blocks give at 1e12 H/s: 1e12 × 60 ÷ 2^32 = 13,969.838619232178.
const KPX_D = 13969.838619232178;

describe('a MiningCore coin as a long-tail coin row', () => {
  it('takes the pool’s network figures, its last confirmed block’s reward as the miner’s part, and no price', () => {
    const row = miningCoreCoinStats(siteC.pools[0]!, kpxBlocks);
    expect(row).toEqual({
      stats: {
        tag: 'KPX',
        name: 'KawPow stand-in',
        algorithm: 'kawpow',
        // MiningCore publishes no block time: the estimate goes by difficulty × k.
        blockTimeSeconds: null,
        // The confirmed block (11:50, 1000) wins over the newer pending one (11:59, 1200).
        blockReward: 1000,
        difficulty: KPX_D,
        networkHashrate: 1e12,
        emissionPerDay: null,
        priceUsd: null,
        priceBtc: null,
        volume24hUsd: null,
        lagging: false,
        updatedAt: '2026-12-01T11:59:30.000Z',
        averages: {},
        rewardBasis: 'miner',
        blockRewardToOthers: null,
      },
      height: 250000,
    });
  });

  it('refuses a coin of an algorithm the app does not know, and one with no usable ticker', () => {
    expect(miningCoreCoinStats(siteC.pools[2]!, [])).toEqual({ code: 'unknown-algorithm' });
    const noSymbol = { ...siteC.pools[0]!, coin: { ...siteC.pools[0]!.coin, symbol: 'K<P>X' } };
    expect(miningCoreCoinStats(noSymbol, [])).toEqual({ code: 'no-symbol' });
    const noNetwork = { ...siteC.pools[0]!, networkStats: { ...siteC.pools[0]!.networkStats, networkHashrate: 0, networkDifficulty: -1 } };
    expect(miningCoreCoinStats(noNetwork, [])).toEqual({ code: 'no-network-figures' });
  });

  it('refuses a difficulty whose convention the network hashrate contradicts', () => {
    // KPX as served: D × k ÷ N = 13,969.838619232178 × 2^32 ÷ 1e12 = 60 s, a plausible block time.
    expect('stats' in miningCoreCoinStats(siteC.pools[0]!, kpxBlocks)).toBe(true);
    // The same network with its difficulty in hashes per block (D = N × T = 1e12 × 60 = 6e13):
    // 6e13 × 2^32 ÷ 1e12 = 60 × 2^32 = 257,698,037,760 s > 1 day.
    const hashes = { ...siteC.pools[0]!, networkStats: { ...siteC.pools[0]!.networkStats, networkDifficulty: 6e13 } };
    expect(miningCoreCoinStats(hashes, kpxBlocks)).toEqual({ code: 'difficulty-convention' });
    // And a difficulty divided by 2^32 once too often: (13,969.84 ÷ 2^32) × 2^32 ÷ 1e12 = 1.4e-8 s < 1 s.
    const tiny = { ...siteC.pools[0]!, networkStats: { ...siteC.pools[0]!.networkStats, networkDifficulty: KPX_D / 2 ** 32 } };
    expect(miningCoreCoinStats(tiny, kpxBlocks)).toEqual({ code: 'difficulty-convention' });
  });

  it('reads the reward from the newest confirmed block, else the newest pending one, never an orphan’s 0', () => {
    const b = (status: 'pending' | 'confirmed' | 'orphaned', reward: number, created: string) => ({ status, reward, created });
    expect(lastBlockReward([b('pending', 7, '2026-12-01T10:00:00Z'), b('pending', 8, '2026-12-01T11:00:00Z')])).toBe(8);
    expect(lastBlockReward([b('orphaned', 0, '2026-12-01T11:00:00Z'), b('confirmed', 5, '2026-12-01T09:00:00Z')])).toBe(5);
    expect(lastBlockReward([b('orphaned', 0, '2026-12-01T11:00:00Z')])).toBeNull();
    expect(lastBlockReward([])).toBeNull();
  });

  it('keeps tickers and names fit to show', () => {
    expect(tagOf(' kpx ')).toBe('KPX');
    expect(tagOf('K')).toBeNull();
    expect(tagOf(undefined)).toBeNull();
    expect(plainName('<b>Stand-in</b>', 'KPX')).toBe('bStand-in/b');
    expect(plainName('  ', 'KPX')).toBe('KPX');
  });
});

describe('readPoolSite through the guarded request', () => {
  let fixtures: FixtureServer;
  beforeAll(async () => {
    fixtures = await startFixtureServer();
  });
  afterAll(async () => fixtures.close());
  afterEach(() => fixtures.reset());
  const opts = { timeoutMs: 2000, allowPrivate: true, now: () => NOW };

  it('reads every pool of a MiningCore site, one blocks request per pool of a known algorithm', async () => {
    const reading = await readPoolSite('miningcore', `${fixtures.url}/mc-c`, opts);
    expect(reading.pools.map((p) => [p.tag, p.poolId, p.feePercent, p.poolHashrate])).toEqual([
      ['KPX', 'kpx1', 1, 1e11],
      // 20,000 × 2^32 ÷ 150 = 572,662,306,133 H/s network; the pool a tenth of it.
      ['SCX', 'scx1', 0.5, 57266230613.333336],
    ]);
    expect(reading.coins.map((c) => [c.tag, c.algorithm, c.difficulty, c.blockReward])).toEqual([
      ['KPX', 'kawpow', KPX_D, 1000],
      ['SCX', 'scrypt', 20000, 12.5],
    ]);
    expect(reading.heights).toEqual({ KPX: 250000, SCX: 777000 });
    expect(reading.skipped).toEqual([{ poolId: 'odd1', symbol: 'ODD', algorithm: 'Frobnicate', code: 'unknown-algorithm' }]);
    const counts = fixtures.counts();
    expect([counts['/mc-c/api/pools'], counts['/mc-c/api/pools/kpx1/blocks'], counts['/mc-c/api/pools/scx1/blocks']]).toEqual([1, 1, 1]);
  });

  it('keeps a pool whose blocks fail, with its block figures and reward unknown', async () => {
    fixtures.setMode('/mc-c/api/pools/kpx1/blocks', '500');
    // The stand-in's times are served moved to the real clock: read them against it.
    const reading = await readPoolSite('miningcore', `${fixtures.url}/mc-c`, { ...opts, now: Date.now });
    const kpx = reading.coins.find((c) => c.tag === 'KPX')!;
    expect(kpx.blockReward).toBeNull();
    const pool = reading.pools.find((p) => p.tag === 'KPX')!;
    // Unknown, not zero; the pool's own stamp of its last block stays (60 s before the moment).
    expect([pool.blocks24h, pool.orphanRate]).toEqual([null, null]);
    expect((Date.now() - Date.parse(pool.lastBlockAt ?? '')) / 1000).toBeGreaterThan(55);
    expect((Date.now() - Date.parse(pool.lastBlockAt ?? '')) / 1000).toBeLessThan(90);
    expect(reading.skipped.map((s) => `${s.poolId}:${s.code}`)).toEqual(['kpx1:blocks-failed', 'odd1:unknown-algorithm']);
  });

  it('throws on a list of another version’s shape, and refuses a loopback site before any request', async () => {
    fixtures.setMode('/mc-c/api/pools', 'wrong-shape');
    await expect(readPoolSite('miningcore', `${fixtures.url}/mc-c`, opts)).rejects.toBeInstanceOf(SchemaError);
    fixtures.reset();
    await expect(readPoolSite('miningcore', `${fixtures.url}/mc-c`, { ...opts, allowPrivate: false })).rejects.toBeInstanceOf(AddressRefusedError);
    expect(fixtures.counts()['/mc-c/api/pools']).toBe(0);
  });

  it('skips a pool id that could walk paths and never asks for it, a pool of another shape, and bounds hostile figures', async () => {
    fixtures.setMode('/mc-c/api/pools', 'hostile');
    const reading = await readPoolSite('miningcore', `${fixtures.url}/mc-c`, opts);
    // hx1's blocks route does not exist on the stand-in (404): its block figures go unknown.
    // inf1's difficulty of 1e400 is Infinity: that pool alone fails its schema, the others are read.
    expect(reading.skipped.map((s) => `${s.poolId}:${s.code}`)).toEqual(['inf1:bad-shape', '../../x:bad-id', 'hx1:blocks-failed', 'hx1:no-network-figures']);
    expect(reading.pools.map((p) => [p.tag, p.poolId, p.networkHashrate, p.networkDifficulty])).toEqual([['HX', 'hx1', null, 0]]);
    expect(reading.coins).toEqual([]);
    expect(Object.keys(fixtures.counts()).filter((route) => route.includes('x/blocks') && fixtures.counts()[route]! > 0)).toEqual([]);
  });

  it('gives a registry coin whose pool is of another shape a reason of its own, not a failed site', async () => {
    fixtures.setMode('/mc-c/api/pools', 'hostile');
    const result = await fetchPoolSite(
      { kind: 'miningcore', url: `${fixtures.url}/mc-c`, wanted: [{ tag: 'INF', poolId: 'inf1', feePercent: null }] },
      opts,
    );
    expect(result).toEqual({ pools: [], skipped: [{ tag: 'INF', reason: 'the site\'s pool "inf1" is not in the shape this app reads' }] });
  });

  it('makes each added site one source, leaving a site the registry already reads to that source', async () => {
    const sites = [
      { kind: 'miningcore' as const, url: `${fixtures.url}/mc-c` },
      { kind: 'miningcore' as const, url: `${fixtures.url}/mc-a` },
    ];
    const fetchers = buildSiteFetchers(sites, opts, new Set([poolSourceId('miningcore', `${fixtures.url}/mc-a`)]));
    expect(fetchers.map((f) => f.id)).toEqual([poolSourceId('miningcore', `${fixtures.url}/mc-c`)]);
    const payload = await fetchers[0]!.fetch();
    expect([payload.pools?.length, payload.coins.map((c) => c.tag), payload.heights]).toEqual([2, ['KPX', 'SCX'], { KPX: 250000, SCX: 777000 }]);
    // A site that answers with no pool at all is a failed fetch (its last good data is kept).
    fixtures.setMode('/mc-c/api/pools', 'empty');
    await expect(fetchers[0]!.fetch()).rejects.toThrow('miningcore: no readable pool (the site lists none)');
  });

  it('reads a NOMP portal’s and a cryptonote-pool site’s pools by their tickers, with no coin rows', async () => {
    const nomp = await readPoolSite('nomp', `${fixtures.url}/nomp`, opts);
    expect(nomp.pools.length).toBeGreaterThan(0);
    expect(nomp.coins).toEqual([]);
    const cn = await readPoolSite('cryptonote-pool', `${fixtures.url}/cn`, opts);
    expect(cn.pools).toHaveLength(1);
    expect(cn.coins).toEqual([]);
  });
});

describe('merging a pool site’s coin rows', () => {
  const FETCHED = '2026-12-01T12:00:00.000Z';
  const input = (id: SourceId, partial: Partial<SourcePayload>): SourceInput => ({
    status: { id, name: id, url: `http://127.0.0.1/${id}`, ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 0 },
    payload: { ...emptyPayload(), ...partial },
  });
  const siteId = poolSourceId('miningcore', 'http://pool.example');
  const kpx = miningCoreCoinStats(siteC.pools[0]!, kpxBlocks);
  if ('code' in kpx) throw new Error('KPX must be a coin row');

  it('makes a coin no other source lists a row of its own, marked as the pool site’s, with no price', () => {
    const snapshot = mergeSources(
      [input(siteId, { coins: [kpx.stats], heights: { KPX: 250000 } }), input('whattomine-gpu', { coins: [networkStats('RVN')], btcUsd: 60000 })],
      'live',
      { coingeckoIds: { KPX: null } },
    );
    const coin = snapshot.coins.find((c) => c.tag === 'KPX')!;
    expect(coin.source).toBe('pool:miningcore:pool.example');
    expect(coin.priceUsd).toBeNull();
    expect(coin.flags.map((f) => f.code)).toContain('no-price');
    expect(coin.workFactor).toBe(POW2_32);
    // The reward is the pool's part already: the miner's reward is the whole of it.
    expect([coin.rewardBasis, coin.minerReward, coin.height]).toEqual(['miner', 1000, 250000]);
    // 1e8 H/s × 86,400 s × 1000 ÷ (13,969.838619232178 × 2^32) = 8.64e15 ÷ 6e13 = 144 KPX a day.
    expect(coinsPerDayFromDifficulty(1e8, coin.difficulty!, coin.workFactor!, coin.minerReward!)).toBeCloseTo(144, 9);
    // A pool site never dates or stales the table.
    expect(snapshot.stale).toBe(false);
  });

  it('leaves a coin a chain or an aggregator lists to that source, never filling it from the pool', () => {
    const onChain = { ...kpx.stats, difficulty: 9000, blockReward: null, networkHashrate: null };
    const snapshot = mergeSources(
      [
        input(siteId, { coins: [kpx.stats] }),
        input('chain:KPX', { coins: [onChain] }),
        input('whattomine-gpu', { coins: [networkStats('SCX', { algorithm: 'scrypt' })] }),
        input(poolSourceId('miningcore', 'http://other.example'), { coins: [{ ...kpx.stats, tag: 'SCX', algorithm: 'scrypt', difficulty: 1 }] }),
      ],
      'live',
    );
    const coin = snapshot.coins.find((c) => c.tag === 'KPX')!;
    expect(coin.source).toBe('chain:KPX');
    // The chain's own figure; its missing reward is not taken from the pool.
    expect([coin.difficulty, coin.blockReward]).toEqual([9000, null]);
    expect(snapshot.coins.find((c) => c.tag === 'SCX')!.source).toBe('whattomine-gpu');
    expect(snapshot.coins.filter((c) => c.tag === 'KPX' || c.tag === 'SCX')).toHaveLength(2);
  });
});
