// Pools as snapshot sources: the registry's `pools` field, one source per pool site, and a site that
// answers 500, times out, sends garbage or another version's shape keeping its last good figures,
// marked stale, without dating or staling the rest of the snapshot. Then the route, with real Requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET as getPools } from '@/app/api/coins/[tag]/pools/route';
import { buildPoolFetchers, poolSites } from '@/lib/registry/pool-fetchers';
import { registryEntrySchema, type RegistryEntryInput } from '@/lib/registry/schema';
import { SnapshotService } from '@/lib/snapshot/service';
import { emptyPayload, type SourceFetcher } from '@/lib/sources/contract';
import type { Snapshot } from '@/lib/model/types';
import { networkStats } from '@/tests/support/factories';
import { startFixtureServer, type FixtureMode, type FixtureRoute, type FixtureServer } from '@/tests/support/fixture-server';

const EMBEDDED: Snapshot = { asOf: '2024-03-16T00:00:00.000Z', mode: 'embedded', stale: true, btcUsd: null, eurPerUsd: null, rentals: [], sources: [], coins: [] };
const cite = (url: string) => ({ fact: 'test: the fixture server stands in for this pool', url });

function clore(base: string): RegistryEntryInput {
  return {
    tag: 'CLORE',
    name: 'Clore.ai',
    algorithm: 'kawpow',
    blockTimeSeconds: 60,
    source: { kind: 'yiimp', url: base, symbol: 'CLORE' },
    price: { coingeckoId: 'clore-ai' },
    sources: [cite(`${base}/api/currencies`)],
    pools: [
      { kind: 'miningcore', url: `${base}/mc-a`, poolId: 'clore1', citation: cite(`${base}/mc-a/api/pools`) },
      { kind: 'miningcore', url: `${base}/mc-b`, citation: cite(`${base}/mc-b/api/pools`) },
      { kind: 'nomp', url: `${base}/nomp`, poolId: 'clore', citation: cite(`${base}/nomp/api/stats`) },
      { kind: 'yiimp', url: base, citation: cite(`${base}/api/currencies`) },
    ],
  };
}

describe('the registry’s pools field', () => {
  const base = 'https://pool.example';
  it('accepts cited pools and leaves coins without pools as they were', () => {
    const entry = registryEntrySchema.parse(clore(base));
    expect(entry.pools?.map((p) => [p.kind, p.url, p.poolId ?? null])).toEqual([
      ['miningcore', 'https://pool.example/mc-a', 'clore1'],
      ['miningcore', 'https://pool.example/mc-b', null],
      ['nomp', 'https://pool.example/nomp', 'clore'],
      ['yiimp', 'https://pool.example', null],
    ]);
    expect(registryEntrySchema.parse({ ...clore(base), pools: undefined }).pools).toBeUndefined();
  });

  it.each([
    [{ kind: 'stratum', url: base, citation: cite(base) }, 'pools.0.kind', /must be one of miningcore, nomp, cryptonote-pool, yiimp/],
    [{ kind: 'nomp', url: 'https://user:pw@pool.example', citation: cite(base) }, 'pools.0.url', /must not contain a user name or password/],
    [{ kind: 'nomp', url: base }, 'pools.0.citation', /./],
    [{ kind: 'nomp', url: base, feePercent: 120, citation: cite(base) }, 'pools.0.feePercent', /at most 100/],
  ])('refuses %j at %s', (pool, where, message) => {
    const result = registryEntrySchema.safeParse({ ...clore(base), pools: [pool] });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path.join('.')).toBe(where);
    expect(issue.message).toMatch(message);
  });

  it('groups the coins by site: one source per pool site', () => {
    const zeph = { ...clore(base), tag: 'ZEPH', algorithm: 'randomx', pools: [{ kind: 'yiimp' as const, url: base, citation: cite(base) }] };
    const sites = poolSites([registryEntrySchema.parse(clore(base)), registryEntrySchema.parse(zeph)]);
    expect(sites.map((s) => [s.kind, s.url, s.wanted.map((w) => w.tag)])).toEqual([
      ['miningcore', 'https://pool.example/mc-a', ['CLORE']],
      ['miningcore', 'https://pool.example/mc-b', ['CLORE']],
      ['nomp', 'https://pool.example/nomp', ['CLORE']],
      ['yiimp', 'https://pool.example', ['CLORE', 'ZEPH']],
    ]);
  });
});

