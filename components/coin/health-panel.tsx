// Coin health on the coin page: each part 0–100 with its formula, "no data" where a part has
// none, the figures behind it, the chain protections next to the 51 % figures (cited), and this
// coin's profit discounted by the URL's risk weights.
import { formatUtc } from '@/components/data-banner';
import { PART_LABEL } from '@/components/risk-weights';
import { CONCENTRATION_WARN, HEALTH_PARTS, MAX_SPREAD_PERCENT, PART_FORMULAS, type HealthPart } from '@/lib/health/parts';
import type { ProtectionKind } from '@/lib/health/parts';
import { protectionsOf } from '@/lib/health/protections';
import { RISK_ADJUSTED_FORMULA, SCORE_FORMULA } from '@/lib/health/score';
import { formatCompact, formatDays, formatPercent, formatUsd, MISSING } from '@/lib/format/units';
import type { CoinView } from '@/lib/ranking/coin-view';

const PROTECTION_LABEL: Record<ProtectionKind, string> = {
  checkpoints: 'Checkpoints',
  dpow: 'dPoW notarisation',
  chainlocks: 'ChainLocks',
  'merge-mining': 'Merge-mined with a larger chain',
};

const score = (value: number | null) => (value === null ? 'no data' : `${Math.round(value)} / 100`);

function Detail({ part, view }: { part: HealthPart; view: CoinView }) {
  const { health, risk } = view;
  const data = health.data;
  switch (part) {
    case 'security':
      return (
        <>
          {!risk.securityKnown
            ? 'No hash-rental prices in this data (NiceHash source off).'
            : risk.security.status === 'no-rental-market'
              ? 'NiceHash rents no hashrate for this algorithm.'
              : `Rent the whole network for an hour: ${risk.security.usdPerHour === null ? MISSING : formatUsd(risk.security.usdPerHour)}; rentable now: ${formatPercent(risk.security.rentableShare)} of the network.`}{' '}
          <span data-testid="protections">
            {protectionsOf(view.coin.tag).length === 0 ? (
              'No chain protection we could cite (none known is not the same as none).'
            ) : (
              <>
                Protections:{' '}
                {protectionsOf(view.coin.tag).map((p, i) => (
                  <span key={p.kind}>
                    {i > 0 && ', '}
                    <a href={p.url} rel="noreferrer" title={p.fact}>
                      {PROTECTION_LABEL[p.kind]}
                    </a>
                  </span>
                ))}
                .
              </>
            )}
          </span>{' '}
          {health.largestPoolShare === null
            ? 'Pool concentration: no pool figures for this coin.'
            : `Largest known pool: ${formatPercent(health.largestPoolShare)} of the network (from the registry’s pools; unlisted pools are not counted).`}
        </>
      );
    case 'liquidity':
      return <>Your output is {risk.liquidity === null ? MISSING : formatPercent(risk.liquidity)} of a day’s trading.</>;
    case 'markets': {
      const m = health.markets;
      if (!m) return <>No ticker data (CoinGecko has no entry, or the coin-health refresh is off).</>;
      const excluded = data?.markets?.excluded;
      return (
        <>
          {m.usableMarkets} market{m.usableMarkets === 1 ? '' : 's'} a miner can sell on (not stale, not anomalous, spread
          under {MAX_SPREAD_PERCENT} %), {formatUsd(m.usableVolumeUsd)} USD in 24 h
          {excluded ? `; left out: ${excluded.stale} stale, ${excluded.anomalous} anomalous, ${excluded.spread} too wide a spread` : ''}.
          {health.concentrated && (
            <strong data-testid="concentration-warning">
              {' '}
              One exchange ({m.topExchange}) holds {formatPercent(m.topExchangeShare)} of that volume (warning from{' '}
              {formatPercent(CONCENTRATION_WARN)}).
            </strong>
          )}
        </>
      );
    }
    case 'development': {
      const d = data?.development;
      if (!d) return <>No development data.</>;
      return (
        <>
          Commits in 4 weeks: {d.commitCount4Weeks ?? MISSING}; last commit:{' '}
          {health.lastCommitDaysAgo === null ? MISSING : `${formatDays(health.lastCommitDaysAgo)} before ${formatUtc(data?.githubFetchedAt ?? null)}`}
          ; last release: {d.lastReleaseAt ? formatUtc(d.lastReleaseAt) : MISSING}
          {d.archived ? ' (repository archived)' : ''}.
        </>
      );
    }
    case 'community': {
      const c = data?.community;
      if (!c) return <>No community data.</>;
      return (
        <>
          X {c.xFollowers === null ? MISSING : formatCompact(c.xFollowers)}, Reddit{' '}
          {c.redditSubscribers === null ? MISSING : formatCompact(c.redditSubscribers)}, Telegram{' '}
          {c.telegramMembers === null ? MISSING : formatCompact(c.telegramMembers)} (from {c.source === 'coingecko' ? 'CoinGecko' : 'CoinPaprika'}).
        </>
      );
    }
    case 'dataHealth':
      return (
        <>
          {HEALTH_PARTS.filter((p) => p !== 'dataHealth' && health.parts[p] !== null).length} of 6 parts have data. Missing
          data is a risk of its own: it lowers this part, never another.
        </>
      );
    case 'networkShare':
      return <>Once your rig joins: {formatPercent(risk.network.joinedShare)} of the network.</>;
  }
}

export function HealthPanel({ view }: { view: CoinView }) {
  const { health, weights } = view;
  const data = health.data;
  const profit = view.row.estimate?.profitUsdPerDay ?? null;
  return (
    <section className="panel" aria-labelledby="health-title" data-testid="coin-health">
      <h2 id="health-title">Coin health</h2>
      <p>
        Health score <strong data-testid="health-score">{Math.round(health.score)} / 100</strong>{' '}
        <span className="muted small">({SCORE_FORMULA})</span>
      </p>
      <table className="kv-table">
        <thead>
          <tr>
            <th scope="col">Part</th>
            <th scope="col">Score</th>
            <th scope="col">Your weight</th>
            <th scope="col">What it rests on, and its formula</th>
          </tr>
        </thead>
        <tbody>
          {HEALTH_PARTS.map((part) => (
            <tr key={part} data-part={part}>
              <th scope="row">{PART_LABEL[part]}</th>
              <td data-testid={`health-${part}`}>{score(health.parts[part])}</td>
              <td>{weights[part]}</td>
              <td>
                <Detail part={part} view={view} />
                <br />
                <code className="muted small">{PART_FORMULAS[part]}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="risk-adjusted">
        Risk-adjusted profit with your weights:{' '}
        <strong>{health.riskAdjustedUsdPerDay === null ? MISSING : `${formatUsd(health.riskAdjustedUsdPerDay)} USD/day`}</strong>
        {profit !== null && ` (profit ${formatUsd(profit)} USD/day)`}. <code className="muted small">{RISK_ADJUSTED_FORMULA}</code>
      </p>
      <p className="muted small">
        {data?.fetchedAt ? `Community and markets as of ${formatUtc(data.fetchedAt)}` : 'Community and markets: never fetched'}
        {data?.githubFetchedAt ? `; GitHub as of ${formatUtc(data.githubFetchedAt)}` : ''}
        {data?.error ? `; the last try failed (${data.error}), the figures shown are the last good ones` : ''}.
      </p>
    </section>
  );
}
