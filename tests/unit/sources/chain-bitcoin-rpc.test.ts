// lib/sources/chain/bitcoin-rpc.ts: the documented-shape answers normalized by hand, then the
// same figures end to end over JSON-RPC against the local bitcoind stand-in, and its failures.
import { afterEach, describe, expect, it } from 'vitest';

import {
  bitcoinBlockchainInfoSchema,
  bitcoinBlockTemplateSchema,
  bitcoinMiningInfoSchema,
  bitcoinRpcAuth,
  fetchBitcoinRpc,
  normalizeBitcoinRpc,
  RpcError,
  templatePayeesAtomic,
} from '@/lib/sources/chain/bitcoin-rpc';
import { ChainConfigError } from '@/lib/sources/chain/request';
import { chainSourceSchema, type ChainSource } from '@/lib/sources/chain/types';
import { SchemaError, UpstreamError } from '@/lib/sources/http';
import { readChainFixture, startBitcoinNodeStandin, startRouteStandin, type Standin } from '@/tests/support/chain-standins';

const resultOf = (file: string): unknown => (JSON.parse(readChainFixture(file)) as { result: unknown }).result;

type BitcoinSource = Extract<ChainSource, { kind: 'bitcoin-rpc' }>;
const sourceFor = (url: string, authEnv?: string): BitcoinSource =>
  chainSourceSchema.parse({ kind: 'bitcoin-rpc', url, ...(authEnv ? { authEnv } : {}) }) as BitcoinSource;

const AUTH = 'minerank:standin';
const env = { STANDIN_RPC_AUTH: AUTH };
const opts = { timeoutMs: 3000, allowPrivate: true, env };

// The documented-shape chain, worked out by hand:
//   height 987654, difficulty 12345.6789, networkhashps 353495247483 (= round(D × 2^32 / 150)),
//   reward = coinbasevalue 625012345 sat / 10^8 = 6.25012345 coins (subsidy 6.25 + 12,345 sat fees),
//   updatedAt = getblockchaininfo.time 1718000000 = 2024-06-10T06:13:20.000Z.
const EXPECTED = {
  height: 987654,
  difficulty: 12345.6789,
  networkHashrate: 353495247483,
  blockReward: 6.25012345,
  blockTimeSeconds: null,
  updatedAt: '2024-06-10T06:13:20.000Z',
};

describe('normalizeBitcoinRpc on the documented shapes', () => {
  const miningInfo = bitcoinMiningInfoSchema.parse(resultOf('bitcoind-getmininginfo-documented-shape.json'));
  const blockchainInfo = bitcoinBlockchainInfoSchema.parse(resultOf('bitcoind-getblockchaininfo-documented-shape.json'));
  const blockTemplate = bitcoinBlockTemplateSchema.parse(resultOf('bitcoind-getblocktemplate-documented-shape.json'));

  it('reads every figure', () => {
    expect(normalizeBitcoinRpc({ miningInfo, blockchainInfo, blockTemplate }, 8)).toEqual(EXPECTED);
  });

  it('leaves the reward unknown without a template, and falls back to mediantime without `time`', () => {
    const older = { ...blockchainInfo, time: undefined };
    const stats = normalizeBitcoinRpc({ miningInfo, blockchainInfo: older, blockTemplate: null }, 8);
    expect(stats.blockReward).toBeNull();
    // mediantime 1717999100 = 2024-06-10T05:58:20Z
    expect(stats.updatedAt).toBe('2024-06-10T05:58:20.000Z');
    expect(normalizeBitcoinRpc({ miningInfo, blockchainInfo: null, blockTemplate: null }, 8).updatedAt).toBeNull();
  });

  it('divides by the coin’s own decimals', () => {
    // 625012345 / 10^6 = 625.012345
    expect(normalizeBitcoinRpc({ miningInfo, blockchainInfo, blockTemplate }, 6).blockReward).toBe(625.012345);
  });

  it('takes proof-of-work from a PoS hybrid’s difficulty object', () => {
    const hybrid = bitcoinMiningInfoSchema.parse(resultOf('bitcoind-getmininginfo-pos-hybrid-documented-shape.json'));
    expect(hybrid.difficulty).toBe(23.45678901);
    expect(normalizeBitcoinRpc({ miningInfo: hybrid, blockchainInfo: null, blockTemplate: null }, 8)).toMatchObject({
      height: 654321,
      difficulty: 23.45678901,
      networkHashrate: 1234567890,
    });
  });

  it('turns zero, negative, -1 and absurd figures into null, never 0', () => {
    const bad = bitcoinMiningInfoSchema.parse({ blocks: 0, difficulty: 0, networkhashps: -1 });
    expect(normalizeBitcoinRpc({ miningInfo: bad, blockchainInfo: null, blockTemplate: { coinbasevalue: -5 } }, 8)).toEqual({
      height: null,
      difficulty: null,
      networkHashrate: null,
      blockReward: null,
      blockTimeSeconds: null,
      updatedAt: null,
    });
    const absurd = bitcoinMiningInfoSchema.parse({ blocks: 12.5, difficulty: 1e40, networkhashps: 1e30 });
    const stats = normalizeBitcoinRpc({ miningInfo: absurd, blockchainInfo: null, blockTemplate: null }, 8);
    expect([stats.height, stats.difficulty, stats.networkHashrate]).toEqual([null, null, null]);
  });
});

