import { describe, expect, it } from 'vitest';

import { REWARD_SPLITS, SPLIT_RECIPIENTS, minerPartOfTemplate, minerShareAt, splitAt } from '@/lib/mining/reward-splits';

describe('REWARD_SPLITS', () => {
  it('every verified split sums to 100 % and cites an https source; periods start in order', () => {
    for (const [tag, schedule] of Object.entries(REWARD_SPLITS)) {
      expect(schedule.length, tag).toBeGreaterThan(0);
      let lastHeight = -1;
      let lastDate = '';
      for (const period of schedule) {
        expect(period.sourceUrl, tag).toMatch(/^https:\/\//);
        expect(period.fromHeight !== null || period.fromDate !== null, `${tag} period has a start`).toBe(true);
        if (period.fromHeight !== null) {
          expect(period.fromHeight, tag).toBeGreaterThan(lastHeight);
          lastHeight = period.fromHeight;
        }
        if (period.fromDate !== null) {
          expect(period.fromDate > lastDate, tag).toBe(true);
          lastDate = period.fromDate;
        }
        if (!period.split) continue;
        const parts = SPLIT_RECIPIENTS.map((r) => period.split?.[r] ?? 0);
        expect(parts.every((p) => p >= 0 && p <= 100), tag).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0), tag).toBe(100);
      }
    }
  });
});

