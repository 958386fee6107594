// The ranking table's columns, defined once: the page renders them, the CSV export writes
// them, both with the same units. Money columns follow the viewer's currency and period.
import { RISK_BADGES } from '@/lib/format/flags';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { CURRENCY_LABEL, fromUsd, moneyPer, type Rates } from './currency';
import { perPeriod } from '@/lib/mining/profit';
import type { ViewRow } from './view';
import { SCORE_NAME } from '@/lib/mining/score';
import type { CurrencySlug, PeriodSlug, SortSlug } from '@/lib/url/search-params';

export type TableView = { currency: CurrencySlug; period: PeriodSlug };

export type ColumnKind = 'text' | 'hashrate' | 'count' | 'money' | 'coins';

export type Column = {
  id: string;
  sort: SortSlug | null;
  label: string;
  kind: ColumnKind;
  unit: (view: TableView) => string | null;
  value: (row: ViewRow, view: TableView, rates: Rates) => number | string | null;
};

const money = (view: TableView) => CURRENCY_LABEL[view.currency];
const moneyPerPeriod = (view: TableView) => `${CURRENCY_LABEL[view.currency]} / ${view.period}`;

export const TABLE_COLUMNS: readonly Column[] = [
  {
    id: 'coin',
    sort: 'name',
    label: 'Coin',
    kind: 'text',
    unit: () => null,
    // A merged or dual row names all its coins: LTC+DOGE+BELLS.
    value: (r) => (r.combo ? r.combo.parts.map((p) => p.tag).join('+') : r.coin.tag),
  },
  {
    id: 'algorithm',
    sort: 'algorithm',
    label: 'Algorithm',
    kind: 'text',
    unit: () => null,
    value: (r) => getAlgorithm(r.coin.algorithm)?.name ?? r.coin.algorithm,
  },
  {
    id: 'nethash',
    sort: 'nethash',
    label: 'Network hashrate',
    kind: 'hashrate',
    unit: () => 'H/s, Sol/s or G/s',
    value: (r) => r.coin.networkHashrate,
  },
  { id: 'difficulty', sort: 'difficulty', label: 'Difficulty', kind: 'count', unit: () => null, value: (r) => r.coin.difficulty },
  { id: 'reward', sort: 'reward', label: 'Block reward', kind: 'count', unit: () => 'coins', value: (r) => r.coin.blockReward },
  {
    id: 'price',
    sort: 'price',
    label: 'Price',
    kind: 'money',
    unit: money,
    value: (r, view, rates) => fromUsd(r.coin.priceUsd, view.currency, rates),
  },
  {
    id: 'volume',
    sort: 'volume',
    label: '24 h volume',
    kind: 'money',
    unit: money,
    value: (r, view, rates) => fromUsd(r.coin.volume24hUsd, view.currency, rates),
  },
  {
    id: 'risk',
    sort: null,
    label: 'Risks',
    kind: 'text',
    unit: () => null,
    value: (r) => r.risk.codes.map((code) => RISK_BADGES[code]).join('; ') || null,
  },
  {
    id: 'coins',
    sort: 'coins',
    label: 'Coins',
    kind: 'coins',
    unit: (view) => `/ ${view.period}`,
    value: (r, view) => (r.estimate?.coinsPerDay == null ? null : perPeriod(r.estimate.coinsPerDay, view.period)),
  },
  {
    id: 'revenue',
    sort: 'revenue',
    label: 'Revenue',
    kind: 'money',
    unit: moneyPerPeriod,
    value: (r, view, rates) => moneyPer(r.estimate?.revenueUsdPerDay ?? null, view, rates),
  },
  {
    id: 'cost',
    sort: 'cost',
    label: 'Power cost',
    kind: 'money',
    unit: moneyPerPeriod,
    value: (r, view, rates) => moneyPer(r.estimate?.powerCostUsdPerDay ?? null, view, rates),
  },
  {
    id: 'profit',
    sort: 'profit',
    label: 'Profit',
    kind: 'money',
    unit: moneyPerPeriod,
    value: (r, view, rates) => moneyPer(r.estimate?.profitUsdPerDay ?? null, view, rates),
  },
  {
    // Profit discounted by the URL's risk weights (lib/health); equal to profit with no weight set,
    // and what the profit sort ranks by when a weight is set.
    id: 'riskadj',
    sort: null,
    label: 'Risk-adjusted profit',
    kind: 'money',
    unit: moneyPerPeriod,
    value: (r, view, rates) => moneyPer(r.health.riskAdjustedUsdPerDay, view, rates),
  },
  {
    id: 'health',
    sort: null,
    label: 'Health',
    kind: 'count',
    unit: () => '/ 100',
    value: (r) => Math.round(r.health.score),
  },
  {
    id: 'score',
    sort: 'score',
    label: SCORE_NAME,
    kind: 'money',
    unit: (view) => `${CURRENCY_LABEL[view.currency]} / kWh`,
    value: (r, view, rates) => fromUsd(r.score, view.currency, rates),
  },
];
