// lib/sources/pools: the stand-ins built from each software's documented shape (tests/fixtures/
// pools, written around 2026-12-01T12:00:00Z) and the recorded raptorhash YIIMP answer, normalized
// by hand; then the same through the guarded request against the fixture server, and every fault.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AddressRefusedError } from '@/lib/infra/net-guard';
import { normalizeCryptonote, cryptonoteStatsSchema, parseCryptonoteBlock } from '@/lib/sources/pools/cryptonote-pool';
import { fetchPoolSite } from '@/lib/sources/pools/index';
import { miningCorePoolsSchema, normalizeMiningCoreBlocks, normalizeMiningCorePool } from '@/lib/sources/pools/miningcore';
import { nompStatsSchema, normalizeNompPool } from '@/lib/sources/pools/nomp';
import { normalizeYiimpPool } from '@/lib/sources/pools/yiimp';
import { SchemaError, UpstreamError } from '@/lib/sources/http';
import { POOL_FIXTURE_ANCHOR, shiftIsoTimes, startFixtureServer, type FixtureServer } from '@/tests/support/fixture-server';
import { yiimpCurrenciesBody } from '@/tests/support/chain-standins';
import type { PoolSite } from '@/lib/sources/pools/types';

const NOW = Date.parse(POOL_FIXTURE_ANCHOR);
const fixture = (file: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/pools', file), 'utf8'));
// N = D × 2^32 / 60 for CLORE's difficulty 21240.9644 and 60 s blocks = 1,520,487,457,225 H/s.
const CLORE_N = 1520487457225.0044;

describe('MiningCore', () => {
  const siteA = miningCorePoolsSchema.parse(fixture('miningcore-api_pools-site_a-documented-shape.json'));
  const siteB = miningCorePoolsSchema.parse(fixture('miningcore-api_pools-site_b-documented-shape.json'));

  it('site A: the CLORE pool with 55 % of the network', () => {
    const blocks = normalizeMiningCoreBlocks(fixture('miningcore-api_pools_clore1_blocks-site_a-documented-shape.json'));
    expect(blocks).toHaveLength(50);
    const stats = normalizeMiningCorePool(siteA.pools[0]!, blocks, { tag: 'CLORE', url: 'http://a.test' }, NOW);
    expect(stats).toEqual({
      tag: 'CLORE',
      kind: 'miningcore',
      url: 'http://a.test',
      poolId: 'clore1',
      feePercent: 1,
      payoutScheme: 'PPLNS',
      minimumPayout: 10,
      // 836,268,101,474 / 1,520,487,457,225 = 0.5500
      poolHashrate: 836268101474,
      miners: 412,
      networkHashrate: CLORE_N,
      networkDifficulty: 21240.9644,
      // Its newest block and its lastPoolBlockTime: 60 s before the anchor.
      lastBlockAt: '2026-12-01T11:59:00.000Z',
      // 50 blocks 110 s apart span 5500 s: all in 24 h, and the page (50) is full: "at least 50".
      blocks24h: 50,
      blocks24hAtLeast: true,
      // Efforts cycle 0.5, 1.0, 1.5, 0.9: (12 × 3.9 + 0.5 + 1.0) / 50 = 0.966.
      effortPercent: expect.closeTo(96.6, 9) as number,
      // Blocks 0–9 pending; of the 40 settled, block 20 is orphaned: 1/40.
      orphanRate: 0.025,
      settledBlocks: 40,
    });
    // The site runs RTM too: one MiningCore site, several coins.
    expect(siteA.pools.map((p) => p.coin.symbol)).toEqual(['CLORE', 'RTM']);
  });

  it('site B: the CLORE pool with no block for 2 days', () => {
    const blocks = normalizeMiningCoreBlocks(fixture('miningcore-api_pools_clore_blocks-site_b-documented-shape.json'));
    const stats = normalizeMiningCorePool(siteB.pools[0]!, blocks, { tag: 'CLORE', url: 'http://b.test' }, NOW);
    expect(stats).toMatchObject({
      feePercent: 0.5,
      minimumPayout: 50,
      // 1 % of N.
      poolHashrate: 15204874572,
      lastBlockAt: '2026-11-29T12:00:00.000Z',
      blocks24h: 0,
      blocks24hAtLeast: false,
      orphanRate: 0,
      settledBlocks: 3,
    });
    // (2.1 + 0.7 + 1.3) / 3 = 1.36667
    expect(stats.effortPercent).toBeCloseTo(136.667, 3);
  });

  it('refuses the 2017 API shape (poolHashRate): another version is a changed format, not zeros', () => {
    const old = { pools: [{ id: 'x', coin: { type: 'X' }, poolFeePercent: 0, poolStats: { connectedMiners: 0, poolHashRate: 0 }, networkStats: { networkHashRate: 39.05, networkDifficulty: 2343 } }] };
    expect(miningCorePoolsSchema.safeParse(old).success).toBe(false);
  });
});

describe('NOMP', () => {
  it('reads the fee from poolFees and the orphan rate from the block counts', () => {
    const { pools } = nompStatsSchema.parse(fixture('nomp-api_stats-documented-shape.json'));
    expect(normalizeNompPool(pools.clore!, 'clore', { tag: 'CLORE', url: 'http://n.test', feePercent: null })).toEqual({
      tag: 'CLORE',
      kind: 'nomp',
      url: 'http://n.test',
      poolId: 'clore',
      // poolFees 0.5 + 0.4
      feePercent: 0.9,
      payoutScheme: null,
      minimumPayout: null,
      // 5 % of N
      poolHashrate: 76024372861.25,
      miners: 12,
      networkHashrate: CLORE_N,
      networkDifficulty: 21240.9644,
      lastBlockAt: null,
      blocks24h: null,
      blocks24hAtLeast: false,
      effortPercent: null,
      // 5 orphaned of 40 + 5 settled
      orphanRate: 5 / 45,
      settledBlocks: 45,
    });
    // Without poolFees, the fee entered with the pool in the registry.
    const noFees = { ...pools.clore!, poolFees: undefined };
    expect(normalizeNompPool(noFees, 'clore', { tag: 'CLORE', url: 'http://n.test', feePercent: 2 }).feePercent).toBe(2);
  });
});

describe('cryptonote-nodejs-pool', () => {
  it('reads atomic units, the block members and the network from difficulty ÷ target', () => {
    const stats = cryptonoteStatsSchema.parse(fixture('cryptonote_pool-stats-documented-shape.json'));
    expect(normalizeCryptonote(stats, { tag: 'ZEPH', url: 'http://c.test' }, NOW)).toEqual({
      tag: 'ZEPH',
      kind: 'cryptonote-pool',
      url: 'http://c.test',
      poolId: null,
      feePercent: 0.9,
      payoutScheme: 'PROP',
      // 500,000,000,000 atomic ÷ 1e12 per coin
      minimumPayout: 0.5,
      poolHashrate: 33333333,
      miners: 57,
      // 40,000,000,000 ÷ 120 s (k = 1): 10 × the pool
      networkHashrate: 40_000_000_000 / 120,
      networkDifficulty: 40_000_000_000,
      // lastBlockFound: 3600 s before the anchor
      lastBlockAt: '2026-12-01T11:00:00.000Z',
      // Found 3600 s and 7200 s ago (the others 90,000 s and 100,000 s ago)
      blocks24h: 2,
      blocks24hAtLeast: false,
      // shares ÷ difficulty: 36/40, 52/40, 28/40, 44/40 → mean (0.9 + 1.3 + 0.7 + 1.1) / 4 = 1.0
      effortPercent: 100,
      // one orphaned of the three matured (the candidate is pending)
      orphanRate: 1 / 3,
      settledBlocks: 3,
    });
  });

  it('reads the older members without a reward type', () => {
    // hash:time:difficulty:shares:orphaned:reward
    expect(parseCryptonoteBlock('abc:1700000000:100:150:0:5')).toEqual({ status: 'confirmed', foundAtMs: 1_700_000_000_000, effort: 1.5 });
    expect(parseCryptonoteBlock('abc:1700000000:100:50')).toEqual({ status: 'pending', foundAtMs: 1_700_000_000_000, effort: 0.5 });
    expect(parseCryptonoteBlock('garbage')).toBeNull();
  });
});

describe('YIIMP', () => {
  it('reads the pool figures of the recorded raptorhash CLORE entry', () => {
    const currencies = JSON.parse(yiimpCurrenciesBody()) as Record<string, unknown>;
    expect(normalizeYiimpPool(currencies.CLORE, 'CLORE', { tag: 'CLORE', url: 'http://y.test' }, NOW)).toEqual({
      tag: 'CLORE',
      kind: 'yiimp',
      url: 'http://y.test',
      poolId: 'CLORE',
      feePercent: 1,
      payoutScheme: 'PPS',
      minimumPayout: null,
      poolHashrate: 160742859,
      miners: 0,
      networkHashrate: null,
      networkDifficulty: 21240.9644,
      // timesincelast 30266 s before the answer
      lastBlockAt: new Date(NOW - 30_266_000).toISOString(),
      blocks24h: 2,
      blocks24hAtLeast: false,
      effortPercent: null,
      orphanRate: null,
      settledBlocks: null,
    });
  });
});

describe('through the guarded request, against the fixture server', () => {
  let fixtures: FixtureServer;
  beforeAll(async () => {
    fixtures = await startFixtureServer();
  });
  afterAll(() => fixtures.close());
  afterEach(() => fixtures.reset());

  const site = (kind: PoolSite['kind'], prefix: string, poolId: string | null, tag = 'CLORE'): PoolSite => ({
    kind,
    url: `${fixtures.url}${prefix}`,
    wanted: [{ tag, poolId, feePercent: null }],
  });
  const opts = { timeoutMs: 2000, allowPrivate: true, now: () => NOW };

  it('shifts the stand-ins’ times to now, so a live test sees "2 days ago" as 2 days ago', () => {
    expect(shiftIsoTimes('{"a":"2026-11-29T12:00:00.000Z"}', POOL_FIXTURE_ANCHOR, NOW + 1000)).toBe('{"a":"2026-11-29T12:00:01.000Z"}');
  });

  it('asks a MiningCore site for its pools, then each wanted pool’s blocks, one request each', async () => {
    const result = await fetchPoolSite(site('miningcore', '/mc-a', 'clore1'), { ...opts, now: () => Date.now() });
    expect(result.pools).toHaveLength(1);
    expect(result.pools[0]).toMatchObject({ poolId: 'clore1', blocks24h: 50, feePercent: 1 });
    const counts = fixtures.counts();
    expect(counts['/mc-a/api/pools']).toBe(1);
    expect(counts['/mc-a/api/pools/clore1/blocks']).toBe(1);
  });

  it('finds the pool by ticker when no id is given, and skips a coin the site does not run', async () => {
    const result = await fetchPoolSite(
      { kind: 'miningcore', url: `${fixtures.url}/mc-b`, wanted: [{ tag: 'CLORE', poolId: null, feePercent: null }, { tag: 'RTM', poolId: null, feePercent: null }] },
      opts,
    );
    expect(result.pools.map((p) => p.poolId)).toEqual(['clore']);
    expect(result.skipped).toEqual([{ tag: 'RTM', reason: 'the site runs no RTM pool' }]);
  });

  it('reads NOMP, cryptonote-pool and YIIMP sites', async () => {
    expect((await fetchPoolSite(site('nomp', '/nomp', null), opts)).pools[0]).toMatchObject({ feePercent: 0.9, orphanRate: 5 / 45 });
    expect((await fetchPoolSite(site('cryptonote-pool', '/cn', null, 'ZEPH'), opts)).pools[0]).toMatchObject({ minimumPayout: 0.5 });
    expect((await fetchPoolSite(site('yiimp', '', null), opts)).pools[0]).toMatchObject({ poolHashrate: 160742859, payoutScheme: 'PPS' });
  });

  it.each([
    ['500', UpstreamError, /HTTP 500/],
    ['malformed', UpstreamError, /malformed JSON/],
    ['wrong-shape', SchemaError, /poolStats/],
  ] as const)('a site answering %s throws, so the snapshot keeps its last good figures', async (mode, type, message) => {
    fixtures.setMode('/mc-a/api/pools', mode);
    const attempt = fetchPoolSite(site('miningcore', '/mc-a', 'clore1'), opts);
    await expect(attempt).rejects.toBeInstanceOf(type);
    await expect(attempt).rejects.toThrow(message);
  });

  it('a site that does not answer in time throws a timeout', async () => {
    fixtures.setMode('/nomp/api/stats', 'slow', { delayMs: 5000 });
    await expect(fetchPoolSite(site('nomp', '/nomp', null), { ...opts, timeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms/);
  });

  it('never reaches a loopback site unless the operator allows private sources', async () => {
    await expect(fetchPoolSite(site('nomp', '/nomp', null), { ...opts, allowPrivate: false })).rejects.toBeInstanceOf(AddressRefusedError);
    expect(fixtures.counts()['/nomp/api/stats']).toBe(0);
  });
});
