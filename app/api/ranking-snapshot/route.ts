import { rankingInputs } from '@/lib/ranking/inputs';
import { publishRankingSnapshot } from '@/lib/server/ranking-snapshot';
import { getSnapshot } from '@/lib/server/queries';
import { keptSnapshot } from '@/lib/snapshot/kept';

export const dynamic = 'force-dynamic';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * GET /api/ranking-snapshot?v=<key>: the figures a dashboard page was rendered with (the key is in
 * its HTML), which its browser ranks with from then on. A key this process still keeps is answered
 * with those exact figures, cacheable for a year (a key names one content); any other key (an old
 * page, another instance) gets the current figures, not cached, with their own key in
 * `x-snapshot-key`. Not rate-limited: it is a page's own asset, encoded once per snapshot.
 */
export async function GET(request: Request) {
  const wanted = new URL(request.url).searchParams.get('v') ?? '';
  const exact = keptSnapshot(wanted);
  if (exact) {
    return new Response(exact.text, {
      headers: { 'content-type': JSON_TYPE, 'cache-control': 'public, max-age=31536000, immutable', 'x-snapshot-key': exact.key },
    });
  }
  const key = publishRankingSnapshot(rankingInputs(await getSnapshot()).snapshot);
  const current = keptSnapshot(key)!;
  return new Response(current.text, {
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', 'x-snapshot-key': current.key },
  });
}
