import { describe, expect, it } from 'vitest';
import { GET as getCoins } from '@/app/api/coins/route';
import { GET as getEstimates } from '@/app/api/estimates/route';
import { GET as getRankingSnapshot } from '@/app/api/ranking-snapshot/route';
import { rankingInputs } from '@/lib/ranking/inputs';
import { publishRankingSnapshot, snapshotKey } from '@/lib/server/ranking-snapshot';
import { KEEP, keepSnapshot, keptSnapshot, scriptSafeJson } from '@/lib/snapshot/kept';
import { embeddedSnapshot } from '@/lib/snapshot/embedded';

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
    // RVN from hashrate.no 2024-03-16: emission 3,600,000 RVN/day, D 85,166, k 2^32, T 60 s, no block
    // reward: the difficulty basis with R = 3,600,000 × 60 / 86,400 = 2,500 RVN.
    // 100e6 × 86,400 × 2,500 / (85,166 × 2^32 = 365,785,184,731,136) = 59.0511 RVN/day;
    // × 0.027762567586762 USD = 1.63941 USD. Power: 250 W × 24 / 1000 × 0.10 = 0.60 USD/day, so profit 1.03941 USD/day.
    const rvn = body.estimates.find((e: { tag: string }) => e.tag === 'RVN');
    expect(rvn.basis).toBe('difficulty');
    expect(rvn.coinsPerDay).toBeCloseTo(59.0511, 3);
    expect(rvn.revenueUsdPerDay).toBeCloseTo(1.63941, 4);
    expect(rvn.powerCostUsdPerDay).toBeCloseTo(0.6, 10);
    expect(rvn.profitUsdPerDay).toBeCloseTo(1.03941, 4);
    // RVN's cited split is the whole block to the miner (miner.cpp): share 1. hashrate.no gives no
    // block reward; the miner's reward is the derived R: 3,600,000 × 60 / 86,400 = 2,500 RVN × 1.
    expect(rvn).toMatchObject({ minerShare: 1, minerReward: 2500 });
    // CLORE: hashrate.no's emission 648,000/day is the whole block; the miner gets 50 % (docs.clore.ai).
    // 100e6 × 648,000 × 60 / (67,256 × 2^32 = 288,862,320,459,776) × 0.5 = 6.72985 CLORE/day.
    const clore = body.estimates.find((e: { tag: string }) => e.tag === 'CLORE');
    expect(clore.minerShare).toBe(0.5);
    // R = 648,000 × 60 / 86,400 = 450 CLORE a block, of which the miner's 50 %: 225 CLORE.
    expect(clore.minerReward).toBeCloseTo(225, 9);
    expect(clore.coinsPerDay).toBeCloseTo(6.72985, 4);
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
    // RVN: no block reward at hashrate.no; the miner's reward is 3,600,000 × 60 / 86,400 = 2,500 RVN (share 1).
    expect(body.coins.find((c: { tag: string }) => c.tag === 'RVN')).toMatchObject({ blockReward: null, minerShare: 1, minerReward: 2500 });
    // The rates and hash-rental prices an open page re-ranks with (the embedded snapshot has none).
    expect(body).toMatchObject({ eurPerUsd: null, rentals: [] });
  });
});

describe('GET /api/ranking-snapshot (the figures a dashboard page was rendered with, by key)', () => {
  const ranking = (query: string) => getRankingSnapshot(new Request(`http://localhost/api/ranking-snapshot${query}`));

  it('answers the current figures, not cached, with their key, for a key this process does not keep', async () => {
    const response = await ranking('?v=not-a-kept-key');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    // The key names the content: the SHA-256 of the very text sent, 16 base64url characters.
    expect(response.headers.get('x-snapshot-key')).toBe(snapshotKey(text));
    const body = JSON.parse(text);
    // The snapshot minus its per-source status (the page's banner has that), with the ranking's figures.
    expect(body).not.toHaveProperty('sources');
    expect(body).not.toHaveProperty('stale');
    expect(body.asOf).toBe('2024-03-16T00:00:00.000Z');
    expect(body.coins.find((c: { tag: string }) => c.tag === 'RVN')).toMatchObject({ minerShare: 1, minerReward: 2500 });
  });

  it('answers a kept key with exactly the figures kept, cacheable for a year', async () => {
    const key = publishRankingSnapshot(rankingInputs(embeddedSnapshot()).snapshot);
    expect(key).toMatch(/^[\w-]{16}$/);
    const response = await ranking(`?v=${key}`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(keptSnapshot(key)?.text);
  });

  it('writes the figures for a <script> element with every "<" escaped, which JSON.parse reads back unchanged', () => {
    // A user-added coin's name is the hostile case: it must not close the script or open a comment.
    const text = JSON.stringify({ coins: [{ name: '</script><script>alert(1)</script><!--' }] });
    const html = scriptSafeJson(text);
    expect(html).not.toMatch(/<\/script|<!--/i);
    expect(html).toBe('{"coins":[{"name":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u003c!--"}]}');
    expect(JSON.parse(html)).toEqual(JSON.parse(text));
    // The kept entry of a published snapshot carries both.
    const key = publishRankingSnapshot(rankingInputs(embeddedSnapshot()).snapshot);
    expect(keptSnapshot(key)?.html).toBe(scriptSafeJson(keptSnapshot(key)!.text));
  });

  it(`keeps the newest ${KEEP} snapshots, dropping the oldest`, () => {
    const entry = (n: number) => ({ key: `k${n}`, text: `{"n":${n}}`, html: `{"n":${n}}`, snapshot: rankingInputs(embeddedSnapshot()).snapshot });
    for (let n = 1; n <= KEEP + 1; n++) keepSnapshot(entry(n));
    expect(keptSnapshot('k1')).toBeUndefined();
    expect(keptSnapshot('k2')?.text).toBe('{"n":2}');
    expect(keptSnapshot(`k${KEEP + 1}`)?.text).toBe(`{"n":${KEEP + 1}}`);
    // Keeping a key again makes it the newest: k2 then outlives k3.
    keepSnapshot(entry(2));
    keepSnapshot(entry(KEEP + 2));
    expect(keptSnapshot('k2')).toBeDefined();
    expect(keptSnapshot('k3')).toBeUndefined();
  });
});
