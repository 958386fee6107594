'use client';

// Horizontal bars of profit per coin, coloured by algorithm; losses are drawn left of the zero
// line, faded with a dashed red outline, so they read as negative without relying on colour alone.
import { Bar, BarChart, CartesianGrid, Rectangle, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarShapeProps, TooltipContentProps } from 'recharts';
import { algorithmColor } from './colors';
import { formatChartValue, niceScale, truncateLabel, type ValueFormat } from './format';
import { rankingChartHeight } from './sizes';
import { AXIS_LABEL, LEGEND_ITEM_STYLE, LEGEND_STYLE, SWATCH_STYLE, TICK, TOOLTIP_STYLE } from './styles';

export type RankingDatum = {
  tag: string;
  name: string;
  algorithm: string;
  algorithmName: string;
  value: number;
};

export type RankingBarChartProps = {
  data: RankingDatum[];
  /** Axis label with the unit, e.g. "Profit, USD / day". */
  valueLabel: string;
  formatValue: ValueFormat;
};

function BarShape(props: BarShapeProps) {
  const row = props.payload as RankingDatum | undefined;
  const color = algorithmColor(row?.algorithm ?? '');
  const loss = (row?.value ?? 0) < 0;
  return (
    <Rectangle
      {...props}
      fill={color}
      fillOpacity={loss ? 0.3 : 0.9}
      stroke={loss ? 'var(--bad)' : color}
      strokeWidth={loss ? 2 : 1}
      strokeDasharray={loss ? '4 2' : undefined}
    />
  );
}

function RankingTooltip({
  active,
  payload,
  valueLabel,
  format,
}: TooltipContentProps & { valueLabel: string; format: ValueFormat }) {
  const row = payload?.[0]?.payload as RankingDatum | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip" style={TOOLTIP_STYLE}>
      <strong>{row.name}</strong> <span style={{ color: 'var(--muted)' }}>({row.tag})</span>
      <div style={{ color: algorithmColor(row.algorithm) }}>{row.algorithmName}</div>
      <div>
        {valueLabel}:{' '}
        <span style={{ color: row.value < 0 ? 'var(--bad)' : 'var(--text)', fontWeight: 600 }}>
          {formatChartValue(row.value, format)}
        </span>
      </div>
    </div>
  );
}

function summary(rows: readonly RankingDatum[], valueLabel: string, format: ValueFormat): string {
  if (rows.length === 0) return `${valueLabel}: no coins to chart.`;
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const best = sorted[0]!;
  const worst = sorted[sorted.length - 1]!;
  const losses = rows.filter((r) => r.value < 0).length;
  return (
    `Bar chart of ${valueLabel} for ${rows.length} coins. ` +
    `Highest: ${best.name} (${best.tag}) ${formatChartValue(best.value, format)}. ` +
    (rows.length > 1 ? `Lowest: ${worst.name} (${worst.tag}) ${formatChartValue(worst.value, format)}. ` : '') +
    (losses > 0 ? `${losses} at a loss.` : 'None at a loss.')
  );
}

/** Profit per coin (top 15 passed in) as horizontal bars coloured by algorithm. */
export function RankingBarChart({ data, valueLabel, formatValue }: RankingBarChartProps) {
  const rows: RankingDatum[] = data.filter((d) => Number.isFinite(d.value));
  // Categories are tags (unique); the axis shows names, cut to fit a phone.
  const labels = new Map(rows.map((r) => [r.tag, truncateLabel(r.name, 12)]));
  const height = rankingChartHeight(rows.length);
  const algorithms = [...new Map(rows.map((r) => [r.algorithm, r.algorithmName])).entries()];
  const hasLoss = rows.some((r) => r.value < 0);
  const scale = niceScale(rows.map((r) => r.value));

  return (
    <div role="img" aria-label={summary(rows, valueLabel, formatValue)} data-testid="ranking-chart">
      {rows.length === 0 ? (
        <p className="muted" style={{ height, margin: 0 }}>
          No coins to chart.
        </p>
      ) : (
        <BarChart
          responsive
          layout="vertical"
          data={rows}
          style={{ width: '100%', height }}
          margin={{ top: 4, right: 24, bottom: 24, left: 4 }}
          barCategoryGap="20%"
        >
          <CartesianGrid horizontal={false} stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="value"
            domain={scale.domain}
            ticks={scale.ticks}
            tickFormatter={(v: number) => formatChartValue(v, formatValue)}
            tick={TICK}
            stroke="var(--border)"
            label={{ value: valueLabel, position: 'insideBottom', offset: -16, ...AXIS_LABEL }}
          />
          <YAxis
            type="category"
            dataKey="tag"
            width={96}
            tick={(tick: { x: number | string; y: number | string; payload: { value: unknown } }) => (
              <text x={tick.x} y={tick.y} dy="0.35em" textAnchor="end" {...TICK}>
                {labels.get(String(tick.payload.value)) ?? String(tick.payload.value)}
              </text>
            )}
            stroke="var(--border)"
            interval={0}
          />
          <Tooltip
            cursor={{ fill: 'rgba(255, 255, 255, 0.05)' }}
            content={(props) => <RankingTooltip {...props} valueLabel={valueLabel} format={formatValue} />}
          />
          <ReferenceLine x={0} stroke="var(--muted)" strokeWidth={1.5} />
          <Bar dataKey="value" name={valueLabel} shape={BarShape} isAnimationActive={false} />
        </BarChart>
      )}
      <ul style={LEGEND_STYLE} aria-hidden="true">
        {algorithms.map(([slug, name]) => (
          <li key={slug} style={LEGEND_ITEM_STYLE}>
            <span style={{ ...SWATCH_STYLE, background: algorithmColor(slug) }} />
            {name}
          </li>
        ))}
        {hasLoss && (
          <li style={LEGEND_ITEM_STYLE}>
            <span style={{ ...SWATCH_STYLE, background: 'transparent', border: '2px dashed var(--bad)' }} />
            loss
          </li>
        )}
      </ul>
    </div>
  );
}
