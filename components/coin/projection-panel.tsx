import { LazyProfitElectricityChart, LazyProjectionChart } from '@/components/charts/lazy';
import { ProjectionControls } from '@/components/projection-controls';
import { formatSignificant, formatUsd } from '@/lib/format/units';
import { profitAgainstElectricity } from '@/lib/mining/projection';
import type { CoinView } from '@/lib/ranking/coin-view';
import type { DashboardState } from '@/lib/url/search-params';

/** Profit against the electricity price, and cumulative profit over the chosen horizon. */
export function ProjectionPanel({ view, state, asOf }: { view: CoinView; state: DashboardState; asOf: string }) {
  const { coin, row, rig, breakEvenKwh, projection, rewardChanges: changes } = view;
  const revenue = row.estimate?.revenueUsdPerDay;
  if (revenue == null) return null;
  return (
    <section className="panel" aria-labelledby="projection-title">
        <h2 id="projection-title">Projections</h2>
        <div className="cols">
          <figure className="chart-panel">
            <figcaption>
              <h3 className="subhead">Profit against electricity price</h3>
              <p className="muted small" data-testid="break-even">
                {breakEvenKwh === null
                  ? 'No power draw entered: power costs nothing in this estimate.'
                  : `Break-even at ${formatUsd(breakEvenKwh)}/kWh: above it this rig loses money on ${coin.tag}.`}
              </p>
            </figcaption>
            <LazyProfitElectricityChart
              points={profitAgainstElectricity({
                revenueUsdPerDay: revenue,
                powerWatts: row.powerWatts ?? 0,
                maxKwh: Math.max(0.5, Math.min(10, (breakEvenKwh ?? 0.25) * 2, rig.electricityUsdPerKwh * 2)),
                steps: 40,
              })}
              breakEvenKwh={breakEvenKwh}
              currentKwh={rig.electricityUsdPerKwh}
            />
          </figure>
          <figure className="chart-panel">
            <figcaption>
              <h3 className="subhead">Cumulative profit over {state.horizonDays} days</h3>
              <p className="muted small" data-testid="projection-summary">
                From the data’s date ({asOf.slice(0, 10)}), price held at today’s, difficulty{' '}
                {state.growthPercentPerMonth === 0
                  ? 'flat'
                  : `${state.growthPercentPerMonth > 0 ? '+' : ''}${state.growthPercentPerMonth} % a month`}
                {changes.length > 0
                  ? `; reward changes applied: ${changes.map((c) => `${c.date.slice(0, 10)} (×${formatSignificant(c.factor, 3)})`).join(', ')}`
                  : '; no known reward change in this period'}
                . Total {formatUsd(projection?.totalProfitUsd ?? null)}
                {state.hardwareCostUsd !== null &&
                  (projection?.breakEvenDay != null
                    ? `; hardware paid back on day ${projection.breakEvenDay}`
                    : '; hardware not paid back within this period')}
                .
              </p>
            </figcaption>
            {projection && (
              <LazyProjectionChart points={projection.points} breakEvenDay={projection.breakEvenDay} halvingDays={changes.map((c) => c.day)} />
            )}
          </figure>
        </div>
        <ProjectionControls
          growthPercentPerMonth={state.growthPercentPerMonth}
          horizonDays={state.horizonDays}
          hardwareCostUsd={state.hardwareCostUsd}
        />
      </section>
  );
}
