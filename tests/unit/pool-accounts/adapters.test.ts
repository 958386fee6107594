// lib/sources/pool-accounts: the per-miner stand-ins (tests/fixtures/pool-accounts, built from each
// software's documented shape around 2026-12-01T12:00:00Z) normalized by hand, then the same
// through the guarded request against the fixture server: cache, pace, unknown miner, faults.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { normalizeCryptonote, parseCryptonotePayments } from '@/lib/sources/pool-accounts/cryptonote-pool';
import { clearAccountCache, readMinerAccount, type AccountQuery } from '@/lib/sources/pool-accounts/index';
import { normalizeMiningCore } from '@/lib/sources/pool-accounts/miningcore';
import { normalizeNomp } from '@/lib/sources/pool-accounts/nomp';
import { paceHost } from '@/lib/sources/pool-accounts/pace';
import { NoSuchMinerError } from '@/lib/sources/pool-accounts/types';
import { normalizeYiimpWallet } from '@/lib/sources/pool-accounts/yiimp';
import { SchemaError } from '@/lib/sources/http';
import { PAYOUT_ADDRESSES, startFixtureServer, type FixtureServer } from '@/tests/support/fixture-server';

const dir = path.join(__dirname, '../../fixtures');
const json = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const acc = (file: string) => json(`pool-accounts/${file}`);
const day = (d: number) => Date.UTC(2026, 10, d, 12);

describe('MiningCore', () => {
  const raw = (who: 'paid' | 'short') => ({
    pool: acc('miningcore-api_pools_doge1-documented-shape.json'),
    miner: acc(`miningcore-api_pools_doge1_miners_${who}-documented-shape.json`),
    payments: acc(`miningcore-api_pools_doge1_miners_${who}_payments-documented-shape.json`),
    balanceChanges: acc(`miningcore-api_pools_doge1_miners_${who}_balancechanges-documented-shape.json`),
    performance: acc('miningcore-api_pools_doge1_performance-documented-shape.json'),
  });

  it('the paid miner: 1 GH/s over two workers, 13.5 DOGE credited a day, three payouts', () => {
    const a = normalizeMiningCore(raw('paid'));
    expect(a).toMatchObject({ kind: 'miningcore', pendingCoins: 13.5, totalPaidCoins: 81, hashrate: 1e9, feePercent: 1, symbol: 'DOGE' });
    expect(a.workers).toEqual([
      { name: 'rig1', hashrate: 6e8 },
      { name: 'rig2', hashrate: 4e8 },
    ]);
    // One daily sample per day 24–30 November, 6e8 + 4e8 H/s each.
    expect(a.hashrateSamples).toEqual([24, 25, 26, 27, 28, 29, 30].map((d) => ({ time: day(d), hashrate: 1e9 })));
    // 7 credits of 13.5 and 3 resets: Σ positive = 94.5, Σ all = 94.5 − 81 = 13.5 = pendingBalance.
    expect(a.credits?.filter((c) => c.amount > 0).reduce((s, c) => s + c.amount, 0)).toBeCloseTo(94.5, 10);
    expect(a.credits?.reduce((s, c) => s + c.amount, 0)).toBeCloseTo(13.5, 10);
    expect(a.payments.map((p) => [p.time, p.amount])).toEqual([
      [day(30), 13.5],
      [day(28), 40.5],
      [day(25), 27],
    ]);
    expect(a.payments[0]?.txUrl).toMatch(/^https:\/\/dogechain\.example\/tx\/[0-9a-f]{64}$/);
    // The pool's own record: 8 days, N = 1e12 H/s, pool 1e11 H/s.
    expect(a.poolNetwork).toHaveLength(8);
    expect(a.poolNetwork[1]).toEqual({ time: day(24), networkHashrate: 1e12, networkDifficulty: 13969.838619232178, poolHashrate: 1e11 });
  });

  it('an empty miner answer is "no such miner"; a changed shape is a SchemaError', () => {
    expect(() => normalizeMiningCore({ ...raw('paid'), miner: null })).toThrow(NoSuchMinerError);
    expect(() => normalizeMiningCore({ ...raw('paid'), miner: { pendingBalance: 'x' } })).toThrow(SchemaError);
  });

  it('drops a transaction link that is not http(s)', () => {
    const payments = [{ amount: 1, transactionConfirmationData: 'ab', transactionInfoLink: 'javascript:alert(1)', created: '2026-11-30T12:00:00Z' }];
    expect(normalizeMiningCore({ ...raw('paid'), payments }).payments[0]?.txUrl).toBeNull();
  });
});

describe('NOMP', () => {
  it('totals only: paid 81, pending 3.5 + 1.25, 1 GH/s; history summed per moment', () => {
    const a = normalizeNomp(acc('nomp-api_worker_stats-documented-shape.json'));
    expect(a).toMatchObject({ kind: 'nomp', pendingCoins: 4.75, totalPaidCoins: 81, hashrate: 1e9, credits: null, payments: [] });
    expect(a.hashrateSamples).toEqual([1200, 600, 0].map((s) => ({ time: Date.UTC(2026, 11, 1, 12) - s * 1000, hashrate: 1e9 })));
  });
  it('an address with no workers and nothing paid or pending is "no such miner"', () => {
    expect(() => normalizeNomp(acc('nomp-api_worker_stats-unknown-documented-shape.json'))).toThrow(NoSuchMinerError);
    expect(() => normalizeNomp({ result: 'error' })).toThrow(NoSuchMinerError);
  });
});

