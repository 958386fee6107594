'use client';

// Profit per day against the rig's power limit (percent of each device's stock power, or of its
// catalog row's own figure where no stock setting is published), with the
// most profitable limit marked. Points come from lib/tuning/power-limit-series.ts.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatUsd } from '@/lib/format/units';
import { niceScale } from './format';
import { CHART_HEIGHT } from './sizes';
import { AXIS_LABEL, TICK, TOOLTIP_STYLE } from './styles';

export type PowerLimitChartPoint = { percent: number; watts: number; profitUsdPerDay: number };

export type PowerLimitChartProps = {
  points: PowerLimitChartPoint[];
  /** The most profitable limit, percent; null without one. */
  bestPercent: number | null;
  /** What the percent is of: "stock power" unless a catalog row publishes tuned points only. */
  basis?: string;
};

const Y_LABEL = 'Profit, USD / day';

function LimitTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as PowerLimitChartPoint | undefined;
  if (!active || !point) return null;
  return (
    <div style={TOOLTIP_STYLE}>
      <div>
        At {point.percent} % ({Math.round(point.watts)} W)
      </div>
      <div style={{ color: point.profitUsdPerDay < 0 ? 'var(--bad)' : 'var(--good)', fontWeight: 600 }}>
        {formatUsd(point.profitUsdPerDay)} / day
      </div>
    </div>
  );
}

function summary(points: readonly PowerLimitChartPoint[], bestPercent: number | null): string {
  if (points.length === 0) return 'Profit against power limit: no estimate to chart.';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const best = points.find((p) => p.percent === bestPercent);
  return (
    `Line chart of profit per day from ${formatUsd(first.profitUsdPerDay)} at a ${first.percent} % power limit ` +
    `to ${formatUsd(last.profitUsdPerDay)} at ${last.percent} %.` +
    (best ? ` Most profitable at ${best.percent} % (${Math.round(best.watts)} W): ${formatUsd(best.profitUsdPerDay)} per day.` : '')
  );
}

export function PowerLimitChart({ points, bestPercent, basis = 'stock power' }: PowerLimitChartProps) {
  const data = points.filter((p) => Number.isFinite(p.percent) && Number.isFinite(p.profitUsdPerDay));
  const yScale = niceScale(data.map((p) => p.profitUsdPerDay));
  const xMax = data[data.length - 1]?.percent ?? 100;
  return (
    <div role="img" aria-label={summary(data, bestPercent)} data-testid="power-limit-chart">
      {data.length === 0 ? (
        <p className="muted" style={{ height: CHART_HEIGHT, margin: 0 }}>
          No estimate to chart.
        </p>
      ) : (
        <LineChart responsive data={data} style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 20, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="percent"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(v: number) => `${v} %`}
            tick={TICK}
            tickCount={6}
            stroke="var(--border)"
            label={{ value: `Power limit, % of ${basis}`, position: 'insideBottom', offset: -18, ...AXIS_LABEL }}
          />
          <YAxis
            type="number"
            domain={yScale.domain}
            ticks={yScale.ticks}
            tickFormatter={(v: number) => formatUsd(v)}
            tick={TICK}
            width={72}
            stroke="var(--border)"
            label={{ value: Y_LABEL, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, ...AXIS_LABEL }}
          />
          <Tooltip cursor={{ stroke: 'var(--border)' }} content={(props) => <LimitTooltip {...props} />} />
          <ReferenceLine y={0} stroke="var(--muted)" strokeWidth={1.5} />
          {bestPercent !== null && (
            <ReferenceLine
              x={bestPercent}
              stroke="var(--good)"
              strokeDasharray="6 4"
              label={{
                value: `Best: ${bestPercent} %`,
                position: bestPercent > xMax * 0.6 ? 'insideTopRight' : 'insideTopLeft',
                fill: 'var(--good)',
                fontSize: 12,
              }}
            />
          )}
          <Line type="linear" dataKey="profitUsdPerDay" name={Y_LABEL} stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      )}
    </div>
  );
}
