'use client';

// Profit per day as the electricity price rises: a straight falling line that crosses zero at the
// break-even price. Marks the break-even price and the viewer's own price.
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatUsd } from '@/lib/format/units';
import { niceScale } from './format';
import { CHART_HEIGHT } from './sizes';
import { AXIS_LABEL, TICK, TOOLTIP_STYLE } from './styles';

export type ProfitElectricityPoint = { kwh: number; profitUsdPerDay: number };

export type ProfitElectricityChartProps = {
  points: ProfitElectricityPoint[];
  /** The price (USD/kWh) at which profit is zero; null when there is none. */
  breakEvenKwh: number | null;
  /** The viewer's electricity price, USD/kWh. */
  currentKwh: number;
};

const X_LABEL = 'Electricity price, USD / kWh';
const Y_LABEL = 'Profit, USD / day';

function ElectricityTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as ProfitElectricityPoint | undefined;
  if (!active || !point) return null;
  return (
    <div style={TOOLTIP_STYLE}>
      <div>At {formatUsd(point.kwh)} / kWh</div>
      <div style={{ color: point.profitUsdPerDay < 0 ? 'var(--bad)' : 'var(--good)', fontWeight: 600 }}>
        {formatUsd(point.profitUsdPerDay)} / day
      </div>
    </div>
  );
}

function summary(points: readonly ProfitElectricityPoint[], breakEvenKwh: number | null, currentKwh: number): string {
  if (points.length === 0) return 'Profit against electricity price: no estimate to chart.';
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const breakEven =
    breakEvenKwh === null
      ? 'There is no break-even price.'
      : `Profit reaches zero at ${formatUsd(breakEvenKwh)} per kWh.`;
  const current = Number.isFinite(currentKwh)
    ? ` Your price is ${formatUsd(currentKwh)} per kWh${
        breakEvenKwh === null ? '' : currentKwh < breakEvenKwh ? ', below break-even' : ', at or above break-even'
      }.`
    : '';
  return (
    `Line chart of profit per day from ${formatUsd(first.profitUsdPerDay)} at ${formatUsd(first.kwh)} per kWh ` +
    `to ${formatUsd(last.profitUsdPerDay)} at ${formatUsd(last.kwh)} per kWh. ${breakEven}${current}`
  );
}

/** Profit per day against the electricity price, with break-even and current-price markers. */
export function ProfitElectricityChart({ points, breakEvenKwh, currentKwh }: ProfitElectricityChartProps) {
  const data = points.filter((p) => Number.isFinite(p.kwh) && Number.isFinite(p.profitUsdPerDay));
  const breakEven = breakEvenKwh !== null && Number.isFinite(breakEvenKwh) && breakEvenKwh >= 0 ? breakEvenKwh : null;
  const current = Number.isFinite(currentKwh) && currentKwh >= 0 ? currentKwh : null;
  // Labels sit beside their line, on whichever side has room.
  const xMax = Math.max(data[data.length - 1]?.kwh ?? 0, breakEven ?? 0, current ?? 0);
  const rightHalf = (x: number) => x > xMax * 0.6;
  const yScale = niceScale(data.map((p) => p.profitUsdPerDay));

  return (
    <div role="img" aria-label={summary(data, breakEven, currentKwh)} data-testid="electricity-chart">
      {data.length === 0 ? (
        <p className="muted" style={{ height: CHART_HEIGHT, margin: 0 }}>
          No estimate to chart.
        </p>
      ) : (
        <LineChart responsive data={data} style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 20, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="kwh"
            domain={[0, 'dataMax']}
            tickFormatter={(v: number) => formatUsd(v)}
            tick={TICK}
            tickCount={5}
            stroke="var(--border)"
            label={{ value: X_LABEL, position: 'insideBottom', offset: -18, ...AXIS_LABEL }}
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
          <Tooltip cursor={{ stroke: 'var(--border)' }} content={(props) => <ElectricityTooltip {...props} />} />
          <ReferenceLine y={0} stroke="var(--muted)" strokeWidth={1.5} />
          {breakEven !== null && (
            <ReferenceLine
              x={breakEven}
              ifOverflow="extendDomain"
              stroke="var(--bad)"
              strokeDasharray="6 4"
              label={{ value: `Break-even ${formatUsd(breakEven)}/kWh`, position: rightHalf(breakEven) ? 'insideTopRight' : 'insideTopLeft', fill: 'var(--bad)', fontSize: 12 }}
            />
          )}
          {current !== null && (
            <ReferenceLine
              x={current}
              ifOverflow="extendDomain"
              stroke="var(--accent-2)"
              label={{ value: `You: ${formatUsd(current)}/kWh`, position: rightHalf(current) ? 'insideBottomRight' : 'insideBottomLeft', fill: 'var(--accent-2)', fontSize: 12 }}
            />
          )}
          <Line
            type="linear"
            dataKey="profitUsdPerDay"
            name={Y_LABEL}
            stroke="var(--accent)"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </div>
  );
}
