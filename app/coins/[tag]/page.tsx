import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CoinFlags } from '@/components/coin-flags';
import { LazyProfitElectricityChart, LazyProjectionChart } from '@/components/charts/lazy';
import { CopyLink } from '@/components/copy-link';
import { DataBanner, formatUtc } from '@/components/data-banner';
import { ProjectionControls } from '@/components/projection-controls';
import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { upcomingRewardChanges } from '@/lib/mining/halvings';
import { previewMetadata } from '@/lib/server/preview-metadata';
import { breakEvenElectricityUsdPerKwh, profitAgainstElectricity, projectCumulativeProfit } from '@/lib/mining/projection';
import { ParamErrors } from '@/components/param-errors';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { CoinHistory } from '@/components/coin-history';
import { CoinRisks } from '@/components/coin-risks';
import { RewardSplit } from '@/components/reward-split';
import { getCoin, getHistory, getRegistry } from '@/lib/server/queries';
import { CHAIN_KIND_LABELS } from '@/lib/sources/chain/types';
import { rowRisk } from '@/lib/ranking/row-risk';
import { RANGE_MS } from '@/lib/mining/time';
import { PERIOD_DAYS, perPeriod, probabilityOfBlockWithin, SECONDS_PER_DAY, type Period } from '@/lib/mining/profit';
import { estimateRow } from '@/lib/ranking/ranking';
import { rigFromState, usesDefaultRig } from '@/lib/ranking/rig';
import { electricityContext } from '@/lib/ranking/view';
import { getSpotFeed } from '@/lib/server/spot';
import { parseDashboardParams, serializeDashboardState } from '@/lib/url/search-params';
import type { SourceId, Snapshot } from '@/lib/model/types';
import {
  formatAge,
  formatCompact,
  formatDays,
  formatHashrate,
  formatPercent,
  formatSignificant,
  formatUsd,
  MISSING,
} from '@/lib/format/units';

