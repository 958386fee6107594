import { describeFlag, describeRisk, FLAG_BADGES } from '@/lib/format/flags';
import { NETWORK_SHARE_WARN } from '@/lib/risk/risk';
import type { CoinFlag } from '@/lib/model/types';

/**
 * Compact badges; the full message is the title: the tooltip, and the accessible description
 * (ARIA 1.2 allows no aria-label on a generic span, and one mechanism reads it once, not twice).
 */
export function CoinFlags({
  flags,
  networkShare,
  bare = false,
}: {
  flags: readonly CoinFlag[];
  networkShare?: number | null;
  /** The badges alone, with no wrapper: the ranked table places them (one element less per row). */
  bare?: boolean;
}) {
  const bigShare = networkShare !== undefined && networkShare !== null && networkShare > NETWORK_SHARE_WARN;
  if (flags.length === 0 && !bigShare) return null;
  const badges = (
    <>
      {flags.map((flag) => (
        <span
          key={flag.code}
          className={`badge ${FLAG_BADGES[flag.code].bad ? 'badge-bad' : ''}`}
          title={describeFlag(flag)}
        >
          {FLAG_BADGES[flag.code].label}
        </span>
      ))}
      {bigShare && (
        <span
          className="badge badge-bad"
          title={`${describeRisk('big-share', { liquidity: null })} Difficulty will rise when you join.`}
        >
          big share
        </span>
      )}
    </>
  );
  return bare ? badges : <span className="badges">{badges}</span>;
}
