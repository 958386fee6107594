// lib/sources/chain/iquidus.ts: plain-text numbers (written from the documented shape), each
// route on its own, over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';

import { fetchIquidus, IQUIDUS_ROUTES, parseIquidusNumber } from '@/lib/sources/chain/iquidus';
import { chainSourceSchema, type ChainSource } from '@/lib/sources/chain/types';
import { SchemaError, UpstreamError } from '@/lib/sources/http';
import { readChainFixture, startRouteStandin, type Standin, type StandinRoute } from '@/tests/support/chain-standins';

type IquidusSource = Extract<ChainSource, { kind: 'iquidus' }>;
const sourceFor = (url: string): IquidusSource => chainSourceSchema.parse({ kind: 'iquidus', url }) as IquidusSource;
const opts = { timeoutMs: 3000, allowPrivate: true, env: {} };

const text = (file: string): StandinRoute => ({ body: readChainFixture(file), contentType: 'text/html; charset=utf-8' });
const DOCUMENTED: Record<string, StandinRoute> = {
  [IQUIDUS_ROUTES.difficulty]: text('iquidus-getdifficulty-documented-shape.txt'),
  [IQUIDUS_ROUTES.networkHashrate]: text('iquidus-getnetworkhashps-documented-shape.txt'),
  [IQUIDUS_ROUTES.height]: text('iquidus-getblockcount-documented-shape.txt'),
};
// The documented-shape files: difficulty "12345.6789", network hashps "353495247483", block count "987654".
const EXPECTED = {
  height: 987654,
  difficulty: 12345.6789,
  networkHashrate: 353495247483,
  blockReward: null,
  blockTimeSeconds: null,
  updatedAt: null,
};

describe('parseIquidusNumber', () => {
  const good: Array<[string, number]> = [
    ['12345.6789', 12345.6789],
    [' 987654\n', 987654],
    ['"42.5"', 42.5],
    ['1.5e3', 1500],
    ['0', 0],
    [readChainFixture('iquidus-getdifficulty-pos-hybrid-documented-shape.json'), 23.45678901],
    ['{"proof-of-work":"0.25","proof-of-stake":9}', 0.25],
  ];
  it.each(good)('reads %j as %d', (body, value) => {
    expect(parseIquidusNumber(body, '/api/getdifficulty')).toBe(value);
  });

  const bad = ['', 'NaN', 'Infinity', '1e999', '1,234', '$5', '0x10', '<!DOCTYPE html><html>502</html>', 'There was an error. Check your console.', '{"proof-of-stake":1}', '[1]', '"abc"'];
  it.each(bad)('rejects %j', (body) => {
    expect(() => parseIquidusNumber(body, '/api/getdifficulty')).toThrow(SchemaError);
    expect(() => parseIquidusNumber(body, '/api/getdifficulty')).toThrow(/^iquidus: \/api\/getdifficulty is not a number: /);
  });
});

describe('fetchIquidus over HTTP', () => {
  let explorer: Standin | undefined;
  afterEach(async () => {
    await explorer?.close();
    explorer = undefined;
  });

  it('reads the three routes', async () => {
    explorer = await startRouteStandin({ routes: DOCUMENTED });
    await expect(fetchIquidus(sourceFor(explorer.url), opts)).resolves.toEqual(EXPECTED);
    expect(explorer.requests()).toBe(3);
  });

  it('takes proof-of-work from a hybrid getdifficulty', async () => {
    explorer = await startRouteStandin({
      routes: { ...DOCUMENTED, [IQUIDUS_ROUTES.difficulty]: { body: readChainFixture('iquidus-getdifficulty-pos-hybrid-documented-shape.json') } },
    });
    await expect(fetchIquidus(sourceFor(explorer.url), opts)).resolves.toEqual({ ...EXPECTED, difficulty: 23.45678901 });
  });

  it('leaves one figure null when its route fails, answers HTML, or reads zero', async () => {
    explorer = await startRouteStandin({
      routes: {
        [IQUIDUS_ROUTES.difficulty]: { body: '<html><body>Cannot GET /api/getdifficulty</body></html>', contentType: 'text/html' },
        [IQUIDUS_ROUTES.networkHashrate]: { status: 500, body: 'There was an error. Check your console.' },
        [IQUIDUS_ROUTES.height]: { body: '987654' },
      },
    });
    await expect(fetchIquidus(sourceFor(explorer.url), opts)).resolves.toEqual({ ...EXPECTED, difficulty: null, networkHashrate: null });
    await explorer.close();
    explorer = await startRouteStandin({ routes: { ...DOCUMENTED, [IQUIDUS_ROUTES.networkHashrate]: { body: '0' } } });
    await expect(fetchIquidus(sourceFor(explorer.url), opts)).resolves.toEqual({ ...EXPECTED, networkHashrate: null });
  });

  it('throws when every route fails, with each reason', async () => {
    explorer = await startRouteStandin({
      routes: {
        [IQUIDUS_ROUTES.difficulty]: { status: 500, body: '' },
        [IQUIDUS_ROUTES.networkHashrate]: { body: 'There was an error. Check your console.' },
      },
    });
    const error = await fetchIquidus(sourceFor(explorer.url), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe(
      'iquidus: no figure could be read (HTTP 500; /api/getnetworkhashps is not a number: "There was an error. Check your console."; HTTP 404)',
    );
  });

  it('reports timeouts as such', async () => {
    const slow = { body: '1', delayMs: 5000 };
    explorer = await startRouteStandin({
      routes: { [IQUIDUS_ROUTES.difficulty]: slow, [IQUIDUS_ROUTES.networkHashrate]: slow, [IQUIDUS_ROUTES.height]: slow },
    });
    const error = await fetchIquidus(sourceFor(explorer.url), { ...opts, timeoutMs: 100 }).catch((e: unknown) => e);
    expect((error as UpstreamError).kind).toBe('timeout');
    expect((error as Error).message).toBe('iquidus: no figure could be read (timed out after 100 ms; timed out after 100 ms; timed out after 100 ms)');
  });

  it('refuses the explorer on 127.0.0.1 without allowPrivate, before any byte', async () => {
    explorer = await startRouteStandin({ routes: DOCUMENTED });
    await expect(fetchIquidus(sourceFor(explorer.url), { ...opts, allowPrivate: false })).rejects.toThrow(
      'refused: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    );
    expect(explorer.connections()).toBe(0);
  });
});
