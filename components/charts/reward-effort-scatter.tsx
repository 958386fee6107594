'use client';

// Revenue against power cost per coin: each point is a coin, labelled with its tag and coloured
// by algorithm. Above the y = x diagonal a coin earns more than its electricity costs.
// Tags that would overlap in a crowd are dropped; the tooltip names every point.
import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import type { ScatterShapeProps, TooltipContentProps } from 'recharts';
import { getAlgorithm } from '@/lib/mining/algorithms';
import { algorithmColor } from './colors';
import { formatChartValue, niceScale, type ValueFormat } from './format';
import { CHART_HEIGHT } from './sizes';
import { AXIS_LABEL, LEGEND_ITEM_STYLE, LEGEND_STYLE, TICK, TOOLTIP_STYLE } from './styles';

const DIAGONAL_KEY_STYLE = { display: 'inline-block', width: 16, height: 0, borderTop: '2px dashed var(--muted)' } as const;

export type RewardEffortDatum = { tag: string; algorithm: string; x: number; y: number };

export type RewardEffortScatterProps = {
  data: RewardEffortDatum[];
  /** e.g. "Power cost, USD / day" */
  xLabel: string;
  /** e.g. "Revenue, USD / day" */
  yLabel: string;
  /** How to write the figures; both axes share it. Defaults to plain significant figures. */
  formatValue?: ValueFormat;
};

function PointShape(props: ScatterShapeProps) {
  const point = props.payload as RewardEffortDatum | undefined;
  if (props.cx === undefined || props.cy === undefined) return null;
  return (
    <circle
      cx={props.cx}
      cy={props.cy}
      r={5}
      fill={algorithmColor(point?.algorithm ?? '')}
      stroke="var(--bg)"
      strokeWidth={1}
    />
  );
}

const LABEL_FONT_SIZE = 11;
/** Rough advance of one character at LABEL_FONT_SIZE, for the overlap test. */
const CHAR_WIDTH = 6.6;

/**
 * Each point's tag just above it. Where points crowd, a tag that would overlap one already placed
 * is left out (the tooltip still names the point); points earlier in `points` win.
 */
function TagLabels({ points }: { points: readonly RewardEffortDatum[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const placed: Array<{ x: number; y: number; halfWidth: number }> = [];
  const labels: Array<{ key: string; x: number; y: number; text: string }> = [];
  points.forEach((point, i) => {
    const cx = xScale(point.x);
    const cy = yScale(point.y);
    if (cx === undefined || cy === undefined || !Number.isFinite(cx) || !Number.isFinite(cy)) return;
    const x = cx;
    const y = cy - 9;
    const halfWidth = (point.tag.length * CHAR_WIDTH) / 2;
    const clash = placed.some(
      (p) => Math.abs(p.x - x) < p.halfWidth + halfWidth + 2 && Math.abs(p.y - y) < LABEL_FONT_SIZE + 1,
    );
    if (clash) return;
    placed.push({ x, y, halfWidth });
    labels.push({ key: `${point.tag}-${i}`, x, y, text: point.tag });
  });
  return (
    <g className="scatter-tags" pointerEvents="none">
      {labels.map((l) => (
        <text key={l.key} x={l.x} y={l.y} textAnchor="middle" fill="var(--text)" fontSize={LABEL_FONT_SIZE}>
          {l.text}
        </text>
      ))}
    </g>
  );
}

function ScatterTooltip({
  active,
  payload,
  xLabel,
  yLabel,
  format,
}: TooltipContentProps & { xLabel: string; yLabel: string; format: ValueFormat }) {
  const point = payload?.[0]?.payload as RewardEffortDatum | undefined;
  if (!active || !point) return null;
  const pays = point.y > point.x;
  return (
    <div style={TOOLTIP_STYLE}>
      <strong>{point.tag}</strong>{' '}
      <span style={{ color: algorithmColor(point.algorithm) }}>
        {getAlgorithm(point.algorithm)?.name ?? point.algorithm}
      </span>
      <div>
        {yLabel}: {formatChartValue(point.y, format)}
      </div>
      <div>
        {xLabel}: {formatChartValue(point.x, format)}
      </div>
      <div style={{ color: pays ? 'var(--good)' : 'var(--bad)' }}>
        {pays ? 'Pays: revenue above power cost' : 'Loses: power cost at or above revenue'}
      </div>
    </div>
  );
}

function summary(points: readonly RewardEffortDatum[], xLabel: string, yLabel: string): string {
  if (points.length === 0) return `${yLabel} against ${xLabel}: no coins to chart.`;
  const paying = points.filter((p) => p.y > p.x).length;
  return (
    `Scatter chart of ${yLabel} against ${xLabel} for ${points.length} coins, with a break-even diagonal ` +
    `where revenue equals power cost. ${paying} of ${points.length} lie above it and pay for their power.`
  );
}

/** Revenue (y) against power cost (x) per coin, with the y = x break-even line. */
export function RewardEffortScatter({ data, xLabel, yLabel, formatValue = 'plain' }: RewardEffortScatterProps) {
  const points = data.filter((d) => Number.isFinite(d.x) && Number.isFinite(d.y) && d.x >= 0 && d.y >= 0);
  // A little headroom so the top and right points keep their labels inside the plot.
  const xScale = niceScale(points.map((p) => p.x * 1.05));
  const yScale = niceScale(points.map((p) => p.y * 1.1));
  // The diagonal runs from the origin to where it leaves the plot, so it is never clipped away.
  const diagonalEnd = Math.min(xScale.domain[1], yScale.domain[1]);
  const format = (v: number) => formatChartValue(v, formatValue);

  return (
    <div role="img" aria-label={summary(points, xLabel, yLabel)} data-testid="scatter-chart">
      {points.length === 0 ? (
        <p className="muted" style={{ height: CHART_HEIGHT, margin: 0 }}>
          No coins to chart.
        </p>
      ) : (
        <ScatterChart responsive style={{ width: '100%', height: CHART_HEIGHT }} margin={{ top: 16, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={xLabel}
            domain={xScale.domain}
            ticks={xScale.ticks}
            tickFormatter={format}
            tick={TICK}
            stroke="var(--border)"
            label={{ value: xLabel, position: 'insideBottom', offset: -18, ...AXIS_LABEL }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={yLabel}
            domain={yScale.domain}
            ticks={yScale.ticks}
            tickFormatter={format}
            tick={TICK}
            width={72}
            stroke="var(--border)"
            label={{ value: yLabel, angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, ...AXIS_LABEL }}
          />
          <ReferenceLine
            segment={[
              { x: 0, y: 0 },
              { x: diagonalEnd, y: diagonalEnd },
            ]}
            stroke="var(--muted)"
            strokeDasharray="6 4"
          />
          <Tooltip
            cursor={{ strokeDasharray: '3 3', stroke: 'var(--border)' }}
            content={(props) => <ScatterTooltip {...props} xLabel={xLabel} yLabel={yLabel} format={formatValue} />}
          />
          <Scatter data={points} shape={PointShape} isAnimationActive={false} />
          <TagLabels points={points} />
        </ScatterChart>
      )}
      {/* The diagonal's key sits under the plot: a label on the line would land on the points. */}
      <ul style={LEGEND_STYLE} aria-hidden="true">
        <li style={LEGEND_ITEM_STYLE}>
          <span style={{ ...DIAGONAL_KEY_STYLE }} />
          break-even: revenue = power cost (points above it pay)
        </li>
      </ul>
    </div>
  );
}
