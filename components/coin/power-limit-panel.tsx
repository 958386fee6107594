// Profit against power limit on a coin page: every device of the rig at one percent of its stock
// power, or of its row's own figure where only tuned points are published
// (lib/tuning/power-limit-series.ts); the most profitable limit marked, and the operating points the
// estimate above uses. Shown when the rig's figures for this algorithm come from its devices.
import { LazyPowerLimitChart } from '@/components/charts/lazy';
import { describeChoice, pointWord } from '@/components/operating-point';
import { getDevice } from '@/lib/hardware/catalog';
import { formatUsd } from '@/lib/format/units';
import type { CoinView } from '@/lib/ranking/coin-view';
import { effectiveUsdPerKwh, revenueUsdPerHashDay } from '@/lib/tuning/coin';
import { rigCandidates } from '@/lib/tuning/points';
import { profitByPowerLimit } from '@/lib/tuning/power-limit-series';
import { hrefWith, type DashboardState } from '@/lib/url/search-params';

/** Limits offered as links; any whole percent 10–200 works in the URL (pl.<device>=<percent>). */
const OFFERED_LIMITS = [60, 70, 80, 90, 100] as const;

export function PowerLimitPanel({ view, state }: { view: CoinView; state: DashboardState }) {
  const { rig, row, coin } = view;
  if (!rig.fromDevices?.includes(coin.algorithm) || !row.estimate) return null;
  const candidates = rigCandidates(rig.devices, coin.algorithm);
  const series = profitByPowerLimit(
    candidates,
    revenueUsdPerHashDay(row.coin, rig.poolFeePercent),
    rig.power ? effectiveUsdPerKwh(rig.power) : rig.electricityUsdPerKwh,
  );
  if (series.points.length === 0) return null;
  const names = Object.fromEntries(rig.devices.map((d) => [d.id, getDevice(d.id)?.name ?? d.id]));
  const { best } = series;
  // Limits are a percent of each row's own figure: stock, unless the source published tuned points only.
  const bases = [...new Set(candidates.map((c) => c.points[0]?.label ?? 'stock'))];
  const basis =
    bases.length === 1 && bases[0] === 'stock'
      ? 'stock power'
      : bases.length === 1
        ? `the ${pointWord(bases[0]!)} point's power`
        : "each device's base power (stock where published)";
  return (
    <section className="panel" aria-labelledby="power-limit-title" data-testid="power-limit">
      <h2 id="power-limit-title">Profit against power limit</h2>
      <p className="muted small" data-testid="power-limit-best">
        {best &&
          `Most profitable at ${best.percent} % of ${basis} (${Math.round(best.watts)} W): ${formatUsd(best.profitUsdPerDay)}/day. `}
        {row.operatingPoints && row.operatingPoints.length > 0 &&
          `The estimate uses ${row.operatingPoints.map((c) => describeChoice(c, coin.algorithm, names)).join('; ')}. `}
        Between published points hashrate is linear in power (their concave hull through zero); above the highest, flat.
      </p>
      <ul className="chips" aria-label="Set a power limit" data-testid="power-limit-links">
        {candidates.map(({ device }) => {
          const href = (percent: number | null) => {
            const { [device]: _dropped, ...others } = state.powerLimits;
            void _dropped;
            return hrefWith(`/coins/${encodeURIComponent(coin.tag)}`, state, {
              powerLimits: percent === null ? others : { ...others, [device]: percent },
            });
          };
          const current = state.powerLimits[device];
          return (
            <li key={device}>
              <span className="muted small">{names[device] ?? device}: </span>
              {OFFERED_LIMITS.map((percent) => (
                <a key={percent} className="chip" href={href(percent)} aria-current={current === percent ? 'true' : undefined}>
                  {percent} %
                </a>
              ))}
              <a className="chip" href={href(null)} aria-current={current === undefined ? 'true' : undefined}>
                no limit
              </a>
            </li>
          );
        })}
      </ul>
      <LazyPowerLimitChart
        points={series.points.map(({ percent, watts, profitUsdPerDay }) => ({ percent, watts, profitUsdPerDay }))}
        bestPercent={best?.percent ?? null}
        basis={basis}
      />
    </section>
  );
}
