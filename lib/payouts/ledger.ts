// The ledger of payments received: each payment valued at the time it arrived from recorded
// prices, and a CSV in the generic layout tax tools import (one row per receipt: Date, Action
// MINING, Symbol, Volume, Value, Currency), quoted per RFC 4180. Pure: no I/O, no clock.

/** A recorded price at a time (epoch ms, USD per coin); EUR per USD where recorded. */
export type PricePoint = { at: number; priceUsd: number | null; eurPerUsd?: number | null };

export type Payment = {
  /** Epoch ms when the pool sent it. */
  time: number;
  /** Whole coins. */
  amount: number;
  /** Explorer link for the transaction, when the pool gives one. */
  txUrl: string | null;
  txId: string | null;
};

export type ValuedPayment = Payment & { valueUsd: number | null; valueEur: number | null; priceAt: number | null };

/** A price further than this from the payment is not "the price when it was received". */
export const PRICE_MATCH_WINDOW_MS = 6 * 60 * 60 * 1000;

/** The recorded price point nearest to `time` within the window, or null. */
export function priceAt(prices: readonly PricePoint[], time: number): PricePoint | null {
  let best: PricePoint | null = null;
  for (const point of prices) {
    if (typeof point.priceUsd !== 'number' || !Number.isFinite(point.priceUsd) || point.priceUsd <= 0) continue;
    const gap = Math.abs(point.at - time);
    if (gap > PRICE_MATCH_WINDOW_MS) continue;
    if (best === null || gap < Math.abs(best.at - time)) best = point;
  }
  return best;
}

/** value = amount × price at receipt (USD); EUR = USD × EUR per USD at that point when recorded. */
export function valuePayments(payments: readonly Payment[], prices: readonly PricePoint[]): ValuedPayment[] {
  return payments
    .filter((p) => Number.isFinite(p.time) && Number.isFinite(p.amount))
    .map((p) => {
      const point = priceAt(prices, p.time);
      const valueUsd = point?.priceUsd ? p.amount * point.priceUsd : null;
      const rate = point?.eurPerUsd;
      const valueEur = valueUsd !== null && typeof rate === 'number' && Number.isFinite(rate) && rate > 0 ? valueUsd * rate : null;
      return { ...p, valueUsd, valueEur, priceAt: point?.at ?? null };
    })
    .sort((a, b) => a.time - b.time);
}

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const LEDGER_HEADER = ['Date', 'Action', 'Symbol', 'Volume', 'Value', 'Currency', 'Transaction'] as const;

/** "2026-11-25 06:00:00" (UTC): the date form tax-tool generic imports read. */
export function ledgerDate(time: number): string {
  return new Date(time).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The ledger as CSV: header, then one MINING row per payment, oldest first, CRLF line ends.
 * Value and Currency are the USD value at receipt (EUR when `currency` is 'EUR' and recorded);
 * both blank when no price was recorded near the time, never 0.
 */
export function ledgerCsv(symbol: string, payments: readonly ValuedPayment[], currency: 'USD' | 'EUR' = 'USD'): string {
  const lines = [LEDGER_HEADER.map(csvField).join(',')];
  for (const p of payments) {
    const value = currency === 'EUR' ? p.valueEur : p.valueUsd;
    const rounded = value === null ? null : Math.round(value * 100) / 100;
    const fields = [
      ledgerDate(p.time),
      'MINING',
      symbol,
      p.amount,
      rounded,
      rounded === null ? null : currency,
      p.txId ?? p.txUrl,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
