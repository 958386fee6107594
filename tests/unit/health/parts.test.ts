import { describe, expect, it } from 'vitest';

import {
  communityPart,
  concentrated,
  dataHealthPart,
  developmentPart,
  liquidityPart,
  marketsPart,
  networkSharePart,
  securityPart,
} from '@/lib/health/parts';

describe('securityPart', () => {
  it.each([
    // 100 × (1 − min(1, 0.1 ÷ 0.5)) = 100 × 0.8 = 80
    [{ rentalStatus: 'ok', rentableShare: 0.1, protections: [] }, 80],
    // 0.25 ÷ 0.5 = 0.5 → 50
    [{ rentalStatus: 'ok', rentableShare: 0.25, protections: [] }, 50],
    // NiceHash can rent 3× the network: min(1, 6) = 1 → 0
    [{ rentalStatus: 'ok', rentableShare: 3, protections: [] }, 0],
    // The algorithm cannot be rented on NiceHash at all: 100
    [{ rentalStatus: 'no-rental-market', rentableShare: null, protections: [] }, 100],
    // Rentable 3× but ChainLocks make recent blocks final: floor 75
    [{ rentalStatus: 'ok', rentableShare: 3, protections: ['chainlocks'] }, 75],
    // Checkpoints only protect old history: no floor
    [{ rentalStatus: 'ok', rentableShare: 3, protections: ['checkpoints'] }, 0],
    // 80 from renting, but one pool holds 40 %: 100 × (1 − 0.4 ÷ 0.5) = 20, the lower one wins
    [{ rentalStatus: 'ok', rentableShare: 0.1, protections: [], largestPoolShare: 0.4 }, 20],
  ] as const)('%o → %d', (input, expected) => {
    expect(securityPart(input)).toBeCloseTo(expected, 10);
  });

  it('is "no data" (null), not 0, without hash-rental prices or network figures', () => {
    expect(securityPart({ rentalStatus: null, rentableShare: null, protections: [] })).toBeNull();
    expect(securityPart({ rentalStatus: 'no-network-data', rentableShare: 0.2, protections: [] })).toBeNull();
    expect(securityPart({ rentalStatus: 'ok', rentableShare: null, protections: [] })).toBeNull();
  });

  it('takes a known pool split where renting is unknown', () => {
    // 100 × (1 − 0.1 ÷ 0.5) = 80
    expect(securityPart({ rentalStatus: null, rentableShare: null, protections: [], largestPoolShare: 0.1 })).toBeCloseTo(80, 10);
  });
});

describe('liquidityPart', () => {
  it('scores the rig output against the day volume', () => {
    // $10 a day into $1,000 of volume: share 1 %, 1 % ÷ 5 % = 0.2 → 80
    expect(liquidityPart({ priceUsd: 1, volume24hUsd: 1000, revenueUsdPerDay: 10 })).toBeCloseTo(80, 10);
    // $100 a day into $1,000: 10 % ≥ 5 % → 0
    expect(liquidityPart({ priceUsd: 1, volume24hUsd: 1000, revenueUsdPerDay: 100 })).toBe(0);
  });

  it('0 when priced but nothing traded (a fact); null without a price, a volume figure or an estimate', () => {
    expect(liquidityPart({ priceUsd: 1, volume24hUsd: 0, revenueUsdPerDay: 5 })).toBe(0);
    expect(liquidityPart({ priceUsd: null, volume24hUsd: 1000, revenueUsdPerDay: 5 })).toBeNull();
    expect(liquidityPart({ priceUsd: 1, volume24hUsd: null, revenueUsdPerDay: 5 })).toBeNull();
    expect(liquidityPart({ priceUsd: 1, volume24hUsd: 1000, revenueUsdPerDay: null })).toBeNull();
  });
});

describe('marketsPart', () => {
  it.each([
    // log10(10,000 ÷ 1,000) ÷ 3 = 1/3 → 33.33
    [{ usableMarkets: 3, usableVolumeUsd: 10_000, topExchangeShare: 0.5, topExchange: 'a' }, 100 / 3],
    // log10(100) ÷ 3 = 2/3 → 66.67, one exchange at 95 % halves it → 33.33
    [{ usableMarkets: 2, usableVolumeUsd: 100_000, topExchangeShare: 0.95, topExchange: 'a' }, 100 / 3],
    // $5M is past the $1M top: 100
    [{ usableMarkets: 9, usableVolumeUsd: 5_000_000, topExchangeShare: 0.3, topExchange: 'a' }, 100],
    // $500 is under the $1k floor: 0
    [{ usableMarkets: 1, usableVolumeUsd: 500, topExchangeShare: 1, topExchange: 'a' }, 0],
    // fetched, and no market is usable: 0
    [{ usableMarkets: 0, usableVolumeUsd: 0, topExchangeShare: null, topExchange: null }, 0],
  ] as const)('%o → %d', (input, expected) => {
    expect(marketsPart(input)).toBeCloseTo(expected, 10);
  });

  it('is null when the tickers were never fetched', () => {
    expect(marketsPart(null)).toBeNull();
  });

  it('warns from 90 % on one exchange', () => {
    expect(concentrated({ usableMarkets: 2, usableVolumeUsd: 1, topExchangeShare: 0.9, topExchange: 'x' })).toBe(true);
    expect(concentrated({ usableMarkets: 2, usableVolumeUsd: 1, topExchangeShare: 0.89, topExchange: 'x' })).toBe(false);
    expect(concentrated(null)).toBe(false);
  });
});

