import { getSnapshot, rateLimited } from '@/lib/data';
import { estimatesResponse, paramErrorResponse } from '@/lib/api';
import { parseDashboardParams } from '@/lib/search-params';

export const dynamic = 'force-dynamic';

/** GET /api/estimates?<the page's params>: the ranking for that rig; 400 naming a bad param. */
export async function GET(request: Request) {
  const limited = rateLimited(request);
  if (limited) return limited;
  const { state, errors } = parseDashboardParams(new URL(request.url).searchParams);
  if (errors.length > 0) return paramErrorResponse(errors);
  return Response.json(estimatesResponse(await getSnapshot(), state));
}
