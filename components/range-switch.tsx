'use client';

import { useTransition } from 'react';
import { useRouterDashboardParams } from './router-url-state';
import { HISTORY_RANGES, type HistoryRange } from '@/lib/mining/time';

/** 24 h / 7 d / 30 d / all for the coin page's history charts, in the URL. */
export function RangeSwitch({ range }: { range: HistoryRange }) {
  const [pending, startTransition] = useTransition();
  // History is read on the server: a range change asks it again.
  const [, setParams] = useRouterDashboardParams({ shallow: false, startTransition });
  return (
    <div className="chips" role="group" aria-label="History range">
      {HISTORY_RANGES.map((r) => (
        <button
          key={r}
          type="button"
          className="chip"
          aria-pressed={range === r}
          aria-current={range === r ? 'true' : undefined}
          onClick={() => void setParams({ range: r === '7d' ? null : r })}
        >
          {r}
        </button>
      ))}
      {pending && <span className="muted small">updating…</span>}
    </div>
  );
}
