// lib/sources/chain/yiimp.ts: the recorded raptorhash /api/currencies (its browser-viewer header
// stripped, the file itself unmodified) normalized by hand and end to end.
import { afterEach, describe, expect, it } from 'vitest';

import { ChainConfigError } from '@/lib/sources/chain/request';
import { chainSourceSchema, type ChainSource } from '@/lib/sources/chain/types';
import { fetchYiimp, normalizeYiimp } from '@/lib/sources/chain/yiimp';
import { SchemaError } from '@/lib/sources/http';
import { readChainFixture, startRouteStandin, yiimpCurrenciesBody, type Standin } from '@/tests/support/chain-standins';

type YiimpSource = Extract<ChainSource, { kind: 'yiimp' }>;
const sourceFor = (url: string, symbol: string): YiimpSource => chainSourceSchema.parse({ kind: 'yiimp', url, symbol }) as YiimpSource;
const opts = { timeoutMs: 3000, allowPrivate: true, env: {} };
const currencies = (): unknown => JSON.parse(yiimpCurrenciesBody());

// RTM in the recording: height 1022494, difficulty 0.61308399, network_hashrate 20733666.824812528
// H/s, reward 3577.5 coins per block. YIIMP gives no block time or stamp per coin. Its reward is
// what the coinbase keeps after the masternode and founder payees: the miner's part.
const RTM = {
  height: 1022494,
  difficulty: 0.61308399,
  networkHashrate: 20733666.824812528,
  blockReward: 3577.5,
  blockTimeSeconds: null,
  updatedAt: null,
  rewardBasis: 'miner',
};

describe('the recording', () => {
  it('is kept unmodified: a JSON-viewer header, then the 12 coins', () => {
    const raw = readChainFixture('yiimp-raptorhash-api_currencies-2025-02-14.jsonc');
    expect(raw.split('\n').slice(0, 2)).toEqual(['// 20250214130237', '// https://raptorhash.com/api/currencies']);
    expect(() => JSON.parse(raw)).toThrow();
    expect(Object.keys(currencies() as object)).toEqual(['AIPG', 'ANOK', 'CLORE', 'IRON', 'NEXA', 'PLSR', 'RTM', 'RVN', 'TABO', 'TSK', 'XNA', 'ZEPH']);
  });
});

describe('normalizeYiimp', () => {
  it('picks the symbol, in any case', () => {
    expect(normalizeYiimp(currencies(), 'RTM')).toEqual(RTM);
    expect(normalizeYiimp(currencies(), 'rtm')).toEqual(RTM);
  });

  it('reads another coin and turns a zero height into null', () => {
    // ANOK: height 0 (the pool has no height), difficulty 1, network_hashrate 56512727.578947365, reward 50.00140577.
    expect(normalizeYiimp(currencies(), 'ANOK')).toEqual({
      height: null,
      difficulty: 1,
      networkHashrate: 56512727.578947365,
      blockReward: 50.00140577,
      blockTimeSeconds: null,
      updatedAt: null,
      rewardBasis: 'miner',
    });
  });

  it('reads numbers written as strings', () => {
    const raw = { XYZ: { algo: 'gr', height: '12', difficulty: '1.5', network_hashrate: '2e6', reward: '10' } };
    expect(normalizeYiimp(raw, 'XYZ')).toMatchObject({ height: 12, difficulty: 1.5, networkHashrate: 2e6, blockReward: 10 });
  });

  it('names a missing symbol and lists what the pool has', () => {
    expect(() => normalizeYiimp(currencies(), 'FOO')).toThrow(ChainConfigError);
    expect(() => normalizeYiimp(currencies(), 'FOO')).toThrow(
      'yiimp: the pool lists no coin "FOO" (it lists AIPG, ANOK, CLORE, IRON, NEXA, PLSR, RTM, RVN, TABO, TSK, XNA, ZEPH)',
    );
    expect(() => normalizeYiimp({}, 'FOO')).toThrow('yiimp: the pool lists no coin "FOO"');
  });

  it('names the bad path of a wrong shape', () => {
    expect(() => normalizeYiimp([], 'RTM')).toThrow(SchemaError);
    expect(() => normalizeYiimp({ RTM: { algo: 'gr', difficulty: 'NaN' } }, 'RTM')).toThrow(
      /^yiimp RTM: unexpected response shape at difficulty: not a finite number/,
    );
  });
});

describe('fetchYiimp over HTTP', () => {
  let pool: Standin | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('GETs /api/currencies and returns the hand-worked figures', async () => {
    pool = await startRouteStandin({ routes: { '/api/currencies': { body: yiimpCurrenciesBody() } } });
    await expect(fetchYiimp(sourceFor(pool.url, 'RTM'), opts)).resolves.toEqual(RTM);
    expect(pool.requests()).toBe(1);
  });

  it('asks the pool once for all the coins it serves when they refresh together', async () => {
    pool = await startRouteStandin({ routes: { '/api/currencies': { body: yiimpCurrenciesBody() } } });
    const [rtm, zeph] = await Promise.all([
      fetchYiimp(sourceFor(pool.url, 'RTM'), opts),
      fetchYiimp(sourceFor(pool.url, 'ZEPH'), opts),
    ]);
    expect(rtm).toEqual(RTM);
    expect(zeph.difficulty).toBe(24_421_340_176);
    expect(pool.requests()).toBe(1);
    // Once answered, the next refresh asks again.
    await fetchYiimp(sourceFor(pool.url, 'RTM'), opts);
    expect(pool.requests()).toBe(2);
  });

  it('reports a timeout', async () => {
    pool = await startRouteStandin({ routes: { '/api/currencies': { body: '{}', delayMs: 5000 } } });
    await expect(fetchYiimp(sourceFor(pool.url, 'RTM'), { ...opts, timeoutMs: 100 })).rejects.toThrow('yiimp: timed out after 100 ms');
  });
});
