import { describe, expect, it } from 'vitest';

import recording from '@/lib/snapshot/embedded/hashrateno-v1_coins-2024-03-16.json';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { DIFFICULTY_CONVENTIONS, rewardBasisOf, sourceWorkFactor } from '@/lib/mining/difficulty-conventions';

const rows = recording as Array<Record<string, string>>;
const row = (coin: string) => rows.find((r) => r.coin === coin)!;

describe('sourceWorkFactor: k belongs to the source and the coin', () => {
  it("Kaspa: the node's own convention is k = 2, hashrate.no's is 2^32", () => {
    expect(sourceWorkFactor('chain', 'KAS')).toBe(2);
    expect(sourceWorkFactor('hashrateno', 'kas')).toBe(2 ** 32);
    // The algorithm alone says 2: without the per-source table hashrate.no's figure would be 2^31 too high.
    expect(getAlgorithm('kheavyhash')?.workFactor).toBe(2);
  });

  it("hashrate.no's Kaspa row: N × T / D is 2^32 within 2 % (T = 1 s before Crescendo)", () => {
    // 1.8375e17 H/s × 1 s / 43,494,000 = 4.2247e9; / 2^32 = 0.9836.
    const kas = row('KAS');
    const k = (Number(kas.networkHashrate) * 1) / Number(kas.networkDifficulty);
    expect(k / sourceWorkFactor('hashrateno', 'KAS')!).toBeCloseTo(0.9836, 3);
  });

  it('coins and sources without an entry fall back to the algorithm (undefined)', () => {
    expect(sourceWorkFactor('whattomine', 'KAS')).toBeUndefined();
    expect(sourceWorkFactor('hashrateno', 'RVN')).toBeUndefined();
  });

  it('every entry cites a source', () => {
    for (const table of Object.values(DIFFICULTY_CONVENTIONS)) {
      for (const entry of Object.values(table ?? {})) expect(entry.sourceUrl).toMatch(/^https:\/\//);
    }
  });
});

describe('rewardBasisOf: whole block or the miner part', () => {
  it('WhatToMine gives the miner part; a chain node and hashrate.no the whole, except NEOX at hashrate.no', () => {
    expect(rewardBasisOf('whattomine', 'ZEC')).toBe('miner');
    expect(rewardBasisOf('chain', 'DASH')).toBe('whole');
    expect(rewardBasisOf('hashrateno', 'RVN')).toBe('whole');
    expect(rewardBasisOf('hashrateno', 'neox')).toBe('miner');
  });

  it("NEOX's hashrate.no emission is the miner's 45 %: 3,294,920 against 1,440 × 5,000 × 0.45 = 3,240,000 (+1.7 %, fees)", () => {
    const emission = Number(row('NEOX').emission);
    expect(emission / (1440 * 5000 * 0.45)).toBeCloseTo(1.017, 2);
  });

  it("XPB's hashrate.no emission is the miner's reward only: 7,200 blocks × 9 × 0.95^6 = 47,632.5 against 47,633.76", () => {
    // go-PowBlocks accumulateRewards: 9 XPB less 5 % every 200,000 blocks to the miner, plus a fixed 2 XPB
    // to the development fund. 9 × 0.95^6 = 6.61562; × 7,200 twelve-second blocks = 47,632.5 (+0.003 %);
    // with the fund's 2 XPB it would be 8.61562 × 7,200 = 62,032.5.
    expect(rewardBasisOf('hashrateno', 'XPB')).toBe('miner');
    const emission = Number(row('XPB').emission);
    expect(emission / (7200 * 9 * 0.95 ** 6)).toBeCloseTo(1, 4);
  });

  it("ERG's hashrate.no emission is the miner's 30 ERG a block: 720 × (42 − 12 to re-emission, EIP-27) = 21,600", () => {
    // The whole emission would be 720 × 42 = 30,240 ERG a day.
    expect(rewardBasisOf('hashrateno', 'ERG')).toBe('miner');
    expect(Number(row('ERG').emission)).toBe(720 * (42 - 12));
  });

  it("OCTA's hashrate.no emission is the miner's 2.30 a block: 5,760 fifteen-second blocks × 2.30 = 13,248", () => {
    // go-octa Mahasim era: 2.30 to the miner, 2.30 to node staking, 0.40 to development (5.00 in all:
    // the whole would be 28,800 a day).
    expect(rewardBasisOf('hashrateno', 'OCTA')).toBe('miner');
    expect(Number(row('OCTA').emission)).toBeCloseTo(5760 * 2.3, 6);
  });

  it("RVN's hashrate.no emission is the whole issuance: 1,440 blocks × 2,500 RVN", () => {
    expect(Number(row('RVN').emission)).toBe(1440 * 2500);
  });
});
