import { describeRisk, RISK_BADGES } from '@/lib/format/flags';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { CURRENCY_LABEL, type Rates } from '@/lib/ranking/currency';
import type { ViewRow } from '@/lib/ranking/view';
import { hrefWith, MAX_COMPARE_COINS, serializeDashboardState, SORT_OPTIONS, type DashboardState } from '@/lib/url/search-params';
import { TABLE_COLUMNS, type Column } from '@/lib/ranking/columns';
import { formatCompact, formatHashrate, formatSignificant, MISSING } from '@/lib/format/units';
import { formatMoney } from '@/lib/format/money';
import { CoinFlags } from './coin-flags';
import { ComboNote, OperatingPointNote } from './operating-point';
import { ShallowLink } from './shallow-link';

function SortHeader({ column, state }: { column: Column; state: DashboardState }) {
  const unit = column.unit(state);
  const left = column.kind === 'text';
  if (!column.sort) return <th className={left ? 'left' : undefined}>{column.label}</th>;
  const active = state.sort === column.sort;
  const defaultDir = SORT_OPTIONS.find((o) => o.slug === column.sort)?.defaultDir ?? 'desc';
  const dir = active ? (state.dir === 'asc' ? 'desc' : 'asc') : defaultDir;
  return (
    <th
      className={left ? 'left' : undefined}
      aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}
      scope="col"
    >
      <ShallowLink href={hrefWith('/', state, { sort: column.sort, dir })} aria-current={active ? 'true' : undefined}>
        {column.label}
        {active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        {unit && column.kind !== 'hashrate' && <span className="unit">{unit}</span>}
      </ShallowLink>
    </th>
  );
}

/** Columns that are blank without a market price. */
const NEEDS_PRICE = new Set(['price', 'revenue', 'profit', 'score']);

/** One cell, formatted for its kind; money is signed and coloured where it is a result. */
function Cell({ column, row, state, rates }: { column: Column; row: ViewRow; state: DashboardState; rates: Rates }) {
  if (column.id === 'risk') return <RiskCell row={row} />;
  const value = column.value(row, state, rates);
  if (value === null && NEEDS_PRICE.has(column.id) && row.coin.priceUsd === null) {
    // Coins are still mined where nothing prices them: say why there is no money figure.
    return (
      <td className="muted small" title="No market price: the coins per day still count.">
        no market
      </td>
    );
  }
  if (value === null) return <td>{MISSING}</td>;
  if (typeof value === 'string') return <td className="left">{value}</td>;
  switch (column.kind) {
    case 'hashrate':
      return <td>{formatHashrate(value, getAlgorithm(row.coin.algorithm)?.unit ?? 'H/s')}</td>;
    case 'count':
      return <td>{column.id === 'difficulty' ? formatCompact(value) : formatSignificant(value, 4)}</td>;
    case 'coins':
      return <td>{formatSignificant(value, 4)}</td>;
    case 'money': {
      const signed = column.id === 'profit' || column.id === 'score' || column.id === 'revenue';
      const tone = signed ? (value < 0 ? 'neg' : value > 0 ? 'pos' : undefined) : undefined;
      // The tone is the cell's class: a span per money cell was ~150 elements on the page.
      return (
        <td className={tone} data-testid={column.id === 'profit' ? 'profit' : undefined}>
          {formatMoney(value, CURRENCY_LABEL[state.currency])}
        </td>
      );
    }
    default:
      return <td>{String(value)}</td>;
  }
}

/** Risk badges; each one's full reasoning is its tooltip. Unknown volume is said, not hidden. */
function RiskCell({ row }: { row: ViewRow }) {
  const { risk } = row;
  if (risk.codes.length === 0) {
    // No badge: the word is the cell's own text (no span per row).
    const unknown = risk.market === 'no-volume-data';
    return (
      <td className="left risk-cell muted small" title={unknown ? 'The source gives no 24 h volume.' : undefined}>
        {unknown ? 'vol. unknown' : 'none'}
      </td>
    );
  }
  return (
    <td className="left risk-cell">
      {/* The sentence is the badge's title: its tooltip, and its accessible description (a name on
          a generic span is not allowed in ARIA 1.2); the badge's own text stays its name. */}
      {risk.codes.map((code) => (
        <span key={code} className="badge badge-bad" title={describeRisk(code, { liquidity: risk.liquidity })}>
          {RISK_BADGES[code]}
        </span>
      ))}
    </td>
  );
}

