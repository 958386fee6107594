import { buildPoolRows, poolRowJson } from '@/lib/pools/view';
import { poolRigFor } from '@/lib/ranking/pool-rig';
import { rigFromState } from '@/lib/ranking/rig';
import { getCoin } from '@/lib/server/queries';
import { parseApiRequest } from '@/app/api/_lib/respond';

export const dynamic = 'force-dynamic';

/** GET /api/coins/{tag}/pools?<rig params>: each pool's figures for that rig; 400 naming a bad param, 404 for an unknown coin. */
export async function GET(request: Request, { params }: { params: Promise<{ tag: string }> }) {
  const parsed = await parseApiRequest(request);
  if ('response' in parsed) return parsed.response;
  const { tag } = await params;
  const { snapshot, servedAt, coin } = await getCoin(tag);
  if (!coin) return Response.json({ error: `No coin "${tag}" in the snapshot.`, param: 'tag' }, { status: 404 });
  const rig = poolRigFor(rigFromState(parsed.state), coin.algorithm);
  const pools = (snapshot.pools ?? []).filter((p) => p.tag === coin.tag);
  const rows = buildPoolRows(coin, pools, rig, servedAt);
  return Response.json({
    tag: coin.tag,
    algorithm: coin.algorithm,
    asOf: snapshot.asOf,
    hashrate: rig.hashrate,
    flatFeePercent: rig.flatFeePercent,
    pools: rows.map(poolRowJson),
  });
}
