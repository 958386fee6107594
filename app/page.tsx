import type { Metadata } from 'next';
import { Dashboard } from '@/components/dashboard';
import { getHealthData, getSnapshotView } from '@/lib/server/queries';
import { getSpotFeed } from '@/lib/server/spot';
import { previewMetadata } from '@/lib/server/preview-metadata';
import { rankingInputs } from '@/lib/ranking/inputs';
import { publishRankingSnapshot } from '@/lib/server/ranking-snapshot';
import { parseDashboardParams, searchOf } from '@/lib/url/search-params';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { state } = parseDashboardParams(await searchParams);
  return previewMetadata({ title: 'Which small coin should your rig mine?', path: '/', state });
}

// Rendered per request (the table for the URL's rig, for links, crawlers and no-JS); `/` without a
// query is answered by proxy.ts's copy while it is fresh. Rig edits then re-rank in the browser.
export default async function HomePage({ searchParams }: Props) {
  // The spot feed depends on the URL (spot=): the rest of the state is read by the ranking island.
  const params = await searchParams;
  const { state } = parseDashboardParams(params);
  const [{ snapshot, servedAt }, spot, healthData] = await Promise.all([
    getSnapshotView(),
    getSpotFeed(state.spotZone),
    getHealthData(),
  ]);
  const inputs = rankingInputs(snapshot, spot, healthData);
  return (
    <Dashboard
      snapshot={snapshot}
      servedAt={servedAt}
      inputs={inputs}
      snapshotKey={publishRankingSnapshot(inputs.snapshot)}
      search={searchOf(params)}
    />
  );
}
