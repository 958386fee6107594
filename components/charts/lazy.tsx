'use client';

// The charts, loaded only in the browser after the page has painted: recharts stays out of the
// first-load bundle, and a skeleton of each chart's size holds its place so nothing jumps.
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { HistoryChartProps } from './history-chart';
import type { DayProfileChartProps } from './day-profile-chart';
import type { ProfitElectricityChartProps } from './profit-electricity-chart';
import type { PowerLimitChartProps } from './power-limit-chart';
import type { ProjectionChartProps } from './projection-chart';
import type { RankingBarChartProps } from './ranking-bar-chart';
import type { RewardEffortScatterProps } from './reward-effort-scatter';
import { CHART_HEIGHT, LEGEND_ALLOWANCE, RANKING_LEGEND_ALLOWANCE, rankingChartHeight } from './sizes';

/** Fills its slot (whose min-height is the chart's height) until the chart arrives. */
function ChartSkeleton() {
  return <div className="chart-skeleton" aria-hidden="true" style={{ height: '100%', minHeight: 'inherit' }} />;
}

const loading = () => <ChartSkeleton />;

const RankingBarChart = dynamic(() => import('./ranking-bar-chart').then((m) => m.RankingBarChart), {
  ssr: false,
  loading,
});
const RewardEffortScatter = dynamic(() => import('./reward-effort-scatter').then((m) => m.RewardEffortScatter), {
  ssr: false,
  loading,
});
const ProfitElectricityChart = dynamic(
  () => import('./profit-electricity-chart').then((m) => m.ProfitElectricityChart),
  { ssr: false, loading },
);
const ProjectionChart = dynamic(() => import('./projection-chart').then((m) => m.ProjectionChart), {
  ssr: false,
  loading,
});

/**
 * Holds a chart's place and mounts it once the slot comes within a screen of the viewport: on a
 * phone the charts sit below the table's top, and loading and drawing recharts there was most of
 * the page's main-thread blocking time before anyone scrolled to them.
 */
function Slot({ height, children }: { height: number; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      // Within 200 px below the fold: the first screen's charts still load at once.
      { rootMargin: '0px 0px 200px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} style={{ minHeight: height }} data-chart-slot="">
      {near ? children : <ChartSkeleton />}
    </div>
  );
}

export function LazyRankingBarChart(props: RankingBarChartProps) {
  return (
    <Slot height={rankingChartHeight(props.data.length) + RANKING_LEGEND_ALLOWANCE}>
      <RankingBarChart {...props} />
    </Slot>
  );
}

export function LazyRewardEffortScatter(props: RewardEffortScatterProps) {
  return (
    <Slot height={CHART_HEIGHT + LEGEND_ALLOWANCE}>
      <RewardEffortScatter {...props} />
    </Slot>
  );
}

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

const PowerLimitChart = dynamic(() => import('./power-limit-chart').then((m) => m.PowerLimitChart), {
  ssr: false,
  loading,
});

export function LazyPowerLimitChart(props: PowerLimitChartProps) {
  return (
    <Slot height={CHART_HEIGHT}>
      <PowerLimitChart {...props} />
    </Slot>
  );
}

const HistoryChart = dynamic(() => import('./history-chart').then((m) => m.HistoryChart), { ssr: false, loading });

export function LazyHistoryChart(props: HistoryChartProps) {
  return (
    <Slot height={CHART_HEIGHT * 0.7}>
      <HistoryChart {...props} />
    </Slot>
  );
}

const DayProfileChart = dynamic(() => import('./day-profile-chart').then((m) => m.DayProfileChart), { ssr: false, loading });

export function LazyDayProfileChart(props: DayProfileChartProps) {
  return (
    <Slot height={CHART_HEIGHT}>
      <DayProfileChart {...props} />
    </Slot>
  );
}
