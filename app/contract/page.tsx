import type { Metadata } from 'next';
import Link from 'next/link';
import { DataBanner } from '@/components/data-banner';
import { ALGORITHMS, getAlgorithm } from '@/lib/mining/algorithms';
import { CONTRACT_ASSUMPTIONS, evaluateContract } from '@/lib/mining/contract';
import { parseContractParams, type ContractText } from '@/lib/url/contract-params';
import { getSnapshotView } from '@/lib/server/queries';
import { estimate } from '@/lib/mining/profit';
import type { ParamError } from '@/lib/url/search-params';
import { formatHashrate, formatSignificant, formatUsd, MISSING } from '@/lib/format/units';

export const metadata: Metadata = {
  title: 'Cloud-mining and hash-rental contract check',
  description: 'What a mining contract’s hashrate would earn at today’s difficulty, its break-even, and the difficulty growth that wipes it out.',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Field({
  name,
  label,
  hint,
  text,
  errors,
  placeholder,
}: {
  name: keyof ContractText;
  label: string;
  hint: string;
  text: ContractText;
  errors: ParamError[];
  placeholder?: string;
}) {
  const error = errors.find((e) => e.param === name)?.message;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        defaultValue={text[name]}
        placeholder={placeholder}
        inputMode="decimal"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${name}-msg`}
      />
      <span id={`${name}-msg`} className={error ? 'field-error' : 'field-hint'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </span>
    </div>
  );
}

const VERDICT = {
  'loses-at-current-difficulty': 'Loses money by construction: even if difficulty never rose, it would earn less than it costs.',
  'loses-with-growth': 'Loses money at the difficulty growth you entered.',
  profitable: 'Pays back at the difficulty growth you entered — if the coin’s price holds.',
} as const;

export default async function ContractPage({ searchParams }: Props) {
  const { params, text, errors } = parseContractParams(await searchParams);
  const { snapshot, servedAt } = await getSnapshotView();
  const algorithm = params.algorithm ? getAlgorithm(params.algorithm) : undefined;
  const candidates = snapshot.coins.filter((c) => c.algorithm === params.algorithm && c.priceUsd !== null);
  const hashrate = params.hashrate;
  // The coin asked for, or the one that earns most with this hashrate.
  const ranked = candidates
    .map((coin) => ({ coin, est: hashrate ? estimate(coin, { hashrate, powerWatts: 0, electricityUsdPerKwh: 0, poolFeePercent: 0 }) : null }))
    .filter((x) => x.est?.coinsPerDay != null)
    .sort((a, b) => (b.est?.revenueUsdPerDay ?? 0) - (a.est?.revenueUsdPerDay ?? 0));
  const chosen = params.coin ? ranked.find((x) => x.coin.tag === params.coin) : ranked[0];
  const ready = algorithm && hashrate && params.durationDays && (params.usdPerDay !== null || params.upfrontUsd !== null);
  const result =
    ready && chosen?.est?.coinsPerDay != null && chosen.coin.priceUsd !== null
      ? evaluateContract({
          hashrate,
          priceUsd: { perDay: params.usdPerDay ?? 0, upfront: params.upfrontUsd ?? 0 },
          durationDays: params.durationDays!,
          feePercent: params.feePercent,
          maintenanceUsdPerDay: params.maintenanceUsdPerDay,
          coinsPerDayNow: chosen.est.coinsPerDay,
          coinPriceUsd: chosen.coin.priceUsd,
          difficultyGrowthPercentPerMonth: params.growthPercentPerMonth,
        })
      : null;
  const losing = result?.verdict === 'loses-at-current-difficulty' || result?.verdict === 'loses-with-growth';

  return (
    <>
      <p className="small">
        <Link href="/">← Back to the ranking</Link>
      </p>
      <h1>Is this mining contract worth it?</h1>
      <p className="lede">
        Enter a cloud-mining or hash-rental offer. It is checked against today’s network figures: what its hashrate would
        earn, what it costs, and how much difficulty growth would wipe it out.
      </p>
      <DataBanner snapshot={snapshot} now={servedAt} />
      <form method="get" action="/contract" className="panel" data-testid="contract-form">
        <div className="contract-form">
          <div className="field">
            <label htmlFor="c.algo">Algorithm</label>
            <select id="c.algo" name="c.algo" defaultValue={text['c.algo']}>
              <option value="">Choose…</option>
              {ALGORITHMS.filter((a) => snapshot.coins.some((c) => c.algorithm === a.slug)).map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
            <span className="field-error" role={errors.some((e) => e.param === 'c.algo') ? 'alert' : undefined}>
              {errors.find((e) => e.param === 'c.algo')?.message}
            </span>
          </div>
          <Field name="c.hr" label="Contract hashrate" hint={algorithm ? algorithm.unit : 'e.g. 100M = 100 MH/s'} text={text} errors={errors} placeholder="e.g. 100M" />
          <Field name="c.day" label="Price per day (USD)" hint="for the whole hashrate" text={text} errors={errors} />
          <Field name="c.up" label="Upfront price (USD)" hint="optional" text={text} errors={errors} />
          <Field name="c.days" label="Duration (days)" hint="1 to 3650" text={text} errors={errors} placeholder="e.g. 365" />
          <Field name="c.fee" label="Fee (% of revenue)" hint="pool or service fee" text={text} errors={errors} placeholder="0" />
          <Field name="c.mnt" label="Maintenance (USD per day)" hint="optional" text={text} errors={errors} placeholder="0" />
          <Field name="growth" label="Difficulty growth (% per month)" hint="compounding; negative if it falls" text={text} errors={errors} placeholder="0" />
          <Field name="c.coin" label="Coin (ticker)" hint="empty: the best-paying coin" text={text} errors={errors} />
        </div>
        <p>
          <button type="submit" className="button button-primary">
            Evaluate
          </button>
        </p>
      </form>

      {ready && !result && (
        <p className="errors" role="alert">
          No priced coin for {algorithm?.name} {params.coin ? `named ${params.coin}` : ''} in the current data: nothing to
          value this hashrate with.
        </p>
      )}
      {result && chosen && (
        <section className="panel" aria-labelledby="verdict-title" data-testid="contract-result">
          <h2 id="verdict-title">Verdict</h2>
          <p className={`verdict ${losing ? 'verdict-bad' : 'verdict-good'}`} data-testid="contract-verdict">
            {result.verdict ? VERDICT[result.verdict] : MISSING}
          </p>
          <dl className="kv">
            <dt>Valued as</dt>
            <dd>
              {formatHashrate(hashrate, algorithm?.unit ?? 'H/s')} mining {chosen.coin.name} ({chosen.coin.tag}) at{' '}
              {formatUsd(chosen.coin.priceUsd)}
            </dd>
            <dt>Earns today</dt>
            <dd>{formatUsd(result.revenueUsdPerDayNow)} per day after the fee</dd>
            <dt>Expected revenue over the term</dt>
            <dd data-testid="contract-revenue">{formatUsd(result.expectedRevenueUsd)}</dd>
            <dt>Total cost</dt>
            <dd>{formatUsd(result.totalCostUsd)}</dd>
            <dt>Net</dt>
            <dd className={result.netUsd !== null && result.netUsd < 0 ? 'neg' : 'pos'} data-testid="contract-net">
              {formatUsd(result.netUsd)}
            </dd>
            <dt>Net if difficulty never rose</dt>
            <dd>{formatUsd(result.netAtZeroGrowthUsd)}</dd>
            <dt>Break-even</dt>
            <dd>{result.breakEvenDay === null ? 'never within the term' : `day ${result.breakEvenDay}`}</dd>
            <dt>Difficulty growth that wipes it out</dt>
            <dd>
              {result.breakEvenGrowthPercentPerMonth === null
                ? MISSING
                : `${formatSignificant(result.breakEvenGrowthPercentPerMonth, 3)} % a month`}
            </dd>
          </dl>
          <p className="muted small">{CONTRACT_ASSUMPTIONS}</p>
        </section>
      )}
    </>
  );
}
