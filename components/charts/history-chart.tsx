'use client';

// One recorded figure of a coin over time (difficulty, network hashrate, price, the rig's
// profit). Missing data stays missing: the series carries null points at gaps (lib/ranking/series.ts)
// and the line breaks there rather than bridging them.
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import type { SeriesPoint } from '@/lib/ranking/series';
import { numberFormat } from '@/lib/format/units';
import { CHART_HEIGHT } from './sizes';
import { AXIS_LABEL, TICK, TOOLTIP_STYLE } from './styles';

export type HistoryChartProps = {
  points: SeriesPoint[];
  /** Axis label with the unit, e.g. "Difficulty" or "Price, USD". */
  label: string;
  /** How to print a value: 'usd' for money, 'si' for large counts. */
  format: 'usd' | 'si';
  testId: string;
};

const time = new Intl.DateTimeFormat('en-GB', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

function formatValue(value: number, format: HistoryChartProps['format']): string {
  if (format === 'usd') return numberFormat({ style: 'currency', currency: 'USD', maximumSignificantDigits: 4 }).format(value);
  return numberFormat({ notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

function HistoryTooltip({ active, payload, format }: TooltipContentProps & { format: HistoryChartProps['format'] }) {
  const point = payload?.[0]?.payload as SeriesPoint | undefined;
  if (!active || !point || point.value === null) return null;
  return (
    <div style={TOOLTIP_STYLE}>
      <div>{time.format(point.at)} UTC</div>
      <div style={{ fontWeight: 600 }}>{formatValue(point.value, format)}</div>
    </div>
  );
}

export function HistoryChart({ points, label, format, testId }: HistoryChartProps) {
  const known = points.filter((p) => p.value !== null);
  const gaps = points.length - known.length;
  const summary =
    known.length === 0
      ? `${label}: no recorded history in this range.`
      : `${label} over time: ${known.length} recorded points from ${time.format(known[0]!.at)} to ${time.format(
          known[known.length - 1]!.at,
        )} UTC${gaps > 0 ? `, with ${gaps} gap${gaps === 1 ? '' : 's'} in the record` : ''}.`;
  return (
    <div role="img" aria-label={summary} data-testid={testId}>
      {known.length === 0 ? (
        <p className="muted small" style={{ margin: 0 }}>
          No recorded history in this range yet: history builds up with every refresh.
        </p>
      ) : (
        <LineChart responsive data={points} style={{ width: '100%', height: CHART_HEIGHT * 0.7 }} margin={{ top: 10, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="at"
            domain={['dataMin', 'dataMax']}
            scale="time"
            tickFormatter={(v: number) => time.format(v)}
            tick={TICK}
            tickCount={4}
            stroke="var(--border)"
          />
          <YAxis
            tickFormatter={(v: number) => formatValue(v, format)}
            tick={TICK}
            width={64}
            stroke="var(--border)"
            label={{ value: label, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, ...AXIS_LABEL }}
          />
          <Tooltip cursor={{ stroke: 'var(--border)' }} content={(props) => <HistoryTooltip {...props} format={format} />} />
          <Line type="linear" dataKey="value" stroke="var(--accent-2)" strokeWidth={2} dot={known.length < 30} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      )}
    </div>
  );
}
