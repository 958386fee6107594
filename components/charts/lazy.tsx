'use client';

// The coin page's charts, loaded only in the browser once their slot nears the viewport (Slot),
// so recharts stays out of the first-load bundle. The dashboard's are in lazy-ranking.tsx.
import { lazy } from 'react';
import type { HistoryChartProps } from './history-chart';
import type { DayProfileChartProps } from './day-profile-chart';
import type { ProfitElectricityChartProps } from './profit-electricity-chart';
import type { PowerLimitChartProps } from './power-limit-chart';
import type { ProjectionChartProps } from './projection-chart';
import { CHART_HEIGHT, LEGEND_ALLOWANCE } from './sizes';
import { Slot } from './slot';

const ProfitElectricityChart = lazy(() =>
  import('./profit-electricity-chart').then((m) => ({ default: m.ProfitElectricityChart })),
);
const ProjectionChart = lazy(() => import('./projection-chart').then((m) => ({ default: m.ProjectionChart })));
const PowerLimitChart = lazy(() => import('./power-limit-chart').then((m) => ({ default: m.PowerLimitChart })));
const HistoryChart = lazy(() => import('./history-chart').then((m) => ({ default: m.HistoryChart })));
const DayProfileChart = lazy(() => import('./day-profile-chart').then((m) => ({ default: m.DayProfileChart })));

export function LazyProfitElectricityChart(props: ProfitElectricityChartProps) {
  return (
    <Slot height={CHART_HEIGHT}>
      <ProfitElectricityChart {...props} />
    </Slot>
  );
}

export function LazyProjectionChart(props: ProjectionChartProps) {
  const hasKey = props.halvingDays.length > 0 || props.breakEvenDay !== null;
  return (
    <Slot height={CHART_HEIGHT + (hasKey ? LEGEND_ALLOWANCE : 0)}>
      <ProjectionChart {...props} />
    </Slot>
  );
}

export function LazyPowerLimitChart(props: PowerLimitChartProps) {
  return (
    <Slot height={CHART_HEIGHT}>
      <PowerLimitChart {...props} />
    </Slot>
  );
}

export function LazyHistoryChart(props: HistoryChartProps) {
  return (
    <Slot height={CHART_HEIGHT * 0.7}>
      <HistoryChart {...props} />
    </Slot>
  );
}

export function LazyDayProfileChart(props: DayProfileChartProps) {
  return (
    <Slot height={CHART_HEIGHT}>
      <DayProfileChart {...props} />
    </Slot>
  );
}
