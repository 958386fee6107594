// Everything a view of the ranking needs, computed once from the snapshot and the URL state,
// so the page, /compare, the CSV export, the API and the link preview agree to the cent.
import { currencyAvailable, type Rates } from './currency';
import { sumRig } from '@/lib/hardware/catalog';
import { rankCoins, type RankedRow } from './ranking';
import { rigFromState, usesDefaultRig, type ElectricityContext, type Rig } from './rig';
import type { SpotFeed } from '@/lib/electricity/tariff';
import { rowRisk, sellable, type RowRisk } from './row-risk';
import { CURRENCIES, type CurrencySlug, type DashboardState, type ParamError } from '@/lib/url/search-params';
import type { Snapshot } from '@/lib/model/types';

export type ViewRow = RankedRow & { risk: RowRisk };

export type DashboardView = {
  state: DashboardState;
  rig: Rig;
  isDefaultRig: boolean;
  rows: ViewRow[];
  rates: Rates;
  /** Why a currency cannot be chosen with this data, by currency. */
  unavailable: Partial<Record<CurrencySlug, string>>;
  /** Problems with the view itself (a currency without a rate), shown like param errors. */
  notes: ParamError[];
};

export function ratesOf(snapshot: Snapshot): Rates {
  return { btcUsd: snapshot.btcUsd, eurPerUsd: snapshot.eurPerUsd };
}

/**
 * The day a tariff prices is the data's own (snapshot.asOf in the tariff's zone), never the clock's;
 * EUR feeds convert at the snapshot's BTC/USD ÷ BTC/EUR (1 ÷ eurPerUsd).
 */
export function electricityContext(snapshot: Snapshot, spot: SpotFeed | null = null): ElectricityContext {
  const eurPerUsd = snapshot.eurPerUsd;
  return {
    asOfMs: Date.parse(snapshot.asOf),
    spot,
    rates: { EUR: eurPerUsd !== null && eurPerUsd > 0 ? 1 / eurPerUsd : null, GBP: null },
  };
}

export function buildView(snapshot: Snapshot, requested: DashboardState, spot: SpotFeed | null = null): DashboardView {
  const rates = ratesOf(snapshot);
  const unavailable: DashboardView['unavailable'] = {};
  for (const currency of CURRENCIES) {
    if (!currencyAvailable(currency, rates)) {
      unavailable[currency] =
        currency === 'eur'
          ? 'EUR needs a live price source (CoinGecko): this data has no EUR rate.'
          : 'No BTC price in this data.';
    }
  }
  const notes: ParamError[] = [];
  let state = requested;
  if (unavailable[requested.currency]) {
    notes.push({ param: 'cur', message: `${unavailable[requested.currency]} Showing USD.` });
    state = { ...requested, currency: 'usd' };
  }
  const rig = rigFromState(state, electricityContext(snapshot, spot));
  const rows = rankCoins(snapshot.coins, rig, state)
    .map((row) => ({ ...row, risk: rowRisk(row, snapshot.rentals, snapshot.btcUsd) }))
    .filter((row) => !state.sellableOnly || sellable(row.risk));
  return {
    state,
    rig,
    isDefaultRig: usesDefaultRig(state),
    rows,
    rates,
    unavailable,
    notes,
  };
}

/** Per-algorithm sums of the rig's devices, for the form's "from your devices" figures. */
export function deviceSums(rig: Rig): Record<string, { hashrate: number; watts: number | null }> {
  const sums = sumRig(rig.devices);
  return Object.fromEntries(
    Object.entries(sums.hashrates).map(([slug, hashrate]) => [slug, { hashrate, watts: sums.powerWatts[slug] ?? null }]),
  );
}