describe('developmentPart', () => {
  it('averages activity and recency where both are known', () => {
    // activity 100 × 5 ÷ 20 = 25; recency: 3 days ago ≤ 30 → 100; mean 62.5
    expect(developmentPart({ commitCount4Weeks: 5, lastCommitDaysAgo: 3 })).toBeCloseTo(62.5, 10);
    // only recency: 100 × (365 − 197.5) ÷ 335 = 100 × 0.5 = 50
    expect(developmentPart({ commitCount4Weeks: null, lastCommitDaysAgo: 197.5 })).toBeCloseTo(50, 10);
    // only activity, 40 commits: min(1, 2) → 100
    expect(developmentPart({ commitCount4Weeks: 40, lastCommitDaysAgo: null })).toBe(100);
    // a year and more without a commit: 0
    expect(developmentPart({ commitCount4Weeks: null, lastCommitDaysAgo: 400 })).toBe(0);
  });

  it('is null with neither', () => {
    expect(developmentPart({ commitCount4Weeks: null, lastCommitDaysAgo: undefined })).toBeNull();
  });
});

describe('communityPart', () => {
  it('scores the known audience on a log scale', () => {
    // 600 + 300 + 100 = 1,000: log10(10) ÷ 3 = 1/3 → 33.33
    expect(communityPart({ xFollowers: 600, redditSubscribers: 300, telegramMembers: 100 })).toBeCloseTo(100 / 3, 10);
    // 10,000 X followers only: log10(100) ÷ 3 → 66.67
    expect(communityPart({ xFollowers: 10_000, redditSubscribers: null, telegramMembers: null })).toBeCloseTo(200 / 3, 10);
  });

  it('treats zeros as "not tracked": all zero is null, never 0', () => {
    expect(communityPart({ xFollowers: 0, redditSubscribers: 0, telegramMembers: null })).toBeNull();
  });
});

describe('networkSharePart', () => {
  it.each([
    [0, 100],
    // 5 % (lib/risk's warning) ÷ 25 % = 0.2 → 80
    [0.05, 80],
    [0.125, 50],
    [0.5, 0],
  ])('joined share %d → %d', (share, expected) => {
    expect(networkSharePart(share)).toBeCloseTo(expected, 10);
  });

  it('is null without a network hashrate', () => {
    expect(networkSharePart(null)).toBeNull();
  });
});

describe('dataHealthPart', () => {
  const none = { security: null, liquidity: null, markets: null, development: null, community: null, networkShare: null };
  it('counts the parts with data and takes 20 per data-quality flag', () => {
    // 4 of 6 known: 66.67, one flag: 46.67
    expect(dataHealthPart({ ...none, security: 0, liquidity: 50, markets: 10, networkShare: 100 }, 1)).toBeCloseTo(
      200 / 3 - 20,
      10,
    );
    // all six known, no flag: 100 (a part at 0 is known, so it counts)
    expect(dataHealthPart({ security: 0, liquidity: 0, markets: 0, development: 0, community: 0, networkShare: 0 }, 0)).toBe(100);
    // nothing known: 0, and never below 0 with flags
    expect(dataHealthPart(none, 0)).toBe(0);
    expect(dataHealthPart(none, 3)).toBe(0);
  });
});

describe('chain protections', () => {
  it('every entry is a known kind with a pinned https citation', async () => {
    const { CHAIN_PROTECTIONS, protectionsOf } = await import('@/lib/health/protections');
    const { PROTECTION_KINDS } = await import('@/lib/health/parts');
    for (const list of Object.values(CHAIN_PROTECTIONS)) {
      for (const p of list) {
        expect(PROTECTION_KINDS).toContain(p.kind);
        // pinned to a commit, so the cited line cannot move under us
        expect(p.url).toMatch(/^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/[0-9a-f]{40}\//);
      }
    }
    expect(protectionsOf('dash').map((p) => p.kind)).toEqual(['chainlocks']);
    expect(protectionsOf('RVN')).toEqual([]);
  });

  it("the ranking's table of kinds (protection-kinds.ts, sent to the browser) is the cited table's", async () => {
    const { CHAIN_PROTECTIONS } = await import('@/lib/health/protections');
    const { CHAIN_PROTECTION_KINDS, protectionKindsOf } = await import('@/lib/health/protection-kinds');
    const cited = Object.fromEntries(Object.entries(CHAIN_PROTECTIONS).map(([tag, list]) => [tag, list.map((p) => p.kind)]));
    expect(CHAIN_PROTECTION_KINDS).toEqual(cited);
    expect(protectionKindsOf('kmd')).toEqual(['dpow']);
    expect(protectionKindsOf('RVN')).toEqual([]);
  });
});
