import { payoutJson } from '@/lib/payouts/json';
import { payoutsFor } from './_respond';

export const dynamic = 'force-dynamic';

/** GET /api/payouts?pool=&poolId=&coin=&address=&days=: the pool's credits against the estimate. */
export async function GET(request: Request) {
  const result = await payoutsFor(request);
  if ('response' in result) return result.response;
  return Response.json(payoutJson(result.state, result.report, result), { headers: { 'cache-control': 'private, no-store' } });
}
