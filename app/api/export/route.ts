import { paramErrorResponse } from '@/lib/api';
import { getSnapshot, rateLimited } from '@/lib/data';
import { parseDashboardParams } from '@/lib/search-params';
import { tableToCsv } from '@/lib/table';
import { buildView } from '@/lib/view';

export const dynamic = 'force-dynamic';

/** GET /api/export?<the page's params>: the table as CSV, same columns and units as on screen. */
export async function GET(request: Request) {
  const limited = rateLimited(request);
  if (limited) return limited;
  const { state, errors } = parseDashboardParams(new URL(request.url).searchParams);
  if (errors.length > 0) return paramErrorResponse(errors);
  const snapshot = await getSnapshot();
  const view = buildView(snapshot, state);
  const date = snapshot.asOf.slice(0, 10);
  return new Response(tableToCsv(view.rows, view.state, view.rates), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="minerank-${date}.csv"`,
    },
  });
}