/**
 * A plain checkbox; CompareBar's one listener writes `coins=` to the URL. The key remounts it
 * when the server's selection changes (Clear, back), since defaultChecked alone would not.
 */
function CompareCheckbox({ tag, selected }: { tag: string; selected: readonly string[] }) {
  const checked = selected.includes(tag);
  const full = !checked && selected.length >= MAX_COMPARE_COINS;
  return (
    <input
      key={`${tag}-${checked}`}
      type="checkbox"
      data-compare={tag}
      defaultChecked={checked}
      disabled={full}
      // The name says what it does; a title only where it says why it is off.
      title={full ? `Compare at most ${MAX_COMPARE_COINS} coins` : undefined}
      aria-label={`Compare ${tag}`}
    />
  );
}

const ESTIMATE_COLUMNS = new Set(['coins', 'revenue', 'cost', 'profit', 'score']);

/** The ranked coin table: rendered on the server and re-ranked in the browser; sortable by links that work before any JS loads. */
export function CoinTable({
  rows,
  state,
  rates,
  deviceNames = {},
}: {
  rows: readonly ViewRow[];
  state: DashboardState;
  rates: Rates;
  /** Names of the rig's devices by id, to word their operating points. */
  deviceNames?: Readonly<Record<string, string>>;
}) {
  const query = serializeDashboardState({ ...state, coins: [] });
  const [coinColumn, ...otherColumns] = TABLE_COLUMNS;
  const networkColumns = otherColumns.filter((c) => !ESTIMATE_COLUMNS.has(c.id));
  const estimateColumns = otherColumns.filter((c) => ESTIMATE_COLUMNS.has(c.id));
  return (
    <div className="table-wrap">
      <table data-testid="coin-table">
        <thead>
          <tr>
            <th className="rank" scope="col">
              #
            </th>
            <th scope="col" className="select-col">
              <span className="visually-hidden">Compare</span>
            </th>
            {coinColumn && <SortHeader column={coinColumn} state={state} />}
            {[...networkColumns, ...estimateColumns].map((column) => (
              <SortHeader key={column.id} column={column} state={state} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={TABLE_COLUMNS.length + 2} className="left muted">
                No coin matches these filters.
              </td>
            </tr>
          )}
          {rows.map((row, index) => {
            const { coin, estimate } = row;
            const algorithm = getAlgorithm(coin.algorithm);
            return (
              <tr
                key={`${coin.tag}-${coin.algorithm}${row.combo ? `-${row.combo.kind}-${row.combo.label}` : ''}`}
                className={estimate ? undefined : 'no-rig'}
                data-tag={row.combo ? row.combo.parts.map((p) => p.tag).join('+') : coin.tag}
                data-combo={row.combo?.kind}
              >
                <td className="rank">{index + 1}</td>
                <td className="select-col">
                  {!row.combo && <CompareCheckbox tag={coin.tag} selected={state.coins} />}
                </td>
                <td className="left coin-cell">
                  {/* A plain link: a next/link per row is a client component to render and hydrate, and
                      would prefetch every visible coin page. The cell itself lays out the tag, its flags,
                      the name and the note (display: grid), with no wrapper elements per row. */}
                  <a href={`/coins/${encodeURIComponent(coin.tag)}${query}`}>
                    {row.combo ? row.combo.parts.map((p) => p.tag).join(' + ') : coin.tag}
                  </a>
                  <CoinFlags flags={coin.flags} networkShare={estimate?.networkShare} bare />
                  <span className="name">{coin.name}</span>
                  {row.combo ? (
                    <ComboNote combo={row.combo} />
                  ) : (
                    <OperatingPointNote choices={row.operatingPoints} algorithm={coin.algorithm} names={deviceNames} />
                  )}
                </td>
                {networkColumns.map((column) => (
                  <Cell key={column.id} column={column} row={row} state={state} rates={rates} />
                ))}
                {estimate ? (
                  estimateColumns.map((column) => <Cell key={column.id} column={column} row={row} state={state} rates={rates} />)
                ) : (
                  <td colSpan={estimateColumns.length} className="muted small">
                    {`Add a ${algorithm?.name ?? coin.algorithm} hashrate to estimate`}
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
