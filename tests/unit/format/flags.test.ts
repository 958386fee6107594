import { describe, expect, it } from 'vitest';
import { describeFlag, describeRisk, FLAG_BADGES, RISK_BADGES } from '@/lib/format/flags';
import { coinFlagSchema, type CoinFlag } from '@/lib/model/types';
import { RISK_CODES } from '@/lib/risk/risk';

describe('describeFlag: codes and figures in, words out', () => {
  it('words each code from its figures', () => {
    const cases: Array<[CoinFlag, string]> = [
      // 85,166 / 40,000 = 2.129…: "×2.13"; theirs to 4 significant digits = 85,170
      [
        { code: 'source-disagreement', figures: { figure: 'difficulty', source: 'whattomine-gpu', theirs: 85_166, own: 40_000, ratio: 2.12915 } },
        "Difficulty: whattomine-gpu reports 85,170, ×2.13 the coin's own chain (40,000); estimates use the chain's figure.",
      ],
      [{ code: 'price-disagreement', figures: { ratio: 1.5, against: 'whattomine-gpu' } }, "CoinGecko's price is ×1.5 the whattomine-gpu price; check the market."],
      [{ code: 'no-price', figures: {} }, 'No market price: revenue cannot be estimated.'],
      // 2 h = 7200 s
      [
        { code: 'lagging', figures: { lagSeconds: 7_200, updatedAt: '2026-11-24T10:00:00.000Z' } },
        'The source’s figures for this coin are 2 h old (last updated 2026-11-24T10:00:00.000Z).',
      ],
      [{ code: 'lagging', figures: { lagSeconds: null, updatedAt: null } }, 'The source marks this coin’s data as lagging.'],
      // cv 0.4 → 40 %
      [{ code: 'volatile-difficulty', figures: { cv: 0.4 } }, 'Difficulty varied by 40 % (coefficient of variation) over 24 h: profit-switching pools come and go; prefer an averaged basis.'],
    ];
    for (const [flag, words] of cases) expect(describeFlag(flag)).toBe(words);
  });

  it('reads a flag persisted before figures existed (the old message is dropped, the words still come)', () => {
    const old = coinFlagSchema.parse({ code: 'difficulty-mismatch', message: 'an English sentence from an old snapshot' });
    expect(old).toEqual({ code: 'difficulty-mismatch', figures: {} });
    expect(describeFlag(old)).toBe('Difficulty and the reported network hashrate disagree; estimates use the reported network hashrate.');
  });

  it('has a badge for every flag and risk code, and the thresholds in the words come from lib/risk', () => {
    expect(Object.keys(FLAG_BADGES).sort()).toEqual([...coinFlagSchema.shape.code.options].sort());
    expect(Object.keys(RISK_BADGES).sort()).toEqual([...RISK_CODES].sort());
    expect(RISK_BADGES.illiquid).toBe('output > 1 % of volume');
    expect(describeRisk('big-share', { liquidity: null })).toBe('Your rig would be more than 5 % of the network hashrate.');
    expect(describeRisk('thin-market', { liquidity: null })).toBe('Under $10,000 traded in 24 h: selling moves the price.');
    expect(describeRisk('illiquid', { liquidity: 0.034 })).toBe("Your daily output would be 3.4 % of a day's trading.");
  });
});
