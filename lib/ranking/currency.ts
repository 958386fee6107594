// Money in the currency and period the viewer chose. Rates come from the snapshot (the price
// source's own BTC/USD and EUR/USD), never from a constant; a currency without a rate is
// unavailable rather than guessed.
import { perPeriod } from '@/lib/mining/profit';
import type { CurrencySlug, PeriodSlug } from '@/lib/url/search-params';

export type Rates = { btcUsd: number | null; eurPerUsd: number | null };

export const CURRENCY_LABEL: Readonly<Record<CurrencySlug, string>> = { usd: 'USD', eur: 'EUR', btc: 'BTC' };

export function currencyAvailable(currency: CurrencySlug, rates: Rates): boolean {
  if (currency === 'eur') return rates.eurPerUsd !== null && rates.eurPerUsd > 0;
  if (currency === 'btc') return rates.btcUsd !== null && rates.btcUsd > 0;
  return true;
}

/** USD → the chosen currency; null when the value or the rate is missing. */
export function fromUsd(usd: number | null, currency: CurrencySlug, rates: Rates): number | null {
  if (usd === null || !Number.isFinite(usd)) return null;
  if (currency === 'usd') return usd;
  if (currency === 'eur') return rates.eurPerUsd && rates.eurPerUsd > 0 ? usd * rates.eurPerUsd : null;
  return rates.btcUsd && rates.btcUsd > 0 ? usd / rates.btcUsd : null;
}

/** A USD-per-day figure in the chosen currency and period. */
export function moneyPer(
  usdPerDay: number | null,
  view: { currency: CurrencySlug; period: PeriodSlug },
  rates: Rates,
): number | null {
  return usdPerDay === null ? null : fromUsd(perPeriod(usdPerDay, view.period), view.currency, rates);
}
