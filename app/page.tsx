import type { Metadata } from 'next';
import { Dashboard } from '@/components/dashboard';
import { getHealthData, getSnapshotView } from '@/lib/server/queries';
import { getSpotFeed } from '@/lib/server/spot';
import { previewMetadata } from '@/lib/server/preview-metadata';
import { parseDashboardParams } from '@/lib/url/search-params';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { state } = parseDashboardParams(await searchParams);
  return previewMetadata({ title: 'Which small coin should your rig mine?', path: '/', state });
}

// Rendered per request; `/` without a query is answered by proxy.ts's copy while it is fresh.
export default async function HomePage({ searchParams }: Props) {
  const { state, errors } = parseDashboardParams(await searchParams);
  const [{ snapshot, servedAt }, spot, healthData] = await Promise.all([
    getSnapshotView(),
    getSpotFeed(state.spotZone),
    getHealthData(),
  ]);
  return (
    <Dashboard snapshot={snapshot} servedAt={servedAt} requested={state} errors={errors} spot={spot} healthData={healthData} />
  );
}
