import { getSnapshot } from '@/lib/server/queries';
import { parseApiRequest } from '@/app/api/_lib/respond';
import { tableToCsv } from '@/lib/share/csv';
import { buildView } from '@/lib/ranking/view';
import { getSpotFeed } from '@/lib/server/spot';

export const dynamic = 'force-dynamic';

/** GET /api/export?<the page's params>: the table as CSV, same columns and units as on screen. */
export async function GET(request: Request) {
  const parsed = await parseApiRequest(request);
  if ('response' in parsed) return parsed.response;
  const snapshot = await getSnapshot();
  const view = buildView(snapshot, parsed.state, await getSpotFeed(parsed.state.spotZone));
  const date = snapshot.asOf.slice(0, 10);
  return new Response(tableToCsv(view.rows, view.state, view.rates), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="minerank-${date}.csv"`,
    },
  });
}
