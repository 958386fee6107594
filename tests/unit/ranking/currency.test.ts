import { describe, expect, it } from 'vitest';
import { currencyAvailable, fromUsd, moneyPer } from '@/lib/ranking/currency';

const rates = { btcUsd: 84_449, eurPerUsd: 0.9 };

describe('currency', () => {
  it('converts USD with the snapshot’s own rates', () => {
    expect(fromUsd(10, 'usd', rates)).toBe(10);
    expect(fromUsd(10, 'eur', rates)).toBeCloseTo(9, 12); // 10 USD × 0.9 EUR/USD
    expect(fromUsd(84_449, 'btc', rates)).toBeCloseTo(1, 12); // 84,449 USD ÷ 84,449 USD/BTC
  });

  it('scales per period: a week is 7 days, a month 30, an hour 1/24', () => {
    expect(moneyPer(2.4, { currency: 'usd', period: 'hour' }, rates)).toBeCloseTo(0.1, 12);
    expect(moneyPer(2, { currency: 'usd', period: 'week' }, rates)).toBe(14);
    expect(moneyPer(2, { currency: 'eur', period: 'month' }, rates)).toBeCloseTo(54, 12); // 2 × 30 × 0.9
  });

  it('has no EUR without a rate, rather than a made-up one', () => {
    const embedded = { btcUsd: 68_154.35, eurPerUsd: null };
    expect(currencyAvailable('eur', embedded)).toBe(false);
    expect(fromUsd(10, 'eur', embedded)).toBeNull();
    expect(currencyAvailable('btc', embedded)).toBe(true);
    expect(fromUsd(null, 'usd', rates)).toBeNull();
  });
});
