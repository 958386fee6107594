'use client';

// The ranking as the URL says, computed where it is shown: on the server for the first paint (any
// URL, no JavaScript needed), then in the browser on every edit with the same lib/ranking code
// over the same inputs, so a keystroke re-ranks in the next frame with no request to the server.
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { LazyRankingBarChart, LazyRewardEffortScatter } from '@/components/charts/lazy-ranking';
import type { RankingBarChartProps } from '@/components/charts/ranking-bar-chart';
import type { RewardEffortScatterProps } from '@/components/charts/reward-effort-scatter';
import { CoinTable } from '@/components/coin-table';
import { CompareBar } from '@/components/compare-controls';
import { CopyLink } from '@/components/copy-link';
import { FilterBar } from '@/components/filter-bar';
import { ParamErrors } from '@/components/param-errors';
import { RentVsMinePanel } from '@/components/rent-vs-mine';
import { RiskWeightsNote } from '@/components/risk-weights';
import { RigForm } from '@/components/rig-form';
import { ShallowLink } from '@/components/shallow-link';
import { TariffNote } from '@/components/tariff-note';
import { TuneSwitch } from '@/components/operating-point';
import { PoolSwitch } from '@/components/pool-switch';
import { ViewSwitches } from '@/components/view-switches';
import { getDevice } from '@/lib/hardware/catalog';
import { ALGORITHMS, getAlgorithm } from '@/lib/mining/algorithms';
import { BASIS_LABEL, DEFAULT_BASIS } from '@/lib/mining/basis';
import type { RankingInputs } from '@/lib/ranking/inputs';
import { CURRENCY_LABEL, moneyPer } from '@/lib/ranking/currency';
import { rentVsMine } from '@/lib/ranking/rent-vs-mine';
import { formatUtc } from '@/lib/format/time';
import { buildView, deviceSums, type DashboardView } from '@/lib/ranking/view';
import { hrefWith, serializeDashboardState, SERVER_ROWS, TOP_ROWS } from '@/lib/url/search-params';
import { useSnapshot } from './snapshot-swr';
import { SetParamsContext, useDashboardState } from './url-state';

type Charts = { ranking: RankingBarChartProps; scatter: RewardEffortScatterProps; period: string };

function chartsOf({ state, rows, rates }: DashboardView): Charts {
  const unitLabel = `${CURRENCY_LABEL[state.currency]} / ${state.period}`;
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
    return x === null || y === null
      ? []
      : [{ tag: r.combo ? r.combo.parts.map((p) => p.tag).join('+') : r.coin.tag, algorithm: r.coin.algorithm, x, y }];
  });
  return {
    period: state.period,
    ranking: { data: ranking, valueLabel: `Profit, ${unitLabel}`, formatValue: state.currency },
    scatter: {
      data: scatter,
      xLabel: `Power cost, ${unitLabel}`,
      yLabel: `Revenue, ${unitLabel}`,
      formatValue: state.currency,
    },
  };
}

/** The charts follow the table one render behind (useDeferredValue), so a keystroke never waits for them. */
const ChartsSection = memo(function ChartsSection({ charts }: { charts: Charts }) {
  if (charts.ranking.data.length === 0) return null;
  return (
    <section className="cols charts" aria-label="Charts">
      <figure className="panel chart-panel">
        <figcaption>
          <h2>
            Profit per {charts.period}, top {charts.ranking.data.length}
          </h2>
        </figcaption>
        <LazyRankingBarChart {...charts.ranking} />
      </figure>
      <figure className="panel chart-panel">
        <figcaption>
          <h2>Reward against effort</h2>
          <p className="muted small">Above the diagonal a coin pays more than its power costs.</p>
        </figcaption>
        <LazyRewardEffortScatter {...charts.scatter} />
      </figure>
    </section>
  );
});

/**
 * The table and its rows toggle. The top rows are what a miner compares; the rest (mostly coins the
 * rig has no hashrate for, or that rank last) are one click away, which keeps the first page light
 * to send and hydrate. The server renders the first SERVER_ROWS of the top ones; once hydrated the
 * browser adds the others, below the fold, at a low priority (a transition), re-rendering only this.
 */
