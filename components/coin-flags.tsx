import type { CoinFlag } from '@/lib/model/types';

const LABELS: Record<CoinFlag['code'], { label: string; bad: boolean }> = {
  lagging: { label: 'lagging', bad: true },
  'difficulty-mismatch': { label: 'D ≠ N', bad: true },
  'no-price': { label: 'no market', bad: true },
  'no-volume': { label: 'no trading', bad: true },
  'stale-source': { label: 'stale', bad: true },
  'price-disagreement': { label: 'prices differ', bad: true },
  'volatile-difficulty': { label: 'jumpy difficulty', bad: true },
  'source-disagreement': { label: 'sources differ', bad: true },
};

/** Compact badges; the full message is the tooltip and the accessible name. */
export function CoinFlags({ flags, networkShare }: { flags: readonly CoinFlag[]; networkShare?: number | null }) {
  const bigShare = networkShare !== undefined && networkShare !== null && networkShare > 0.05;
  if (flags.length === 0 && !bigShare) return null;
  return (
    <span className="badges">
      {flags.map((flag) => (
        <span
          key={flag.code}
          className={`badge ${LABELS[flag.code].bad ? 'badge-bad' : ''}`}
          title={flag.message}
          aria-label={flag.message}
        >
          {LABELS[flag.code].label}
        </span>
      ))}
      {bigShare && (
        <span
          className="badge badge-bad"
          title="Your rig would be more than 5 % of this network: difficulty will rise when you join."
          aria-label="Your rig would be more than 5 % of this network"
        >
          big share
        </span>
      )}
    </span>
  );
}
