// The coin page's Pools section: each pool's own figures and, for the user's rig, what it would
// pay there; then the warnings, each worded here from its code and figures with its formula.
import { formatUtc } from '@/components/data-banner';
import { formatAge, formatDays, formatHashrate, formatPercent, formatSignificant, formatUsd, MISSING } from '@/lib/format/units';
import type { HashrateUnit } from '@/lib/mining/algorithms';
import type { PoolWarning } from '@/lib/pools/math';
import type { PoolRow } from '@/lib/pools/view';

const KIND_NAMES = { miningcore: 'MiningCore', nomp: 'NOMP', 'cryptonote-pool': 'cryptonote-pool', yiimp: 'YIIMP' } as const;

/** "pool.example/mc-a · clore1": the site without its scheme, and the pool id where the site runs several. */
export function poolName(row: Pick<PoolRow, 'pool'>): string {
  const { url, poolId } = row.pool;
  const site = url.replace(/^https?:\/\//, '');
  return poolId ? `${site} · ${poolId}` : site;
}

function warningText(warning: PoolWarning, row: PoolRow, tag: string, unit: HashrateUnit): { text: string; formula: string } {
  switch (warning.code) {
    case 'pool-majority':
      return {
        text:
          warning.level === 'danger'
            ? `holds ${formatPercent(warning.networkShare)} of the network: above 50 %, this one pool can rewrite the chain (51 % attack, double spends).`
            : `holds ${formatPercent(warning.networkShare)} of the network: above 40 %, one pool close to a 51 % majority.`,
        formula: `pool hashrate ÷ network hashrate = ${formatHashrate(row.pool.poolHashrate, unit)} ÷ network; warned above 40 %, red above 50 %`,
      };
    case 'pool-overdue':
      return {
        text: `has found no block for ${formatAge(warning.sinceSeconds)}, more than 3 × its expected ${formatAge(warning.expectedSeconds)} between blocks: it may have stopped finding (or paying).`,
        formula: 'expected time between its blocks = difficulty × k ÷ pool hashrate; warned past 3 × that',
      };
    case 'payout-unreachable':
      return {
        text:
          warning.daysToMinimumPayout === null
            ? `minimum payout of ${formatSignificant(row.pool.minimumPayout, 6)} ${tag} cannot be reached at your rig’s hashrate.`
            : `minimum payout of ${formatSignificant(row.pool.minimumPayout, 6)} ${tag} takes ${formatDays(warning.daysToMinimumPayout)} at your rig’s ${formatSignificant(row.figures.coinsPerDay, 4)} ${tag}/day: beyond 30 days (some pools purge inactive balances).`,
        formula: 'days to minimum payout = minimum payout ÷ your coins per day after the pool’s fee; warned above 30 days',
      };
    case 'high-orphan-rate':
      return {
        text: `orphaned ${formatPercent(warning.orphanRate)} of its last ${warning.settledBlocks} settled blocks: above 5 %, blocks that pay nobody.`,
        formula: 'orphan rate = orphaned ÷ (confirmed + orphaned) among its recent blocks; warned above 5 % over at least 5 blocks',
      };
  }
}

type Props = {
  rows: readonly PoolRow[];
  tag: string;
  unit: HashrateUnit;
  /** The rig's hashrate on this coin's algorithm (0: none). */
  hashrate: number;
  flatFeePercent: number;
  now: number;
  /** Pools the registry lists for this coin (some may not have answered yet). */
  listed: number;
  /** The ranking's fee choice (`pool=`), and the links that switch it. */
  choice: 'flat' | 'best';
  choiceHrefs: { flat: string; best: string };
};

export function CoinPools({ rows, tag, unit, hashrate, flatFeePercent, now, listed, choice, choiceHrefs }: Props) {
  const best = rows.find((r) => r.best);
  const warnings = rows.flatMap((row) => row.figures.warnings.map((warning) => ({ row, warning })));
  return (
    <section className="panel" aria-labelledby="pools-title" data-testid="coin-pools">
      <h2 id="pools-title">Pools</h2>
      {rows.length === 0 ? (
        <p className="muted">
          {listed > 0 ? `No answer yet from the ${listed} pool${listed === 1 ? '' : 's'} listed for ${tag}.` : `No pools are listed for ${tag}.`}
        </p>
      ) : (
        <>
          <p className="small muted">
            {hashrate > 0
              ? `For your rig’s ${formatHashrate(hashrate, unit)}: coins per day after each pool’s own fee (your flat ${formatSignificant(flatFeePercent, 3)} % where a pool publishes none).`
              : 'Your rig has no hashrate on this algorithm: pool figures only.'}{' '}
            {choice === 'best' ? (
              <span data-testid="pool-choice">
                The ranking uses each coin’s best pool’s fee (pool=best). <a href={choiceHrefs.flat}>Use my flat fee instead</a> (the default).
              </span>
            ) : (
              <span data-testid="pool-choice">
                The ranking uses your flat fee ({formatSignificant(flatFeePercent, 3)} %, fee=), the default.{' '}
                <a href={choiceHrefs.best}>Rank with each coin’s best pool</a> instead.
              </span>
            )}
          </p>
          <div className="table-wrap">
            <table data-testid="pool-table">
              <thead>
                <tr>
                  <th scope="col">Pool</th>
                  <th scope="col">Fee</th>
                  <th scope="col">Payout</th>
                  <th scope="col">Minimum payout</th>
                  <th scope="col">Pool hashrate</th>
                  <th scope="col">Share of network</th>
                  <th scope="col">Miners</th>
                  <th scope="col">Blocks 24 h</th>
                  <th scope="col">Last block</th>
                  <th scope="col">Effort</th>
                  <th scope="col">Orphans</th>
                  <th scope="col">{tag} / day</th>
                  <th scope="col">USD / day</th>
                  <th scope="col">To minimum</th>
                  <th scope="col">Payout in 7 days</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const { pool, figures } = row;
                  const lastMs = pool.lastBlockAt ? Date.parse(pool.lastBlockAt) : Number.NaN;
                  const danger = figures.warnings.some((w) => w.code === 'pool-majority' && w.level === 'danger');
                  return (
                    <tr key={`${pool.sourceId}|${pool.poolId ?? ''}`} data-testid="pool-row" data-pool={poolName(row)} className={danger ? 'row-danger' : undefined}>
                      <th scope="row">
                        <a href={pool.url} rel="noopener noreferrer nofollow">{poolName(row)}</a>
                        <span className="muted small"> {KIND_NAMES[pool.kind]}</span>
                        {row.best && <span className="badge" data-testid="best-pool">best for your rig</span>}
                        {pool.stale && (
                          <span className="badge badge-bad" title={`last good answer ${formatUtc(pool.fetchedAt)}`}>
                            stale
                          </span>
                        )}
                      </th>
                      <td data-col="fee">
                        {formatSignificant(figures.feePercentUsed, 3)} %{figures.feeFrom === 'flat' && <span className="muted small"> (yours)</span>}
                      </td>
                      <td>{pool.payoutScheme ?? MISSING}</td>
                      <td data-col="minimum">{pool.minimumPayout === null ? MISSING : `${formatSignificant(pool.minimumPayout, 6)} ${tag}`}</td>
                      <td>{formatHashrate(pool.poolHashrate, unit)}</td>
                      <td data-col="share">{formatPercent(figures.networkShare)}</td>
                      <td>{pool.miners === null ? MISSING : formatSignificant(pool.miners, 6)}</td>
                      <td data-col="blocks24h">{pool.blocks24h === null ? MISSING : `${pool.blocks24hAtLeast ? '≥ ' : ''}${pool.blocks24h}`}</td>
                      <td data-col="last-block">{Number.isFinite(lastMs) ? `${formatAge((now - lastMs) / 1000)} ago` : MISSING}</td>
                      <td>{pool.effortPercent === null ? MISSING : `${formatSignificant(pool.effortPercent, 3)} %`}</td>
                      <td>{formatPercent(pool.orphanRate)}</td>
                      <td data-col="coins">{formatSignificant(figures.coinsPerDay, 4)}</td>
                      <td>{formatUsd(figures.revenueUsdPerDay)}</td>
                      <td data-col="days-to-minimum">{formatDays(figures.daysToMinimumPayout)}</td>
                      <td data-col="odds">{formatPercent(figures.payoutWithinWeek)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="small" data-testid="best-pool-note">
            {best
              ? `Best pool for your rig: ${poolName(best)}, the most ${tag} per day after its fee and its orphaned blocks, among pools that are not overdue and whose minimum payout is within 30 days.`
              : 'No pool qualifies as best for your rig (each is overdue, out of reach of its minimum payout, or lacks the figures).'}
          </p>
          <p className="small muted">
            Payout in 7 days: per-share schemes pay once the minimum is reached; otherwise the pool’s blocks pay you
            reward × (1 − fee) × your hashrate ÷ (pool + your hashrate) each, and the odds are P(Poisson(7 days ÷ time per
            block) ≥ blocks needed for the minimum). Fees are what the pool publishes (MiningCore: all its reward recipients).
          </p>
        </>
      )}
      {warnings.length > 0 && (
        <ul className="flags" data-testid="pool-warnings">
          {warnings.map(({ row, warning }) => {
            const { text, formula } = warningText(warning, row, tag, unit);
            const red = warning.code === 'pool-majority' && warning.level === 'danger';
            return (
              <li key={`${poolName(row)}|${warning.code}`} data-testid="pool-warning" data-code={warning.code} data-pool={poolName(row)}>
                <span className={red ? 'badge badge-bad' : 'badge'}>{red ? '51 % risk' : 'warning'}</span> <strong>{poolName(row)}</strong> {text}{' '}
                <span className="muted small">({formula})</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
