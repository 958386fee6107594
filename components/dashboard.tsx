import { DataBanner } from '@/components/data-banner';
import { LiveRanking } from '@/components/live-ranking';
import { SnapshotProvider } from '@/components/snapshot-swr';
import { DashboardUrlState } from '@/components/url-state';
import { SCORE_FORMULA, SCORE_NAME } from '@/lib/mining/score';
import type { RankingInputs } from '@/lib/ranking/inputs';
import type { Snapshot } from '@/lib/model/types';

/**
 * The ranked dashboard. The page reads the snapshot; the ranking itself (form, table, charts)
 * is one client island that the server renders for the URL and the browser re-ranks on each edit.
 */
export function Dashboard({
  snapshot,
  servedAt: now,
  inputs,
  snapshotKey,
  search,
}: {
  snapshot: Snapshot;
  servedAt: number;
  inputs: RankingInputs;
  /** The key the page kept `inputs.snapshot` under (lib/server/ranking-snapshot.ts): the island's server render reads the figures by it. */
  snapshotKey: string;
  /** The request's query ("?dev=…"), which the island's server render and hydration read. */
  search: string;
}) {
  return (
    <>
      <h1>Which small coin should your rig mine?</h1>
      <p className="lede">
        Coins ranked by expected profit for the rig below, after power cost and pool fee. Click a column to sort, a coin
        for its details; the address bar always holds a link to exactly this view.
      </p>
      <DataBanner snapshot={snapshot} now={now} />
      <SnapshotProvider snapshotKey={snapshotKey}>
        <DashboardUrlState search={search}>
          <LiveRanking spot={inputs.spot} healthData={inputs.healthData} />
        </DashboardUrlState>
      </SnapshotProvider>
      <p className="muted small" data-testid="score-formula">
        <strong>{SCORE_NAME}</strong> = {SCORE_FORMULA}: what each kWh your rig burns earns after paying for it. Revenue
        uses each coin’s current price; power cost = W × 24 / 1000 × USD/kWh. “—” means the source gives no figure; a
        coin is never shown with a made-up number. Badges flag lagging data, a difficulty that disagrees with the network
        hashrate, missing markets, and a rig that would be more than 5 % of a network.
      </p>
    </>
  );
}
