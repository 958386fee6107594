import Link from 'next/link';
import { getAlgorithm } from '@/lib/algorithms';
import type { RankedRow } from '@/lib/ranking';
import { hrefWith, serializeDashboardState, SORT_OPTIONS, type DashboardState, type SortSlug } from '@/lib/search-params';
import { formatCompact, formatHashrate, formatSignificant, formatUsd, MISSING } from '@/lib/units';
import { CoinFlags } from './coin-flags';

type Column = { sort: SortSlug | null; label: string; unit?: string; left?: boolean };

const COLUMNS: readonly Column[] = [
  { sort: 'name', label: 'Coin', left: true },
  { sort: 'algorithm', label: 'Algorithm', left: true },
  { sort: 'nethash', label: 'Network hashrate' },
  { sort: 'difficulty', label: 'Difficulty' },
  { sort: 'reward', label: 'Block reward', unit: 'coins' },
  { sort: 'price', label: 'Price', unit: 'USD' },
  { sort: 'volume', label: '24 h volume', unit: 'USD' },
  { sort: 'coins', label: 'Coins', unit: '/ day' },
  { sort: 'revenue', label: 'Revenue', unit: 'USD / day' },
  { sort: 'cost', label: 'Power cost', unit: 'USD / day' },
  { sort: 'profit', label: 'Profit', unit: 'USD / day' },
];

function SortHeader({ column, state }: { column: Column; state: DashboardState }) {
  if (!column.sort) return <th className={column.left ? 'left' : undefined}>{column.label}</th>;
  const active = state.sort === column.sort;
  const defaultDir = SORT_OPTIONS.find((o) => o.slug === column.sort)?.defaultDir ?? 'desc';
  const dir = active ? (state.dir === 'asc' ? 'desc' : 'asc') : defaultDir;
  const arrow = active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '';
  return (
    <th
      className={column.left ? 'left' : undefined}
      aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      scope="col"
    >
      <Link href={hrefWith('/', state, { sort: column.sort, dir })} aria-current={active ? 'true' : undefined} scroll={false}>
        {column.label}
        {column.unit && <span className="unit">{column.unit}</span>}
        {arrow}
      </Link>
    </th>
  );
}

function Money({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return <>{MISSING}</>;
  return <span className={value < 0 ? 'neg' : value > 0 ? 'pos' : undefined}>{formatUsd(value)}</span>;
}

/** The ranked coin table: server-rendered, sortable by links, so it works before any JS loads. */
export function CoinTable({ rows, state }: { rows: readonly RankedRow[]; state: DashboardState }) {
  const query = serializeDashboardState(state);
  return (
    <div className="table-wrap">
      <table data-testid="coin-table">
        <thead>
          <tr>
            <th className="rank" scope="col">
              #
            </th>
            {COLUMNS.map((column) => (
              <SortHeader key={column.label} column={column} state={state} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length + 1} className="left muted">
                No coin matches these filters.
              </td>
            </tr>
          )}
          {rows.map((row, index) => {
            const { coin, estimate } = row;
            const algorithm = getAlgorithm(coin.algorithm);
            const unit = algorithm?.unit ?? 'H/s';
            return (
              <tr key={`${coin.tag}-${coin.algorithm}`} className={estimate ? undefined : 'no-rig'} data-tag={coin.tag}>
                <td className="rank">{index + 1}</td>
                <td className="left">
                  <span className="coin-cell">
                    <span>
                      <Link href={`/coins/${encodeURIComponent(coin.tag)}${query}`}>{coin.tag}</Link>
                      <CoinFlags flags={coin.flags} networkShare={estimate?.networkShare} />
                    </span>
                    <span className="name">{coin.name}</span>
                  </span>
                </td>
                <td className="left">{algorithm?.name ?? coin.algorithm}</td>
                <td>{formatHashrate(coin.networkHashrate, unit)}</td>
                <td>{formatCompact(coin.difficulty)}</td>
                <td>{formatSignificant(coin.blockReward, 4)}</td>
                <td>{formatUsd(coin.priceUsd)}</td>
                <td>{formatUsd(coin.volume24hUsd)}</td>
                {estimate ? (
                  <>
                    <td>{formatSignificant(estimate.coinsPerDay, 4)}</td>
                    <td>
                      <Money value={estimate.revenueUsdPerDay} />
                    </td>
                    <td>{formatUsd(estimate.powerCostUsdPerDay)}</td>
                    <td data-testid="profit">
                      <Money value={estimate.profitUsdPerDay} />
                    </td>
                  </>
                ) : (
                  <td colSpan={4} className="muted small">
                    Add a {algorithm?.name ?? coin.algorithm} hashrate to estimate
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
