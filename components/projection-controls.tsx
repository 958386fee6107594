'use client';

import { debounce } from 'nuqs';
import { useId, useState, useTransition } from 'react';
import { HORIZONS, parseGrowth, parseHardwareCost } from '@/lib/url/search-params';
import { useRouterDashboardParams } from './router-url-state';

/** Difficulty growth, horizon and hardware cost for the coin page's projection, in the URL. */
export function ProjectionControls({
  growthPercentPerMonth,
  horizonDays,
  hardwareCostUsd,
}: {
  growthPercentPerMonth: number;
  horizonDays: number;
  hardwareCostUsd: number | null;
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  // The projection is computed on the server: these writes ask it again (debounced while typing).
  const [, setParams] = useRouterDashboardParams({ shallow: false, startTransition, limitUrlUpdates: debounce(400) });
  const [growth, setGrowth] = useState(String(growthPercentPerMonth));
  const [hardware, setHardware] = useState(hardwareCostUsd === null ? '' : String(hardwareCostUsd));
  const growthCheck = parseGrowth(growth);
  const hardwareCheck = hardware.trim() === '' ? null : parseHardwareCost(hardware);

  return (
    <div className="rig-settings" data-testid="projection-controls">
      <div className="field">
        <label htmlFor={`${id}-growth`}>Difficulty growth (% per month)</label>
        <input
          id={`${id}-growth`}
          inputMode="decimal"
          value={growth}
          aria-invalid={!growthCheck.success}
          aria-describedby={`${id}-growth-msg`}
          onChange={(e) => {
            setGrowth(e.target.value);
            const check = parseGrowth(e.target.value);
            if (check.success) void setParams({ growth: check.data === 0 ? null : check.data });
          }}
        />
        <span id={`${id}-growth-msg`} className={growthCheck.success ? 'field-hint' : 'field-error'} role={growthCheck.success ? undefined : 'alert'}>
          {growthCheck.success ? 'compounds monthly; negative if it falls' : growthCheck.error}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-hw`}>Hardware cost (USD)</label>
        <input
          id={`${id}-hw`}
          inputMode="decimal"
          value={hardware}
          placeholder="for break-even (ROI)"
          aria-invalid={hardwareCheck !== null && !hardwareCheck.success}
          aria-describedby={`${id}-hw-msg`}
          onChange={(e) => {
            setHardware(e.target.value);
            const check = e.target.value.trim() === '' ? null : parseHardwareCost(e.target.value);
            if (check === null) void setParams({ hw: null });
            else if (check.success) void setParams({ hw: check.data });
          }}
        />
        <span
          id={`${id}-hw-msg`}
          className={hardwareCheck !== null && !hardwareCheck.success ? 'field-error' : 'field-hint'}
          role={hardwareCheck !== null && !hardwareCheck.success ? 'alert' : undefined}
        >
          {hardwareCheck !== null && !hardwareCheck.success ? hardwareCheck.error : 'optional'}
        </span>
      </div>
      <div className="chips" role="group" aria-label="Projection horizon">
        {HORIZONS.map((days) => (
          <button
            key={days}
            type="button"
            className="chip"
            aria-pressed={horizonDays === days}
            aria-current={horizonDays === days ? 'true' : undefined}
            onClick={() => void setParams({ days: days === 90 ? null : days })}
          >
            {days} days
          </button>
        ))}
      </div>
      {pending && <span className="muted small">updating…</span>}
    </div>
  );
}
