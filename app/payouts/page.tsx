import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { formatUtc } from '@/components/data-banner';
import { formatHashrate, formatPercent, formatSignificant, formatUsd, MISSING } from '@/lib/format/units';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { DEFAULT_DAYS, PAYOUT_SOFTWARE, payoutQuery, type PayoutParamError } from '@/lib/payouts/params';
import type { DayStatus, FiguresBasis } from '@/lib/payouts/reconcile';
import { getPayouts, parsePayoutRequest, type PayoutOutcome } from '@/lib/server/payouts';
import { getSnapshot, takeAllowance } from '@/lib/server/queries';

export const metadata: Metadata = {
  title: 'Did it pay? Your pool account against the estimate',
  description: 'What a pool credited your wallet, day by day, against what the estimate gives for the hashrate the pool measured, with the range block luck explains, and a ledger of payments.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SOFTWARE_LABEL: Record<(typeof PAYOUT_SOFTWARE)[number], string> = {
  miningcore: 'MiningCore',
  nomp: 'NOMP / s-nomp',
  'cryptonote-pool': 'cryptonote-nodejs-pool',
  yiimp: 'YIIMP',
};

const FIGURES_LABEL: Record<FiguresBasis, string> = {
  history: 'minerank history',
  pool: "the pool's own record",
};

const STATUS_LABEL: Record<Exclude<DayStatus, 'ok'>, string> = {
  'no-network-figures': 'no network figures recorded: not estimated',
  'no-hashrate': 'the pool measured no hashrate',
  'no-credit': 'the pool gives no credits for this day',
};

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function Field({ name, label, hint, value, errors, placeholder }: { name: string; label: string; hint: string; value: string; errors: PayoutParamError[]; placeholder?: string }) {
  const error = errors.find((e) => e.param === name)?.message;
  return (
    <div className="field">
      <label htmlFor={`p-${name}`}>{label}</label>
      <input
        id={`p-${name}`}
        name={name}
        defaultValue={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={`p-${name}-msg`}
        autoComplete="off"
      />
      <span id={`p-${name}-msg`} className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined} data-testid={error ? `error-${name}` : undefined}>
        {error ?? hint}
      </span>
    </div>
  );
}

const coins = (x: number | null | undefined, tag: string) => (x === null || x === undefined || !Number.isFinite(x) ? MISSING : `${formatSignificant(x, 6)} ${tag}`);
const ratioText = (x: number | null | undefined) => formatPercent(x);

function Verdict({ outcome }: { outcome: Extract<PayoutOutcome, { status: 'ok' }> }) {
  const { report } = outcome;
  const band = report.luckBand;
  const wide = band !== null && band.high - band.low > 0.2;
  return (
    <section className="panel" aria-labelledby="payout-verdict-title" data-testid="payout-summary">
      <h2 id="payout-verdict-title">Over {report.days.length} days</h2>
      <dl className="kv">
        <dt>Credited ÷ estimated</dt>
        <dd data-testid="payout-ratio">{ratioText(report.realisedOverEstimated)}</dd>
        <dt>Credited</dt>
        <dd>{coins(report.creditedCoins, report.coin)} on the days estimated</dd>
        <dt>Estimated</dt>
        <dd>
          {coins(report.estimatedCoins, report.coin)} for the hashrate the pool measured, after its {formatSignificant(report.feePercent, 3)} % fee
          {report.feeBasis === 'param' ? ' (the fee you entered)' : report.feeBasis === 'none' ? ' (the pool states no fee and none was entered: 0 % assumed)' : ' (as the pool states it)'}
        </dd>
        <dt>Range block luck explains (95 %)</dt>
        <dd data-testid="payout-band">
          {band ? `${ratioText(band.low)} to ${ratioText(band.high)}` : MISSING}
          {band && report.expectedBlocks !== null
            ? ` — from ${formatSignificant(report.expectedBlocks, 4)} blocks expected ${report.luckBasis === 'pool' ? 'from the pool' : 'from your hashrate alone (the pool’s hashrate is unknown, so the range is wide)'}`
            : ''}
        </dd>
      </dl>
      {report.verdict === 'below' && (
        <p className="verdict verdict-bad" role="alert" data-testid="payout-flag">
          Paid less than block luck explains: {ratioText(report.realisedOverEstimated)} of the estimate, below {ratioText(band?.low)}.
        </p>
      )}
      {report.verdict === 'above' && (
        <p className="verdict verdict-good" data-testid="payout-flag">
          Paid more than the estimate, beyond what luck alone explains (above {ratioText(band?.high)}).
        </p>
      )}
      {report.verdict === 'within' && (
        <p className="verdict verdict-good" data-testid="payout-flag">
          Within what block luck explains.
        </p>
      )}
      {wide && (
        <p className="muted small" data-testid="payout-small-sample">
          With so few blocks behind it, luck alone moves the result by more than ±10 %: this period cannot settle a 10 % gap.
        </p>
      )}
      {report.creditSource === 'none' && (
        <p className="muted small">This pool software publishes only totals, not credits per day: there is nothing to compare day by day.</p>
      )}
      {report.rewardShare === 'whole-unverified' && (
        <p className="muted small">No verified split of this coin’s block: the estimate counts the whole block reward for miners.</p>
      )}
      <p className="muted small">
        Formula: estimate per day = H ÷ N × 86400 ÷ T × R × (1 − fee), with H the hashrate the pool measured that day and N, R that
        day’s recorded network hashrate and miner’s reward (T the block time). Luck range: the pool’s blocks are Poisson with mean λ;
        the 2.5 % and 97.5 % points of Poisson(λ) divided by λ.
      </p>
    </section>
  );
}

