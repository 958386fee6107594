// GET /api/payouts and /api/payouts/ledger.csv called with real Requests against the MiningCore
// stand-in (the fixture server on loopback, allowed here by ALLOW_PRIVATE_SOURCES). With no SOURCES
// the app serves the embedded snapshot and keeps no history, so the network figures of each day
// come from the pool's own performance record.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { PAYOUT_ADDRESSES, startFixtureServer, type FixtureServer } from '@/tests/support/fixture-server';

vi.stubEnv('ALLOW_PRIVATE_SOURCES', '1');
vi.stubEnv('SOURCES', '');
const { GET: getPayouts } = await import('@/app/api/payouts/route');
const { GET: getLedger } = await import('@/app/api/payouts/ledger.csv/route');

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
});

const query = (address: string, extra = '') =>
  `pool=${encodeURIComponent(`${server.url}/mc-pay`)}&poolId=doge1&coin=DOGE&address=${address}${extra}`;

describe('GET /api/payouts', () => {
  it('reads the stand-in: seven days of 1 GH/s and 13.5 DOGE credited, three payments', async () => {
    const response = await getPayouts(new Request(`http://localhost/api/payouts?${query(PAYOUT_ADDRESSES.paid)}`));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/NaN|Infinity/);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ coin: 'DOGE', address: PAYOUT_ADDRESSES.paid, stale: false, feePercent: 1, feeBasis: 'pool', creditedCoinsAllDays: 94.5 });
    expect(body.days).toHaveLength(7);
    expect(body.days.every((d: { hashrate: number; creditedCoins: number }) => d.hashrate === 1e9 && d.creditedCoins === 13.5)).toBe(true);
    // No history in this process: every day's network is the pool's record (N = 1e12 H/s), with the
    // embedded DOGE's 60 s blocks and its reward from emission (hashrate.no gives no reward), so the
    // figures are the pool's, stated as such.
    expect(body.days.map((d: { figures: string | null }) => d.figures)).toEqual(Array(7).fill('pool'));
    expect(body.realisedOverEstimated).toBeGreaterThan(0);
    expect(body.payments.map((p: { amount: number }) => p.amount)).toEqual([27, 40.5, 13.5]);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('an address the pool does not know: 404 "no such miner at this pool"', async () => {
    const response = await getPayouts(new Request(`http://localhost/api/payouts?${query(PAYOUT_ADDRESSES.unknown)}`));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'no such miner at this pool', param: 'address' });
  });

  it.each([
    [`pool=${encodeURIComponent('https://pool.example')}&poolId=doge1&coin=DOGE&address=${PAYOUT_ADDRESSES.paid.slice(0, -1)}x`, 'address'],
    [`pool=nope&poolId=doge1&coin=DOGE&address=${PAYOUT_ADDRESSES.paid}`, 'pool'],
    [`pool=${encodeURIComponent('https://pool.example')}&coin=DOGE&address=${PAYOUT_ADDRESSES.paid}`, 'poolId'],
    [`pool=${encodeURIComponent('https://pool.example')}&poolId=doge1&coin=NOPE1&address=${PAYOUT_ADDRESSES.paid}`, 'coin'],
    [`pool=${encodeURIComponent('https://pool.example')}&poolId=doge1&coin=DOGE&address=${PAYOUT_ADDRESSES.paid}&days=99`, 'days'],
  ])('400 naming the field: %s → %s', async (q, param) => {
    const response = await getPayouts(new Request(`http://localhost/api/payouts?${q}`));
    expect(response.status).toBe(400);
    expect((await response.json()).param).toBe(param);
  });
});

describe('GET /api/payouts/ledger.csv', () => {
  it('one MINING row per payment, oldest first; no recorded price, so value and currency blank', async () => {
    const response = await getLedger(new Request(`http://localhost/api/payouts/ledger.csv?${query(PAYOUT_ADDRESSES.paid)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Date,Action,Symbol,Volume,Value,Currency,Transaction');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 6))).toEqual([
      ['MINING', 'DOGE', '27', '', ''],
      ['MINING', 'DOGE', '40.5', '', ''],
      ['MINING', 'DOGE', '13.5', '', ''],
    ]);
  });
});
