// Money in the viewer's currency for display: USD reuses formatUsd, EUR follows the same
// precision rules, BTC is a plain significant-figure count. Never prints NaN or Infinity.
import { currencyFormat, formatSignificant, formatUsd, MISSING } from './units';

export type MoneyCurrency = 'USD' | 'EUR' | 'BTC';

const MINUS = '−';

/** EUR with formatUsd's precision: €12,346; €1,234.56; €0.01235; −€0.42. */
function formatEur(value: number): string {
  const abs = Math.abs(value);
  const text = currencyFormat('EUR', abs).format(abs);
  return value < 0 ? `${MINUS}${text}` : text;
}

/** 0.00012345 → "0.0001235 BTC"; the sign is the same "−" formatUsd uses. */
function formatBtc(value: number): string {
  const text = `${formatSignificant(Math.abs(value), 4)} BTC`;
  return value < 0 ? `${MINUS}${text}` : text;
}

/**
 * A money figure in USD, EUR or BTC (codes in any case, so CURRENCY_LABEL values and URL slugs both
 * work); an em dash when the value is missing or not finite. Another code falls back to four
 * significant figures and the code itself.
 */
export function formatMoney(value: number | null | undefined, currency: MoneyCurrency | (string & {})): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  switch (currency.toUpperCase()) {
    case 'USD':
      return formatUsd(value);
    case 'EUR':
      return formatEur(value);
    case 'BTC':
      return formatBtc(value);
    default:
      return `${value < 0 ? MINUS : ''}${formatSignificant(Math.abs(value), 4)} ${currency}`;
  }
}
