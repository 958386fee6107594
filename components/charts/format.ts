// Tick and tooltip text for the charts, through the shared formatters (lib/format/units, lib/format/money).
import { formatMoney } from '@/lib/format/money';
import { formatSignificant } from '@/lib/format/units';

export type ValueFormat = 'usd' | 'btc' | 'eur' | 'plain';

const CURRENCY = { usd: 'USD', eur: 'EUR', btc: 'BTC' } as const;

/** A chart value in the given format; an em dash for a missing or non-finite value. */
export function formatChartValue(value: number | null | undefined, format: ValueFormat): string {
  return format === 'plain' ? formatSignificant(value, 4) : formatMoney(value, CURRENCY[format]);
}

/** Long names cut to `max` characters with an ellipsis, so axis labels fit a phone. */
export function truncateLabel(text: string, max = 12): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `value` (axis ends that read well). */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const exponent = Math.floor(Math.log10(value));
  const base = 10 ** exponent;
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * base >= value) return step * base;
  }
  return 10 * base;
}

/**
 * An axis that holds every value and zero, with about `count` round steps (1, 2, 2.5 or 5 × 10^k)
 * and ends on a step, so zero is always a tick: [−1.5, 3.2] → domain [−2, 4], ticks −2, 0, 2, 4.
 */
export function niceScale(values: readonly number[], count = 4): { domain: [number, number]; ticks: number[] } {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) max = 1;
  const step = niceCeil((max - min) / Math.max(1, count));
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  // Values too large for round steps (near the limit of a double): just the ends and zero.
  if (!Number.isFinite(max - min) || last - first > 4 * Math.max(1, count)) {
    return { domain: [min, max], ticks: [...new Set([min, 0, max])] };
  }
  const ticks: number[] = [];
  // Round away binary noise (0.1 × 3 = 0.30000000000000004) so tick labels stay clean.
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}
