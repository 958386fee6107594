import Link from 'next/link';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { LazyRankingBarChart, LazyRewardEffortScatter } from '@/components/charts/lazy';
import { CoinTable } from '@/components/coin-table';
import { CompareBar } from '@/components/compare-controls';
import { CopyLink } from '@/components/copy-link';
import { DataBanner } from '@/components/data-banner';
import { FilterBar } from '@/components/filter-bar';
import { ParamErrors } from '@/components/param-errors';
import { RentVsMinePanel } from '@/components/rent-vs-mine';
import { RigForm } from '@/components/rig-form';
import { ViewSwitches } from '@/components/view-switches';
import { TuneSwitch } from '@/components/operating-point';
import { getDevice } from '@/lib/hardware/catalog';
import { TariffNote } from '@/components/tariff-note';
import { tariffOf, type SpotFeed } from '@/lib/electricity/tariff';
import { ALGORITHMS, getAlgorithm } from '@/lib/mining/algorithms';
import { CURRENCY_LABEL, moneyPer } from '@/lib/ranking/currency';
import { rentVsMine } from '@/lib/ranking/rent-vs-mine';
import { BASIS_LABEL, DEFAULT_BASIS } from '@/lib/mining/basis';
import { SCORE_FORMULA, SCORE_NAME } from '@/lib/mining/score';
import { hrefWith, serializeDashboardState, TOP_ROWS, type DashboardState, type ParamError } from '@/lib/url/search-params';
import { buildView, deviceSums } from '@/lib/ranking/view';
import type { Snapshot } from '@/lib/model/types';
import type { CoinHealthData } from '@/lib/health/data';
import { RiskWeightsNote } from '@/components/risk-weights';

/** Links that carry the whole view, minus the compare selection. */
function viewQuery(state: DashboardState): string {
  return serializeDashboardState({ ...state, coins: [] });
}