describe('cryptonote-nodejs-pool', () => {
  const config = json('pools/cryptonote_pool-stats-documented-shape.json');
  it('atomic units ÷ coinUnits (1e12): balance 3.5, paid 81; payments from the flat WITHSCORES list', () => {
    const a = normalizeCryptonote(acc('cryptonote_pool-stats_address-documented-shape.json'), config);
    expect(a).toMatchObject({ kind: 'cryptonote-pool', pendingCoins: 3.5, totalPaidCoins: 81, hashrate: 1000, feePercent: 0.9, symbol: 'ZEPH' });
    expect(a.payments.map((p) => [p.time, p.amount])).toEqual([
      [day(30), 13.5],
      [day(28), 40.5],
      [day(25), 27],
    ]);
  });
  it('{"error":"Not found"} is "no such miner"; a malformed payment entry is skipped', () => {
    expect(() => normalizeCryptonote(acc('cryptonote_pool-stats_address-unknown-documented-shape.json'), config)).toThrow(NoSuchMinerError);
    expect(parseCryptonotePayments(['nothex:1:0:0', '1764590400', `${'a'.repeat(64)}:2000000000000:0:0`, '1764590400'], 1e12)).toEqual([
      { time: 1764590400000, amount: 2, txId: 'a'.repeat(64), txUrl: null },
    ]);
  });
});

describe('YIIMP', () => {
  it('unpaid 3.5 DOGE; no hashrate or history', () => {
    expect(normalizeYiimpWallet(acc('yiimp-api_wallet-documented-shape.json'))).toMatchObject({
      kind: 'yiimp',
      pendingCoins: 3.5,
      totalPaidCoins: null,
      hashrate: null,
      symbol: 'DOGE',
    });
  });
  it('an empty body is "no such miner"', () => {
    expect(() => normalizeYiimpWallet(null)).toThrow(NoSuchMinerError);
  });
});

describe('paceHost', () => {
  it('spaces requests to one host 250 ms apart and leaves other hosts alone', async () => {
    const now = 1_000_000;
    const clock = () => now;
    expect(await paceHost('pace.test', clock)).toBe(0);
    // Asked at the same moment: the 2nd waits 250 ms, the 3rd 500 ms; another host goes at once.
    const second = paceHost('pace.test', clock);
    const third = paceHost('pace.test', clock);
    expect(await paceHost('other.test', clock)).toBe(0);
    expect(await second).toBe(250);
    expect(await third).toBe(500);
  });
});

describe('readMinerAccount against the stand-ins', () => {
  let server: FixtureServer;
  const opts = { timeoutMs: 1000, allowPrivate: true };
  const query = (kind: AccountQuery['kind'], prefix: string, address: string = PAYOUT_ADDRESSES.paid): AccountQuery => ({
    kind,
    url: `${server.url}${prefix}`,
    poolId: kind === 'miningcore' ? 'doge1' : null,
    address,
  });

  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.reset();
    clearAccountCache();
  });

  it('MiningCore: five requests, then none within the minute', async () => {
    const first = await readMinerAccount(query('miningcore', '/mc-pay'), opts);
    expect(first.ok && first.account.totalPaidCoins).toBe(81);
    const again = await readMinerAccount(query('miningcore', '/mc-pay'), opts);
    expect(again.ok && !again.stale).toBe(true);
    const counts = server.counts();
    expect(counts['/mc-pay/api/pools/doge1']).toBe(1);
    expect(counts[`/mc-pay/api/pools/doge1/miners/${PAYOUT_ADDRESSES.paid}`]).toBe(1);
    expect(counts['/mc-pay/api/pools/doge1/performance']).toBe(1);
  });

  it('an address the pool does not know: code no-such-miner', async () => {
    const read = await readMinerAccount(query('miningcore', '/mc-pay', PAYOUT_ADDRESSES.unknown), opts);
    expect(read).toMatchObject({ ok: false, code: 'no-such-miner' });
  });

  it('the other three kinds read their stand-ins', async () => {
    const [nomp, cn, yiimp] = await Promise.all([
      readMinerAccount(query('nomp', '/nomp-pay'), opts),
      readMinerAccount(query('cryptonote-pool', '/cn-pay'), opts),
      readMinerAccount(query('yiimp', '/yiimp-pay'), opts),
    ]);
    expect(nomp.ok && nomp.account.totalPaidCoins).toBe(81);
    expect(cn.ok && cn.account.totalPaidCoins).toBe(81);
    expect(yiimp.ok && yiimp.account.pendingCoins).toBe(3.5);
  });

  it('a pool that times out after a good read: the last read, marked stale, with when', async () => {
    let now = Date.now();
    const clock = () => now;
    const good = await readMinerAccount(query('yiimp', '/yiimp-pay'), opts, clock);
    expect(good.ok).toBe(true);
    server.setMode('/yiimp-pay/api/wallet', 'slow', { delayMs: 5000 });
    now += 61_000;
    const stale = await readMinerAccount(query('yiimp', '/yiimp-pay'), { ...opts, timeoutMs: 200 }, clock);
    expect(stale).toMatchObject({ ok: true, stale: true, fetchedAt: good.ok ? good.fetchedAt : -1 });
    expect(stale.ok && stale.stale && stale.error).toMatch(/timed out/);
  });

  it('without a previous read a failing pool is an upstream failure; the SSRF guard refuses loopback', async () => {
    server.setMode('/yiimp-pay/api/wallet', '500');
    expect(await readMinerAccount(query('yiimp', '/yiimp-pay'), opts)).toMatchObject({ ok: false, code: 'upstream' });
    clearAccountCache();
    expect(await readMinerAccount(query('yiimp', '/yiimp-pay'), { ...opts, allowPrivate: false })).toMatchObject({ ok: false, code: 'refused' });
  });
});
