// What a link-preview image says for a view: its title, its rig, and its top coins with their
// profit, all computed the way the page computes them.
import { getAlgorithm } from '@/lib/mining/algorithms';
import { getDevice } from '@/lib/hardware/catalog';
import { formatMoney } from '@/lib/format/money';
import { CURRENCY_LABEL, moneyPer } from '@/lib/ranking/currency';
import type { DashboardState } from '@/lib/url/search-params';
import type { Snapshot } from '@/lib/model/types';
import { formatHashrate } from '@/lib/format/units';
import { buildView } from '@/lib/ranking/view';
import type { SpotFeed } from '@/lib/electricity/tariff';

export type PreviewCard = {
  title: string;
  rigLine: string;
  dataLine: string;
  rows: Array<{ tag: string; algorithm: string; value: string; negative: boolean }>;
};

/**
 * The image font covers Latin-1 only; any other glyph would make next/og fetch a font from the
 * internet at render time. Map the few we use, drop the rest.
 */
function latin1(text: string): string {
  return text
    .replace(/\u2212/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\u2026/g, '...')
    .replace(/[^\u0000-\u00ff]/g, '');
}

export function previewCard(
  snapshot: Snapshot,
  requested: DashboardState,
  { page, tag }: { page: string; tag: string | null },
  spot: SpotFeed | null = null,
): PreviewCard {
  const view = buildView(snapshot, requested, spot);
  const { state, rig } = view;
  const unit = `${CURRENCY_LABEL[state.currency]}/${state.period}`;

  let rows = view.rows.filter((r) => r.estimate?.profitUsdPerDay != null);
  let title = 'Most profitable coins for this rig';
  if (page === 'compare' && state.coins.length > 0) {
    rows = state.coins.flatMap((t) => view.rows.filter((r) => r.coin.tag === t && !r.combo));
    title = `Compare ${state.coins.join(' · ')}`;
  } else if (page === 'coin' && tag) {
    rows = view.rows.filter((r) => r.coin.tag.toUpperCase() === tag.toUpperCase() && !r.combo);
    title = rows[0] ? `${rows[0].coin.name} (${rows[0].coin.tag}) for this rig` : `Unknown coin ${tag.slice(0, 16)}`;
  } else {
    rows = [...rows].sort((a, b) => (b.estimate?.profitUsdPerDay ?? 0) - (a.estimate?.profitUsdPerDay ?? 0));
  }

  const devices = rig.devices.map((d) => `${d.count} × ${getDevice(d.id)?.name ?? d.id}`);
  const handTyped = Object.entries(state.hashrates).map(
    ([slug, h]) => `${getAlgorithm(slug)?.name ?? slug} ${formatHashrate(h, getAlgorithm(slug)?.unit ?? 'H/s')}`,
  );
  const rigLine = `${[...devices, ...handTyped].join(' + ') || 'no rig'} · $${rig.electricityUsdPerKwh}/kWh`;
  const date = snapshot.asOf.slice(0, 10);
  const dataLine = snapshot.mode === 'embedded' ? `offline snapshot of ${date}` : `data as of ${date}`;

  return {
    title: latin1(title),
    rigLine: latin1(rigLine),
    dataLine,
    rows: rows.slice(0, 5).map((r) => {
      const profit = moneyPer(r.estimate?.profitUsdPerDay ?? null, state, view.rates);
      return {
        tag: latin1(r.coin.tag),
        algorithm: latin1(getAlgorithm(r.coin.algorithm)?.name ?? r.coin.algorithm),
        value: latin1(profit === null ? 'no estimate' : `${formatMoney(profit, CURRENCY_LABEL[state.currency])} ${unit}`),
        negative: profit !== null && profit < 0,
      };
    }),
  };
}