/** The ranked dashboard for one snapshot and one parsed URL state (the page reads the snapshot). */
export function Dashboard({
  snapshot,
  servedAt: now,
  requested,
  errors,
  spot = null,
  healthData,
}: {
  snapshot: Snapshot;
  servedAt: number;
  requested: DashboardState;
  errors: readonly ParamError[];
  /** The spot feed a spot= URL names (lib/server/spot.ts), fetched by the page. */
  spot?: SpotFeed | null;
  /** Coin-health figures by tag (lib/server/health-service); none when that refresh is off. */
  healthData?: ReadonlyMap<string, CoinHealthData>;
}) {
  const view = buildView(snapshot, requested, spot, healthData);
  const { state, rig, rows, rates } = view;
  const unitLabel = `${CURRENCY_LABEL[state.currency]} / ${state.period}`;

  const counts = new Map<string, number>();
  for (const coin of snapshot.coins) counts.set(coin.algorithm, (counts.get(coin.algorithm) ?? 0) + 1);
  const algorithms = ALGORITHMS.filter((a) => counts.has(a.slug)).map((a) => ({
    slug: a.slug,
    name: a.name,
    count: counts.get(a.slug) ?? 0,
  }));

  const estimated = rows.filter((r) => r.estimate?.profitUsdPerDay != null);
  const ranking = [...estimated]
    .sort((a, b) => (b.estimate?.profitUsdPerDay ?? 0) - (a.estimate?.profitUsdPerDay ?? 0))
    .slice(0, 15)
    .map((r) => ({
      tag: r.combo ? r.combo.parts.map((p) => p.tag).join('+') : r.coin.tag,
      name: r.coin.name,
      algorithm: r.coin.algorithm,
      algorithmName: getAlgorithm(r.coin.algorithm)?.name ?? r.coin.algorithm,
      value: moneyPer(r.estimate?.profitUsdPerDay ?? null, state, rates) ?? 0,
    }));
  const scatter = estimated.slice(0, 40).flatMap((r) => {
    const x = moneyPer(r.estimate?.powerCostUsdPerDay ?? null, state, rates);
    const y = moneyPer(r.estimate?.revenueUsdPerDay ?? null, state, rates);
    return x === null || y === null ? [] : [{ tag: r.combo ? r.combo.parts.map((p) => p.tag).join('+') : r.coin.tag, algorithm: r.coin.algorithm, x, y }];
  });
  const query = viewQuery(state);
  // The top rows are what a miner compares; the rest (mostly coins the rig has no hashrate for,
  // or that rank last) are one link away, which keeps the page light to render and to hydrate.
  const shownRows = state.rows === 'all' ? rows : rows.slice(0, TOP_ROWS);
  const hiddenRows = rows.length - shownRows.length;
  const selfHref = `/${serializeDashboardState(state)}`;

  return (
    <NuqsAdapter>
      <h1>Which small coin should your rig mine?</h1>
      <p className="lede">
        Coins ranked by expected profit for the rig below, after power cost and pool fee. Click a column to sort, a coin
        for its details; the address bar always holds a link to exactly this view.
      </p>
      <DataBanner snapshot={snapshot} now={now} />
      <ParamErrors errors={[...errors, ...view.notes]} />
      <RigForm
        devices={rig.devices}
        deviceSums={deviceSums(rig)}
        hashrates={state.hashrates}
        powerWatts={state.powerWatts}
        electricityUsdPerKwh={rig.electricityUsdPerKwh}
        poolFeePercent={rig.poolFeePercent}
        isDefaultRig={view.isDefaultRig}
        tariff={tariffOf(state)}
      />
      <TariffNote power={rig.power} flatUsdPerKwh={rig.electricityUsdPerKwh} />
      <div className="toolbar-row">
        <ViewSwitches
          period={state.period}
          currency={state.currency}
          basis={state.basis}
          unavailable={view.unavailable}
        />
        <TuneSwitch state={state} />
        <div className="toolbar share-tools">
          <CopyLink path={selfHref} />
          <a className="button" href={`/api/export${query}`} download data-testid="csv-link">
            Download CSV
          </a>
          <a className="button" href={`/api/estimates${query}`} data-testid="json-link">
            JSON API
          </a>
        </div>
      </div>

      {ranking.length > 0 && (
        <section className="cols charts" aria-label="Charts">
          <figure className="panel chart-panel">
            <figcaption>
              <h2>Profit per {state.period}, top {ranking.length}</h2>
            </figcaption>
            <LazyRankingBarChart data={ranking} valueLabel={`Profit, ${unitLabel}`} formatValue={state.currency} />
          </figure>
          <figure className="panel chart-panel">
            <figcaption>
              <h2>Reward against effort</h2>
              <p className="muted small">Above the diagonal a coin pays more than its power costs.</p>
            </figcaption>
            <LazyRewardEffortScatter
              data={scatter}
              xLabel={`Power cost, ${unitLabel}`}
              yLabel={`Revenue, ${unitLabel}`}
              formatValue={state.currency}
            />
          </figure>
        </section>
      )}

      <RentVsMinePanel
        rows={rentVsMine(rig, rows, snapshot.rentals, snapshot.btcUsd)}
        available={snapshot.rentals.length > 0}
        contractHref={`/contract${serializeDashboardState({ ...state, coins: [] })}`}
      />
      <FilterBar
        algorithms={algorithms}
        algorithm={state.algorithm}
        device={state.device}
        query={state.query}
        shown={rows.length}
        total={snapshot.coins.length}
      />
      <div className="toolbar">
        <CompareBar state={state} />
      </div>
      <CoinTable
        rows={shownRows}
        state={state}
        rates={rates}
        deviceNames={Object.fromEntries(rig.devices.map((d) => [d.id, getDevice(d.id)?.name ?? d.id]))}
      />
      {(hiddenRows > 0 || state.rows === 'all') && rows.length > TOP_ROWS && (
        <p className="muted small" data-testid="rows-toggle">
          {hiddenRows > 0 ? (
            <>
              Showing the top {TOP_ROWS} of {rows.length}.{' '}
              <Link href={hrefWith('/', { ...state, coins: [] }, { rows: 'all' })} scroll={false}>
                Show all {rows.length} coins
              </Link>{' '}
              (or narrow them with the filters above).
            </>
          ) : (
            <Link href={hrefWith('/', { ...state, coins: [] }, { rows: 'top' })} scroll={false}>
              Show only the top {TOP_ROWS}
            </Link>
          )}
        </p>
      )}
      <RiskWeightsNote state={state} weights={view.weights} active={view.weightsActive} />
      <p className="muted small" data-testid="basis-note">
        Estimates use <strong>{BASIS_LABEL[state.basis]}</strong>
        {state.basis === DEFAULT_BASIS ? ' (the default)' : ''}
        {state.basis !== 'current' &&
          `: ${rows.filter((r) => r.basisUsed !== 'current').length} of ${rows.length} coins have ${state.basis} averages (the upstream’s own, or our recorded history); the others use current figures`}
        . Averages smooth the difficulty jumps that profit-switching pools cause on small coins.
      </p>
      <p className="muted small" data-testid="score-formula">
        <strong>{SCORE_NAME}</strong> = {SCORE_FORMULA}: what each kWh your rig burns earns after paying for it. Revenue
        uses each coin’s current price; power cost = W × 24 / 1000 × USD/kWh. “—” means the source gives no figure; a
        coin is never shown with a made-up number. Badges flag lagging data, a difficulty that disagrees with the network
        hashrate, missing markets, and a rig that would be more than 5 % of a network.
      </p>
    </NuqsAdapter>
  );
}
