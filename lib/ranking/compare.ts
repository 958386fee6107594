// The comparison view's rows: every figure for the chosen coins side by side, and which coin
// wins each row where "better" has a direction (more profit, less power cost, more volume…).
import { getAlgorithm } from '@/lib/mining/algorithms';
import { moneyPer, fromUsd, CURRENCY_LABEL, type Rates } from './currency';
import { perPeriod } from '@/lib/mining/profit';
import type { RankedRow } from './ranking';
import { SCORE_NAME } from '@/lib/mining/score';
import type { CurrencySlug, PeriodSlug } from '@/lib/url/search-params';

export type CompareView = { currency: CurrencySlug; period: PeriodSlug };
export type Better = 'higher' | 'lower' | null;

export type CompareMetric = {
  id: string;
  label: string;
  unit: (view: CompareView, row: RankedRow) => string;
  better: Better;
  value: (row: RankedRow, view: CompareView, rates: Rates) => number | null;
  kind: 'money' | 'hashrate' | 'count' | 'percent' | 'days';
};

const money = (v: CompareView) => `${CURRENCY_LABEL[v.currency]} / ${v.period}`;

export const COMPARE_METRICS: readonly CompareMetric[] = [
  { id: 'profit', label: 'Profit', unit: money, better: 'higher', kind: 'money', value: (r, v, x) => moneyPer(r.estimate?.profitUsdPerDay ?? null, v, x) },
  { id: 'score', label: SCORE_NAME, unit: (v) => `${CURRENCY_LABEL[v.currency]} / kWh`, better: 'higher', kind: 'money', value: (r, v, x) => fromUsd(r.score, v.currency, x) },
  { id: 'revenue', label: 'Revenue', unit: money, better: 'higher', kind: 'money', value: (r, v, x) => moneyPer(r.estimate?.revenueUsdPerDay ?? null, v, x) },
  { id: 'cost', label: 'Power cost', unit: money, better: 'lower', kind: 'money', value: (r, v, x) => moneyPer(r.estimate?.powerCostUsdPerDay ?? null, v, x) },
  { id: 'coins', label: 'Coins mined', unit: (v, r) => `${r.coin.tag} / ${v.period}`, better: null, kind: 'count', value: (r, v) => (r.estimate?.coinsPerDay == null ? null : perPeriod(r.estimate.coinsPerDay, v.period)) },
  { id: 'price', label: 'Price', unit: (v) => CURRENCY_LABEL[v.currency], better: null, kind: 'money', value: (r, v, x) => fromUsd(r.coin.priceUsd, v.currency, x) },
  { id: 'volume', label: '24 h volume', unit: (v) => CURRENCY_LABEL[v.currency], better: 'higher', kind: 'money', value: (r, v, x) => fromUsd(r.coin.volume24hUsd, v.currency, x) },
  { id: 'share', label: 'Your share of the network', unit: () => 'H / N', better: 'lower', kind: 'percent', value: (r) => r.estimate?.networkShare ?? null },
  { id: 'solo', label: 'Expected solo time to a block', unit: () => 'days', better: 'lower', kind: 'days', value: (r) => r.estimate?.soloDaysToBlock ?? null },
  { id: 'nethash', label: 'Network hashrate', unit: (_, r) => getAlgorithm(r.coin.algorithm)?.unit ?? 'H/s', better: null, kind: 'hashrate', value: (r) => r.coin.networkHashrate },
  { id: 'difficulty', label: 'Difficulty', unit: () => '', better: null, kind: 'count', value: (r) => r.coin.difficulty },
  { id: 'reward', label: 'Block reward', unit: (_, r) => r.coin.tag, better: null, kind: 'count', value: (r) => r.coin.blockReward },
  { id: 'blocktime', label: 'Block time', unit: () => 's', better: null, kind: 'count', value: (r) => r.coin.blockTimeSeconds },
];

/** Index of the winning coin for a metric, or null when there is no direction, a tie, or fewer than two values. */
export function winnerIndex(values: ReadonlyArray<number | null>, better: Better): number | null {
  if (!better) return null;
  const known = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [{ v, i }]));
  if (known.length < 2) return null;
  const best = known.reduce((a, b) => ((better === 'higher' ? b.v > a.v : b.v < a.v) ? b : a));
  return known.filter((k) => k.v === best.v).length > 1 ? null : best.i;
}