function RankedRows({
  rows,
  state,
  rates,
  deviceNames,
}: {
  rows: DashboardView['rows'];
  state: DashboardView['state'];
  rates: DashboardView['rates'];
  deviceNames: Readonly<Record<string, string>>;
}) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  const shownRows = state.rows === 'all' ? rows : rows.slice(0, hydrated ? TOP_ROWS : SERVER_ROWS);
  const hiddenRows = rows.length - shownRows.length;
  return (
    <>
      <CoinTable
        rows={shownRows}
        state={state}
        rates={rates}
        deviceNames={deviceNames}
      />
      {(hiddenRows > 0 || (state.rows === 'all' && rows.length > TOP_ROWS)) && (
        <p className="muted small" data-testid="rows-toggle">
          {hiddenRows > 0 ? (
            <>
              Showing the top {shownRows.length} of {rows.length}.{' '}
              <ShallowLink href={hrefWith('/', { ...state, coins: [] }, { rows: 'all' })}>Show all {rows.length} coins</ShallowLink>{' '}
              (or narrow them with the filters above).
            </>
          ) : (
            <ShallowLink href={hrefWith('/', { ...state, coins: [] }, { rows: 'top' })}>Show only the top {TOP_ROWS}</ShallowLink>
          )}
        </p>
      )}
    </>
  );
}

/** The snapshot comes from SnapshotProvider (seeded by the server, refreshed by SWR); the rest of the inputs here. */
export function LiveRanking({ spot, healthData }: Omit<RankingInputs, 'snapshot'>) {
  const { state: requested, errors, setParams } = useDashboardState();
  const snapshot = useSnapshot();
  const view = useMemo(() => buildView(snapshot, requested, spot, healthData), [snapshot, requested, spot, healthData]);
  const { state, rig, rows, rates } = view;
  const charts = useDeferredValue(useMemo(() => chartsOf(view), [view]));

  const algorithms = useMemo(() => {
    const counts = new Map<string, number>();
    for (const coin of snapshot.coins) counts.set(coin.algorithm, (counts.get(coin.algorithm) ?? 0) + 1);
    return ALGORITHMS.filter((a) => counts.has(a.slug)).map((a) => ({ slug: a.slug, name: a.name, count: counts.get(a.slug) ?? 0 }));
  }, [snapshot]);

  // Links carry the whole view, minus the compare selection.
  const query = serializeDashboardState({ ...state, coins: [] });
  const selfHref = `/${serializeDashboardState(state)}`;

  return (
    <SetParamsContext value={setParams}>
      <ParamErrors errors={[...errors, ...view.notes]} />
      <RigForm state={state} devices={rig.devices} deviceSums={deviceSums(rig)} isDefaultRig={view.isDefaultRig} />
      <TariffNote power={rig.power} flatUsdPerKwh={rig.electricityUsdPerKwh} />
      <div className="toolbar-row">
        <ViewSwitches period={state.period} currency={state.currency} basis={state.basis} unavailable={view.unavailable} />
        <TuneSwitch state={{ ...state, coins: [] }} />
        <PoolSwitch state={{ ...state, coins: [] }} />
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

      <ChartsSection charts={charts} />

      <RentVsMinePanel
        rows={rentVsMine(rig, rows, snapshot.rentals, snapshot.btcUsd)}
        available={snapshot.rentals.length > 0}
        contractHref={`/contract${query}`}
      />
      <FilterBar
        algorithms={algorithms}
        algorithm={state.algorithm}
        device={state.device}
        query={state.query}
        sellableOnly={state.sellableOnly}
        shown={rows.length}
        total={snapshot.coins.length}
      />
      <div className="toolbar">
        <CompareBar state={state} />
      </div>
      <RankedRows
        rows={rows}
        state={state}
        rates={rates}
        deviceNames={Object.fromEntries(rig.devices.map((d) => [d.id, getDevice(d.id)?.name ?? d.id]))}
      />
      <p className="muted small" data-testid="ranking-as-of">
        Ranked on figures as of <time dateTime={snapshot.asOf}>{formatUtc(snapshot.asOf)}</time>; the page picks up newer
        figures by itself.
      </p>
      <p className="muted small" data-testid="basis-note">
        Estimates use <strong>{BASIS_LABEL[state.basis]}</strong>
        {state.basis === DEFAULT_BASIS ? ' (the default)' : ''}
        {state.basis !== 'current' &&
          `: ${rows.filter((r) => r.basisUsed !== 'current').length} of ${rows.length} coins have ${state.basis} averages (the upstream’s own, or our recorded history); the others use current figures`}
        . Averages smooth the difficulty jumps that profit-switching pools cause on small coins.
      </p>
      <RiskWeightsNote state={state} weights={view.weights} active={view.weightsActive} />
    </SetParamsContext>
  );
}
