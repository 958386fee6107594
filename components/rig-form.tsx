'use client';

import { debounce, useQueryStates } from 'nuqs';
import { useId, useState, useTransition } from 'react';
import { ALGORITHMS, getAlgorithm } from '@/lib/algorithms';
import { dashboardParsers, hashrateKey, parseFee, parseKwh, parseWatts, wattsKey } from '@/lib/search-params';
import { parseHashrate, serializeHashrate, type ParseResult } from '@/lib/units';

export type RigFormRow = { slug: string; hashrate: number; powerWatts: number | null };

type RowText = { slug: string; hashrate: string; watts: string };

const toText = (row: RigFormRow): RowText => ({
  slug: row.slug,
  hashrate: serializeHashrate(row.hashrate),
  watts: row.powerWatts === null ? '' : String(row.powerWatts),
});

const checkHashrate = (text: string) => (text.trim() === '' ? null : parseHashrate(text));
const checkWatts = (text: string) => (text.trim() === '' ? null : parseWatts(text));

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
            const name = algo?.name ?? row.slug;
            const unit = algo?.unit ?? 'H/s';
            return (
              <fieldset key={row.slug} className="rig-row" style={{ margin: 0 }}>
                <h3>
                  <span>{name}</span>
                  <button type="button" className="icon-button" onClick={() => removeRow(index)} aria-label={`Remove ${name}`}>
                    ×
                  </button>
                </h3>
                <ValidatedField
                  id={`${formId}-hr-${row.slug}`}
                  label={`${name} hashrate`}
                  value={row.hashrate}
                  placeholder={`e.g. 30M (${unit})`}
                  check={checkHashrate(row.hashrate)}
                  hint={row.hashrate.trim() === '' ? `Enter ${unit}, e.g. 30M` : unit}
                  onChange={(text) => updateRow(index, { hashrate: text })}
                />
                <ValidatedField
                  id={`${formId}-w-${row.slug}`}
                  label={`${name} power (W)`}
                  value={row.watts}
                  placeholder="watts at the wall"
                  check={checkWatts(row.watts)}
                  hint={row.watts.trim() === '' ? 'no power cost' : 'W at the wall'}
                  onChange={(text) => updateRow(index, { watts: text })}
                />
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
          <ValidatedField
            id={`${formId}-kwh`}
            label="Electricity (USD/kWh)"
            value={kwh}
            check={parseKwh(kwh)}
            hint="USD per kWh"
            onChange={(text) => {
              setKwh(text);
              const check = parseKwh(text);
              if (check.success) void setParams({ kwh: check.data });
            }}
          />
          <ValidatedField
            id={`${formId}-fee`}
            label="Pool fee (%)"
            value={fee}
            check={parseFee(fee)}
            hint="percent of rewards"
            onChange={(text) => {
              setFee(text);
              const check = parseFee(text);
              if (check.success) void setParams({ fee: check.data });
            }}
          />
        </div>
      </form>
    </section>
  );
}

/** A text input whose parse error is shown right under it and announced; null check = empty. */
function ValidatedField({
  id,
  label,
  value,
  placeholder,
  check,
  hint,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  check: ParseResult<number> | null;
  hint: string;
  onChange: (text: string) => void;
}) {
  const invalid = check !== null && !check.success;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={`${id}-msg`}
        onChange={(e) => onChange(e.target.value)}
      />
      <span id={`${id}-msg`} className={invalid ? 'field-error' : 'field-hint'} role={invalid ? 'alert' : undefined}>
        {invalid ? check.error : hint}
      </span>
    </div>
  );
}
