// Chart heights, shared by the charts and their lazy-loading skeletons so nothing jumps on load.

/** Height of the scatter, electricity and projection charts, in px. */
export const CHART_HEIGHT = 300;

const BAR_ROW_HEIGHT = 28;
const BAR_CHART_CHROME = 64;
/** Room under the ranking chart for its algorithm legend (two or three lines on a phone). */
export const RANKING_LEGEND_ALLOWANCE = 56;
/** Room for a one-line key under a chart. */
export const LEGEND_ALLOWANCE = 28;

/** The ranking chart's SVG height for `rows` bars. */
export function rankingChartHeight(rows: number): number {
  const count = Number.isFinite(rows) && rows > 0 ? Math.floor(rows) : 1;
  return Math.max(160, count * BAR_ROW_HEIGHT + BAR_CHART_CHROME);
}
