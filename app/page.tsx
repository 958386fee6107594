import { NuqsAdapter } from 'nuqs/adapters/next/app';
import { CoinTable } from '@/components/coin-table';
import { DataBanner } from '@/components/data-banner';
import { FilterBar } from '@/components/filter-bar';
import { ParamErrors } from '@/components/param-errors';
import { RigForm } from '@/components/rig-form';
import { ALGORITHMS } from '@/lib/algorithms';
import { getSnapshotView } from '@/lib/data';
import { rankCoins } from '@/lib/ranking';
import { DEFAULT_RIG_NAME, rigFromState, usesDefaultRig } from '@/lib/rig';
import { parseDashboardParams } from '@/lib/search-params';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const { state, errors } = parseDashboardParams(await searchParams);
  const { snapshot, servedAt: now } = await getSnapshotView();
  const rig = rigFromState(state);
  const rows = rankCoins(snapshot.coins, rig, state);

  const counts = new Map<string, number>();
  for (const coin of snapshot.coins) counts.set(coin.algorithm, (counts.get(coin.algorithm) ?? 0) + 1);
  const algorithms = ALGORITHMS.filter((a) => counts.has(a.slug)).map((a) => ({
    slug: a.slug,
    name: a.name,
    count: counts.get(a.slug) ?? 0,
  }));

  return (
    <>
      <h1>Which small coin should your rig mine?</h1>
      <p className="lede">
        Coins ranked by expected profit per day for the rig below, after power cost and pool fee. Click a column to
        sort, a coin for its details; the address bar always holds a link to exactly this view.
      </p>
      <DataBanner snapshot={snapshot} now={now} />
      <ParamErrors errors={errors} />
      {/* The adapter (and its Suspense boundary) wraps only the client leaves that write the URL,
          so the rest of the page is not streamed and coin pages keep real 404 statuses. */}
      <NuqsAdapter>
      <RigForm
        rows={Object.entries(rig.hashrates).map(([slug, hashrate]) => ({
          slug,
          hashrate,
          powerWatts: rig.powerWatts[slug] ?? null,
        }))}
        electricityUsdPerKwh={rig.electricityUsdPerKwh}
        poolFeePercent={rig.poolFeePercent}
        isDefaultRig={usesDefaultRig(state)}
        defaultRigName={DEFAULT_RIG_NAME}
      />
      <FilterBar
        algorithms={algorithms}
        algorithm={state.algorithm}
        device={state.device}
        query={state.query}
        shown={rows.length}
        total={snapshot.coins.length}
      />
      </NuqsAdapter>
      <CoinTable rows={rows} state={state} />
      <p className="muted small">
        Revenue uses each coin’s current price; power cost = W × 24 / 1000 × USD/kWh. “—” means the source gives no
        figure; a coin is never shown with a made-up number. Badges flag lagging data, a difficulty that disagrees with
        the network hashrate, missing markets, and a rig that would be more than 5 % of a network.
      </p>
    </>
  );
}
