import { estimatesResponse } from '@/lib/share/estimates-json';
import { getHealthData, getSnapshot } from '@/lib/server/queries';
import { getSpotFeed } from '@/lib/server/spot';
import { parseApiRequest, snapshotCacheHeaders } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** GET /api/estimates?<the page's params>: the ranking for that rig; 400 naming a bad param. */
export async function GET(request: Request) {
  const parsed = await parseApiRequest(request);
  if ('response' in parsed) return parsed.response;
  const [snapshot, spot, healthData] = await Promise.all([getSnapshot(), getSpotFeed(parsed.state.spotZone), getHealthData()]);
  return Response.json(estimatesResponse(snapshot, parsed.state, spot, healthData), { headers: snapshotCacheHeaders(snapshot) });
}
