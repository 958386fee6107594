import type { Metadata } from 'next';
import { NETWORK_SHARE_WARN } from '@/lib/risk/risk';
import Link from 'next/link';
import { CoinFlags } from '@/components/coin-flags';
import { CopyLink } from '@/components/copy-link';
import { DataBanner } from '@/components/data-banner';
import { ParamErrors } from '@/components/param-errors';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { COMPARE_METRICS, winnerIndex, type CompareMetric } from '@/lib/ranking/compare';
import { CURRENCY_LABEL } from '@/lib/ranking/currency';
import { getSnapshotView } from '@/lib/server/queries';
import { formatMoney } from '@/lib/format/money';
import { previewMetadata } from '@/lib/server/preview-metadata';
import { rankCoins } from '@/lib/ranking/ranking';
import { hrefWith, parseDashboardParams, serializeDashboardState, type DashboardState } from '@/lib/url/search-params';
import { formatCompact, formatDays, formatHashrate, formatPercent, formatSignificant, MISSING } from '@/lib/format/units';
import { buildView } from '@/lib/ranking/view';
import { getSpotFeed } from '@/lib/server/spot';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { state } = parseDashboardParams(await searchParams);
  const title = state.coins.length > 0 ? `Compare ${state.coins.join(', ')}` : 'Compare coins';
  return previewMetadata({ title, page: { kind: 'compare' }, path: '/compare', state });
}

function formatValue(metric: CompareMetric, value: number | null, state: DashboardState, unit: string): string {
  if (value === null) return MISSING;
  switch (metric.kind) {
    case 'money':
      return formatMoney(value, CURRENCY_LABEL[state.currency]);
    case 'hashrate':
      return formatHashrate(value, unit as 'H/s');
    case 'percent':
      return formatPercent(value);
    case 'days':
      return formatDays(value);
    default:
      return metric.id === 'difficulty' ? formatCompact(value) : formatSignificant(value, 5);
  }
}

export default async function ComparePage({ searchParams }: Props) {
  const { state: requested, errors } = parseDashboardParams(await searchParams);
  const { snapshot, servedAt } = await getSnapshotView();
  const view = buildView(snapshot, requested, await getSpotFeed(requested.spotZone));
  const { state, rig, rates } = view;
  // The comparison ignores the table's filters: a picked coin is always shown.
  const all = rankCoins(snapshot.coins, rig, { ...state, algorithm: null, device: null, query: null });
  const rows = state.coins.flatMap((tag) => all.filter((r) => r.coin.tag === tag && !r.combo).slice(0, 1));
  const missing = state.coins.filter((tag) => !rows.some((r) => r.coin.tag === tag));
  const backHref = hrefWith('/', state);

  return (
    <>
      <p className="small">
        <Link href={backHref}>← Back to the ranking</Link>
      </p>
      <h1>Compare {rows.length > 0 ? rows.map((r) => r.coin.tag).join(' · ') : 'coins'}</h1>
      <p className="lede">
        The same rig on each coin, side by side. ★ marks the coin that wins a row where more (or less) is better.
      </p>
      <DataBanner snapshot={snapshot} now={servedAt} />
      <ParamErrors
        errors={[
          ...errors,
          ...view.notes,
          ...missing.map((tag) => ({ param: 'coins', message: `${tag} is not in the current data.` })),
        ]}
      />
      <div className="toolbar">
        <CopyLink path={`/compare${serializeDashboardState(state)}`} />
        <a className="button" href={`/api/estimates${serializeDashboardState({ ...state, coins: [] })}`}>
          JSON API
        </a>
      </div>
      {rows.length === 0 ? (
        <section className="panel">
          <p>
            No coins to compare yet. <Link href={backHref}>Tick two or more coins in the ranking</Link>, or add{' '}
            <code>?coins=RVN,ERG,KAS</code> to this address.
          </p>
        </section>
      ) : (
        <div className="table-wrap">
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th className="left" scope="col">
                  Figure
                </th>
                {rows.map((r) => (
                  <th key={r.coin.tag} scope="col" data-tag={r.coin.tag}>
                    <Link href={`/coins/${encodeURIComponent(r.coin.tag)}${serializeDashboardState({ ...state, coins: [] })}`}>
                      {r.coin.tag}
                    </Link>
                    <span className="unit">{getAlgorithm(r.coin.algorithm)?.name ?? r.coin.algorithm}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {COMPARE_METRICS.map((metric) => {
                const values = rows.map((r) => metric.value(r, state, rates));
                const winner = winnerIndex(values, metric.better);
                return (
                  <tr key={metric.id} data-metric={metric.id}>
                    <th scope="row" className="left">
                      {metric.label}
                      {metric.better && (
                        <span className="unit">{metric.better === 'higher' ? 'more is better' : 'less is better'}</span>
                      )}
                    </th>
                    {rows.map((r, i) => {
                      const unit = metric.unit(state, r);
                      return (
                        <td key={r.coin.tag} className={winner === i ? 'winner' : undefined} data-winner={winner === i || undefined}>
                          {winner === i && <span aria-label="wins this row">★ </span>}
                          {formatValue(metric, values[i] ?? null, state, unit)}
                          {values[i] !== null && !['money', 'hashrate', 'days'].includes(metric.kind) && unit && (
                            <span className="unit">{unit}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
              <tr>
                <th scope="row" className="left">
                  Warnings
                </th>
                {rows.map((r) => (
                  <td key={r.coin.tag}>
                    <CoinFlags flags={r.coin.flags} networkShare={r.estimate?.networkShare} />
                    {r.coin.flags.length === 0 && (r.estimate?.networkShare ?? 0) <= NETWORK_SHARE_WARN ? <span className="muted">none</span> : null}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        Money in {CURRENCY_LABEL[state.currency]} per {state.period}. A coin with no estimate has no hashrate in your rig for
        its algorithm: <Link href={backHref}>add one on the ranking page</Link>.
      </p>
    </>
  );
}
