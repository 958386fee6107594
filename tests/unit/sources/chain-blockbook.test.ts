// lib/sources/chain/blockbook.ts: the recorded /api status page normalized by hand and end to end.
import { afterEach, describe, expect, it } from 'vitest';

import { blockbookStatusUrl, fetchBlockbook, normalizeBlockbook } from '@/lib/sources/chain/blockbook';
import { chainSourceSchema, type ChainSource } from '@/lib/sources/chain/types';
import { SchemaError, UpstreamError } from '@/lib/sources/http';
import { readChainFixture, startRouteStandin, type Standin } from '@/tests/support/chain-standins';

const RECORDING = 'blockbook-api_status-2019-05-22.json';
type BlockbookSource = Extract<ChainSource, { kind: 'blockbook' }>;
const sourceFor = (url: string): BlockbookSource => chainSourceSchema.parse({ kind: 'blockbook', url }) as BlockbookSource;
const opts = { timeoutMs: 3000, allowPrivate: true, env: {} };

// From the recording, by hand: backend.blocks 577261; backend.difficulty "6704632680587.417" (a
// string); lastBlockTime "2019-05-22T18:03:33.547762973+02:00" = 2019-05-22T16:03:33.547Z (ms kept,
// the nanoseconds dropped). Blockbook states no hashrate or reward.
const EXPECTED = {
  height: 577261,
  difficulty: 6704632680587.417,
  networkHashrate: null,
  blockReward: null,
  blockTimeSeconds: null,
  updatedAt: '2019-05-22T16:03:33.547Z',
};

describe('normalizeBlockbook', () => {
  const recorded = () => JSON.parse(readChainFixture(RECORDING)) as { blockbook: Record<string, unknown>; backend: Record<string, unknown> };

  it('reads the recording', () => {
    expect(normalizeBlockbook(recorded())).toEqual(EXPECTED);
  });

  it('falls back to blockbook.bestHeight, and reads a zero difficulty as unknown', () => {
    const raw = recorded();
    delete raw.backend.blocks;
    raw.blockbook.bestHeight = 577300;
    raw.backend.difficulty = '0';
    expect(normalizeBlockbook(raw)).toMatchObject({ height: 577300, difficulty: null });
  });

  it('names the bad path of a wrong shape', () => {
    expect(() => normalizeBlockbook({ blockbook: {} })).toThrow(SchemaError);
    expect(() => normalizeBlockbook({ blockbook: {} })).toThrow(/^blockbook: unexpected response shape at backend: /);
    expect(() => normalizeBlockbook({ blockbook: {}, backend: { difficulty: 'NaN' } })).toThrow(/at backend\.difficulty: not a finite number/);
  });

  it('finds the status page at /api', () => {
    expect(blockbookStatusUrl('https://btc1.trezor.io')).toBe('https://btc1.trezor.io/api');
    expect(blockbookStatusUrl('https://btc1.trezor.io/api')).toBe('https://btc1.trezor.io/api');
  });
});

describe('fetchBlockbook over HTTP', () => {
  let explorer: Standin | undefined;
  afterEach(async () => {
    await explorer?.close();
    explorer = undefined;
  });

  it('serves the recording at /api and returns the hand-worked figures', async () => {
    explorer = await startRouteStandin({ routes: { '/api': { body: readChainFixture(RECORDING) } } });
    await expect(fetchBlockbook(sourceFor(explorer.url), opts)).resolves.toEqual(EXPECTED);
    expect(explorer.requests()).toBe(1);
  });

  it('reports an HTML error page and an HTTP 500', async () => {
    explorer = await startRouteStandin({
      routes: { '/api': { body: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' }, '/broken/api': { status: 500, body: '' } },
    });
    await expect(fetchBlockbook(sourceFor(explorer.url), opts)).rejects.toThrow('blockbook: malformed JSON');
    const error = await fetchBlockbook(sourceFor(`${explorer.url}/broken`), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe('blockbook: HTTP 500');
  });
});
