// The slow coin-health refresh, in process: which coin goes next, what a failure keeps, Retry-After,
// the file a restart reads back; and the adapters' requests against a loopback server with the fixtures.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { HealthDataService, type HealthFetchers, type HealthTarget } from '@/lib/server/health-service';
import { fetchCoinGeckoCoin, fetchCoinGeckoTickers, normalizeCoinGeckoCoin, normalizeCoinGeckoTickers } from '@/lib/sources/coingecko-coin';
import { fetchCoinPaprikaCoin } from '@/lib/sources/coinpaprika';
import { fetchGitHubActivity } from '@/lib/sources/github';
import { UpstreamError } from '@/lib/sources/http';
import { listenOnLoopback } from '../../support/listen';

const FIXTURES = path.join(__dirname, '../../fixtures');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as unknown;
const HOUR = 3_600_000;
const T0 = Date.parse('2026-12-01T12:00:00Z');

const RTM: HealthTarget = { tag: 'RTM', coingeckoId: 'raptoreum', coinpaprikaId: null, github: null };
const TINY: HealthTarget = { tag: 'TINY', coingeckoId: null, coinpaprikaId: 'rtm-raptoreum', github: null };
const NOTHING: HealthTarget = { tag: 'NONE', coingeckoId: null, coinpaprikaId: null, github: null };

function stubFetchers(calls: string[], fail: { coingecko?: Error } = {}): HealthFetchers {
  return {
    coingeckoCoin: async (id) => {
      calls.push(`cg:${id}`);
      if (fail.coingecko) throw fail.coingecko;
      return normalizeCoinGeckoCoin(fixture('coingecko-coins_id-documented-shape.json'));
    },
    coingeckoTickers: async (id) => {
      calls.push(`tickers:${id}`);
      return normalizeCoinGeckoTickers(fixture('coingecko-coins_id_tickers-documented-shape.json'));
    },
    coinpaprika: async (id) => {
      calls.push(`paprika:${id}`);
      const { normalizeCoinPaprikaCoin } = await import('@/lib/sources/coinpaprika');
      return normalizeCoinPaprikaCoin(fixture('coinpaprika-coins_id-documented-shape.json'));
    },
    github: async (repo) => {
      calls.push(`github:${repo}`);
      return { repo, lastCommitAt: '2026-11-20T08:00:00.000Z', lastReleaseAt: null, archived: false };
    },
  };
}

function service(targets: HealthTarget[], fetchers: HealthFetchers, clock: { now: number }, file: string | null = null) {
  return new HealthDataService({
    fetchers,
    targets: () => targets,
    maxAgeMs: 6 * HOUR,
    githubMaxAgeMs: 24 * HOUR,
    spacingMs: 30_000,
    file,
    now: () => clock.now,
  });
}

describe('HealthDataService', () => {
  it('asks one coin per step, CoinGecko then GitHub for the repository it lists, then waits for the refresh age', async () => {
    const calls: string[] = [];
    const clock = { now: T0 };
    const s = service([RTM, NOTHING], stubFetchers(calls), clock);
    expect(await s.step()).toBe('RTM');
    expect(calls).toEqual(['cg:raptoreum', 'tickers:raptoreum', 'github:Raptor3um/raptoreum']);
    const rtm = s.get().get('RTM');
    expect(rtm?.markets?.usableVolumeUsd).toBe(100_000);
    expect(rtm?.development).toMatchObject({ commitCount4Weeks: 12, lastCommitAt: '2026-11-20T08:00:00.000Z', source: 'coingecko+github' });
    // NONE has no id and no repository: never asked, so it stays "no data"
    expect(await s.step()).toBeNull();
    expect(s.get().has('NONE')).toBe(false);
    // 6 h later CoinGecko is due again, GitHub (daily) is not
    clock.now += 6 * HOUR;
    expect(await s.step()).toBe('RTM');
    expect(calls.slice(3)).toEqual(['cg:raptoreum', 'tickers:raptoreum']);
  });

  it('CoinPaprika fills community and the repository where CoinGecko has no entry', async () => {
    const calls: string[] = [];
    const s = service([TINY], stubFetchers(calls), { now: T0 });
    await s.step();
    expect(calls).toEqual(['paprika:rtm-raptoreum', 'github:Raptor3um/raptoreum']);
    expect(s.get().get('TINY')?.community).toEqual({ xFollowers: 24000, redditSubscribers: 4100, telegramMembers: null, source: 'coinpaprika' });
    expect(s.get().get('TINY')?.markets).toBeNull();
  });

  it('a failure keeps the last good figures, says why, and a 429 pauses every coin for its Retry-After', async () => {
    const calls: string[] = [];
    const clock = { now: T0 };
    const fetchers = stubFetchers(calls);
    const s = service([RTM], fetchers, clock);
    await s.step();
    const good = s.get().get('RTM');
    clock.now += 6 * HOUR;
    fetchers.coingeckoCoin = async () => {
      throw new UpstreamError('coingecko-coin: HTTP 429', 'http', { status: 429, retryAfterSeconds: 120 });
    };
    expect(await s.step()).toBe('RTM');
    const kept = s.get().get('RTM');
    expect(kept?.markets).toEqual(good?.markets);
    expect(kept?.fetchedAt).toBe(good?.fetchedAt);
    expect(kept?.error).toBe('coingecko-coin: HTTP 429');
    // paused for 120 s, and the failed coin is not retried at once afterwards either
    clock.now += 60_000;
    expect(await s.step()).toBeNull();
    clock.now += 61_000;
    expect(await s.step()).toBeNull();
  });

  it('writes its figures to the file, and a new instance serves them without asking', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'health-')), 'health.json');
    const calls: string[] = [];
    await service([RTM], stubFetchers(calls), { now: T0 }, file).step();
    const again: string[] = [];
    const restarted = service([RTM], stubFetchers(again), { now: T0 + HOUR }, file);
    expect(await restarted.step()).toBeNull();
    expect(again).toEqual([]);
    expect(restarted.get().get('RTM')?.community?.xFollowers).toBe(25000);
  });
});

