'use client';

// The priced day hour by hour: bars of what an hour of mining earns after its electricity (green
// where the rig runs, faded where it stays off), and the hour's price as a line on its own axis.
import { Bar, CartesianGrid, Cell, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatUsd } from '@/lib/format/units';
import type { ProfilePoint } from '@/lib/electricity/profile';
import { niceScale } from './format';
import { CHART_HEIGHT } from './sizes';
import { AXIS_LABEL, TICK, TOOLTIP_STYLE } from './styles';

export type DayProfileChartProps = { points: ProfilePoint[]; timeZone: string };

const price = (x: number) => `${formatUsd(x)}/kWh`;

function ProfileTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as ProfilePoint | undefined;
  if (!active || !point) return null;
  return (
    <div style={TOOLTIP_STYLE}>
      <div>{point.label}</div>
      <div>Electricity {price(point.priceUsdPerKwh)}</div>
      <div style={{ color: (point.profitUsd ?? 0) < 0 ? 'var(--bad)' : 'var(--good)', fontWeight: 600 }}>
        Mining this hour: {formatUsd(point.profitUsd)}
      </div>
      <div className="muted">{point.mining ? 'The rig runs' : 'The rig is off'}</div>
    </div>
  );
}

function summary(points: readonly ProfilePoint[], timeZone: string): string {
  if (points.length === 0) return 'Hourly profile: no hours to chart.';
  const prices = points.map((p) => p.priceUsdPerKwh);
  const running = points.filter((p) => p.mining).map((p) => p.label);
  return (
    `Hourly profile of ${points.length} hours in ${timeZone}: electricity from ${price(Math.min(...prices))} to ` +
    `${price(Math.max(...prices))}; the rig runs ${running.length} of ${points.length} hours` +
    (running.length > 0 && running.length < points.length ? ` (${running.join(', ')}).` : '.')
  );
}

export function DayProfileChart({ points, timeZone }: DayProfileChartProps) {
  const data = points.map((p) => ({ ...p, profit: p.profitUsd ?? 0 }));
  const profitScale = niceScale(data.map((p) => p.profit));
  const priceScale = niceScale(data.map((p) => p.priceUsdPerKwh));
  return (
    <div role="img" aria-label={summary(points, timeZone)} data-testid="day-profile-chart">
      <ComposedChart
        responsive
        data={data}
        style={{ width: '100%', height: CHART_HEIGHT }}
        margin={{ top: 16, right: 8, bottom: 28, left: 8 }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={TICK}
          interval={2}
          stroke="var(--border)"
          label={{ value: `Hour (${timeZone})`, position: 'insideBottom', offset: -18, ...AXIS_LABEL }}
        />
        <YAxis
          yAxisId="profit"
          domain={profitScale.domain}
          ticks={profitScale.ticks}
          tickFormatter={(v: number) => formatUsd(v)}
          tick={TICK}
          width={72}
          stroke="var(--border)"
          label={{ value: 'Profit, USD / hour', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, ...AXIS_LABEL }}
        />
        <YAxis
          yAxisId="price"
          orientation="right"
          domain={priceScale.domain}
          ticks={priceScale.ticks}
          tickFormatter={(v: number) => formatUsd(v)}
          tick={TICK}
          width={64}
          stroke="var(--border)"
          label={{ value: 'USD / kWh', angle: 90, position: 'insideRight', style: { textAnchor: 'middle' }, ...AXIS_LABEL }}
        />
        <Tooltip cursor={{ fill: 'var(--panel-2)' }} content={(props) => <ProfileTooltip {...props} />} />
        <ReferenceLine yAxisId="profit" y={0} stroke="var(--muted)" strokeWidth={1.5} />
        <Bar yAxisId="profit" dataKey="profit" name="Profit per hour" isAnimationActive={false}>
          {data.map((p) => (
            <Cell
              key={p.startMs}
              fill={p.profit < 0 ? 'var(--bad)' : 'var(--good)'}
              fillOpacity={p.mining ? 0.9 : 0.25}
              data-mining={p.mining ? '1' : '0'}
            />
          ))}
        </Bar>
        <Line
          yAxisId="price"
          type="stepAfter"
          dataKey="priceUsdPerKwh"
          name="Electricity price"
          stroke="var(--accent-2)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
