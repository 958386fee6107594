// The coin page's view model: every figure its panels show, computed once from the snapshot, the
// coin and the URL state, so the panels only format. Pure: the page reads the data and passes it in.
import { formatSignificant, numberFormat } from '@/lib/format/units';
import { getAlgorithm, type HashrateUnit } from '@/lib/mining/algorithms';
import { upcomingRewardChanges, type UpcomingRewardChange } from '@/lib/mining/halvings';
import { blockRewardFigure, perPeriod, SECONDS_PER_DAY, type EstimateBasis, type Period } from '@/lib/mining/profit';
import { breakEvenElectricityUsdPerKwh, projectCumulativeProfit, type Projection } from '@/lib/mining/projection';
import type { Coin, Snapshot, SourceId } from '@/lib/model/types';
import type { DashboardState } from '@/lib/url/search-params';
import { estimateRow, type RankedRow } from './ranking';
import { rigFromState, usesDefaultRig, type Rig } from './rig';
import { withBestPools } from './pool-rig';
import { rowRisk, type RowRisk } from './row-risk';
import { electricityContext } from './view';
import type { SpotFeed } from '@/lib/electricity/tariff';
import type { CoinHealthData } from '@/lib/health/data';
import { effectiveWeights, weightsActive, type RiskWeights } from '@/lib/health/score';
import { largestPoolShares, rowHealth, type RowHealth } from './row-health';

export const COIN_PERIODS: readonly Period[] = ['hour', 'day', 'week', 'month'];

/** The estimate's formula, per basis (lib/mining/profit.ts). */
export const BASIS_FORMULA: Readonly<Record<EstimateBasis, string>> = {
  difficulty: 'H × 86400 × R / (D × k)',
  'block-time': '(H / N) × (86400 / T) × R',
  emission: '(H / N) × daily emission',
};

/**
 * R where the source gives only a daily emission (hashrate.no): its derivation, with units, after
 * the difficulty formula. RVN on 2024-03-16: "R = 3,600,000 RVN/day × 60 s / 86,400 s = 2,500 RVN".
 */
export function rewardDerivationText(tag: string, emissionPerDay: number, blockTimeSeconds: number, reward: number): string {
  const day = numberFormat({ maximumFractionDigits: 0 }).format(SECONDS_PER_DAY);
  return `R = ${formatSignificant(emissionPerDay, 10)} ${tag}/day × ${formatSignificant(blockTimeSeconds, 6)} s / ${day} s = ${formatSignificant(reward, 6)} ${tag}`;
}

type FigureKey = keyof Coin['figureSources'];

export type CoinView = {
  coin: Coin;
  algorithmName: string;
  devices: readonly string[];
  unit: HashrateUnit;
  rig: Rig;
  exampleRig: boolean;
  row: RankedRow;
  risk: RowRisk;
  /** Coin health (lib/health) and the profit discounted by the URL's risk weights. */
  health: RowHealth;
  weights: RiskWeights;
  weightsActive: boolean;
  /** Where the network figures came from, and where each figure came from when sources differ. */
  networkSourceName: string;
  figureSourceNames: Partial<Record<FigureKey, string>>;
  networkAsOf: string | null;
  priceSourceName: string;
  priceAsOf: string | null;
  /** Coins and money per period; null where the estimate lacks the figures. */
  periods: Array<{ period: Period; coins: number | null; revenueUsd: number | null; powerCostUsd: number; profitUsd: number | null }>;
  basisFormula: string | null;
  /** How R was derived when the source gives only a daily emission and the estimate uses it; else null. */
  rewardDerivation: string | null;
  /** The whole block R the split line counts: the source's, or emission × T / 86400; null if neither. */
  blockReward: number | null;
  breakEvenKwh: number | null;
  rewardChanges: UpcomingRewardChange[];
  projection: Projection | null;
};

function sourceName(snapshot: Snapshot, id: SourceId | null | undefined): string | null {
  if (!id) return null;
  return snapshot.sources.find((s) => s.id === id)?.name ?? id;
}

