// lib/sources/chain/index.ts: fetchChainStats reaches each kind of source through the same entry
// point (real local servers), and describeChainStats writes the add-coin page's live-check line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { describeChainStats, fetchChainStats } from '@/lib/sources/chain';
import { chainSourceSchema, type ChainSourceInput, type ChainStats } from '@/lib/sources/chain/types';
import {
  readChainFixture,
  startBitcoinNodeStandin,
  startMoneroDaemonStandin,
  startRouteStandin,
  yiimpCurrenciesBody,
  type Standin,
} from '@/tests/support/chain-standins';

let bitcoin: Standin;
let monero: Standin;
let explorer: Standin;

beforeAll(async () => {
  [bitcoin, monero, explorer] = await Promise.all([
    startBitcoinNodeStandin({ auth: 'minerank:standin' }),
    startMoneroDaemonStandin(),
    startRouteStandin({
      routes: {
        '/blockbook/api': { body: readChainFixture('blockbook-api_status-2019-05-22.json') },
        '/iquidus/api/getdifficulty': { body: readChainFixture('iquidus-getdifficulty-documented-shape.txt') },
        '/iquidus/api/getnetworkhashps': { body: readChainFixture('iquidus-getnetworkhashps-documented-shape.txt') },
        '/iquidus/api/getblockcount': { body: readChainFixture('iquidus-getblockcount-documented-shape.txt') },
        '/pool/api/currencies': { body: yiimpCurrenciesBody() },
      },
    }),
  ]);
});

afterAll(async () => {
  await Promise.all([bitcoin.close(), monero.close(), explorer.close()]);
});

const opts = { timeoutMs: 3000, allowPrivate: true, env: { STANDIN_RPC_AUTH: 'minerank:standin' } };

describe('fetchChainStats', () => {
  // Each expectation is the hand-worked figure from that adapter's own test file.
  const cases: Array<[string, () => ChainSourceInput, Partial<ChainStats>]> = [
    ['bitcoin-rpc', () => ({ kind: 'bitcoin-rpc', url: bitcoin.url, authEnv: 'STANDIN_RPC_AUTH' }), { height: 987654, difficulty: 12345.6789, blockReward: 6.25012345 }],
    ['monero-rpc', () => ({ kind: 'monero-rpc', url: monero.url }), { height: 2288922, difficulty: 258886688222, blockReward: 1.181081601887, blockTimeSeconds: 120 }],
    ['blockbook', () => ({ kind: 'blockbook', url: `${explorer.url}/blockbook` }), { height: 577261, difficulty: 6704632680587.417, networkHashrate: null }],
    ['iquidus', () => ({ kind: 'iquidus', url: `${explorer.url}/iquidus` }), { height: 987654, networkHashrate: 353495247483 }],
    ['yiimp', () => ({ kind: 'yiimp', url: `${explorer.url}/pool/`, symbol: 'RVN' }), { height: 3716683, difficulty: 83996.3577, networkHashrate: 6806822817068.26, blockReward: 2501.04246596 }],
  ];
  it.each(cases)('dispatches %s', async (_kind, input, expected) => {
    const stats = await fetchChainStats(chainSourceSchema.parse(input()), opts);
    expect(stats).toMatchObject(expected);
    for (const value of Object.values(stats)) {
      if (typeof value === 'number') expect(Number.isFinite(value) && value > 0).toBe(true);
    }
  });

  it('refuses every kind on a private address unless allowed', async () => {
    for (const [, input] of cases) {
      await expect(fetchChainStats(chainSourceSchema.parse(input()), { ...opts, allowPrivate: false })).rejects.toThrow(
        'set ALLOW_PRIVATE_SOURCES=1 to allow',
      );
    }
  });
});

describe('describeChainStats', () => {
  const none: ChainStats = { height: null, difficulty: null, networkHashrate: null, blockReward: null, blockTimeSeconds: null, updatedAt: null };

  it('writes the figures the source gave', () => {
    // The Monero recording: 258886688222 / 120 = 2.157e9 H/s → "2.16 GH/s".
    expect(
      describeChainStats({ ...none, height: 2288922, difficulty: 258886688222, networkHashrate: 258886688222 / 120, blockReward: 1.181081601887 }),
    ).toBe('reached the source: difficulty 258,886,688,222 at height 2,288,922, network 2.16 GH/s, reward 1.18 per block');
    expect(describeChainStats({ ...none, height: 987654, difficulty: 1234.5 })).toBe('reached the source: difficulty 1,234.5 at height 987,654');
    expect(describeChainStats({ ...none, difficulty: 0.61308399 })).toBe('reached the source: difficulty 0.613084');
    expect(describeChainStats({ ...none, height: 577261 })).toBe('reached the source: height 577,261');
  });

  it('uses the algorithm’s unit', () => {
    expect(describeChainStats({ ...none, networkHashrate: 5.8e9 }, 'Sol/s')).toBe('reached the source: network 5.8 GSol/s');
  });

  it('says so when there is nothing to show', () => {
    expect(describeChainStats(none)).toBe('reached the source, but it gave no figures');
  });
});
