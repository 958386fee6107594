import { describe, expect, it } from 'vitest';
import { rentVsMine } from '@/lib/ranking/rent-vs-mine';
import type { RankedRow } from '@/lib/ranking/ranking';

const row = (tag: string, algorithm: string, revenueUsdPerDay: number | null) =>
  ({ coin: { tag, algorithm }, estimate: revenueUsdPerDay === null ? null : { revenueUsdPerDay } }) as unknown as RankedRow;

describe('rentVsMine', () => {
  it('compares what NiceHash pays for the hashrate with the best coin’s revenue', () => {
    // KawPow 100 MH/s at 1e-14 BTC per H/s per day × 60,000 USD/BTC = 100e6 × 1e-14 × 6e4 = $0.06/day;
    // the best KawPow coin earns $1.48/day: mine. Ethash has no coin in the data; RandomX no rental market.
    const out = rentVsMine(
      { hashrates: { kawpow: 100e6, etchash: 60e6, randomx: 20e3 } },
      [row('RVN', 'kawpow', 1.48), row('CLORE', 'kawpow', 0.9), row('XMR', 'randomx', 0.5)],
      [
        { algorithm: 'kawpow', payingBtcPerHashPerDay: 1e-14, rentableHashrate: 1e12 },
        { algorithm: 'etchash', payingBtcPerHashPerDay: 2e-14, rentableHashrate: null },
      ],
      60_000,
    );
    expect(out[0]).toMatchObject({ algorithm: 'kawpow', best: { tag: 'RVN', revenueUsdPerDay: 1.48 }, better: 'mine' });
    expect(out[0]!.sellUsdPerDay).toBeCloseTo(0.06, 12);
    // 60e6 × 2e-14 × 6e4 = $0.072/day, with no coin to compare it to.
    expect(out[1]).toMatchObject({ algorithm: 'etchash', best: null, better: null });
    expect(out[1]!.sellUsdPerDay).toBeCloseTo(0.072, 12);
    expect(out[2]).toMatchObject({ algorithm: 'randomx', sellUsdPerDay: null, better: null });
  });

  it('says sell when renting out pays more', () => {
    const out = rentVsMine({ hashrates: { kawpow: 100e6 } }, [row('RVN', 'kawpow', 0.01)], [{ algorithm: 'kawpow', payingBtcPerHashPerDay: 1e-14, rentableHashrate: null }], 60_000);
    expect(out[0]!.better).toBe('sell');
  });
});