describe('adapters over HTTP (loopback, fixtures)', () => {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    const url = req.url ?? '';
    const send = (name: string) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(readFileSync(path.join(FIXTURES, name)));
    };
    if (url.startsWith('/api/v3/coins/raptoreum/tickers?')) return send('coingecko-coins_id_tickers-documented-shape.json');
    if (url.startsWith('/api/v3/coins/raptoreum?')) return send('coingecko-coins_id-documented-shape.json');
    if (url === '/v1/coins/rtm-raptoreum') return send('coinpaprika-coins_id-documented-shape.json');
    if (url === '/repos/Raptor3um/raptoreum') return send('github-repos-documented-shape.json');
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('{"message":"Not Found"}');
  });
  let base = '';
  beforeAll(async () => {
    base = `http://127.0.0.1:${await listenOnLoopback(server, 0)}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('asks CoinGecko with the demo key header, and reads coin and tickers', async () => {
    const options = { baseUrl: base, timeoutMs: 2000, apiKey: 'demo-key' };
    expect((await fetchCoinGeckoCoin('raptoreum', options)).repos).toEqual(['Raptor3um/raptoreum']);
    expect((await fetchCoinGeckoTickers('raptoreum', options)).usableMarkets).toBe(3);
    const asked = seen.filter((r) => r.url?.startsWith('/api/v3/coins/raptoreum'));
    expect(asked.map((r) => r.headers['x-cg-demo-api-key'])).toEqual(['demo-key', 'demo-key']);
    expect(asked[0]?.url).toContain('developer_data=true');
  });

  it('an unknown CoinGecko id is an HTTP 404 error, not empty figures', async () => {
    await expect(fetchCoinGeckoCoin('no-such-coin', { baseUrl: base, timeoutMs: 2000 })).rejects.toMatchObject({ status: 404 });
  });

  it('reads CoinPaprika, and GitHub with no release (404 is "none")', async () => {
    expect((await fetchCoinPaprikaCoin('rtm-raptoreum', { baseUrl: base, timeoutMs: 2000 })).repos).toEqual(['Raptor3um/raptoreum']);
    expect(await fetchGitHubActivity('Raptor3um/raptoreum', { baseUrl: base, timeoutMs: 2000 })).toEqual({
      repo: 'Raptor3um/raptoreum',
      lastCommitAt: '2026-11-20T08:00:00.000Z',
      lastReleaseAt: null,
      archived: false,
    });
    expect(seen.find((r) => r.url === '/repos/Raptor3um/raptoreum')?.headers['user-agent']).toBe('minerank');
    await expect(fetchGitHubActivity('../etc', { baseUrl: base, timeoutMs: 2000 })).rejects.toThrow(/not a repository/);
  });
});

describe('registry links for coin health', () => {
  it('accepts "owner/name" and a CoinPaprika id, and names the field when wrong', async () => {
    const { registryEntrySchema } = await import('@/lib/registry/schema');
    const base = {
      tag: 'RTM',
      name: 'Raptoreum',
      algorithm: 'ghostrider',
      blockTimeSeconds: 120,
      source: { kind: 'yiimp', url: 'https://raptorhash.com', symbol: 'RTM' },
      price: null,
      sources: [{ fact: 'block time', url: 'https://example.org/' }],
    };
    expect(registryEntrySchema.safeParse({ ...base, links: { github: 'Raptor3um/raptoreum', coinpaprikaId: 'rtm-raptoreum' } }).success).toBe(true);
    const bad = registryEntrySchema.safeParse({ ...base, links: { github: '../etc' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['links', 'github']);
  });

  it('healthTargets: catalog CoinGecko ids, registry ids and links on top', async () => {
    const { healthTargets } = await import('@/lib/server/services');
    const targets = healthTargets({
      shipped: [],
      user: [
        {
          tag: 'ZZZ',
          name: 'Zed',
          algorithm: 'kawpow',
          blockTimeSeconds: 60,
          source: { kind: 'yiimp', url: 'https://raptorhash.com', symbol: 'ZZZ' },
          price: null,
          links: { github: 'zed/zed' },
          sources: [{ fact: 'x', url: 'https://example.org/' }],
        },
      ],
    } as never);
    expect(targets.find((t) => t.tag === 'RTM')).toEqual({ tag: 'RTM', coingeckoId: 'raptoreum', coinpaprikaId: null, github: null });
    expect(targets.find((t) => t.tag === 'ZZZ')).toEqual({ tag: 'ZZZ', coingeckoId: null, coinpaprikaId: null, github: 'zed/zed' });
  });
});
