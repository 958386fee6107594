import type { Metadata } from 'next';
import { Dashboard } from '@/components/dashboard';
import { previewMetadata } from '@/lib/preview';
import { parseDashboardParams } from '@/lib/search-params';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { state } = parseDashboardParams(await searchParams);
  return previewMetadata({ title: 'Which small coin should your rig mine?', path: '/', state });
}

// `/` with a query: rendered per request. `/` without one is answered by proxy.ts from the
// cached app/view/[key] page.
export default async function HomePage({ searchParams }: Props) {
  const { state, errors } = parseDashboardParams(await searchParams);
  return <Dashboard requested={state} errors={errors} />;
}
