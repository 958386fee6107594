import Link from 'next/link';
import { ADVICE_TEXT } from '@/components/coin-risks';
import { RewardSplit } from '@/components/reward-split';
import { formatDays, formatHashrate, formatPercent, formatSignificant, formatUsd, MISSING } from '@/lib/format/units';
import { PERIOD_DAYS } from '@/lib/mining/profit';
import type { CoinView } from '@/lib/ranking/coin-view';

/** The rig's estimate on this coin, per period, with the formula used and the solo odds (from the row's risk, computed once). */
export function EstimatePanel({ view, rankingHref }: { view: CoinView; rankingHref: string }) {
  const { coin, row, rig, risk } = view;
  const est = row.estimate;
  return (
    <section className="panel" aria-labelledby="estimate-title">
      <h2 id="estimate-title">
        Your rig on {coin.tag}{' '}
        <span className="muted small">{view.exampleRig ? '(example rig: set yours on the ranking page)' : ''}</span>
      </h2>
      {!est || row.hashrate === null ? (
        <>
          <p>
            Your rig has no {view.algorithmName} hashrate. <Link href={rankingHref}>Add one on the ranking page</Link> to see an
            estimate.
          </p>
          <RewardSplit coin={coin} blockReward={view.blockReward} />
        </>
      ) : (
        <>
          <p className="muted small">
            {formatHashrate(row.hashrate, view.unit)} at {row.powerWatts ?? 0} W, electricity {formatUsd(rig.electricityUsdPerKwh)}/kWh,
            pool fee {rig.poolFeePercent} %. Basis: {view.basisFormula ?? 'not enough figures for an estimate'}
            {view.rewardDerivation ? <span data-testid="reward-derivation">, {view.rewardDerivation}</span> : null}.
          </p>
          <RewardSplit coin={coin} blockReward={view.blockReward} />
          <table className="period-table" data-testid="coin-estimate">
            <thead>
              <tr>
                <th className="left">Per</th>
                <th>Coins</th>
                <th>Revenue (USD)</th>
                <th>Power cost (USD)</th>
                <th>Profit (USD)</th>
              </tr>
            </thead>
            <tbody>
              {view.periods.map((p) => (
                <tr key={p.period}>
                  <td className="left">
                    {p.period}
                    {p.period === 'month' ? ` (${PERIOD_DAYS.month} days)` : ''}
                  </td>
                  <td>{p.coins === null ? MISSING : formatSignificant(p.coins, 5)}</td>
                  <td>{formatUsd(p.revenueUsd)}</td>
                  <td>{formatUsd(p.powerCostUsd)}</td>
                  <td>{formatUsd(p.profitUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="kv" style={{ marginTop: '1rem' }}>
            <dt>Your share of the network</dt>
            <dd>
              {formatPercent(est.networkShare)} (H / N); once you join: {formatPercent(est.networkShareJoined)} (H / (N + H))
            </dd>
            <dt>Coins per day once you join</dt>
            <dd>{formatSignificant(est.coinsPerDayJoined, 5)}</dd>
            <dt>Expected solo time to a block</dt>
            <dd data-testid="solo-time">{formatDays(risk.variance.soloDays)}</dd>
            <dt>Chance of ≥ 1 solo block</dt>
            <dd>
              {risk.variance.soloDays === null
                ? MISSING
                : `day ${formatPercent(risk.variance.pDay)} · week ${formatPercent(risk.variance.pWeek)} · month ${formatPercent(risk.variance.pMonth)}`}
              {risk.variance.advice && risk.variance.advice !== 'solo-ok' && <span className="muted"> — {ADVICE_TEXT[risk.variance.advice]}</span>}
            </dd>
          </dl>
        </>
      )}
    </section>
  );
}
