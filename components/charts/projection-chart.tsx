'use client';

// Cumulative profit over the projection horizon, starting at minus the hardware cost, with
// markers at reward changes (halvings) and at the day the rig pays for itself.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatUsd } from '@/lib/format/units';
import { niceScale } from './format';
import { CHART_HEIGHT } from './sizes';
import { AXIS_LABEL, LEGEND_ITEM_STYLE, LEGEND_STYLE, MARKER_STYLE, TICK, TOOLTIP_STYLE } from './styles';

export type ProjectionChartPoint = { day: number; cumulativeProfitUsd: number };

export type ProjectionChartProps = {
  points: ProjectionChartPoint[];
  breakEvenDay: number | null;
  /** Days (from today) of reward changes within the horizon. */
  halvingDays: number[];
};

const X_LABEL = 'Days from today';
const Y_LABEL = 'Cumulative profit, USD';
/** Past this many reward changes (Kaspa's monthly steps) the markers are drawn fainter. */
const MAX_BOLD_CHANGES = 4;

function ProjectionTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as ProjectionChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div style={TOOLTIP_STYLE}>
      <div>Day {point.day}</div>
      <div style={{ color: point.cumulativeProfitUsd < 0 ? 'var(--bad)' : 'var(--good)', fontWeight: 600 }}>
        {formatUsd(point.cumulativeProfitUsd)} cumulative
      </div>
    </div>
  );
}

function summary(points: readonly ProjectionChartPoint[], breakEvenDay: number | null, changes: number): string {
  if (points.length === 0) return 'Cumulative profit projection: no estimate to chart.';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  return (
    `Line chart of cumulative profit from ${formatUsd(first.cumulativeProfitUsd)} on day ${first.day} ` +
    `to ${formatUsd(last.cumulativeProfitUsd)} on day ${last.day}. ` +
    (breakEvenDay !== null ? `Breaks even on day ${breakEvenDay}. ` : 'No break-even day within the horizon. ') +
    (changes > 0 ? `${changes} block reward change${changes === 1 ? '' : 's'} marked.` : 'No block reward change in the horizon.')
  );
}

/** Cumulative profit by day with a zero line, reward-change markers and the break-even day. */
export function ProjectionChart({ points, breakEvenDay, halvingDays }: ProjectionChartProps) {
  const data = points.filter((p) => Number.isFinite(p.day) && Number.isFinite(p.cumulativeProfitUsd));
  const lastDay = data[data.length - 1]?.day ?? 0;
  const changes = [...new Set(halvingDays.filter((d) => Number.isFinite(d) && d >= 0 && d <= lastDay))];
  const breakEven = breakEvenDay !== null && Number.isFinite(breakEvenDay) ? breakEvenDay : null;
  // Labels sit beside their line, on whichever side has room.
  const yScale = niceScale(data.map((p) => p.cumulativeProfitUsd));

  return (
    <div role="img" aria-label={summary(data, breakEven, changes.length)} data-testid="projection-chart">
      {data.length === 0 ? (
        <p className="muted" style={{ height: CHART_HEIGHT, margin: 0 }}>
          No estimate to chart.
        </p>
      ) : (
        <LineChart responsive data={data} style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 20, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="day"
            domain={[0, 'dataMax']}
            allowDecimals={false}
            tick={TICK}
            tickCount={6}
            stroke="var(--border)"
            label={{ value: X_LABEL, position: 'insideBottom', offset: -18, ...AXIS_LABEL }}
          />
          <YAxis
            type="number"
            domain={yScale.domain}
            ticks={yScale.ticks}
            tickFormatter={(v: number) => formatUsd(v)}
            tick={TICK}
            width={76}
            stroke="var(--border)"
            label={{ value: Y_LABEL, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, ...AXIS_LABEL }}
          />
          <Tooltip cursor={{ stroke: 'var(--border)' }} content={(props) => <ProjectionTooltip {...props} />} />
          <ReferenceLine y={0} stroke="var(--muted)" strokeWidth={1.5} />
          {changes.map((day) => (
            <ReferenceLine
              key={`change-${day}`}
              x={day}
              stroke="var(--accent)"
              strokeOpacity={changes.length > MAX_BOLD_CHANGES ? 0.45 : 0.9}
              strokeDasharray="4 4"
            />
          ))}
          {breakEven !== null && <ReferenceLine x={breakEven} stroke="var(--good)" strokeWidth={1.5} strokeDasharray="6 3" />}
          <Line
            type="linear"
            dataKey="cumulativeProfitUsd"
            name={Y_LABEL}
            stroke="var(--accent-2)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
      {/* Marker key under the plot: on-chart labels collide on a phone. */}
      {data.length > 0 && (changes.length > 0 || breakEven !== null) && (
        <ul style={LEGEND_STYLE} aria-hidden="true">
          {changes.length > 0 && (
            <li style={LEGEND_ITEM_STYLE}>
              <span style={{ ...MARKER_STYLE, borderColor: 'var(--accent)' }} />
              {changes.length <= MAX_BOLD_CHANGES
                ? `halving${changes.length === 1 ? '' : 's'}: day ${changes.join(', ')}`
                : `${changes.length} reward changes (days ${changes[0]}–${changes[changes.length - 1]})`}
            </li>
          )}
          {breakEven !== null && (
            <li style={LEGEND_ITEM_STYLE}>
              <span style={{ ...MARKER_STYLE, borderColor: 'var(--good)' }} />
              break-even: day {breakEven}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
