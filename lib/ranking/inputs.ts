// What the browser needs to rank as the server does: the snapshot's coin figures (current and
// 24 h / 3 d / 7 d averages, flags), rates, hash-rental prices and pool figures (pool=best), and the spot feed a tariff may
// use. Sent once with the page; every rig edit is then ranked in the browser by buildView.
import type { SpotFeed } from '@/lib/electricity/tariff';
import type { CoinHealthData } from '@/lib/health/data';
import type { Snapshot } from '@/lib/model/types';

/** The snapshot fields the ranking reads (a Snapshot is one). */
// Everything but the per-source status (the banner's, server-rendered): fields added to the
// snapshot (rates, pools…) reach the browser's ranking without a change here.
export type RankingSnapshot = Omit<Snapshot, 'sources' | 'mode' | 'stale'>;

/**
 * Everything buildView needs besides the URL state. New inputs (pools…) are added here. The spot
 * feed is the one the URL's spot= names: choosing another zone asks the server (a non-shallow write).
 */
export type RankingInputs = {
  snapshot: RankingSnapshot;
  spot: SpotFeed | null;
  /** Coin-health figures by tag (none when that refresh is off). */
  healthData: ReadonlyMap<string, CoinHealthData>;
};

// One ranking snapshot, and one JSON text of it, per snapshot: every page view between two
// refreshes sends the same figures, so they are copied and encoded once, not per request.
const RANKING = new WeakMap<Snapshot, RankingSnapshot>();
const JSON_TEXT = new WeakMap<RankingSnapshot, string>();

export function rankingInputs(
  snapshot: Snapshot,
  spot: SpotFeed | null = null,
  healthData: ReadonlyMap<string, CoinHealthData> = new Map(),
): RankingInputs {
  let ranking = RANKING.get(snapshot);
  if (!ranking) {
    const copy: Partial<Snapshot> = { ...snapshot };
    delete copy.sources;
    delete copy.mode;
    delete copy.stale;
    ranking = copy as RankingSnapshot;
    RANKING.set(snapshot, ranking);
  }
  return { snapshot: ranking, spot, healthData };
}

/** The ranking snapshot as JSON text (what the page sends the browser), encoded once per snapshot. */
export function rankingSnapshotJson(snapshot: RankingSnapshot): string {
  let text = JSON_TEXT.get(snapshot);
  if (text === undefined) {
    text = JSON.stringify(snapshot);
    JSON_TEXT.set(snapshot, text);
  }
  return text;
}
