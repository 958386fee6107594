// The coin-health adapters against fixtures built from the documented response shapes
// (tests/fixtures/README.md): CoinGecko coin and tickers, CoinPaprika coin, GitHub repo and release.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { marketsPart } from '@/lib/health/parts';
import { githubRepoOf, normalizeCoinGeckoCoin, normalizeCoinGeckoTickers } from '@/lib/sources/coingecko-coin';
import { normalizeCoinPaprikaCoin } from '@/lib/sources/coinpaprika';
import { normalizeGitHubRelease, normalizeGitHubRepo } from '@/lib/sources/github';
import { SchemaError } from '@/lib/sources/http';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(__dirname, '../../fixtures', name), 'utf8')) as unknown;

describe('CoinGecko /coins/{id}', () => {
  it('reads community, development and the GitHub repository', () => {
    const coin = normalizeCoinGeckoCoin(fixture('coingecko-coins_id-documented-shape.json'));
    expect(coin.id).toBe('raptoreum');
    expect(coin.community).toEqual({ xFollowers: 25000, redditSubscribers: 4000, telegramMembers: 6000, source: 'coingecko' });
    expect(coin.repos).toEqual(['Raptor3um/raptoreum']);
    // series 2 + 3 + 1 + 4 + 2 = 12 commits over 5 active days; commit_count_4_weeks says 12 too
    expect(coin.development).toMatchObject({
      commitCount4Weeks: 12,
      activeDays4Weeks: 5,
      stars: 90,
      contributors: 25,
      pullRequestsMerged: 400,
      source: 'coingecko',
    });
    expect(coin.updatedAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('a small coin CoinGecko does not track (zeros, no repository) has no data, never zeros', () => {
    const coin = normalizeCoinGeckoCoin(fixture('coingecko-coins_id_untracked-documented-shape.json'));
    expect(coin.community).toBeNull();
    expect(coin.development).toBeNull();
    expect(coin.repos).toEqual([]);
  });

  it('rejects a response of another shape, naming the path', () => {
    expect(() => normalizeCoinGeckoCoin({ error: 'coin not found' })).toThrow(SchemaError);
    expect(() => normalizeCoinGeckoCoin({ error: 'coin not found' })).toThrow(/id/);
  });

  it.each([
    ['https://github.com/Raptor3um/raptoreum', 'Raptor3um/raptoreum'],
    ['https://github.com/firoorg/firo.git', 'firoorg/firo'],
    ['https://github.com/dashpay/dash/tree/master', 'dashpay/dash'],
    ['https://gitlab.com/a/b', null],
    ['', null],
  ])('githubRepoOf(%s) = %s', (url, repo) => {
    expect(githubRepoOf(url)).toBe(repo);
  });
});

describe('CoinGecko /coins/{id}/tickers', () => {
  it('keeps markets that are not stale, not anomalous, with a spread under 2 % (worked by hand)', () => {
    const markets = normalizeCoinGeckoTickers(fixture('coingecko-coins_id_tickers-documented-shape.json'));
    // usable: Xeggex RTM/USDT $60,000 (0.8 %), Xeggex RTM/BTC $36,000 (1.5 %), NonKYC $4,000 (1.9 %);
    // out: WideBook (spread 4.2 %), OldEx (stale), OddEx (anomaly)
    expect(markets).toEqual({
      usableMarkets: 3,
      usableVolumeUsd: 100_000,
      // Xeggex holds 96,000 of 100,000: the "one exchange holds 90 %" warning
      topExchangeShare: 0.96,
      topExchange: 'xeggex',
      tickers: 6,
      excluded: { stale: 1, anomalous: 1, spread: 1 },
    });
    // log10(100,000 ÷ 1,000) ÷ 3 = 2/3 → 66.67, halved for concentration → 33.33
    expect(marketsPart(markets)).toBeCloseTo(100 / 3, 10);
  });

  it('no tickers at all: fetched, zero usable markets (a 0, not "no data")', () => {
    const markets = normalizeCoinGeckoTickers({ name: 'X', tickers: [] });
    expect(markets.usableMarkets).toBe(0);
    expect(marketsPart(markets)).toBe(0);
  });
});

describe('CoinPaprika /v1/coins/{id}', () => {
  it('reads X and Reddit from links_extended stats and the source-code repository', () => {
    const coin = normalizeCoinPaprikaCoin(fixture('coinpaprika-coins_id-documented-shape.json'));
    expect(coin).toEqual({
      id: 'rtm-raptoreum',
      active: true,
      community: { xFollowers: 24000, redditSubscribers: 4100, telegramMembers: null, source: 'coinpaprika' },
      repos: ['Raptor3um/raptoreum'],
      stars: 95,
      contributors: 30,
    });
  });

  it('no stats: no community data', () => {
    expect(normalizeCoinPaprikaCoin({ id: 'x-x', links_extended: [{ url: 'https://x.org', type: 'website' }] }).community).toBeNull();
  });
});

describe('GitHub', () => {
  it('reads the last push and the latest release', () => {
    expect(normalizeGitHubRepo(fixture('github-repos-documented-shape.json'))).toEqual({
      lastCommitAt: '2026-11-20T08:00:00.000Z',
      archived: false,
    });
    expect(normalizeGitHubRelease(fixture('github-releases_latest-documented-shape.json'))).toBe('2026-06-02T12:00:00.000Z');
  });

  it('rejects another shape', () => {
    expect(() => normalizeGitHubRepo({ message: 'Not Found' })).toThrow(SchemaError);
  });
});
