import { formatUtc } from '@/components/data-banner';
import { describeFlag } from '@/lib/format/flags';
import { upcomingRewardChanges } from '@/lib/mining/halvings';
import {
  INFLATION_FORMULA,
  LIQUIDITY_FORMULA,
  LIQUIDITY_WARN,
  NETWORK_SHARE_FORMULA,
  NETWORK_SHARE_WARN,
  RENTAL_ATTACK_FORMULA,
  VARIANCE_FORMULA,
} from '@/lib/risk/risk';
import type { RowRisk } from '@/lib/ranking/row-risk';
import type { Coin, Snapshot } from '@/lib/model/types';
import { formatCompact, formatDays, formatPercent, formatSignificant, formatUsd, MISSING } from '@/lib/format/units';

const MARKET_TEXT: Record<RowRisk['market'], string> = {
  'no-market': 'No market: no price, or nothing traded in 24 h. What you mine may not sell at any price.',
  'no-volume-data': 'The source gives no 24 h volume: how easily it sells is unknown.',
  thin: 'A thin market (under $10,000 traded in 24 h): selling moves the price against you.',
  ok: 'An active market.',
};

export const ADVICE_TEXT = {
  'solo-ok': 'Solo mining is reasonable: a week without a block is a 1-in-100 event.',
  'pool-advised': 'A pool is advised: solo, weeks without a block are likely.',
  'pool-only': 'Pool mining is the only sane choice: solo, a month without a block is more likely than not.',
} as const;

function Risk({ title, formula, warn, children }: { title: string; formula: string; warn?: boolean; children: React.ReactNode }) {
  return (
    <div className={`risk ${warn ? 'risk-warn' : ''}`} data-risk={title}>
      <h3 className="subhead">
        {warn && <span className="badge badge-bad">warning</span>} {title}
      </h3>
      {children}
      <p className="muted small formula">
        Formula: <code>{formula}</code>
      </p>
    </div>
  );
}

/** Every risk behind this coin's estimate, each with its figure, its formula and its threshold. */
export function CoinRisks({
  coin,
  risk,
  snapshot,
  coinsPerDay,
  coinsPerDayJoined,
}: {
  coin: Coin;
  risk: RowRisk;
  snapshot: Snapshot;
  coinsPerDay: number | null;
  coinsPerDayJoined: number | null;
}) {
  const source = snapshot.sources.find((s) => s.id === coin.source);
  const nextChange = upcomingRewardChanges(coin.tag, snapshot.asOf, 4 * 365)[0];
  return (
    <section className="panel" aria-labelledby="risks-title" data-testid="coin-risks">
      <h2 id="risks-title">Risks behind the estimate</h2>
      <div className="cols">
        <Risk title="Liquidity" formula={LIQUIDITY_FORMULA} warn={risk.market === 'no-market' || risk.market === 'thin' || risk.illiquid}>
          <p>{MARKET_TEXT[risk.market]}</p>
          <p data-testid="liquidity">
            Your output is {risk.liquidity === null ? MISSING : formatPercent(risk.liquidity)} of a day’s trading
            {risk.illiquid ? ` — above ${formatPercent(LIQUIDITY_WARN)}: you could not sell it without moving the price.` : '.'}
          </p>
        </Risk>
        <Risk title="Network share" formula={NETWORK_SHARE_FORMULA} warn={risk.network.warn}>
          <p>
            Your rig is {formatPercent(risk.network.share)} of the network; once it joins, {formatPercent(risk.network.joinedShare)}.
            {risk.network.warn
              ? ` Above ${formatPercent(NETWORK_SHARE_WARN)}: difficulty will rise because of you, to about ${formatSignificant(coinsPerDayJoined, 4)} coins/day instead of ${formatSignificant(coinsPerDay, 4)}.`
              : ''}
          </p>
        </Risk>
        <Risk title="Variance" formula={VARIANCE_FORMULA} warn={risk.variance.advice === 'pool-only'}>
          <p>
            Expected solo time to a block: {formatDays(risk.variance.soloDays)}. Chance of at least one block: day{' '}
            {formatPercent(risk.variance.pDay)}, week {formatPercent(risk.variance.pWeek)}, month {formatPercent(risk.variance.pMonth)}.
          </p>
          {risk.variance.advice && <p>{ADVICE_TEXT[risk.variance.advice]}</p>}
        </Risk>
        <Risk title="Security" formula={RENTAL_ATTACK_FORMULA} warn={risk.security.rentableShare !== null && risk.security.rentableShare >= 0.5}>
          {!risk.securityKnown ? (
            <p className="muted">No hash-rental prices in this data (add nicehash to SOURCES).</p>
          ) : risk.security.status === 'ok' ? (
            <p data-testid="attack-cost">
              Renting this network’s whole hashrate on NiceHash for an hour costs about {formatUsd(risk.security.usdPerHour)}.
              {risk.security.rentableShare !== null &&
                ` The hashrate for rent there is ${formatPercent(risk.security.rentableShare)} of the network.`}
            </p>
          ) : (
            <p data-testid="attack-cost">
              {risk.security.status === 'no-rental-market'
                ? 'No rental market: NiceHash does not sell this algorithm’s hashrate (not a cost of $0).'
                : risk.security.status === 'no-price'
                  ? 'No BTC price to value the rental.'
                  : 'No network hashrate to size the rental.'}
            </p>
          )}
        </Risk>
        <Risk title="Tokenomics" formula={INFLATION_FORMULA}>
          <p>
            Circulating supply {formatCompact(coin.circulatingSupply)}, maximum {coin.maxSupply === null ? 'none known' : formatCompact(coin.maxSupply)}.
            Issued a year at today’s rate: {formatCompact(risk.inflation.yearlyEmission)} {coin.tag}
            {risk.inflation.inflationRate !== null ? ` — ${formatPercent(risk.inflation.inflationRate)} inflation a year.` : '.'}
          </p>
          <p>
            {nextChange
              ? `Next known reward change: ${nextChange.date.slice(0, 10)}${nextChange.estimated ? ' (estimated)' : ''}, reward × ${formatSignificant(nextChange.factor, 3)}.`
              : 'No reward change known for this coin.'}
          </p>
        </Risk>
        <Risk title="Data health" formula="upstream lag flags; difficulty × k ÷ T against the reported network hashrate; two prices 25 % apart; failed refreshes">
          {coin.flags.length === 0 ? (
            <p>No data-health warning.</p>
          ) : (
            <ul className="flags">
              {coin.flags.map((flag) => (
                <li key={flag.code}>{describeFlag(flag)}</li>
              ))}
            </ul>
          )}
          <p className="muted small">
            Network figures last good: {formatUtc(coin.updatedAt ?? source?.fetchedAt ?? null)}
            {source?.error ? `; the last refresh failed (${source.error})` : ''}.
            {coin.difficultyCv24h !== null && ` Difficulty varied ${formatPercent(coin.difficultyCv24h)} (CV) over 24 h.`}
          </p>
        </Risk>
      </div>
    </section>
  );
}