export default async function PayoutsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const text = {
    pool: first(raw.pool),
    software: first(raw.software) || 'miningcore',
    poolId: first(raw.poolId),
    coin: first(raw.coin),
    address: first(raw.address),
    days: first(raw.days),
    fee: first(raw.fee),
  };
  const asked = text.pool !== '' || text.address !== '' || text.coin !== '';
  const search = new URLSearchParams(Object.entries(text).filter(([, v]) => v !== '') as [string, string][]);
  const { state, errors } = asked ? await parsePayoutRequest(search) : { state: null, errors: [] as PayoutParamError[] };
  // Each lookup asks a pool the visitor named: it takes from the same per-client allowance as the
  // API and the add-coin check.
  const limited = state ? await takeAllowance(new Request('http://localhost/payouts', { headers: await headers() })) : null;
  const outcome = state && limited === null ? await getPayouts(state) : null;
  const snapshot = await getSnapshot();
  const coin = state ? snapshot.coins.find((c) => c.tag.toUpperCase() === state.coin) : undefined;
  const unit = getAlgorithm(coin?.algorithm ?? '')?.unit ?? 'H/s';

  return (
    <>
      <p className="small">
        <Link href="/">← Back to the ranking</Link>
      </p>
      <h1>Did it pay?</h1>
      <p className="lede">
        Your account at a pool against the estimate: per day, the hashrate the pool measured, what the estimate gives for it with that
        day’s recorded network figures and the pool’s fee, and what the pool credited. Nothing you enter is stored: the address and
        pool live in this page’s URL only.
      </p>
      <form method="get" action="/payouts" className="panel" data-testid="payouts-form">
        <div className="contract-form">
          <Field name="pool" label="Pool site" hint="its web address, e.g. https://pool.example" value={text.pool} errors={errors} placeholder="https://" />
          <div className="field">
            <label htmlFor="p-software">Pool software</label>
            <select id="p-software" name="software" defaultValue={text.software}>
              {PAYOUT_SOFTWARE.map((s) => (
                <option key={s} value={s}>
                  {SOFTWARE_LABEL[s]}
                </option>
              ))}
            </select>
            <span className={errors.some((e) => e.param === 'software') ? 'field-error' : 'field-hint'}>
              {errors.find((e) => e.param === 'software')?.message ?? 'what the pool runs'}
            </span>
          </div>
          <Field name="poolId" label="Pool id (MiningCore)" hint="as the site's /api/pools lists it" value={text.poolId} errors={errors} />
          <Field name="coin" label="Coin" hint="its ticker, e.g. DOGE" value={text.coin} errors={errors} />
          <Field name="address" label="Wallet address" hint="checked for the coin before the pool is asked" value={text.address} errors={errors} />
          <Field name="days" label="Days" hint={`1 to 30 complete days (default ${DEFAULT_DAYS})`} value={text.days} errors={errors} />
          <Field name="fee" label="Pool fee (%)" hint="only if the pool's API states none" value={text.fee} errors={errors} />
        </div>
        <p>
          <button type="submit" className="button button-primary">
            Check
          </button>
        </p>
      </form>

      {limited !== null && (
        <p className="errors" role="alert" data-testid="payout-limited">
          Too many lookups from your address: try again in {limited} s.
        </p>
      )}

      {outcome?.status === 'failed' && (
        <p className="errors" role="alert" data-testid="payout-failure">
          {outcome.code === 'no-such-miner'
            ? 'No such miner at this pool: it has no account for this address.'
            : outcome.code === 'refused'
              ? 'That pool site is not a public address: it was not asked.'
              : 'The pool did not answer, and nothing was read from it before.'}
        </p>
      )}

      {outcome?.status === 'ok' && state && (
        <>
          {outcome.stale && (
            <p className="banner" role="status" data-testid="payout-stale">
              The pool did not answer now: this is what it showed when last read, {formatUtc(new Date(outcome.fetchedAt).toISOString())}.
            </p>
          )}
          <Verdict outcome={outcome} />
          <section className="panel" aria-labelledby="payout-days-title">
            <h2 id="payout-days-title">Day by day</h2>
            <div className="table-wrap">
              <table className="period-table" data-testid="payout-days">
                <thead>
                  <tr>
                    <th scope="col">Day (UTC)</th>
                    <th scope="col">Hashrate the pool measured</th>
                    <th scope="col">Estimated ({state.coin})</th>
                    <th scope="col">Credited ({state.coin})</th>
                    <th scope="col">Credited ÷ estimated</th>
                    <th scope="col">Network figures from</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.report.days.map((d) => (
                    <tr key={d.date} data-status={d.status}>
                      <th scope="row">{d.date}</th>
                      <td>{formatHashrate(d.hashrate, unit)}</td>
                      <td>{d.estimatedCoins === null ? MISSING : formatSignificant(d.estimatedCoins, 6)}</td>
                      <td>{d.creditedCoins === null ? MISSING : formatSignificant(d.creditedCoins, 6)}</td>
                      <td>{ratioText(d.ratio)}</td>
                      <td>{d.basis ? FIGURES_LABEL[d.basis] : STATUS_LABEL['no-network-figures']}{d.basis && d.status !== 'ok' ? ` — ${STATUS_LABEL[d.status]}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">
              Pending at the pool: {coins(outcome.report.pendingCoins, state.coin)}; paid in all: {coins(outcome.report.totalPaidCoins, state.coin)}. Read{' '}
              {formatUtc(new Date(outcome.fetchedAt).toISOString())}.
            </p>
          </section>
          <section className="panel" aria-labelledby="payout-ledger-title">
            <h2 id="payout-ledger-title">Payments received</h2>
            {outcome.report.payments.length === 0 ? (
              <p className="muted">No payments in these days{outcome.report.creditSource === 'none' ? ' that this pool software lists' : ''}.</p>
            ) : (
              <div className="table-wrap">
                <table data-testid="payout-payments">
                  <thead>
                    <tr>
                      <th scope="col">Time (UTC)</th>
                      <th scope="col">Amount ({state.coin})</th>
                      <th scope="col">Value at receipt (USD)</th>
                      <th scope="col">Transaction</th>
                    </tr>
                  </thead>
                  <tbody>
                    {outcome.report.payments.map((p) => (
                      <tr key={`${p.time}-${p.txId ?? p.amount}`}>
                        <td>{formatUtc(new Date(p.time).toISOString())}</td>
                        <td>{formatSignificant(p.amount, 8)}</td>
                        <td>{p.valueUsd === null ? 'no recorded price' : formatUsd(p.valueUsd)}</td>
                        <td>{p.txUrl ? <a href={p.txUrl} rel="noopener noreferrer nofollow">{p.txId ? `${p.txId.slice(0, 12)}…` : 'link'}</a> : (p.txId ?? MISSING)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <p className="small">
              <a href={`/api/payouts/ledger.csv?${payoutQuery(state)}`} data-testid="payout-ledger-link" download>
                Download the ledger (CSV)
              </a>{' '}
              <span className="muted">— one row per payment: Date, Action MINING, Symbol, Volume, Value (USD at receipt from recorded prices), Currency, Transaction; the generic layout tax tools import.</span>
            </p>
          </section>
        </>
      )}
    </>
  );
}
