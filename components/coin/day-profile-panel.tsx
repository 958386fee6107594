// The priced day hour by hour on a coin page: how many hours the rig runs, the break-even price,
// the tariff in words, and the lazily loaded 24-hour chart. Shown only when a tariff is set.
import { LazyDayProfileChart } from '@/components/charts/lazy';
import { TariffNote } from '@/components/tariff-note';
import { dayProfile } from '@/lib/electricity/profile';
import { formatUsd } from '@/lib/format/units';
import type { CoinView } from '@/lib/ranking/coin-view';

export function DayProfilePanel({ view }: { view: CoinView }) {
  const { rig, row } = view;
  const power = rig.power;
  const day = row.day;
  if (!power || !day) return null;
  const paying = day.hours.filter((h) => (h.profitIfMiningUsd ?? 0) > 0).length;
  return (
    <section className="panel" aria-labelledby="day-profile-title" data-testid="day-profile">
      <h2 id="day-profile-title">The day hour by hour</h2>
      <p className="muted small" data-testid="day-profile-summary">
        {power.hoursMode === 'profitable'
          ? `The rig runs ${day.hoursMining} of ${power.hours.length} hours: those where ${row.coin.tag} earns more than the hour’s electricity costs`
          : `The rig runs all ${power.hours.length} hours; ${paying} of them pay for their electricity`}
        {day.breakEvenUsdPerKwh !== null && ` (break-even ${formatUsd(day.breakEvenUsdPerKwh)}/kWh)`}. Profit for the day{' '}
        {formatUsd(day.profitUsdPerDay)}.
      </p>
      <TariffNote power={power} flatUsdPerKwh={rig.electricityUsdPerKwh} />
      <LazyDayProfileChart points={dayProfile(power, day)} timeZone={power.timeZone} />
    </section>
  );
}
