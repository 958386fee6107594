'use client';

import { debounce, useQueryStates } from 'nuqs';
import { useState, useTransition } from 'react';
import { dashboardParsers, DEVICE_SLUGS } from '@/lib/url/search-params';

/** Filters by algorithm, device class and name; each choice is written to the URL. */
export function FilterBar({
  algorithms,
  algorithm,
  device,
  query,
  shown,
  total,
}: {
  algorithms: ReadonlyArray<{ slug: string; name: string; count: number }>;
  algorithm: string | null;
  device: string | null;
  query: string | null;
  shown: number;
  total: number;
}) {
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(query ?? '');
  const [params, setParams] = useQueryStates(dashboardParsers, {
    shallow: false,
    history: 'replace',
    scroll: false,
    startTransition,
  });

  return (
    <div className="toolbar" role="search" aria-label="Filter coins">
      <div className="chips" role="group" aria-label="Device class">
        {[null, ...DEVICE_SLUGS].map((slug) => (
          <button
            key={slug ?? 'all'}
            type="button"
            className="chip"
            aria-current={device === slug ? 'true' : undefined}
            aria-pressed={device === slug}
            onClick={() => void setParams({ device: slug })}
          >
            {slug ? slug.toUpperCase() : 'All devices'}
          </button>
        ))}
      </div>
      <label className="muted small">
        Algorithm{' '}
        <select
          aria-label="Algorithm"
          value={algorithm ?? ''}
          onChange={(e) => void setParams({ algo: e.target.value || null })}
        >
          <option value="">All algorithms</option>
          {algorithms.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name} ({a.count})
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        aria-label="Search coins"
        placeholder="Search coin or ticker"
        value={text}
        maxLength={64}
        onChange={(e) => {
          setText(e.target.value);
          void setParams({ q: e.target.value.trim() || null }, { limitUrlUpdates: debounce(300) });
        }}
      />
      <label className="small">
        <input
          type="checkbox"
          // The URL's value, updated at once on click (the server's re-render follows).
          checked={params.sellable === true}
          onChange={(e) => void setParams({ sellable: e.target.checked ? true : null })}
        />{' '}
        Hide coins I could not sell
      </label>
      <span className="muted small" aria-live="polite">
        {shown} of {total} coins{pending ? ' · updating…' : ''}
      </span>
    </div>
  );
}
