'use client';

// The dashboard's two charts, loaded only in the browser once their slot nears the viewport:
// recharts stays out of the first load of `/`. Apart from lazy.tsx (the coin page's charts) so
// that `/` carries no loader for charts it never shows.
import { lazy } from 'react';
import type { RankingBarChartProps } from './ranking-bar-chart';
import type { RewardEffortScatterProps } from './reward-effort-scatter';
import { CHART_HEIGHT, LEGEND_ALLOWANCE, RANKING_LEGEND_ALLOWANCE, rankingChartHeight } from './sizes';
import { Slot } from './slot';

const RankingBarChart = lazy(() => import('./ranking-bar-chart').then((m) => ({ default: m.RankingBarChart })));
const RewardEffortScatter = lazy(() => import('./reward-effort-scatter').then((m) => ({ default: m.RewardEffortScatter })));

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
