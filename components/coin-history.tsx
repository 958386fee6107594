import { getAlgorithm } from '@/lib/mining/algorithms';
import type { HistoryPoint } from '@/lib/history/math';
import type { RigFigures } from '@/lib/mining/profit';
import type { HistoryRange } from '@/lib/mining/time';
import { profitSeries, withGaps } from '@/lib/ranking/series';
import type { Coin } from '@/lib/model/types';
import { LazyHistoryChart } from './charts/lazy';
import { RangeSwitch } from './range-switch';

/** Difficulty, network hashrate, price and the rig's profit as recorded; gaps stay gaps. */
export function CoinHistory({
  coin,
  points,
  available,
  range,
  rig,
}: {
  coin: Coin;
  points: HistoryPoint[];
  available: boolean;
  range: HistoryRange;
  rig: RigFigures | null;
}) {
  const unit = getAlgorithm(coin.algorithm)?.unit ?? 'H/s';
  const series = (key: 'difficulty' | 'networkHashrate' | 'priceUsd') =>
    withGaps(points.map((p) => ({ at: p.at, value: p[key] })));
  return (
    <section className="panel" aria-labelledby="history-title" data-testid="coin-history">
      <h2 id="history-title">History</h2>
      {!available ? (
        <p className="muted">
          History is recorded from live data: this offline snapshot has none. Set <code>SOURCES</code> and every refresh
          is kept (SQLite by default, PostgreSQL with <code>DATABASE_URL</code>).
        </p>
      ) : (
        <>
          <RangeSwitch range={range} />
          <p className="muted small">
            {points.length} recorded point{points.length === 1 ? '' : 's'} in this range; breaks in a line are times with
            no data.
          </p>
          <div className="cols history-grid">
            <figure className="chart-panel">
              <figcaption className="subhead">Difficulty</figcaption>
              <LazyHistoryChart points={series('difficulty')} label="Difficulty" format="si" testId="history-difficulty" />
            </figure>
            <figure className="chart-panel">
              <figcaption className="subhead">Network hashrate ({unit})</figcaption>
              <LazyHistoryChart points={series('networkHashrate')} label={unit} format="si" testId="history-nethash" />
            </figure>
            <figure className="chart-panel">
              <figcaption className="subhead">Price (USD)</figcaption>
              <LazyHistoryChart points={series('priceUsd')} label="USD" format="usd" testId="history-price" />
            </figure>
            {rig && (
              <figure className="chart-panel">
                <figcaption className="subhead">Your rig’s profit (USD / day)</figcaption>
                <LazyHistoryChart
                  points={withGaps(profitSeries(coin, points, rig))}
                  label="USD / day"
                  format="usd"
                  testId="history-profit"
                />
              </figure>
            )}
          </div>
        </>
      )}
    </section>
  );
}
