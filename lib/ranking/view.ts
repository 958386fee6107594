// Everything a view of the ranking needs, computed once from the snapshot and the URL state,
// so the page, /compare, the CSV export, the API and the link preview agree to the cent.
import { currencyAvailable, type Rates } from './currency';
import { sumRig } from '@/lib/hardware/catalog';
import { rankCoins, type RankedRow } from './ranking';
import { rigFromState, usesDefaultRig, type ElectricityContext, type Rig } from './rig';
import { withBestPools } from './pool-rig';
import type { SpotFeed } from '@/lib/electricity/tariff';
import { rowRisk, sellable, type RowRisk } from './row-risk';
import { largestPoolShares, rowHealth, type RowHealth } from './row-health';
import type { CoinHealthData } from '@/lib/health/data';
import { effectiveWeights, weightsActive, type RiskWeights } from '@/lib/health/score';
import { CURRENCIES, type CurrencySlug, type DashboardState, type ParamError } from '@/lib/url/search-params';
import type { RankingSnapshot } from './inputs';

export type ViewRow = RankedRow & { risk: RowRisk; health: RowHealth };

export type DashboardView = {
  state: DashboardState;
  rig: Rig;
  isDefaultRig: boolean;
  rows: ViewRow[];
  /** The risk weights in force (preset + rw.), and whether any is above 0 (then profit sorts risk-adjusted). */
  weights: RiskWeights;
  weightsActive: boolean;
  rates: Rates;
  /** Why a currency cannot be chosen with this data, by currency. */
  unavailable: Partial<Record<CurrencySlug, string>>;
  /** Problems with the view itself (a currency without a rate), shown like param errors. */
  notes: ParamError[];
};

export function ratesOf(snapshot: Pick<RankingSnapshot, 'btcUsd' | 'eurPerUsd'>): Rates {
  return { btcUsd: snapshot.btcUsd, eurPerUsd: snapshot.eurPerUsd };
}

/**
 * The day a tariff prices is the data's own (snapshot.asOf in the tariff's zone), never the clock's;
 * EUR feeds convert at the snapshot's BTC/USD ÷ BTC/EUR (1 ÷ eurPerUsd), GBP feeds at BTC/USD ÷ BTC/GBP.
 */
export function electricityContext(snapshot: Pick<RankingSnapshot, 'asOf' | 'eurPerUsd' | 'gbpPerUsd'>, spot: SpotFeed | null = null): ElectricityContext {
  const eurPerUsd = snapshot.eurPerUsd;
  return {
    asOfMs: Date.parse(snapshot.asOf),
    spot,
    rates: {
      EUR: eurPerUsd !== null && eurPerUsd > 0 ? 1 / eurPerUsd : null,
      GBP: snapshot.gbpPerUsd != null && snapshot.gbpPerUsd > 0 ? 1 / snapshot.gbpPerUsd : null,
    },
  };
}

const NO_HEALTH_DATA: ReadonlyMap<string, CoinHealthData> = new Map();

export function buildView(
  snapshot: RankingSnapshot,
  requested: DashboardState,
  spot: SpotFeed | null = null,
  healthData: ReadonlyMap<string, CoinHealthData> = NO_HEALTH_DATA,
): DashboardView {
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
  const rig = withBestPools(rigFromState(state, electricityContext(snapshot, spot)), snapshot, state);
  const weights = effectiveWeights(state.riskPreset, state.riskWeights);
  const active = weightsActive(weights);
  // Risk and health once per row: the risk-adjusted sort reads them, and so do the rows.
  const extras = new Map<RankedRow, { risk: RowRisk; health: RowHealth }>();
  const poolShares = largestPoolShares(snapshot);
  const extrasOf = (row: RankedRow) => {
    let found = extras.get(row);
    if (!found) {
      const risk = rowRisk(row, snapshot.rentals, snapshot.btcUsd);
      found = { risk, health: rowHealth(row, risk, { data: healthData, weights, largestPoolShare: (tag) => poolShares.get(tag) ?? null }) };
      extras.set(row, found);
    }
    return found;
  };
  const ranked = rankCoins(snapshot.coins, rig, {
    ...state,
    ...(active ? { riskAdjusted: (row: RankedRow) => extrasOf(row).health.riskAdjustedUsdPerDay } : {}),
  });
  const rows = ranked
    .map((row) => ({ ...row, ...extrasOf(row) }))
    .filter((row) => !state.sellableOnly || sellable(row.risk));
  return {
    state,
    rig,
    isDefaultRig: usesDefaultRig(state),
    rows,
    weights,
    weightsActive: active,
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
