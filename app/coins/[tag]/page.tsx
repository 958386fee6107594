import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { CoinFlags } from '@/components/coin-flags';
import { CoinPools } from '@/components/coin-pools';
import { CoinRisks } from '@/components/coin-risks';
import { EstimatePanel } from '@/components/coin/estimate-panel';
import { DayProfilePanel } from '@/components/coin/day-profile-panel';
import { PowerLimitPanel } from '@/components/coin/power-limit-panel';
import { HealthPanel } from '@/components/coin/health-panel';
import { HistorySkeleton } from '@/components/coin/history-skeleton';
import { MarketPanel } from '@/components/coin/market-panel';
import { NetworkPanel } from '@/components/coin/network-panel';
import { ProjectionPanel } from '@/components/coin/projection-panel';
import { RegistryPanel } from '@/components/coin/registry-panel';
import { CopyLink } from '@/components/copy-link';
import { DataBanner } from '@/components/data-banner';
import { ParamErrors } from '@/components/param-errors';
import { buildPoolRows } from '@/lib/pools/view';
import { buildCoinView } from '@/lib/ranking/coin-view';
import { poolRigFor } from '@/lib/ranking/pool-rig';
import { previewMetadata } from '@/lib/server/preview-metadata';
import { getCoin, getHealthData, getRegistry } from '@/lib/server/queries';
import { getSpotFeed } from '@/lib/server/spot';
import { CHAIN_KIND_LABELS } from '@/lib/sources/chain/types';
import { hrefWith, parseDashboardParams, serializeDashboardState } from '@/lib/url/search-params';
import { HistorySection } from './history-section';

type Props = {
  params: Promise<{ tag: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** A tag from the path; a malformed escape is just an unknown coin, never a 500. */
function decodeTag(tag: string): string {
  try {
    return decodeURIComponent(tag);
  } catch {
    return tag;
  }
}

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

export default async function CoinPage({ params, searchParams }: Props) {
  const { tag } = await params;
  const { state, errors } = parseDashboardParams(await searchParams);
  const { snapshot, servedAt: now, coin } = await getCoin(decodeTag(tag));
  if (!coin) notFound();

  const [spot, healthData] = await Promise.all([getSpotFeed(state.spotZone), getHealthData()]);
  const view = buildCoinView(snapshot, coin, state, spot, healthData);
  const { shipped, user } = getRegistry();
  const registryEntry = [...shipped, ...user].find((e) => e.tag === coin.tag.toUpperCase() && e.algorithm === coin.algorithm);
  const query = serializeDashboardState(state);
  const est = view.row.estimate;
  const poolRig = poolRigFor(view.rig, coin.algorithm);
  const pools = buildPoolRows(coin, (snapshot.pools ?? []).filter((p) => p.tag === coin.tag), poolRig, now);
  const listedPools = registryEntry?.pools?.length ?? 0;

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
        {view.algorithmName} · mined with {view.devices.length > 0 ? view.devices.join(', ') : 'unknown hardware'}
      </p>
      <DataBanner snapshot={snapshot} now={now} />
      <ParamErrors errors={errors} />

      <div className="cols">
        <NetworkPanel view={view} now={now} />
        <MarketPanel view={view} />
      </div>
      <EstimatePanel view={view} rankingHref={`/${query}`} />
      <DayProfilePanel view={view} />
      <PowerLimitPanel view={view} state={state} />
      {(pools.length > 0 || listedPools > 0) && (
        <CoinPools rows={pools} tag={coin.tag} unit={view.unit} hashrate={poolRig.hashrate} flatFeePercent={poolRig.flatFeePercent} now={now} listed={listedPools}
          choice={state.poolChoice}
          choiceHrefs={{
            flat: hrefWith(`/coins/${encodeURIComponent(coin.tag)}`, state, { poolChoice: 'flat' }),
            best: hrefWith(`/coins/${encodeURIComponent(coin.tag)}`, state, { poolChoice: 'best' }),
          }}
        />
      )}
      <ProjectionPanel view={view} state={state} asOf={snapshot.asOf} />
      <CoinRisks
        coin={coin}
        risk={view.risk}
        snapshot={snapshot}
        coinsPerDay={est?.coinsPerDay ?? null}
        coinsPerDayJoined={est?.coinsPerDayJoined ?? null}
      />
      <HealthPanel view={view} />
      <Suspense fallback={<HistorySkeleton />}>
        <HistorySection coin={coin} view={view} state={state} now={now} />
      </Suspense>
      {registryEntry && <RegistryPanel entry={registryEntry} sourceKind={CHAIN_KIND_LABELS[registryEntry.source.kind]} />}
    </>
  );
}
