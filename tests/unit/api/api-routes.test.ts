import { describe, expect, it } from 'vitest';
import { GET as getCoins } from '@/app/api/coins/route';
import { GET as getEstimates } from '@/app/api/estimates/route';

// Route handlers called with real Requests; with no SOURCES set they serve the embedded snapshot.
const estimates = (query: string) => getEstimates(new Request(`http://localhost/api/estimates${query}`));

describe('GET /api/estimates', () => {
  it('ranks coins for the rig in the query, by profit, with real figures', async () => {
    const response = await estimates('?hr.kawpow=100M&w.kawpow=250&kwh=0.1&fee=0');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ mode: 'embedded', stale: true, asOf: '2024-03-16T00:00:00.000Z' });
    const kawpow = body.estimates.filter((e: { coinsPerDay: number | null }) => e.coinsPerDay !== null);
    expect(kawpow.every((e: { algorithm: string }) => e.algorithm === 'kawpow')).toBe(true);
    const profits = kawpow.map((e: { profitUsdPerDay: number | null }) => e.profitUsdPerDay ?? -Infinity);
    expect(profits).toEqual([...profits].sort((a: number, b: number) => b - a));
    // RVN from hashrate.no 2024-03-16: emission 3,600,000 RVN/day, N = 6,747,468,194,408 H/s.
    // (100e6 / 6.747468194408e12) × 3.6e6 = 53.353 RVN/day; × 0.027762567586762 USD = 1.4812 USD.
    // Power: 250 W × 24 / 1000 × 0.10 = 0.60 USD/day, so profit 0.8812 USD/day.
    const rvn = body.estimates.find((e: { tag: string }) => e.tag === 'RVN');
    expect(rvn.basis).toBe('emission');
    expect(rvn.coinsPerDay).toBeCloseTo(53.3533, 3);
    expect(rvn.revenueUsdPerDay).toBeCloseTo(1.48121, 4);
    expect(rvn.powerCostUsdPerDay).toBeCloseTo(0.6, 10);
    expect(rvn.profitUsdPerDay).toBeCloseTo(0.88121, 4);
    // RVN's cited split is the whole block to the miner (miner.cpp): share 1. hashrate.no gives no
    // block reward, so there is no miner reward per block (null), and the whole emission is counted.
    expect(rvn).toMatchObject({ minerShare: 1, minerReward: null });
    // CLORE: hashrate.no's emission 648,000/day is the whole block; the miner gets 50 % (docs.clore.ai).
    // (100e6 / 4,863,035,494,918) × 648,000 × 0.5 = 6.66250 CLORE/day.
    const clore = body.estimates.find((e: { tag: string }) => e.tag === 'CLORE');
    expect(clore.minerShare).toBe(0.5);
    expect(clore.coinsPerDay).toBeCloseTo(6.6625, 3);
  });

  it('answers 400 with a JSON error naming the bad param', async () => {
    const response = await estimates('?hr.kawpow=lots');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.param).toBe('hr.kawpow');
    expect(body.error).toMatch(/not a hashrate/);
  });

  it('never answers with NaN or Infinity, even for an absurd rig', async () => {
    const response = await estimates('?hr.kawpow=1e24&w.kawpow=1000000&kwh=10&fee=99');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/NaN|Infinity/);
  });
});

describe('GET /api/coins', () => {
  it('returns the snapshot with sources and coins in our units', async () => {
    const response = await getCoins(new Request('http://localhost/api/coins'));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.sources).toEqual([expect.objectContaining({ id: 'embedded', ok: true, fetchedAt: '2024-03-16T00:00:00.000Z' })]);
    const btc = body.coins.find((c: { tag: string }) => c.tag === 'BTC');
    expect(btc).toMatchObject({ algorithm: 'sha256d', networkHashrate: 525807248285000007680, priceUsd: 68154.34627401 });
    // The rates and hash-rental prices an open page re-ranks with (the embedded snapshot has none).
    expect(body).toMatchObject({ eurPerUsd: null, rentals: [] });
  });
});