describe('pool sites in the snapshot service', () => {
  let fixtures: FixtureServer;
  beforeAll(async () => {
    fixtures = await startFixtureServer();
  });
  afterAll(() => fixtures.close());

  function service(): SnapshotService {
    const entry = registryEntrySchema.parse(clore(fixtures.url));
    // An aggregator that always answers: a dead pool must not make the whole table stale.
    const aggregator: SourceFetcher = {
      id: 'whattomine-gpu',
      name: 'aggregator',
      url: 'http://127.0.0.1/aggregator',
      fetch: async () => ({ ...emptyPayload(), coins: [networkStats('RVN')] }),
    };
    const fetchers = [aggregator, ...buildPoolFetchers([entry], { timeoutMs: 1500, allowPrivate: true })];
    return new SnapshotService({ fetchers, refreshSeconds: 300, snapshotFile: null, embedded: () => EMBEDDED });
  }

  it('puts every pool’s figures in the snapshot, fresh, one source per site', async () => {
    fixtures.reset();
    const snapshot = await service().refresh({ force: true });
    expect(snapshot.pools?.map((p) => [p.sourceId, p.poolId, p.stale])).toEqual([
      [`pool:miningcore:127.0.0.1:${fixtures.port}/mc-a`, 'clore1', false],
      [`pool:miningcore:127.0.0.1:${fixtures.port}/mc-b`, 'clore', false],
      [`pool:nomp:127.0.0.1:${fixtures.port}/nomp`, 'clore', false],
      [`pool:yiimp:127.0.0.1:${fixtures.port}`, 'CLORE', false],
    ]);
    // MiningCore: one /api/pools and one blocks request per wanted pool, per site, per refresh.
    expect(fixtures.counts()).toMatchObject({ '/mc-a/api/pools': 1, '/mc-a/api/pools/clore1/blocks': 1, '/mc-b/api/pools': 1, '/mc-b/api/pools/clore/blocks': 1 });
  }, 15_000);

  it.each<[FixtureRoute, FixtureMode]>([
    ['/mc-a/api/pools', '500'],
    ['/mc-a/api/pools', 'slow'],
    ['/mc-a/api/pools', 'malformed'],
    ['/mc-a/api/pools', 'wrong-shape'],
    ['/mc-a/api/pools/clore1/blocks', 'wrong-shape'],
  ])('a site whose %s answers %s keeps its last good figures, marked stale', async (route, mode) => {
    fixtures.reset();
    const pools = service();
    const good = await pools.refresh({ force: true });
    const before = good.pools!.find((p) => p.poolId === 'clore1')!;
    fixtures.setMode(route, mode, { delayMs: 4000 });
    const after = await pools.refresh({ force: true });
    const kept = after.pools!.find((p) => p.poolId === 'clore1')!;
    expect(kept).toEqual({ ...before, stale: true });
    expect(kept.poolHashrate).toBe(836268101474);
    const status = after.sources.find((s) => s.id === kept.sourceId)!;
    expect(status).toMatchObject({ ok: false, stale: true, fetchedAt: before.fetchedAt });
    expect(status.error).toMatch(/miningcore/);
    // The other sites and the table are not touched.
    expect(after.pools!.filter((p) => p.poolId !== 'clore1').every((p) => !p.stale)).toBe(true);
    expect(after.stale).toBe(false);
  }, 15_000);
});

describe('GET /api/coins/{tag}/pools', () => {
  const get = (tag: string, query = '') => getPools(new Request(`http://localhost/api/coins/${tag}/pools${query}`), { params: Promise.resolve({ tag }) });

  it('answers the coin’s pools for the rig (none in the embedded snapshot)', async () => {
    const response = await get('rvn', '?hr.kawpow=30M&fee=2');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      tag: 'RVN',
      algorithm: 'kawpow',
      asOf: '2024-03-16T00:00:00.000Z',
      hashrate: 30e6,
      flatFeePercent: 2,
      pools: [],
    });
  });

  it('answers 400 naming a bad param, and 404 for an unknown coin', async () => {
    const bad = await get('RVN', '?fee=lots');
    expect(bad.status).toBe(400);
    expect((await bad.json()).param).toBe('fee');
    const unknown = await get('NOPE1');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ param: 'tag' });
  });
});
