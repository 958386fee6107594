import { getSnapshot } from '@/lib/server/queries';
import { rateLimited, snapshotCacheHeaders } from '@/app/api/_lib/respond';
import { redactAddresses, shownUrl } from '@/lib/infra/redact';

export const dynamic = 'force-dynamic';

/**
 * GET /api/coins: the current snapshot, every coin with its figures, flags and sources, and the
 * rates, rental and pool figures the ranking uses (an open page refreshes its ranking from here).
 */
export async function GET(request: Request) {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const { asOf, stale, mode, btcUsd, sources, coins, ...ranking } = await getSnapshot();
  // An operator's private node (ALLOW_PRIVATE_SOURCES) is not shown to the world.
  const shown = sources.map((s) => ({ ...s, url: shownUrl(s.url), error: s.error === null ? null : redactAddresses(s.error) }));
  return Response.json(
    { asOf, stale, mode, btcUsd, sources: shown, coins, ...ranking },
    { headers: snapshotCacheHeaders({ asOf, mode }) },
  );
}
