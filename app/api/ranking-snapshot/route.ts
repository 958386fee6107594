import { rankingInputs } from '@/lib/ranking/inputs';
import { publishRankingSnapshot } from '@/lib/server/ranking-snapshot';
import { getSnapshot } from '@/lib/server/queries';
import { keptSnapshot } from '@/lib/snapshot/kept';

export const dynamic = 'force-dynamic';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * GET /api/ranking-snapshot?v=<key>: the figures a dashboard page was rendered with (the key is in
 * its HTML), which its browser ranks with from then on. The current figures' key, or one this process
 * still keeps, is answered with exactly those figures, cacheable for a year (a key names one
 * content); any other key (a page older than the last few refreshes) gets the current figures, not
 * cached, with their own key in `x-snapshot-key`. Not rate-limited: it is a page's own asset, encoded once per snapshot.
 */
export async function GET(request: Request) {
  const wanted = new URL(request.url).searchParams.get('v') ?? '';
  // The current figures first: another instance sharing the snapshot (Redis) has the same key for them.
  const current = keptSnapshot(publishRankingSnapshot(rankingInputs(await getSnapshot()).snapshot))!;
  const exact = current.key === wanted ? current : keptSnapshot(wanted);
  const answer = exact ?? current;
  return new Response(answer.text, {
    headers: {
      'content-type': JSON_TYPE,
      'cache-control': exact ? 'public, max-age=31536000, immutable' : 'no-store',
      'x-snapshot-key': answer.key,
    },
  });
}
