import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewardToEffort } from '@/lib/mining/score';

describe('rewardToEffort', () => {
  it('is profit per kWh burned', () => {
    // 300 W for a day = 300 × 24 / 1000 = 7.2 kWh; $1.44 profit / 7.2 kWh = $0.20 per kWh.
    expect(rewardToEffort(1.44, 300)).toBeCloseTo(0.2, 12);
    // A loss stays a loss: −$0.72 / 7.2 kWh = −$0.10 per kWh.
    expect(rewardToEffort(-0.72, 300)).toBeCloseTo(-0.1, 12);
  });

  it('is revenue per kWh minus the electricity price, so it does not depend on rig size', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        (revenue, watts, kwhPrice, rigs) => {
          const kwh = (watts * 24) / 1000;
          const one = rewardToEffort(revenue - kwh * kwhPrice, watts)!;
          const many = rewardToEffort(rigs * (revenue - kwh * kwhPrice), rigs * watts)!;
          expect(one).toBeCloseTo(revenue / kwh - kwhPrice, 6);
          expect(many).toBeCloseTo(one, 6);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is unknown, not infinite, without a power draw or a profit', () => {
    expect(rewardToEffort(1, 0)).toBeNull();
    expect(rewardToEffort(1, null)).toBeNull();
    expect(rewardToEffort(null, 300)).toBeNull();
    expect(rewardToEffort(Number.NaN, 300)).toBeNull();
  });
});
