// The payouts routes' shared prelude: the per-client allowance, the params (400 naming each bad
// one), the pool read (404 "no such miner at this pool", 400 for a refused pool site, 502 when
// the pool fails and nothing was read before).
import 'server-only';
import { getPayouts, parsePayoutRequest, type PayoutOutcome } from '@/lib/server/payouts';
import { paramErrorResponse, rateLimited } from '@/app/api/_lib/respond';

export async function payoutsFor(request: Request): Promise<{ response: Response } | Extract<PayoutOutcome, { status: 'ok' }>> {
  const limited = await rateLimited(request);
  if (limited) return { response: limited };
  const { state, errors } = await parsePayoutRequest(new URL(request.url).searchParams);
  if (!state) return { response: paramErrorResponse(errors) };
  const outcome = await getPayouts(state);
  if (outcome.status === 'ok') return outcome;
  switch (outcome.code) {
    case 'no-such-miner':
      return { response: Response.json({ error: 'no such miner at this pool', code: 'no-such-miner', param: 'address' }, { status: 404 }) };
    case 'refused':
      return { response: Response.json({ error: 'pool: that address is not a public site', code: 'refused', param: 'pool' }, { status: 400 }) };
    case 'upstream':
      return { response: Response.json({ error: 'the pool did not answer, and nothing was read from it before', code: 'pool-unavailable' }, { status: 502 }) };
  }
}
