'use client';

import { DEVICE_SLUGS } from '@/lib/url/search-params';
import { useSetDashboardParams } from './url-state';
import { useDrafts } from './url-drafts';

/** Filters by algorithm, device class and name; each choice is written to the URL (shallow: the browser re-ranks). */
export function FilterBar({
  algorithms,
  algorithm,
  device,
  query,
  sellableOnly,
  shown,
  total,
}: {
  algorithms: ReadonlyArray<{ slug: string; name: string; count: number }>;
  algorithm: string | null;
  device: string | null;
  query: string | null;
  sellableOnly: boolean;
  shown: number;
  total: number;
}) {
  const setParams = useSetDashboardParams();
  const { shown: shownText, type } = useDrafts();
  const text = shownText('q', query ?? '');

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
            <option key={a.slug} value={a.slug}>{`${a.name} (${a.count})`}</option>
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
          const q = e.target.value.trim() || null;
          type('q', e.target.value, q ?? '');
          void setParams({ q });
        }}
      />
      <label className="small">
        <input
          type="checkbox"
          checked={sellableOnly}
          onChange={(e) => void setParams({ sellable: e.target.checked ? true : null })}
        />{' '}
        Hide coins I could not sell
      </label>
      <span className="muted small" aria-live="polite">
        {`${shown} of ${total} coins`}
      </span>
    </div>
  );
}
