// The coin page's history: the one slow read of the page, streamed in its own Suspense boundary.
import { CoinHistory } from '@/components/coin-history';
import { RANGE_MS } from '@/lib/mining/time';
import type { Coin } from '@/lib/model/types';
import type { CoinView } from '@/lib/ranking/coin-view';
import { getHistory } from '@/lib/server/queries';
import type { DashboardState } from '@/lib/url/search-params';

export async function HistorySection({ coin, view, state, now }: { coin: Coin; view: CoinView; state: DashboardState; now: number }) {
  const rangeMs = RANGE_MS[state.range];
  const history = await getHistory(coin, { from: rangeMs === null ? 0 : now - rangeMs, to: now });
  const { row, rig } = view;
  return (
    <CoinHistory
      coin={coin}
      points={history.points}
      available={history.available}
      range={state.range}
      rig={
        row.hashrate === null
          ? null
          : {
              hashrate: row.hashrate,
              powerWatts: row.powerWatts ?? 0,
              electricityUsdPerKwh: rig.electricityUsdPerKwh,
              poolFeePercent: rig.poolFeePercent,
            }
      }
    />
  );
}
