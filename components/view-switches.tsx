'use client';

import { BASES, BASIS_LABEL, DEFAULT_BASIS, type Basis } from '@/lib/mining/basis';
import { CURRENCY_LABEL } from '@/lib/ranking/currency';
import { CURRENCIES, PERIODS, type CurrencySlug, type PeriodSlug } from '@/lib/url/search-params';
import { useSetDashboardParams } from './url-state';

/** Period and currency of every money figure; a currency without a rate is shown disabled. */
export function ViewSwitches({
  period,
  currency,
  basis,
  unavailable,
}: {
  period: PeriodSlug;
  currency: CurrencySlug;
  basis: Basis;
  unavailable: Partial<Record<CurrencySlug, string>>;
}) {
  const setParams = useSetDashboardParams();
  return (
    <div className="toolbar" aria-label="Period and currency">
      <div className="chips" role="group" aria-label="Period">
        <span className="muted small">per</span>
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            className="chip"
            aria-pressed={period === p}
            aria-current={period === p ? 'true' : undefined}
            onClick={() => void setParams({ per: p === 'day' ? null : p })}
          >
            {p}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label="Currency">
        {CURRENCIES.map((c) => (
          <button
            key={c}
            type="button"
            className="chip"
            aria-pressed={currency === c}
            aria-current={currency === c ? 'true' : undefined}
            disabled={unavailable[c] !== undefined}
            title={unavailable[c]}
            onClick={() => void setParams({ cur: c === 'usd' ? null : c })}
          >
            {CURRENCY_LABEL[c]}
          </button>
        ))}
      </div>
      <div className="chips" role="group" aria-label="Estimate basis">
        <span className="muted small">basis</span>
        {BASES.map((b) => (
          <button
            key={b}
            type="button"
            className="chip"
            aria-pressed={basis === b}
            aria-current={basis === b ? 'true' : undefined}
            title={BASIS_LABEL[b]}
            onClick={() => void setParams({ basis: b === DEFAULT_BASIS ? null : b })}
          >
            {b === 'current' ? 'now' : b}
          </button>
        ))}
      </div>
    </div>
  );
}