type Props = {
  params: Promise<{ tag: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { tag } = await params;
  const { state } = parseDashboardParams(await searchParams);
  const { coin } = await getCoin(decodeTag(tag));
  if (!coin) return { title: 'Coin not found' };
  return previewMetadata({
    title: `${coin.name} (${coin.tag}) mining profitability`,
    description: `Network, price and your rig’s estimate for ${coin.name}, with every figure’s source and age.`,
    page: { kind: 'coin', tag: coin.tag },
    path: `/coins/${encodeURIComponent(coin.tag)}`,
    state,
  });
}

function sourceName(snapshot: Snapshot, id: SourceId | null): string {
  if (!id) return MISSING;
  return snapshot.sources.find((s) => s.id === id)?.name ?? id;
}

/** A tag from the path; a malformed escape is just an unknown coin, never a 500. */
function decodeTag(tag: string): string {
  try {
    return decodeURIComponent(tag);
  } catch {
    return tag;
  }
}

const PERIODS: readonly Period[] = ['hour', 'day', 'week', 'month'];

export default async function CoinPage({ params, searchParams }: Props) {
  const { tag } = await params;
  const { state, errors } = parseDashboardParams(await searchParams);
  const { snapshot, servedAt: now, coin } = await getCoin(decodeTag(tag));
  if (!coin) notFound();

  const algorithm = getAlgorithm(coin.algorithm);
  const { shipped, user } = getRegistry();
  const registryEntry = [...shipped, ...user].find((e) => e.tag === coin.tag.toUpperCase() && e.algorithm === coin.algorithm);
  const unit = algorithm?.unit ?? 'H/s';
  const rig = rigFromState(state, electricityContext(snapshot, await getSpotFeed(state.spotZone)));
  const row = estimateRow(coin, rig, state.basis);
  const risk = rowRisk(row, snapshot.rentals, snapshot.btcUsd);
  const rangeMs = RANGE_MS[state.range];
  const history = await getHistory(coin, { from: rangeMs === null ? 0 : now - rangeMs, to: now });
  const est = row.estimate;
  const query = serializeDashboardState(state);
  const networkSource = sourceName(snapshot, coin.source);
  // Where two sources cover the coin, each figure says which one it came from.
  const from = (figure: keyof typeof coin.figureSources) => {
    const id = coin.figureSources[figure];
    return id ? <span className="muted small figure-source"> from {sourceName(snapshot, id)}</span> : null;
  };
  const networkAsOf = coin.updatedAt ?? snapshot.sources.find((s) => s.id === coin.source)?.fetchedAt ?? null;
  const priceAsOf = snapshot.sources.find((s) => s.id === coin.priceSource)?.fetchedAt ?? networkAsOf;
  const soloSeconds = est?.soloDaysToBlock != null ? est.soloDaysToBlock * SECONDS_PER_DAY : null;
  const watts = row.powerWatts ?? 0;
  const breakEvenKwh = breakEvenElectricityUsdPerKwh(est?.revenueUsdPerDay ?? null, watts);
  const changes = upcomingRewardChanges(coin.tag, snapshot.asOf, state.horizonDays);
  const projection =
    est?.coinsPerDay != null && coin.priceUsd !== null
      ? projectCumulativeProfit({
          coinsPerDay: est.coinsPerDay,
          priceUsd: coin.priceUsd,
          powerCostUsdPerDay: est.powerCostUsdPerDay,
          days: state.horizonDays,
          difficultyGrowthPercentPerMonth: state.growthPercentPerMonth,
          halvings: changes.map((c) => ({ day: c.day, factor: c.factor })),
          hardwareCostUsd: state.hardwareCostUsd ?? 0,
        })
      : null;

  return (
    <>
      <div className="toolbar">
        <Link href={`/${query}`}>← Back to the ranking</Link>
        <CopyLink path={`/coins/${encodeURIComponent(coin.tag)}${query}`} />
      </div>
      <h1>
        {coin.name} <span className="muted">({coin.tag})</span>
        <CoinFlags flags={coin.flags} networkShare={est?.networkShare} />
      </h1>
      <p className="lede">
        {algorithm?.name ?? coin.algorithm} · mined with {algorithm?.devices.join(', ') ?? 'unknown hardware'}
      </p>
      <DataBanner snapshot={snapshot} now={now} />
      <ParamErrors errors={errors} />

      <div className="cols">
        <section className="panel" aria-labelledby="network-title">
          <h2 id="network-title">Network</h2>
          <dl className="kv">
            <dt>Network hashrate</dt>
            <dd data-testid="coin-nethash">
              {formatHashrate(coin.networkHashrate, unit)}
              {from('networkHashrate')}
            </dd>
            <dt>Difficulty</dt>
            <dd data-testid="coin-difficulty">
              {formatSignificant(coin.difficulty, 8)}
              {from('difficulty')}
            </dd>
            {coin.height !== null && (
              <>
                <dt>Height</dt>
                <dd data-testid="coin-height">{formatSignificant(coin.height, 12)}</dd>
              </>
            )}
            <dt>Work per block (k)</dt>
            <dd>
              {coin.workFactor === null
                ? 'not used: estimates use the share of the network'
                : `difficulty × ${formatCompact(coin.workFactor)}`}
            </dd>
            {coin.impliedNetworkHashrate !== null && (
              <>
                <dt>Hashrate implied by difficulty</dt>
                <dd>{formatHashrate(coin.impliedNetworkHashrate, unit)}</dd>
              </>
            )}
            <dt>Block time</dt>
            <dd>{coin.blockTimeSeconds === null ? MISSING : `${formatSignificant(coin.blockTimeSeconds, 4)} s`}</dd>
            <dt>Block reward</dt>
            <dd data-testid="coin-reward">
              {coin.blockReward === null ? MISSING : `${formatSignificant(coin.blockReward, 6)} ${coin.tag}`}
              {from('blockReward')}
            </dd>
            <dt>Daily emission</dt>
            <dd>{coin.emissionPerDay === null ? MISSING : `${formatSignificant(coin.emissionPerDay, 6)} ${coin.tag} / day`}</dd>
            <dt>Source</dt>
            <dd>
              {networkSource}, as of {formatUtc(networkAsOf)}
              {networkAsOf && <span className="muted"> ({formatAge((now - Date.parse(networkAsOf)) / 1000)} ago)</span>}
            </dd>
          </dl>
        </section>

        <section className="panel" aria-labelledby="market-title">
          <h2 id="market-title">Market</h2>
          <dl className="kv">
            <dt>Price</dt>
            <dd data-testid="coin-price">{formatUsd(coin.priceUsd)}{coin.priceUsd !== null && <span className="unit">USD</span>}</dd>
            <dt>Price in BTC</dt>
            <dd>{coin.priceBtc === null ? MISSING : `${formatSignificant(coin.priceBtc, 4)} BTC`}</dd>
            <dt>24 h volume</dt>
            <dd>{formatUsd(coin.volume24hUsd)}{coin.volume24hUsd !== null && <span className="unit">USD</span>}</dd>
            <dt>Source</dt>
            <dd>
              {sourceName(snapshot, coin.priceSource)}, as of {formatUtc(priceAsOf)}
            </dd>
          </dl>
        </section>
      </div>

      <section className="panel" aria-labelledby="estimate-title">
        <h2 id="estimate-title">
          Your rig on {coin.tag}{' '}
          <span className="muted small">
            {usesDefaultRig(state) ? '(example rig: set yours on the ranking page)' : ''}
          </span>
        </h2>
        {!est || row.hashrate === null ? (
          <p>
            Your rig has no {algorithm?.name ?? coin.algorithm} hashrate.{' '}
            <Link href={`/${query}`}>Add one on the ranking page</Link> to see an estimate.
          </p>
        ) : (
          <>
            <p className="muted small">
              {formatHashrate(row.hashrate, unit)} at {row.powerWatts ?? 0} W, electricity{' '}
              {formatUsd(rig.electricityUsdPerKwh)}/kWh, pool fee {rig.poolFeePercent} %. Basis:{' '}
              {est.basis === 'difficulty'
                ? 'H × 86400 × R / (D × k)'
                : est.basis === 'block-time'
                  ? '(H / N) × (86400 / T) × R'
                  : est.basis === 'emission'
                    ? '(H / N) × daily emission'
                    : 'not enough figures for an estimate'}
              .
            </p>
            <RewardSplit coin={coin} />
            <table className="period-table" data-testid="coin-estimate">
              <thead>
                <tr>
                  <th className="left">Per</th>
                  <th>Coins</th>
                  <th>Revenue (USD)</th>
                  <th>Power cost (USD)</th>
                  <th>Profit (USD)</th>
                </tr>
              </thead>
              <tbody>
                {PERIODS.map((period) => (
                  <tr key={period}>
                    <td className="left">
                      {period}
                      {period === 'month' ? ` (${PERIOD_DAYS.month} days)` : ''}
                    </td>
                    <td>{est.coinsPerDay === null ? MISSING : formatSignificant(perPeriod(est.coinsPerDay, period), 5)}</td>
                    <td>{est.revenueUsdPerDay === null ? MISSING : formatUsd(perPeriod(est.revenueUsdPerDay, period))}</td>
                    <td>{formatUsd(perPeriod(est.powerCostUsdPerDay, period))}</td>
                    <td>{est.profitUsdPerDay === null ? MISSING : formatUsd(perPeriod(est.profitUsdPerDay, period))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <dl className="kv" style={{ marginTop: '1rem' }}>
              <dt>Your share of the network</dt>
              <dd>
                {formatPercent(est.networkShare)} (H / N); once you join: {formatPercent(est.networkShareJoined)} (H / (N + H))
              </dd>
              <dt>Coins per day once you join</dt>
              <dd>{formatSignificant(est.coinsPerDayJoined, 5)}</dd>
              <dt>Expected solo time to a block</dt>
              <dd data-testid="solo-time">{formatDays(est.soloDaysToBlock)}</dd>
              <dt>Chance of ≥ 1 solo block</dt>
              <dd>
                {soloSeconds === null
                  ? MISSING
                  : `day ${formatPercent(probabilityOfBlockWithin(SECONDS_PER_DAY, soloSeconds))} · week ${formatPercent(
                      probabilityOfBlockWithin(7 * SECONDS_PER_DAY, soloSeconds),
                    )} · month ${formatPercent(probabilityOfBlockWithin(30 * SECONDS_PER_DAY, soloSeconds))}`}
                {est.soloDaysToBlock !== null && est.soloDaysToBlock > 30 && (
                  <span className="muted"> — mine in a pool: solo, a block could take years.</span>
                )}
              </dd>
            </dl>
          </>
        )}
      </section>

      {est?.revenueUsdPerDay != null && (
        <NuqsAdapter>
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
                    revenueUsdPerDay: est.revenueUsdPerDay,
                    powerWatts: watts,
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
                    From the data’s date ({snapshot.asOf.slice(0, 10)}), price held at today’s, difficulty{' '}
                    {state.growthPercentPerMonth === 0 ? 'flat' : `${state.growthPercentPerMonth > 0 ? '+' : ''}${state.growthPercentPerMonth} % a month`}
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
                  <LazyProjectionChart
                    points={projection.points}
                    breakEvenDay={projection.breakEvenDay}
                    halvingDays={changes.map((c) => c.day)}
                  />
                )}
              </figure>
            </div>
            <ProjectionControls
              growthPercentPerMonth={state.growthPercentPerMonth}
              horizonDays={state.horizonDays}
              hardwareCostUsd={state.hardwareCostUsd}
            />
          </section>
        </NuqsAdapter>
      )}

      <CoinRisks
        coin={row.coin}
        risk={risk}
        snapshot={snapshot}
        coinsPerDay={est?.coinsPerDay ?? null}
        coinsPerDayJoined={est?.coinsPerDayJoined ?? null}
      />
      <CoinHistory
        coin={row.coin}
        points={history.points}
        available={history.available}
        range={state.range}
        rig={
          row.hashrate === null
            ? null
            : {
                hashrate: row.hashrate,
                powerWatts: row.powerWatts ?? 0,
                electricityUsdPerKwh: rig.electricityUsdPerKwh,
                poolFeePercent: rig.poolFeePercent,
              }
        }
      />
      {registryEntry && (
        <section className="panel" aria-labelledby="registry-title" data-testid="registry-entry">
          <h2 id="registry-title">Registry entry</h2>
          <p className="muted small">
            This coin is in the coin registry: its network figures come from its own{' '}
            {CHAIN_KIND_LABELS[registryEntry.source.kind]} at <code>{registryEntry.source.url}</code>, and these are
            the sources of the facts the registry adds (target block time {formatSignificant(registryEntry.blockTimeSeconds, 4)} s,
            algorithm{registryEntry.emission ? ', reward schedule' : ''}).
          </p>
          <ul className="small">
            {registryEntry.sources.map((citation) => (
              <li key={`${citation.fact}|${citation.url}`}>
                {citation.fact}: <a href={citation.url} rel="noopener noreferrer nofollow">{citation.url}</a>
              </li>
            ))}
          </ul>
          {registryEntry.notes && <p className="muted small">Notes: {registryEntry.notes}</p>}
        </section>
      )}
    </>
  );
}
