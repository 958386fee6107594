'use client';

import { debounce, useQueryStates } from 'nuqs';
import { useId, useState, useTransition } from 'react';
import { ALGORITHMS, getAlgorithm } from '@/lib/algorithms';
import { dashboardParsers, hashrateKey, parseFee, parseKwh, parseWatts, wattsKey } from '@/lib/search-params';
import { parseHashrate, serializeHashrate } from '@/lib/units';

export type RigFormRow = { slug: string; hashrate: number; powerWatts: number | null };

type RowText = { slug: string; hashrate: string; watts: string };

const toText = (row: RigFormRow): RowText => ({
  slug: row.slug,
  hashrate: serializeHashrate(row.hashrate),
  watts: row.powerWatts === null ? '' : String(row.powerWatts),
});

const checkHashrate = (text: string) => (text.trim() === '' ? null : parseHashrate(text));
const checkWatts = (text: string) => (text.trim() === '' ? null : parseWatts(text));
const checkKwh = parseKwh;
const checkFee = parseFee;

/**
 * The rig: hashrate and watts per algorithm, electricity price and pool fee. Each valid edit
 * is written to the URL (debounced), which re-renders the server table; an invalid field
 * shows its message and leaves the URL, and so the table, as it was.
 */
export function RigForm({
  rows: initialRows,
  electricityUsdPerKwh,
  poolFeePercent,
  isDefaultRig,
  defaultRigName,
}: {
  rows: RigFormRow[];
  electricityUsdPerKwh: number;
  poolFeePercent: number;
  isDefaultRig: boolean;
  defaultRigName: string;
}) {
  const [rows, setRows] = useState<RowText[]>(() => initialRows.map(toText));
  const [kwh, setKwh] = useState(String(electricityUsdPerKwh));
  const [fee, setFee] = useState(String(poolFeePercent));
  const [pending, startTransition] = useTransition();
  const [, setParams] = useQueryStates(dashboardParsers, {
    shallow: false,
    history: 'replace',
    scroll: false,
    startTransition,
    limitUrlUpdates: debounce(400),
  });
  const formId = useId();

  function pushRig(next: RowText[]) {
    const update: Record<string, number | null> = {};
    for (const algo of ALGORITHMS) {
      update[hashrateKey(algo.slug)] = null;
      update[wattsKey(algo.slug)] = null;
    }
    for (const row of next) {
      const hr = checkHashrate(row.hashrate);
      const w = checkWatts(row.watts);
      // An invalid or empty field is not written: the URL keeps its last good value.
      if (hr === null || !hr.success) delete update[hashrateKey(row.slug)];
      else update[hashrateKey(row.slug)] = hr.data;
      if (w !== null && !w.success) delete update[wattsKey(row.slug)];
      else update[wattsKey(row.slug)] = w?.data ?? null;
    }
    void setParams(update);
  }

  function updateRow(index: number, patch: Partial<RowText>) {
    const next = rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
    setRows(next);
    pushRig(next);
  }

  function removeRow(index: number) {
    const next = rows.filter((_, i) => i !== index);
    setRows(next);
    pushRig(next);
  }

  const available = ALGORITHMS.filter((algo) => !rows.some((row) => row.slug === algo.slug));
  const kwhCheck = checkKwh(kwh);
  const feeCheck = checkFee(fee);

  return (
    <section className="panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        Your rig{' '}
        <span className="muted small">
          {isDefaultRig ? `— example: ${defaultRigName}; enter your own figures` : ''}
          {pending ? ' · updating…' : ''}
        </span>
      </h2>
      <form onSubmit={(e) => e.preventDefault()} data-testid="rig-form">
        <div className="rig-grid">
          {rows.map((row, index) => {
            const algo = getAlgorithm(row.slug);
            const unit = algo?.unit ?? 'H/s';
            const hr = checkHashrate(row.hashrate);
            const w = checkWatts(row.watts);
            const hrId = `${formId}-hr-${row.slug}`;
            const wId = `${formId}-w-${row.slug}`;
            return (
              <fieldset key={row.slug} className="rig-row" style={{ margin: 0 }}>
                <h3>
                  <span>{algo?.name ?? row.slug}</span>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => removeRow(index)}
                    aria-label={`Remove ${algo?.name ?? row.slug}`}
                  >
                    ×
                  </button>
                </h3>
                <div className="field">
                  <label htmlFor={hrId}>{algo?.name ?? row.slug} hashrate</label>
                  <input
                    id={hrId}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.hashrate}
                    placeholder={`e.g. 30M (${unit})`}
                    aria-invalid={hr !== null && !hr.success}
                    aria-describedby={`${hrId}-msg`}
                    onChange={(e) => updateRow(index, { hashrate: e.target.value })}
                  />
                  <span id={`${hrId}-msg`} className={hr !== null && !hr.success ? 'field-error' : 'field-hint'} role={hr !== null && !hr.success ? 'alert' : undefined}>
                    {hr === null ? `Enter ${unit}, e.g. 30M` : hr.success ? `${unit}` : hr.error}
                  </span>
                </div>
                <div className="field">
                  <label htmlFor={wId}>{algo?.name ?? row.slug} power (W)</label>
                  <input
                    id={wId}
                    inputMode="decimal"
                    autoComplete="off"
                    value={row.watts}
                    placeholder="watts at the wall"
                    aria-invalid={w !== null && !w.success}
                    aria-describedby={`${wId}-msg`}
                    onChange={(e) => updateRow(index, { watts: e.target.value })}
                  />
                  <span id={`${wId}-msg`} className={w !== null && !w.success ? 'field-error' : 'field-hint'} role={w !== null && !w.success ? 'alert' : undefined}>
                    {w === null ? 'no power cost' : w.success ? 'W at the wall' : w.error}
                  </span>
                </div>
              </fieldset>
            );
          })}
        </div>
        <div className="rig-settings">
          <div className="field">
            <label htmlFor={`${formId}-add`}>Add an algorithm</label>
            <select
              id={`${formId}-add`}
              value=""
              onChange={(e) => {
                if (!e.target.value) return;
                setRows([...rows, { slug: e.target.value, hashrate: '', watts: '' }]);
              }}
            >
              <option value="">Choose…</option>
              {available.map((algo) => (
                <option key={algo.slug} value={algo.slug}>
                  {algo.name} ({algo.devices.join('/')})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${formId}-kwh`}>Electricity (USD/kWh)</label>
            <input
              id={`${formId}-kwh`}
              inputMode="decimal"
              value={kwh}
              aria-invalid={!kwhCheck.success}
              aria-describedby={`${formId}-kwh-msg`}
              onChange={(e) => {
                setKwh(e.target.value);
                const check = checkKwh(e.target.value);
                if (check.success) void setParams({ kwh: check.data });
              }}
            />
            <span id={`${formId}-kwh-msg`} className={kwhCheck.success ? 'field-hint' : 'field-error'} role={kwhCheck.success ? undefined : 'alert'}>
              {kwhCheck.success ? 'USD per kWh' : kwhCheck.error}
            </span>
          </div>
          <div className="field">
            <label htmlFor={`${formId}-fee`}>Pool fee (%)</label>
            <input
              id={`${formId}-fee`}
              inputMode="decimal"
              value={fee}
              aria-invalid={!feeCheck.success}
              aria-describedby={`${formId}-fee-msg`}
              onChange={(e) => {
                setFee(e.target.value);
                const check = checkFee(e.target.value);
                if (check.success) void setParams({ fee: check.data });
              }}
            />
            <span id={`${formId}-fee-msg`} className={feeCheck.success ? 'field-hint' : 'field-error'} role={feeCheck.success ? undefined : 'alert'}>
              {feeCheck.success ? 'percent of rewards' : feeCheck.error}
            </span>
          </div>
        </div>
      </form>
    </section>
  );
}
