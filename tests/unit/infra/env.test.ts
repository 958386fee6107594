import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/infra/env';

describe('parseEnv', () => {
  it('defaults to the keyless live sources and the public hosts; SOURCES set and empty pins the embedded snapshot', () => {
    const env = parseEnv({});
    expect(env.SOURCES).toEqual(['whattomine', 'coingecko', 'nicehash', 'chain']);
    // The first page never waits for an upstream unless told to.
    expect(env.FIRST_PAGE_WAIT_MS).toBe(0);
    expect(parseEnv({ SOURCES: '' }).SOURCES).toEqual([]);
    expect(parseEnv({ SOURCES: ' , ' }).SOURCES).toEqual([]);
    // Every other empty variable still means unset.
    expect(parseEnv({ REFRESH_SECONDS: '' }).REFRESH_SECONDS).toBe(300);
    expect(env.WHATTOMINE_URL).toBe('https://whattomine.com');
    expect(env.COINGECKO_URL).toBe('https://api.coingecko.com');
    expect(env.REFRESH_SECONDS).toBe(300);
  });

  it('reads a list of sources and strips trailing slashes from URLs', () => {
    const env = parseEnv({ SOURCES: 'whattomine, CoinGecko', WHATTOMINE_URL: 'http://127.0.0.1:4010/' });
    expect(env.SOURCES).toEqual(['whattomine', 'coingecko']);
    expect(env.WHATTOMINE_URL).toBe('http://127.0.0.1:4010');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ SOURCES: 'minerstat' })).toThrow(/SOURCES/);
    expect(() => parseEnv({ REFRESH_SECONDS: 'soon' })).toThrow(/REFRESH_SECONDS/);
    expect(() => parseEnv({ COINGECKO_URL: 'ftp://example.com' })).toThrow(/COINGECKO_URL/);
    expect(() => parseEnv({ SOURCES: 'hashrateno' })).toThrow(/HASHRATENO_API_KEY/);
  });
});
