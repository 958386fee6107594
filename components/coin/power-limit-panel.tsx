// Profit against power limit on a coin page: every device of the rig at one percent of its stock
// power (lib/tuning/power-limit-series.ts), the most profitable limit marked, and the operating
// points the estimate above uses. Shown when the rig's figures for this algorithm come from its devices.
import { LazyPowerLimitChart } from '@/components/charts/lazy';
import { describeChoice } from '@/components/operating-point';
import { getDevice } from '@/lib/hardware/catalog';
import { formatUsd } from '@/lib/format/units';
import type { CoinView } from '@/lib/ranking/coin-view';
import { effectiveUsdPerKwh, revenueUsdPerHashDay } from '@/lib/tuning/coin';
import { rigCandidates } from '@/lib/tuning/points';
import { profitByPowerLimit } from '@/lib/tuning/power-limit-series';

export function PowerLimitPanel({ view }: { view: CoinView }) {
  const { rig, row, coin } = view;
  if (!rig.fromDevices?.includes(coin.algorithm) || !row.estimate) return null;
  const series = profitByPowerLimit(
    rigCandidates(rig.devices, coin.algorithm),
    revenueUsdPerHashDay(row.coin, rig.poolFeePercent),
    rig.power ? effectiveUsdPerKwh(rig.power) : rig.electricityUsdPerKwh,
  );
  if (series.points.length === 0) return null;
  const names = Object.fromEntries(rig.devices.map((d) => [d.id, getDevice(d.id)?.name ?? d.id]));
  const { best } = series;
  return (
    <section className="panel" aria-labelledby="power-limit-title" data-testid="power-limit">
      <h2 id="power-limit-title">Profit against power limit</h2>
      <p className="muted small" data-testid="power-limit-best">
        {best &&
          `Most profitable at ${best.percent} % of stock power (${Math.round(best.watts)} W): ${formatUsd(best.profitUsdPerDay)}/day. `}
        {row.operatingPoints && row.operatingPoints.length > 0 &&
          `The estimate uses ${row.operatingPoints.map((c) => describeChoice(c, coin.algorithm, names)).join('; ')}. `}
        Between published points hashrate is linear in power (their concave hull through zero); above the highest, flat.
      </p>
      <LazyPowerLimitChart
        points={series.points.map(({ percent, watts, profitUsdPerDay }) => ({ percent, watts, profitUsdPerDay }))}
        bestPercent={best?.percent ?? null}
      />
    </section>
  );
}