describe('credentials', () => {
  it('reads user:password from the variable authEnv names', () => {
    expect(bitcoinRpcAuth(sourceFor('http://node.example:8332', 'STANDIN_RPC_AUTH'), env)).toBe(AUTH);
    expect(bitcoinRpcAuth(sourceFor('http://node.example:8332'), env)).toBeUndefined();
  });

  it('names the missing or malformed variable', () => {
    const source = sourceFor('http://node.example:8332', 'MYCOIN_RPC_AUTH');
    expect(() => bitcoinRpcAuth(source, {})).toThrow(ChainConfigError);
    expect(() => bitcoinRpcAuth(source, {})).toThrow(
      "bitcoin-rpc: environment variable MYCOIN_RPC_AUTH is not set; it must hold the node's RPC user:password",
    );
    expect(() => bitcoinRpcAuth(source, { MYCOIN_RPC_AUTH: 'nocolon' })).toThrow(
      'bitcoin-rpc: environment variable MYCOIN_RPC_AUTH must have the form user:password',
    );
  });
});

describe('fetchBitcoinRpc against the bitcoind stand-in', () => {
  let node: Standin | undefined;
  afterEach(async () => {
    await node?.close();
    node = undefined;
  });

  it('asks the three RPCs with Basic auth and returns the hand-worked figures', async () => {
    node = await startBitcoinNodeStandin({ auth: AUTH });
    await expect(fetchBitcoinRpc(sourceFor(node.url, 'STANDIN_RPC_AUTH'), opts)).resolves.toEqual(EXPECTED);
    expect(node.requests()).toBe(3);
  });

  it('gives a null reward, not an error, when getblocktemplate fails (initial sync)', async () => {
    node = await startBitcoinNodeStandin({ auth: AUTH, stats: { coinbasevalue: null } });
    await expect(fetchBitcoinRpc(sourceFor(node.url, 'STANDIN_RPC_AUTH'), opts)).resolves.toEqual({ ...EXPECTED, blockReward: null });
  });

  it('reads a hybrid difficulty object and drops absurd figures', async () => {
    node = await startBitcoinNodeStandin({
      stats: { difficulty: { 'proof-of-work': 0.5, 'proof-of-stake': 9 }, networkhashps: 0, blocks: 42, coinbasevalue: 5e8 },
    });
    await expect(fetchBitcoinRpc(sourceFor(node.url), opts)).resolves.toMatchObject({
      height: 42,
      difficulty: 0.5,
      networkHashrate: null,
      blockReward: 5,
    });
  });

  it('explains a 401 by naming the variable with the refused credentials', async () => {
    node = await startBitcoinNodeStandin({ auth: AUTH });
    const error = await fetchBitcoinRpc(sourceFor(node.url, 'STANDIN_RPC_AUTH'), { ...opts, env: { STANDIN_RPC_AUTH: 'minerank:wrong' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(401);
    expect((error as Error).message).toBe('bitcoin-rpc: HTTP 401: the node refused the RPC user:password in STANDIN_RPC_AUTH');
    expect((error as Error).message).not.toContain('wrong');
    const noAuth = await fetchBitcoinRpc(sourceFor(node.url), opts).catch((e: unknown) => e);
    expect((noAuth as Error).message).toBe(
      'bitcoin-rpc: HTTP 401: the node wants RPC credentials: set authEnv to an environment variable holding user:password',
    );
  });

  it('fails on a missing variable before sending anything', async () => {
    node = await startBitcoinNodeStandin({ auth: AUTH });
    await expect(fetchBitcoinRpc(sourceFor(node.url, 'MISSING_RPC_AUTH'), opts)).rejects.toThrow(
      'bitcoin-rpc: environment variable MISSING_RPC_AUTH is not set',
    );
    expect(node.requests()).toBe(0);
  });

  it('refuses the stand-in on 127.0.0.1 without allowPrivate, before any byte', async () => {
    node = await startBitcoinNodeStandin({ auth: AUTH });
    await expect(fetchBitcoinRpc(sourceFor(node.url, 'STANDIN_RPC_AUTH'), { ...opts, allowPrivate: false })).rejects.toThrow(
      'refused: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    );
    expect(node.connections()).toBe(0);
  });
});

describe('fetchBitcoinRpc against broken nodes', () => {
  async function nodeAnswering(status: number, body: string): Promise<Standin> {
    // The route stand-in answers POST / too; every RPC gets the same answer.
    return startRouteStandin({ routes: { '/': { status, body } } });
  }
  let node: Standin | undefined;
  afterEach(async () => {
    await node?.close();
    node = undefined;
  });

  it('reports the node’s JSON-RPC error message', async () => {
    node = await nodeAnswering(500, '{"result":null,"error":{"code":-28,"message":"Loading block index..."},"id":"x"}');
    const error = await fetchBitcoinRpc(sourceFor(`${node.url}/`), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe(-28);
    expect((error as Error).message).toBe('bitcoin-rpc: getmininginfo failed: Loading block index... (code -28)');
  });

  it('reports a plain HTTP 500 as such', async () => {
    node = await nodeAnswering(500, '<html>Internal Server Error</html>');
    await expect(fetchBitcoinRpc(sourceFor(node.url), opts)).rejects.toThrow('bitcoin-rpc: HTTP 500');
  });

  it('names the bad path of a wrong shape', async () => {
    node = await nodeAnswering(200, '{"result":{"blocks":"many","difficulty":1},"error":null,"id":"x"}');
    const error = await fetchBitcoinRpc(sourceFor(node.url), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(/^bitcoin-rpc getmininginfo: unexpected response shape at blocks: /);
  });

  it('times out a node that never answers', async () => {
    node = await startRouteStandin({ routes: { '/': { body: '{}', delayMs: 5000 } } });
    await expect(fetchBitcoinRpc(sourceFor(node.url), { ...opts, timeoutMs: 100 })).rejects.toThrow('bitcoin-rpc: timed out after 100 ms');
  });
});

describe('a Dash-style template: the payees come out of coinbasevalue (issue 14)', () => {
  const miningInfo = bitcoinMiningInfoSchema.parse(resultOf('bitcoind-getmininginfo-documented-shape.json'));
  const dashTemplate = bitcoinBlockTemplateSchema.parse(resultOf('dashd-getblocktemplate-documented-shape.json'));

  it('passes the whole coinbase and what it must pay others: 2.81255555 + 0.62501235 coins', () => {
    // masternode 281,255,555 sat + superblock 62,501,235 sat = 343,756,790 sat = 3.4375679 coins.
    const stats = normalizeBitcoinRpc({ miningInfo, blockchainInfo: null, blockTemplate: dashTemplate }, 8);
    expect(stats.blockReward).toBe(6.25012345);
    expect(stats.blockRewardToOthers).toBeCloseTo(3.4375679, 10);
  });

  it('templatePayeesAtomic: object or array entries, a payment not started is skipped, no payee field is undefined', () => {
    expect(templatePayeesAtomic({ coinbasevalue: 100 })).toBeUndefined();
    // Old Dash (0.12): one masternode object; not started yet, so the miner keeps it.
    expect(templatePayeesAtomic({ masternode: { payee: 'x', amount: 50 }, masternode_payments_started: false })).toBe(0);
    expect(templatePayeesAtomic({ masternode: { payee: 'x', amount: 50 } })).toBe(50);
    // Raptoreum-style: smartnode array and one founder object (25 + 5 = 30).
    expect(templatePayeesAtomic({ smartnode: [{ amount: 25 }], founder: { amount: 5 }, founder_payments_started: true })).toBe(30);
    expect(templatePayeesAtomic({ superblock: [], superblocks_started: true })).toBe(0);
    // A payee without a usable amount: the miner's part is unknown from this template.
    expect(templatePayeesAtomic({ masternode: [{ payee: 'x' }] })).toBeNull();
    expect(templatePayeesAtomic({ masternode: [{ amount: -1 }] })).toBeNull();
  });

  let node: Standin | undefined;
  afterEach(async () => {
    await node?.close();
    node = undefined;
  });

  it('the Dash stand-in serves it over JSON-RPC', async () => {
    node = await startBitcoinNodeStandin({ auth: AUTH, flavour: 'dashd' });
    const stats = await fetchBitcoinRpc(sourceFor(node.url, 'STANDIN_RPC_AUTH'), opts);
    expect(stats.blockReward).toBe(6.25012345);
    expect(stats.blockRewardToOthers).toBeCloseTo(3.4375679, 10);
  });
});
