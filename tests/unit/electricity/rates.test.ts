// The rates spot feeds convert at: CoinGecko's own BTC/EUR and BTC/GBP against its BTC/USD.
import { describe, expect, it } from 'vitest';
import { normalizeCoinGecko } from '@/lib/sources/coingecko';
import { mergeSources } from '@/lib/snapshot/merge';
import { electricityContext } from '@/lib/ranking/view';
import { emptyPayload } from '@/lib/sources/contract';

const FETCHED = '2024-03-14T12:00:00.000Z';

function snapshotWith(prices: { usd: number; eur?: number; gbp?: number }) {
  const { data } = normalizeCoinGecko({ bitcoin: prices });
  return mergeSources(
    [
      {
        status: { id: 'coingecko', name: 'c', url: 'http://127.0.0.1/', ok: true, fetchedAt: FETCHED, error: null, stale: false, coins: 0 },
        payload: { ...emptyPayload(), quotes: data.quotes, btcUsd: data.btcUsd, btcEur: data.btcEur, ...(data.btcGbp ? { btcGbp: data.btcGbp } : {}) },
      },
    ],
    'live',
  );
}

describe('spot conversion rates', () => {
  it('USD per EUR = BTC/USD ÷ BTC/EUR and USD per GBP = BTC/USD ÷ BTC/GBP', () => {
    // 66,000 ÷ 60,000 = 1.1 USD per EUR; 66,000 ÷ 52,800 = 1.25 USD per GBP.
    const snapshot = snapshotWith({ usd: 66_000, eur: 60_000, gbp: 52_800 });
    expect(snapshot.gbpPerUsd).toBeCloseTo(0.8, 12);
    const { rates } = electricityContext(snapshot);
    expect(rates?.EUR).toBeCloseTo(1.1, 12);
    expect(rates?.GBP).toBeCloseTo(1.25, 12);
  });

  it('without a GBP price there is no GBP rate (never a constant)', () => {
    const { rates } = electricityContext(snapshotWith({ usd: 66_000, eur: 60_000 }));
    expect(rates?.GBP).toBeNull();
    expect(normalizeCoinGecko({ bitcoin: { usd: 66_000, gbp: 0 } }).data.btcGbp).toBeUndefined();
  });
});
