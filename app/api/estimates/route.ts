import { getSnapshot } from '@/lib/data';
import { estimatesResponse } from '@/lib/api';
import { parseDashboardParams } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

/** GET /api/estimates?<the page's params>: the ranking for that rig; 400 naming a bad param. */
export async function GET(request: Request) {
  const { state, errors } = parseDashboardParams(new URL(request.url).searchParams);
  if (errors.length > 0) {
    return Response.json({ error: errors[0]!.message, param: errors[0]!.param, errors }, { status: 400 });
  }
  return Response.json(estimatesResponse(await getSnapshot(), state));
}