/** `spot`: the hourly prices of the tariff's spot zone, when the URL names one (read by the page). */
export function buildCoinView(
  snapshot: Snapshot,
  coin: Coin,
  state: DashboardState,
  spot: SpotFeed | null = null,
  healthData: ReadonlyMap<string, CoinHealthData> = new Map(),
): CoinView {
  const algorithm = getAlgorithm(coin.algorithm);
  const rig = withBestPools(rigFromState(state, electricityContext(snapshot, spot)), snapshot, state);
  const row = estimateRow(coin, rig, state.basis);
  const risk = rowRisk(row, snapshot.rentals, snapshot.btcUsd);
  const weights = effectiveWeights(state.riskPreset, state.riskWeights);
  const poolShares = largestPoolShares(snapshot);
  const health = rowHealth(row, risk, { data: healthData, weights, largestPoolShare: (tag) => poolShares.get(tag) ?? null });
  const est = row.estimate;
  const figureSourceNames: CoinView['figureSourceNames'] = {};
  for (const [figure, id] of Object.entries(coin.figureSources) as Array<[FigureKey, SourceId | undefined]>) {
    const name = sourceName(snapshot, id);
    if (name) figureSourceNames[figure] = name;
  }
  const networkAsOf = coin.updatedAt ?? snapshot.sources.find((s) => s.id === coin.source)?.fetchedAt ?? null;
  const priceAsOf = snapshot.sources.find((s) => s.id === coin.priceSource)?.fetchedAt ?? networkAsOf;
  const rewardChanges = upcomingRewardChanges(coin.tag, snapshot.asOf, state.horizonDays);
  const reward = blockRewardFigure(coin);
  const projection =
    est?.coinsPerDay != null && coin.priceUsd !== null
      ? projectCumulativeProfit({
          coinsPerDay: est.coinsPerDay,
          priceUsd: coin.priceUsd,
          powerCostUsdPerDay: est.powerCostUsdPerDay,
          days: state.horizonDays,
          difficultyGrowthPercentPerMonth: state.growthPercentPerMonth,
          halvings: rewardChanges.map((c) => ({ day: c.day, factor: c.factor })),
          hardwareCostUsd: state.hardwareCostUsd ?? 0,
        })
      : null;
  return {
    coin,
    algorithmName: algorithm?.name ?? coin.algorithm,
    devices: algorithm?.devices ?? [],
    unit: algorithm?.unit ?? 'H/s',
    rig,
    exampleRig: usesDefaultRig(state),
    row,
    risk,
    health,
    weights,
    weightsActive: weightsActive(weights),
    networkSourceName: sourceName(snapshot, coin.source) ?? coin.source,
    figureSourceNames,
    networkAsOf,
    priceSourceName: sourceName(snapshot, coin.priceSource) ?? '—',
    priceAsOf,
    periods: COIN_PERIODS.map((period) => ({
      period,
      coins: est?.coinsPerDay == null ? null : perPeriod(est.coinsPerDay, period),
      revenueUsd: est?.revenueUsdPerDay == null ? null : perPeriod(est.revenueUsdPerDay, period),
      powerCostUsd: perPeriod(est?.powerCostUsdPerDay ?? 0, period),
      profitUsd: est?.profitUsdPerDay == null ? null : perPeriod(est.profitUsdPerDay, period),
    })),
    basisFormula: est?.basis ? BASIS_FORMULA[est.basis] : null,
    rewardDerivation:
      est?.basis === 'difficulty' && reward?.from === 'emission'
        ? rewardDerivationText(coin.tag, reward.emissionPerDay, reward.blockTimeSeconds, reward.reward)
        : null,
    blockReward: reward?.reward ?? null,
    breakEvenKwh: breakEvenElectricityUsdPerKwh(est?.revenueUsdPerDay ?? null, row.powerWatts ?? 0),
    rewardChanges,
    projection,
  };
}
