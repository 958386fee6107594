// lib/sources/coingecko-markets.ts against the 2025-03-04 /coins/markets recording.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fetchCoinGeckoMarkets, normalizeCoinGeckoMarkets, type CoinSupply } from '@/lib/sources/coingecko-markets';
import { SchemaError } from '@/lib/sources/http';

const ROOT = path.resolve(__dirname, '../../..');
const MARKETS = 'tests/fixtures/coingecko-coins_markets-2025-03-04.json';
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

const byId = (list: CoinSupply[], id: string): CoinSupply => {
  const coin = list.find((c) => c.id === id);
  if (!coin) throw new Error(`no ${id}`);
  return coin;
};

describe('the 2025-03-04 recording', () => {
  const { data, skipped } = normalizeCoinGeckoMarkets(readJson(MARKETS));

  it('parses all 30 coins', () => {
    expect(data).toHaveLength(30);
    expect(skipped).toEqual([]);
  });

  it('bitcoin: circulating 19,832,115, total 19,832,134, max 21,000,000', () => {
    expect(byId(data, 'bitcoin')).toEqual({
      id: 'bitcoin',
      circulatingSupply: 19_832_115,
      totalSupply: 19_832_134,
      maxSupply: 21_000_000,
      updatedAt: '2025-03-04T14:45:50.155Z',
    });
  });

  it('no cap is null, not 0: ethereum and dogecoin', () => {
    expect(byId(data, 'ethereum').maxSupply).toBeNull();
    expect(byId(data, 'dogecoin').maxSupply).toBeNull();
    expect(byId(data, 'dogecoin').circulatingSupply).toBeCloseTo(148_057_346_383.7052, 3);
    expect(byId(data, 'litecoin').maxSupply).toBe(84_000_000);
  });

  it('reports requested ids the response left out', () => {
    const result = normalizeCoinGeckoMarkets(readJson(MARKETS), ['bitcoin', 'ravencoin']);
    expect(result.skipped).toEqual([{ name: 'ravencoin', reason: 'not in the response (unknown id?)' }]);
  });
});

describe('schema edges', () => {
  it.each([[{}], [null], ['markets'], [{ coins: [] }]])('rejects the wrong shape %j', (raw) => {
    expect(() => normalizeCoinGeckoMarkets(raw)).toThrow(SchemaError);
  });

  it('reads 0 and missing supplies as unknown, and a bad time as null', () => {
    const { data } = normalizeCoinGeckoMarkets([
      { id: 'newcoin', circulating_supply: 0, total_supply: null, last_updated: 'yesterday' },
    ]);
    expect(data).toEqual([{ id: 'newcoin', circulatingSupply: null, totalSupply: null, maxSupply: null, updatedAt: null }]);
  });

  it('skips an entry with a non-numeric supply and keeps the rest', () => {
    const { data, skipped } = normalizeCoinGeckoMarkets([
      { id: 'bad', circulating_supply: 'lots' },
      { id: 'good', circulating_supply: '1000' },
    ]);
    expect(data.map((c) => c.id)).toEqual(['good']);
    expect(skipped).toEqual([{ name: 'bad', reason: expect.stringMatching(/^invalid entry at circulating_supply/) }]);
  });
});

describe('fetchCoinGeckoMarkets', () => {
  let server: Server;
  let baseUrl: string;
  const requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  const body = readFileSync(path.join(ROOT, MARKETS), 'utf8');

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push({ url: req.url ?? '', headers: req.headers });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('asks /api/v3/coins/markets for the ids in USD and sends the demo key when set', async () => {
    const { data } = await fetchCoinGeckoMarkets(['litecoin', 'bitcoin', 'bitcoin'], { baseUrl: `${baseUrl}/`, timeoutMs: 5000, apiKey: 'demo-key' });
    const request = requests.at(-1)!;
    const url = new URL(request.url, baseUrl);
    expect(url.pathname).toBe('/api/v3/coins/markets');
    expect(url.searchParams.get('vs_currency')).toBe('usd');
    expect(url.searchParams.get('ids')).toBe('bitcoin,litecoin');
    expect(request.headers['x-cg-demo-api-key']).toBe('demo-key');
    expect(byId(data, 'bitcoin').circulatingSupply).toBe(19_832_115);
  });

  it('sends no key header without a key', async () => {
    await fetchCoinGeckoMarkets(['bitcoin'], { baseUrl, timeoutMs: 5000 });
    expect(requests.at(-1)!.headers['x-cg-demo-api-key']).toBeUndefined();
  });

  it('asks for nothing when given no ids (the endpoint would list the top coins)', async () => {
    const before = requests.length;
    expect(await fetchCoinGeckoMarkets([], { baseUrl, timeoutMs: 5000 })).toEqual({ data: [], skipped: [] });
    expect(requests.length).toBe(before);
  });
});
