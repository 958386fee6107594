import { formatUtc } from '@/components/data-banner';
import { formatAge, formatCompact, formatHashrate, formatSignificant, MISSING } from '@/lib/format/units';
import type { CoinView } from '@/lib/ranking/coin-view';

/** The coin's network figures, each with the source it came from where sources differ. */
export function NetworkPanel({ view, now }: { view: CoinView; now: number }) {
  const { coin, unit, figureSourceNames, networkAsOf } = view;
  const from = (figure: keyof CoinView['figureSourceNames']) => {
    const name = figureSourceNames[figure];
    return name ? <span className="muted small figure-source"> from {name}</span> : null;
  };
  return (
    <section className="panel" aria-labelledby="network-title">
      <h2 id="network-title">Network</h2>
      <dl className="kv">
        <dt>Network hashrate</dt>
        <dd data-testid="coin-nethash">
          {formatHashrate(coin.networkHashrate, unit)}
          {from('networkHashrate')}
        </dd>
        <dt>Difficulty</dt>
        <dd data-testid="coin-difficulty">
          {formatSignificant(coin.difficulty, 8)}
          {from('difficulty')}
        </dd>
        {coin.height !== null && (
          <>
            <dt>Height</dt>
            <dd data-testid="coin-height">{formatSignificant(coin.height, 12)}</dd>
          </>
        )}
        <dt>Work per block (k)</dt>
        <dd>
          {coin.workFactor === null ? 'not used: estimates use the share of the network' : `difficulty × ${formatCompact(coin.workFactor)}`}
        </dd>
        {coin.impliedNetworkHashrate !== null && (
          <>
            <dt>Hashrate implied by difficulty</dt>
            <dd>{formatHashrate(coin.impliedNetworkHashrate, unit)}</dd>
          </>
        )}
        <dt>Block time</dt>
        <dd>{coin.blockTimeSeconds === null ? MISSING : `${formatSignificant(coin.blockTimeSeconds, 4)} s`}</dd>
        <dt>Block reward</dt>
        <dd data-testid="coin-reward">
          {coin.blockReward === null ? MISSING : `${formatSignificant(coin.blockReward, 6)} ${coin.tag}`}
          {from('blockReward')}
        </dd>
        <dt>Daily emission</dt>
        <dd>{coin.emissionPerDay === null ? MISSING : `${formatSignificant(coin.emissionPerDay, 6)} ${coin.tag} / day`}</dd>
        <dt>Source</dt>
        <dd>
          {view.networkSourceName}, as of {formatUtc(networkAsOf)}
          {networkAsOf && <span className="muted"> ({formatAge((now - Date.parse(networkAsOf)) / 1000)} ago)</span>}
        </dd>
      </dl>
    </section>
  );
}
