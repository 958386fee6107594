import { estimatesResponse } from '@/lib/api';
import { getSnapshot, parseApiRequest } from '@/lib/data';

export const dynamic = 'force-dynamic';

/** GET /api/estimates?<the page's params>: the ranking for that rig; 400 naming a bad param. */
export async function GET(request: Request) {
  const parsed = await parseApiRequest(request);
  if ('response' in parsed) return parsed.response;
  return Response.json(estimatesResponse(await getSnapshot(), parsed.state));
}
