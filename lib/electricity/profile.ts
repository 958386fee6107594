// The 24-hour profile a coin page charts: for each hour of the priced day, its local label, the
// price, what mining it would earn, and whether the rig runs. Plain data for a client chart.
import type { DayResult } from './integrate';
import type { PowerDay } from './tariff';

export type ProfilePoint = {
  /** "00:00"…"23:00" local; the repeated hour of a fall-back day is "02:00 (2)". */
  label: string;
  startMs: number;
  priceUsdPerKwh: number;
  /** Revenue − energy + heat credit of mining this hour; null without a coin price. */
  profitUsd: number | null;
  mining: boolean;
};

export function dayProfile(power: PowerDay, day: DayResult): ProfilePoint[] {
  const seen = new Map<number, number>();
  return power.hours.map((h, i) => {
    const n = (seen.get(h.localHour) ?? 0) + 1;
    seen.set(h.localHour, n);
    const hour = `${String(h.localHour).padStart(2, '0')}:00`;
    const figures = day.hours[i];
    return {
      label: n > 1 ? `${hour} (${n})` : hour,
      startMs: h.startMs,
      priceUsdPerKwh: power.hourPricesUsdPerKwh[i] ?? 0,
      profitUsd: figures?.profitIfMiningUsd ?? null,
      mining: figures?.mining ?? true,
    };
  });
}
