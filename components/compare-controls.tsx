'use client';

import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { dashboardParsers, hrefWith, MAX_COMPARE_COINS, type DashboardState } from '@/lib/search-params';

const COINS = { coins: dashboardParsers.coins };

/** Adds or removes a coin from the comparison (`coins=` in the URL). */
export function CompareCheckbox({ tag }: { tag: string }) {
  const [{ coins }, setParams] = useQueryStates(COINS, { shallow: false, history: 'replace', scroll: false });
  const selected = coins ?? [];
  const checked = selected.includes(tag);
  const full = !checked && selected.length >= MAX_COMPARE_COINS;
  return (
    <input
      type="checkbox"
      checked={checked}
      disabled={full}
      title={full ? `Compare at most ${MAX_COMPARE_COINS} coins` : `Compare ${tag}`}
      aria-label={`Compare ${tag}`}
      onChange={() => {
        const next = checked ? selected.filter((t) => t !== tag) : [...selected, tag];
        void setParams({ coins: next.length > 0 ? next : null });
      }}
    />
  );
}

/**
 * "Compare N coins" with the current rig, once at least two are picked. The link is built here
 * from the picked coins, so it is right even before the server has re-rendered the page.
 */
export function CompareBar({ state }: { state: DashboardState }) {
  const [{ coins }, setParams] = useQueryStates(COINS, { shallow: false, history: 'replace', scroll: false });
  const selected = coins ?? [];
  if (selected.length === 0) {
    return <span className="muted small">Tick coins in the table to compare them side by side.</span>;
  }
  return (
    <span className="compare-bar" data-testid="compare-bar">
      <strong>{selected.join(', ')}</strong>{' '}
      {selected.length >= 2 ? (
        <Link className="button button-primary" href={hrefWith('/compare', { ...state, coins: selected })}>
          Compare {selected.length} coins →
        </Link>
      ) : (
        <span className="muted small">pick one more to compare</span>
      )}{' '}
      <button type="button" onClick={() => void setParams({ coins: null })}>
        Clear
      </button>
    </span>
  );
}
