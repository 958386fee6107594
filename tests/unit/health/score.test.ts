import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { HEALTH_PARTS, type HealthParts } from '@/lib/health/parts';
import {
  effectiveWeights,
  health,
  PRESET_WEIGHTS,
  riskAdjustedUsdPerDay,
  riskFactor,
  weightsActive,
} from '@/lib/health/score';

const parts = (p: Partial<HealthParts>): HealthParts => ({
  security: null,
  liquidity: null,
  markets: null,
  development: null,
  community: null,
  dataHealth: null,
  networkShare: null,
  ...p,
});

describe('health', () => {
  it('a coin with no CoinGecko entry, no rental prices and no rig estimate has "no data" parts, not zeros', () => {
    const h = health({
      security: { rentalStatus: null, rentableShare: null, protections: [] },
      liquidity: { priceUsd: null, volume24hUsd: null, revenueUsdPerDay: null },
      markets: null,
      development: { commitCount4Weeks: null, lastCommitDaysAgo: null },
      community: { xFollowers: null, redditSubscribers: null, telegramMembers: null },
      joinedShare: 0.05,
      dataQualityFlags: 0,
    });
    expect(h.parts).toEqual({
      security: null,
      liquidity: null,
      markets: null,
      development: null,
      community: null,
      // 1 of 6 known: 16.67; the missing data shows here, as a risk of its own
      dataHealth: 100 / 6,
      networkShare: 80,
    });
    // mean of the known: (80 + 16.67) ÷ 2 = 48.33
    expect(h.score).toBeCloseTo((80 + 100 / 6) / 2, 10);
  });

  it('scores every part of a well-covered coin (worked by hand)', () => {
    const h = health({
      // rentable 10 %: 80
      security: { rentalStatus: 'ok', rentableShare: 0.1, protections: [] },
      // $10/day into $1,000: 80
      liquidity: { priceUsd: 2, volume24hUsd: 1000, revenueUsdPerDay: 10 },
      // $10k usable, spread out: 33.33
      markets: { usableMarkets: 3, usableVolumeUsd: 10_000, topExchangeShare: 0.5, topExchange: 'a' },
      // 5 commits, 3 days ago: 62.5
      development: { commitCount4Weeks: 5, lastCommitDaysAgo: 3 },
      // audience 1,000: 33.33
      community: { xFollowers: 1000, redditSubscribers: null, telegramMembers: null },
      // 5 %: 80
      joinedShare: 0.05,
      // one flag: 100 − 20 = 80
      dataQualityFlags: 1,
    });
    expect(h.parts.security).toBeCloseTo(80, 10);
    expect(h.parts.liquidity).toBeCloseTo(80, 10);
    expect(h.parts.markets).toBeCloseTo(100 / 3, 10);
    expect(h.parts.development).toBeCloseTo(62.5, 10);
    expect(h.parts.community).toBeCloseTo(100 / 3, 10);
    expect(h.parts.networkShare).toBeCloseTo(80, 10);
    expect(h.parts.dataHealth).toBeCloseTo(80, 10);
    // (80 + 80 + 33.33 + 62.5 + 33.33 + 80 + 80) ÷ 7 = 449.17 ÷ 7 = 64.17
    expect(h.score).toBeCloseTo((80 + 80 + 100 / 3 + 62.5 + 100 / 3 + 80 + 80) / 7, 10);
  });
});

describe('weights', () => {
  it('profit has no weight; rw. overrides sit on top of the preset and are clamped to 0–100', () => {
    expect(weightsActive(PRESET_WEIGHTS.profit)).toBe(false);
    expect(weightsActive(PRESET_WEIGHTS.balanced)).toBe(true);
    const w = effectiveWeights('profit', { security: 80, liquidity: 250 });
    expect(w).toEqual({ ...PRESET_WEIGHTS.profit, security: 80, liquidity: 100 });
    expect(effectiveWeights('balanced', { community: 0 }).community).toBe(0);
    expect(effectiveWeights('balanced', { community: 0 }).security).toBe(50);
  });
});

describe('riskAdjustedUsdPerDay', () => {
  it('keeps 1 − w/100 × (1 − s/100) of the profit per part (worked by hand)', () => {
    // security 40 at weight 100 keeps 0.4; liquidity 40 at weight 50 keeps 1 − 0.5 × 0.6 = 0.7;
    // community null keeps all. $10 × 0.4 × 0.7 = $2.80
    const w = effectiveWeights('profit', { security: 100, liquidity: 50, community: 100 });
    const p = parts({ security: 40, liquidity: 40, community: null });
    expect(riskFactor(p, w)).toBeCloseTo(0.28, 12);
    expect(riskAdjustedUsdPerDay(10, p, w)).toBeCloseTo(2.8, 12);
  });

  it('balanced: every part at weight 50', () => {
    // parts 80 and 20: (1 − 0.5 × 0.2) × (1 − 0.5 × 0.8) = 0.9 × 0.6 = 0.54; $5 → $2.70
    expect(riskAdjustedUsdPerDay(5, parts({ security: 80, markets: 20 }), PRESET_WEIGHTS.balanced)).toBeCloseTo(2.7, 12);
  });

  it('profit preset leaves the profit as it is; a loss is never discounted; no profit is null', () => {
    const p = parts({ security: 0, liquidity: 0 });
    expect(riskAdjustedUsdPerDay(7.5, p, PRESET_WEIGHTS.profit)).toBe(7.5);
    expect(riskAdjustedUsdPerDay(-3, p, PRESET_WEIGHTS.cautious)).toBe(-3);
    expect(riskAdjustedUsdPerDay(null, p, PRESET_WEIGHTS.cautious)).toBeNull();
    expect(riskAdjustedUsdPerDay(Number.NaN, p, PRESET_WEIGHTS.cautious)).toBeNull();
  });

  it('is finite, never above the profit and never below 0 for a gain (any parts, any weights)', () => {
    const score = fc.option(fc.double({ min: -50, max: 150, noNaN: true }), { nil: null });
    const weight = fc.double({ min: -10, max: 200, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.tuple(...HEALTH_PARTS.map(() => score)),
        fc.tuple(...HEALTH_PARTS.map(() => weight)),
        (profit, scores, weights) => {
          const p = Object.fromEntries(HEALTH_PARTS.map((k, i) => [k, scores[i]])) as HealthParts;
          const w = effectiveWeights(
            'profit',
            Object.fromEntries(HEALTH_PARTS.map((k, i) => [k, weights[i]])) as Record<(typeof HEALTH_PARTS)[number], number>,
          );
          const adjusted = riskAdjustedUsdPerDay(profit, p, w);
          return adjusted !== null && Number.isFinite(adjusted) && adjusted >= 0 && adjusted <= profit;
        },
      ),
    );
  });
});
