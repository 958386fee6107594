// /api/estimates with risk weights, through the real route handler on the embedded snapshot.
import { describe, expect, it } from 'vitest';
import { GET as getEstimates } from '@/app/api/estimates/route';

const estimates = (query: string) => getEstimates(new Request(`http://localhost/api/estimates${query}`));

describe('GET /api/estimates with risk weights', () => {
  it('answers 400 naming a bad weight or preset', async () => {
    for (const [query, param] of [
      ['?rw.security=101', 'rw.security'],
      ['?rw.luck=5', 'rw.luck'],
      ['?risk=yolo', 'risk'],
    ] as const) {
      const response = await estimates(query);
      expect(response.status).toBe(400);
      expect((await response.json()).param).toBe(param);
    }
  });

  it('carries risk, health and riskAdjustedUsdPerDay on every row, with no NaN', async () => {
    const response = await estimates('?hr.kawpow=30MH&w.kawpow=250&risk=balanced');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/NaN|Infinity/);
    const body = JSON.parse(text);
    expect(body.riskWeights.preset).toBe('balanced');
    const clore = body.estimates.find((e: { tag: string }) => e.tag === 'CLORE');
    expect(Object.keys(clore.risk).sort()).toEqual(['liquidityShare', 'networkShare', 'rentalCostUsdPerHour', 'soloDays']);
    // The embedded snapshot has no volumes, no rental prices and no coin-health figures: those parts
    // have no data (null), never 0; only network share is known, so data health is 100 × 1 ÷ 6.
    expect(clore.health.parts).toMatchObject({ security: null, liquidity: null, markets: null, development: null, community: null });
    expect(clore.health.parts.dataHealth).toBeCloseTo(100 / 6, 10);
    expect(clore.risk.liquidityShare).toBeNull();
    // balanced: profit × (1 − 0.5 × (1 − 0.1667)) × (1 − 0.5 × (1 − networkShare part ≈ 1)) ≈ profit × 0.58333
    expect(clore.riskAdjustedUsdPerDay).toBeCloseTo(clore.profitUsdPerDay * (1 - 0.5 * (5 / 6)) * (1 - 0.5 * (1 - clore.health.parts.networkShare / 100)), 10);
    expect(clore.riskAdjustedUsdPerDay / clore.profitUsdPerDay).toBeCloseTo(0.58333, 4);
  });
});
