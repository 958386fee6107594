// lib/sources/chain/monero-rpc.ts: the recorded monerod answers normalized by hand, end to end
// against the monerod stand-in, and the daemon's failure modes.
import { afterEach, describe, expect, it } from 'vitest';

import {
  fetchMoneroRpc,
  moneroDifficulty,
  moneroInfoSchema,
  moneroLastBlockHeaderSchema,
  normalizeMonero,
} from '@/lib/sources/chain/monero-rpc';
import { chainSourceSchema, type ChainSource } from '@/lib/sources/chain/types';
import { SchemaError, UpstreamError } from '@/lib/sources/http';
import { MONERO_RECORDINGS, readChainFixture, startMoneroDaemonStandin, type Standin } from '@/tests/support/chain-standins';

type MoneroSource = Extract<ChainSource, { kind: 'monero-rpc' }>;
const sourceFor = (url: string): MoneroSource => chainSourceSchema.parse({ kind: 'monero-rpc', url }) as MoneroSource;
const opts = { timeoutMs: 3000, allowPrivate: true, env: {} };

const recordedInfo = () => JSON.parse(readChainFixture(MONERO_RECORDINGS.get_info)) as { result: Record<string, unknown> };
const info = moneroInfoSchema.parse(recordedInfo().result);
const header = moneroLastBlockHeaderSchema.parse(
  (JSON.parse(readChainFixture(MONERO_RECORDINGS.get_last_block_header)) as { result: unknown }).result,
);

// From the recordings, by hand:
//   get_info: height 2288923 is the chain's length, so the tip is 2288922; difficulty 258886688222
//   (wide_difficulty 0x3c46d95dde is the same number, difficulty_top64 0); target 120 s;
//   hashrate = 258886688222 / 120 = 2157389068.516667 H/s (monerod's own definition);
//   adjusted_time 1612377295 = 2021-02-03T18:34:55Z.
//   get_last_block_header: reward 1181081601887 piconero / 10^12 = 1.181081601887 XMR.
const EXPECTED = {
  height: 2288922,
  difficulty: 258886688222,
  networkHashrate: 258886688222 / 120,
  blockReward: 1.181081601887,
  blockTimeSeconds: 120,
  updatedAt: '2021-02-03T18:34:55.000Z',
};

describe('normalizeMonero on the recordings', () => {
  it('reads every figure', () => {
    const stats = normalizeMonero(info, header, 12);
    expect(stats).toEqual(EXPECTED);
    expect(stats.networkHashrate).toBeCloseTo(2157389068.516667, 5);
  });

  it('agrees with wide_difficulty, and reads it once the difficulty passes 2^64', () => {
    expect(Number(BigInt(info.wide_difficulty ?? '0x0'))).toBe(258886688222);
    // top64 = 1, low = 5: 2^64 + 5 = 18446744073709551621, as a double 18446744073709552000.
    const overflowed = { ...info, difficulty: 5, difficulty_top64: 1, wide_difficulty: '0x10000000000000005' };
    expect(moneroDifficulty(overflowed)).toBe(2 ** 64 + 5);
    const withoutWide = { ...overflowed, wide_difficulty: undefined };
    expect(moneroDifficulty(withoutWide)).toBe(2 ** 64 + 5);
  });

  it('uses the header time without adjusted_time, and leaves the reward unknown without a header', () => {
    const older = { ...info, adjusted_time: undefined };
    // block timestamp 1612215053 = 2021-02-01T21:30:53Z
    expect(normalizeMonero(older, header, 12).updatedAt).toBe('2021-02-01T21:30:53.000Z');
    expect(normalizeMonero(info, null, 12).blockReward).toBeNull();
  });

  it('never divides by a zero target', () => {
    const stats = normalizeMonero({ ...info, target: 0 }, header, 12);
    expect(stats.networkHashrate).toBeNull();
    expect(stats.blockTimeSeconds).toBeNull();
    expect(normalizeMonero({ ...info, difficulty: 0 }, header, 12).difficulty).toBeNull();
  });
});

describe('fetchMoneroRpc against the monerod stand-in', () => {
  let daemon: Standin | undefined;
  afterEach(async () => {
    await daemon?.close();
    daemon = undefined;
  });

  it('posts get_info and get_last_block_header to /json_rpc and returns the hand-worked figures', async () => {
    daemon = await startMoneroDaemonStandin();
    await expect(fetchMoneroRpc(sourceFor(daemon.url), opts)).resolves.toEqual(EXPECTED);
    expect(daemon.requests()).toBe(2);
  });

  it('keeps the other figures when get_last_block_header fails', async () => {
    daemon = await startMoneroDaemonStandin({
      bodies: { get_last_block_header: '{"id":"0","jsonrpc":"2.0","error":{"code":-5,"message":"Internal error: can\'t get last block."}}' },
    });
    await expect(fetchMoneroRpc(sourceFor(daemon.url), opts)).resolves.toEqual({ ...EXPECTED, blockReward: null });
  });

  it('reports a JSON-RPC error from get_info', async () => {
    daemon = await startMoneroDaemonStandin({ bodies: { get_info: '{"id":"0","jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"}}' } });
    const error = await fetchMoneroRpc(sourceFor(daemon.url), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as Error).message).toBe('monero-rpc: get_info failed: Method not found (code -32601)');
  });

  it('refuses figures from a daemon that is not OK', async () => {
    const busy = recordedInfo();
    busy.result.status = 'BUSY';
    daemon = await startMoneroDaemonStandin({ bodies: { get_info: JSON.stringify(busy) } });
    await expect(fetchMoneroRpc(sourceFor(daemon.url), opts)).rejects.toThrow('monero-rpc: get_info status BUSY');
  });

  it('names the bad path of a wrong shape', async () => {
    const wrong = recordedInfo();
    wrong.result.difficulty = '258886688222';
    daemon = await startMoneroDaemonStandin({ bodies: { get_info: JSON.stringify(wrong) } });
    const error = await fetchMoneroRpc(sourceFor(daemon.url), opts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(/^monero-rpc get_info: unexpected response shape at difficulty: /);
  });

  it('refuses the daemon on 127.0.0.1 without allowPrivate, before any byte', async () => {
    daemon = await startMoneroDaemonStandin();
    await expect(fetchMoneroRpc(sourceFor(daemon.url), { ...opts, allowPrivate: false })).rejects.toThrow(
      'refused: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_SOURCES=1 to allow',
    );
    expect(daemon.connections()).toBe(0);
  });
});
