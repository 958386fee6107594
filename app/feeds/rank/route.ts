// GET /feeds/rank?<the ranking's params>[&watch=<TAG>:<USD per day>] → Atom. An entry whenever the
// top coin for that rig changed in the last 7 days of recorded history, and whenever the watched
// coin's profit crossed its threshold. Computed from history on each request: nothing is stored
// per reader. Priced at the flat electricity price (kwh=) of each recorded hour.
import { Feed } from 'feed';
import { thresholdCrossings, topCoinChanges, type CoinSeries } from '@/lib/alerts/feed';
import { DAY_MS } from '@/lib/mining/time';
import { profitSeries } from '@/lib/ranking/series';
import { buildView } from '@/lib/ranking/view';
import { getHistory, getSiteUrl, getSnapshotView } from '@/lib/server/queries';
import { parseDashboardParams, serializeDashboardState } from '@/lib/url/search-params';
import { paramErrorResponse, rateLimited } from '@/app/api/_lib/respond';

const CANDIDATES = 10;
const WATCH_RE = /^([A-Za-z0-9]{2,10}):(-?\d{1,7}(?:\.\d{1,6})?)$/;

export async function GET(request: Request): Promise<Response> {
  const limited = await rateLimited(request);
  if (limited) return limited;
  const params = new URL(request.url).searchParams;
  const watchText = params.get('watch');
  params.delete('watch');
  const watch = watchText === null ? null : WATCH_RE.exec(watchText);
  if (watchText !== null && !watch) {
    return paramErrorResponse([{ param: 'watch', message: 'watch must be <TICKER>:<USD per day>, e.g. RVN:0' }]);
  }
  const { state, errors } = parseDashboardParams(params);
  if (errors.length > 0) return paramErrorResponse(errors);

  const { snapshot, servedAt: now } = await getSnapshotView();
  const view = buildView(snapshot, state);
  const rows = view.rows.filter((r) => !r.combo && r.estimate !== null && r.hashrate !== null);
  const watchTag = watch?.[1]!.toUpperCase() ?? null;
  const candidates = [...rows.slice(0, CANDIDATES), ...rows.filter((r) => r.coin.tag.toUpperCase() === watchTag)];
  const seen = new Set<string>();
  const series: CoinSeries[] = [];
  for (const row of candidates) {
    const key = `${row.coin.tag}|${row.coin.algorithm}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const history = await getHistory(row.coin, { from: now - 7 * DAY_MS, to: now });
    const rig = {
      hashrate: row.hashrate ?? 0,
      powerWatts: row.powerWatts ?? 0,
      electricityUsdPerKwh: view.rig.electricityUsdPerKwh,
      poolFeePercent: view.rig.poolFeePercent,
    };
    series.push({ tag: row.coin.tag, points: profitSeries(row.coin, history.points, rig).map((p) => ({ at: p.at, profit: p.value })) });
  }

  const site = getSiteUrl();
  const query = serializeDashboardState(state);
  const self = `${site}/feeds/rank${query}${watchText ? `${query ? '&' : '?'}watch=${encodeURIComponent(watchText)}` : ''}`;
  const feed = new Feed({
    id: self,
    title: 'minerank: the best coin for your rig',
    description: `Changes of the most profitable coin for this rig${watch ? `, and ${watchTag} crossing $${watch[2]}/day` : ''}, from recorded history (7 days).`,
    link: `${site}/${query}`,
    feedLinks: { atom: self },
    updated: new Date(snapshot.asOf),
    copyright: 'Figures from the sources named on each page',
  });
  const money = (x: number | null) => (x === null ? 'unknown' : `$${x.toFixed(2)}/day`);
  for (const change of topCoinChanges(series)) {
    feed.addItem({
      id: `${self}#top-${change.at}`,
      title: `${change.top} replaces ${change.previous} as the best coin for your rig`,
      link: `${site}/coins/${encodeURIComponent(change.top)}${query}`,
      date: new Date(change.at),
      description: `${change.top} paid ${money(change.profit)}; ${change.previous} ${money(change.previousProfit)}.`,
    });
  }
  if (watch && watchTag) {
    const watched = series.find((s) => s.tag.toUpperCase() === watchTag);
    for (const crossing of watched ? thresholdCrossings(watched, Number(watch[2])) : []) {
      feed.addItem({
        id: `${self}#${crossing.direction}-${crossing.at}`,
        title: `${crossing.tag} profit went ${crossing.direction} ${money(crossing.threshold)}`,
        link: `${site}/coins/${encodeURIComponent(crossing.tag)}${query}`,
        date: new Date(crossing.at),
        description: `${crossing.tag} paid ${money(crossing.profit)} for your rig.`,
      });
    }
  }
  feed.items.sort((a, b) => b.date.getTime() - a.date.getTime());
  return new Response(feed.atom1(), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}
