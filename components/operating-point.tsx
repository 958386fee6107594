// Words a row's operating points: "Radeon VII at max: 268 MH/s, 183 W". Data carries the codes
// (stock, efficient, max, pl-70); the wording lives here.
import { getAlgorithm } from '@/lib/mining/algorithms';
import { formatHashrate } from '@/lib/format/units';
import type { DeviceChoice } from '@/lib/tuning/rig';
import type { Combo } from '@/lib/ranking/combos';
import { hrefWith, type DashboardState } from '@/lib/url/search-params';
import { ShallowLink } from './shallow-link';

const WORDS: Record<string, string> = { stock: 'stock', efficient: 'efficient', max: 'max' };

export function pointWord(label: string, powerLimitPercent?: number): string {
  if (powerLimitPercent !== undefined) return `${powerLimitPercent} % PL`;
  return WORDS[label] ?? label.replace(/-/g, ' ');
}

export function describeChoice(choice: DeviceChoice, algorithm: string, names: Readonly<Record<string, string>>): string {
  const unit = getAlgorithm(algorithm)?.unit ?? 'H/s';
  const { point, count, device } = choice;
  const name = names[device] ?? device;
  const times = count > 1 ? `${count} × ` : '';
  return `${times}${name} at ${pointWord(point.label, point.powerLimitPercent)}: ${formatHashrate(point.hashrate, unit)}, ${Math.round(point.watts)} W`;
}

/** The points a coin's figures use, shown where the rig had a choice (several points, or a power limit). */
export function OperatingPointNote({
  choices,
  algorithm,
  names,
}: {
  choices: readonly DeviceChoice[] | null | undefined;
  algorithm: string;
  names: Readonly<Record<string, string>>;
}) {
  const shown = (choices ?? []).filter((c) => c.pointCount > 1 || c.point.powerLimitPercent !== undefined);
  if (shown.length === 0) return null;
  return (
    <span className="muted small" data-testid="operating-point" data-labels={shown.map((c) => c.point.label).join(',')}>
      {shown.map((c) => describeChoice(c, algorithm, names)).join('; ')}
    </span>
  );
}

/** best | stock: each coin at its most profitable point, or the catalog's stock figures. */
export function TuneSwitch({ state }: { state: DashboardState }) {
  return (
    <div className="chips" role="group" aria-label="Operating points" data-testid="tune-switch">
      <span className="muted small">operating point</span>
      {(['best', 'stock'] as const).map((mode) => (
        <ShallowLink
          key={mode}
          className="chip"
          href={hrefWith('/', state, { tune: mode })}
          aria-current={state.tune === mode ? 'true' : undefined}
        >
          {mode === 'best' ? 'best per coin' : 'stock'}
        </ShallowLink>
      ))}
    </div>
  );
}

/** What a merged or dual row sums, and the caveat a merged row carries: the pool must pay the aux coins. */
export function ComboNote({ combo }: { combo: Combo }) {
  const parts = combo.parts.map((p) => {
    const unit = getAlgorithm(p.algorithm)?.unit ?? 'H/s';
    return combo.kind === 'dual' ? `${p.tag} ${formatHashrate(p.hashrate, unit)}` : p.tag;
  });
  return (
    <span className="muted small" data-testid={`combo-${combo.kind}`}>
      {combo.kind === 'merged'
        ? `Merged mining: ${parts.join(' + ')} on one hash; counts only if your pool pays the aux coins (some pay ${combo.parts[0]?.tag} only).`
        : `Dual mining: ${parts.join(' + ')} at one power draw.`}
      {combo.unpriced.length > 0 && ` No price for ${combo.unpriced.join(', ')}: not counted.`}
    </span>
  );
}
