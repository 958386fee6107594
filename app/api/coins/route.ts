import { getSnapshot } from '@/lib/server/queries';
import { rateLimited, snapshotCacheHeaders } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** GET /api/coins: the current snapshot, every coin with its figures, flags and sources. */
export async function GET(request: Request) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const { asOf, stale, mode, btcUsd, sources, coins } = await getSnapshot();
  return Response.json({ asOf, stale, mode, btcUsd, sources, coins }, { headers: snapshotCacheHeaders({ asOf, mode }) });
}
