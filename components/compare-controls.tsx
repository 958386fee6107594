'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { hrefWith, MAX_COMPARE_COINS, type DashboardState } from '@/lib/url/search-params';
import { useSetDashboardParams } from './url-state';

/**
 * "Compare N coins" with the current rig, once at least two are picked. The link is built here
 * from the picked coins, so it is right even before the server has re-rendered the page.
 */
export function CompareBar({ state }: { state: DashboardState }) {
  // The selection as the page shows it (the URL with any value just written), and the island's setter.
  const setParams = useSetDashboardParams();
  const selected = state.coins;
  const selectedRef = useRef(selected);
  useEffect(() => {
    selectedRef.current = selected;
  });

  // The table's checkboxes are plain server-rendered inputs (one listener here instead of a client
  // component per row, which kept every row's hydration and a URL hook per row on each page).
  useEffect(() => {
    const onChange = (event: Event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.dataset.compare === undefined) return;
      const tag = input.dataset.compare;
      const current = selectedRef.current.filter((t) => t !== tag);
      const next = input.checked ? [...current, tag] : current;
      if (next.length > MAX_COMPARE_COINS) {
        input.checked = false;
        return;
      }
      selectedRef.current = next;
      void setParams({ coins: next.length > 0 ? next : null });
    };
    document.addEventListener('change', onChange);
    return () => document.removeEventListener('change', onChange);
  }, [setParams]);
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