describe('splitAt / minerShareAt: a height or date before and after each change', () => {
  it('ZEC: founders 20 % before Canopy (1,046,400), dev fund 20 % from it, 12 % + 8 % from NU6 (2,726,400)', () => {
    const before = splitAt('ZEC', { height: 1_046_399 });
    expect(before).toMatchObject({ state: 'verified', split: { miner: 80, founders: 20 }, fromHeight: 0 });
    const canopy = splitAt('zec', { height: 1_046_400 });
    expect(canopy).toMatchObject({ state: 'verified', split: { miner: 80, devFund: 20 }, fromHeight: 1_046_400 });
    const nu6 = splitAt('ZEC', { height: 2_726_400 });
    expect(nu6).toMatchObject({ state: 'verified', split: { miner: 80, devFund: 12, treasury: 8 } });
    // After ZIP 1015's streams end (2,726,400 + 420,000) the split is not verified: unknown, not 100 %.
    expect(splitAt('ZEC', { height: 3_146_400 })).toEqual({ state: 'unknown' });
    expect(minerShareAt('ZEC', { height: 3_146_400 })).toBeNull();
  });

  it('ZEC by date when no height is known: 2024-03-16 is in the Canopy period', () => {
    expect(splitAt('ZEC', { date: '2024-03-16T00:00:00Z' })).toMatchObject({ split: { devFund: 20 } });
    expect(splitAt('ZEC', { date: '2024-11-23' })).toMatchObject({ split: { devFund: 12, treasury: 8 } });
  });

  it('FIRO: 25 % to the miner from May 2022; the 2024-09-01 decision has no verified activation, so unknown', () => {
    expect(splitAt('FIRO', { date: '2022-04-30' })).toEqual({ state: 'unknown' });
    // 2024-03-16, the embedded snapshot: miners 25 %, masternodes 50 %, dev 15 %, community 10 %.
    expect(splitAt('FIRO', { date: '2024-03-16T00:00:00Z' })).toMatchObject({
      state: 'verified',
      split: { miner: 25, masternode: 50, devFund: 15, treasury: 10 },
    });
    expect(minerShareAt('FIRO', { date: '2024-03-16' })).toBe(0.25);
    expect(minerShareAt('FIRO', { date: '2024-09-01' })).toBeNull();
    // A height alone cannot place a date-only period: unknown rather than a guess.
    expect(minerShareAt('FIRO', { height: 900_000 })).toBeNull();
  });

  it('ANOK: 25 % to the miner from block 180000; before it unknown', () => {
    expect(minerShareAt('ANOK', { height: 179_999 })).toBeNull();
    expect(minerShareAt('ANOK', { height: 180_000 })).toBe(0.25);
  });

  it('genesis periods hold at any height or date (CLORE 50 %, NEOX 45 %)', () => {
    expect(minerShareAt('CLORE', {})).toBe(0.5);
    expect(minerShareAt('NEOX', { height: 1 })).toBe(0.45);
    expect(splitAt('NEOX', { date: '2024-03-16' })).toMatchObject({ split: { masternode: 45, devFund: 10 } });
  });

  it('Ravencoin forks from genesis: MEWC 60 %, AIPG 95 %, VLC 90 % (nCommunityAutonomousAmount 40, 5, 10)', () => {
    expect(minerShareAt('MEWC', { date: '2024-03-16' })).toBe(0.6);
    expect(minerShareAt('AIPG', { height: 600_000 })).toBe(0.95);
    expect(splitAt('VLC', {})).toMatchObject({ split: { miner: 90, devFund: 10 }, fromHeight: 0 });
  });

  it('GLINK: 30 % to the miner from the Morag upgrade (block 2,167,200, 2022-02-14); before it unknown', () => {
    // main.cpp: masternode blockValue * 50 / 100, developers blockValue * 20 / 100: 100 − 50 − 20 = 30.
    expect(minerShareAt('GLINK', { height: 2_167_199 })).toBeNull();
    expect(minerShareAt('GLINK', { height: 2_167_200 })).toBe(0.3);
    expect(minerShareAt('GLINK', { date: '2022-02-13' })).toBeNull();
    expect(splitAt('GLINK', { date: '2024-03-16' })).toMatchObject({ split: { miner: 30, masternode: 50, devFund: 20 } });
  });

  it('FLUX: 50 % to the miner from the Flux upgrade (835,554) to Proof of Node (2,020,000), then unknown', () => {
    // fluxnode.h 0.0375 + 0.0625 + 0.15 = 0.25, × fMultiple 2 = 50 % to the three node tiers.
    expect(minerShareAt('FLUX', { height: 835_553 })).toBeNull();
    expect(minerShareAt('FLUX', { height: 835_554 })).toBe(0.5);
    expect(minerShareAt('FLUX', { date: '2024-03-16' })).toBe(0.5);
    expect(minerShareAt('FLUX', { height: 2_019_999 })).toBe(0.5);
    expect(minerShareAt('FLUX', { height: 2_020_000 })).toBeNull();
  });

  it('KIIRO by date: stage 3 from 2023-07-16 (60 % masternodes, 10 % + 10 % funds) leaves 20 %; before it unknown', () => {
    expect(minerShareAt('KIIRO', { date: '2023-07-15' })).toBeNull();
    expect(minerShareAt('KIIRO', { date: '2024-03-16' })).toBe(0.2);
  });

  it('KCN: 90 % from block 494,000; with no height, from the 2023-10-25 release note on', () => {
    expect(minerShareAt('KCN', { height: 493_999 })).toBeNull();
    expect(minerShareAt('KCN', { height: 494_000 })).toBe(0.9);
    expect(minerShareAt('KCN', { date: '2023-10-24' })).toBeNull();
    expect(minerShareAt('KCN', { date: '2024-03-16' })).toBe(0.9);
  });

  it('Raptoreum forks: smartnode + founder percentages leave RTM 75 %, SKYT 30 %, RHX 29 %, FSC 35 %', () => {
    // RTM 100 − 20 − 5; SKYT 100 − 60 − 10; RHX 100 − 56 − 15; FSC 100 − 45 − 20.
    expect(minerShareAt('RTM', { date: '2024-03-16' })).toBe(0.75);
    expect(minerShareAt('SKYT', {})).toBe(0.3);
    expect(minerShareAt('RHX', { height: 100_000 })).toBe(0.29);
    expect(splitAt('FSC', {})).toMatchObject({ split: { miner: 35, masternode: 45, founders: 20 } });
  });

  it('OCTA: 46 % to the miner from the Mahasim fork (block 3,000,000); with no height or before it unknown', () => {
    // 2.30 / (2.30 + 2.30 + 0.40) = 0.46.
    expect(minerShareAt('OCTA', { height: 2_999_999 })).toBeNull();
    expect(minerShareAt('OCTA', { height: 3_000_000 })).toBe(0.46);
    expect(minerShareAt('OCTA', { date: '2024-03-16' })).toBeNull();
  });

  it('AVN: 5 % to the founder from block 1,121,001 (getFounderPaymentAmount pays nothing at or below 1,121,000); by date from 2025-11-09', () => {
    expect(minerShareAt('AVN', { height: 1_121_000 })).toBeNull();
    expect(minerShareAt('AVN', { height: 1_121_001 })).toBe(0.95);
    // With no height: 2024-03-16 cannot be placed against block 1,121,001; 2025-11-09 (checkpoint 4,338,668) can.
    expect(minerShareAt('AVN', { date: '2024-03-16' })).toBeNull();
    expect(minerShareAt('AVN', { date: '2025-11-09' })).toBe(0.95);
    expect(splitAt('AVN', { height: 2_000_000 })).toMatchObject({ state: 'verified', split: { miner: 95, founders: 5 } });
  });

  it('PEPEW: from block 1,065,650 the foundation 250 of 5,000 (5 %), the masternode 35 % of 4,750 (33.25 %): miner 61.75 %; from 1,930,000 unknown', () => {
    // 5,000 − 250 = 4,750; 4,750 × 0.35 = 1,662.5 (33.25 %); 4,750 − 1,662.5 = 3,087.5 = 61.75 % of 5,000.
    expect(minerShareAt('PEPEW', { height: 1_065_649 })).toBeNull();
    expect(minerShareAt('PEPEW', { height: 1_065_650 })).toBe(0.6175);
    expect(splitAt('PEPEW', { height: 1_065_650 })).toMatchObject({ split: { miner: 61.75, masternode: 33.25, devFund: 5 } });
    expect(minerShareAt('PEPEW', { height: 1_929_999 })).toBe(0.6175);
    expect(minerShareAt('PEPEW', { height: 1_930_000 })).toBeNull();
    // By date: from the day after "roughly 19:00 UTC 30th Jan 2024" until the XelisV2 merge (2024-08-14).
    expect(minerShareAt('PEPEW', { date: '2024-01-30' })).toBeNull();
    expect(minerShareAt('PEPEW', { date: '2024-03-16' })).toBe(0.6175);
    expect(minerShareAt('PEPEW', { date: '2024-08-14' })).toBeNull();
  });

  it('BLOCX: from block 87,502 5 % to superblocks, 48/95 of the rest (48 %) to masternodes: miner 47 %; by date from 2024-02-12', () => {
    // 150 × 0.05 = 7.5 to superblocks; (150 − 7.5) × 48 / 95 = 72 = 48 % of 150; the miner 70.5 = 47 %.
    expect(minerShareAt('BLOCX', { height: 87_501 })).toBeNull();
    expect(minerShareAt('BLOCX', { height: 87_502 })).toBe(0.47);
    expect(splitAt('BLOCX', { height: 100_000 })).toMatchObject({ split: { miner: 47, masternode: 48, treasury: 5 } });
    expect(minerShareAt('BLOCX', { date: '2024-02-11' })).toBeNull();
    expect(minerShareAt('BLOCX', { date: '2024-03-16' })).toBe(0.47);
  });

  it('OCV, ABEL and CRNC pay the whole (PoW) block to the miner (one coinbase output), at any height or date', () => {
    for (const tag of ['OCV', 'ABEL', 'CRNC']) {
      expect(minerShareAt(tag, { height: 0 }), tag).toBe(1);
      expect(minerShareAt(tag, { height: 500_000 }), tag).toBe(1);
      expect(minerShareAt(tag, { date: '2024-03-16' }), tag).toBe(1);
    }
  });

  it('a coin without a schedule is unknown', () => {
    expect(splitAt('NOPE', { height: 5 })).toEqual({ state: 'unknown' });
  });
});

describe('minerPartOfTemplate', () => {
  it('subtracts the payees: Dash Core docs example 16.72799096 DASH less 10.03679457 to masternodes = 40.0 %', () => {
    // 1,672,799,096 − (376,379,796 + 627,299,661) = 669,119,639 duffs; 669,119,639 / 1,672,799,096 = 0.4000.
    const part = minerPartOfTemplate(16.72799096, 3.76379796 + 6.27299661);
    expect(part?.minerReward).toBeCloseTo(6.69119639, 8);
    expect(part?.minerShare).toBeCloseTo(0.4, 4);
  });

  it('no payees: the whole coinbase; nonsense (payees ≥ whole, negative, no whole) is null', () => {
    expect(minerPartOfTemplate(12.5, 0)).toEqual({ minerReward: 12.5, minerShare: 1 });
    expect(minerPartOfTemplate(10, 10)).toBeNull();
    expect(minerPartOfTemplate(10, -1)).toBeNull();
    expect(minerPartOfTemplate(null, 1)).toBeNull();
    expect(minerPartOfTemplate(Number.NaN, 1)).toBeNull();
  });
});
