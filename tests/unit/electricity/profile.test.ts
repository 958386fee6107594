import { describe, expect, it } from 'vitest';
import { dayProfile } from '@/lib/electricity/profile';
import { integrateDay } from '@/lib/electricity/integrate';
import { parseTou } from '@/lib/electricity/tou';
import { DEFAULT_TARIFF, resolvePowerDay } from '@/lib/electricity/tariff';

describe('dayProfile', () => {
  it('labels the 25 hours of Berlin\'s fall-back day and marks the hours the rig runs', () => {
    const tou = parseTou('0-7:0.08,7-24:0.24');
    if (!tou.success) throw new Error(tou.error);
    const power = resolvePowerDay(
      { ...DEFAULT_TARIFF, tou: tou.data, timeZone: 'Europe/Berlin', hoursMode: 'profitable' },
      0.1,
      Date.parse('2024-10-27T12:00:00Z'),
      null,
      {},
    );
    // Revenue 4.8/day = 0.2 an hour, 1 kWh an hour: +0.12 at 0.08 (runs), −0.04 at 0.24 (off).
    const points = dayProfile(power, integrateDay(4.8, 1000, power));
    expect(points).toHaveLength(25);
    expect(points.slice(0, 5).map((p) => p.label)).toEqual(['00:00', '01:00', '02:00', '02:00 (2)', '03:00']);
    expect(points[3]).toMatchObject({ priceUsdPerKwh: 0.08, mining: true });
    expect(points[3]!.profitUsd).toBeCloseTo(0.12, 12);
    expect(points[8]).toMatchObject({ label: '07:00', priceUsdPerKwh: 0.24, mining: false });
    expect(points[8]!.profitUsd).toBeCloseTo(-0.04, 12);
    expect(points.filter((p) => p.mining)).toHaveLength(8);
  });
});
