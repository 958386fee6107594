'use client';

import { debounce, useQueryStates } from 'nuqs';
import { useEffect, useId, useMemo, useState, useTransition } from 'react';
import { ALGORITHMS, getAlgorithm } from '@/lib/mining/algorithms';
import { getDevice, MAX_DEVICE_COUNT, searchDevices, type RigDevice } from '@/lib/hardware/catalog';
import {
  dashboardParsers,
  DEFAULT_KWH_USD,
  DEFAULT_POOL_FEE_PERCENT,
  hashrateKey,
  parseFee,
  parseKwh,
  parseWatts,
  wattsKey,
} from '@/lib/url/search-params';
import { formatHashrate, parseDecimal, parseHashrate, serializeHashrate, type ParseResult } from '@/lib/format/units';
import { TariffFields } from '@/components/tariff-fields';
import type { TariffSettings } from '@/lib/electricity/tariff';

type Override = { slug: string; hashrate: string; watts: string };

const checkHashrate = (text: string) => (text.trim() === '' ? null : parseHashrate(text));
const checkWatts = (text: string) => (text.trim() === '' ? null : parseWatts(text));
const checkCount = (text: string) =>
  parseDecimal(text, { min: 1, max: MAX_DEVICE_COUNT, label: 'the number of devices', unit: '' });

type RigFormProps = Parameters<typeof RigFormFields>[0];

/** How long after a back/forward new props still count as that move's. */
const HISTORY_SETTLE_MS = 2000;

/**
 * The form keeps what is typed in local state, so a server re-render after its own URL write never
 * resets a field mid-edit. Back and forward are different: they bring an older rig from the URL,
 * so the first new props after a history move remount the fields from the URL.
 */
export function RigForm(props: RigFormProps) {
  const propsKey = JSON.stringify([
    props.devices,
    props.hashrates,
    props.powerWatts,
    props.electricityUsdPerKwh,
    props.poolFeePercent,
  ]);
  const [seenKey, setSeenKey] = useState(propsKey);
  const [historyMoved, setHistoryMoved] = useState(false);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    // A back/forward that changes the rig brings new props right away (from the router's cache
    // or one server render); one that changes only the sort or a filter brings none, and after a
    // moment a props change is the form's own edit again, which must not reset the fields.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onPopState = () => {
      setHistoryMoved(true);
      clearTimeout(timer);
      timer = setTimeout(() => setHistoryMoved(false), HISTORY_SETTLE_MS);
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('popstate', onPopState);
    };
  }, []);
  if (propsKey !== seenKey) {
    setSeenKey(propsKey);
    if (historyMoved) {
      setHistoryMoved(false);
      setGeneration((g) => g + 1);
    }
  }
  return <RigFormFields key={generation} {...props} />;
}

/**
 * The rig: catalog devices with counts, summed per algorithm, and hand-entered figures that
 * replace a sum (or add an algorithm no device covers). Every valid edit is written to the
 * URL (debounced), which re-renders the server table; an invalid field shows its message and
 * leaves the URL, and so the table, as it was.
 */
function RigFormFields({
  devices: initialDevices,
  deviceSums,
  hashrates,
  powerWatts,
  electricityUsdPerKwh,
  poolFeePercent,
  isDefaultRig,
  tariff,
}: {
  devices: RigDevice[];
  /** Hashrate and watts per algorithm summed over the devices (server-computed). */
  deviceSums: Record<string, { hashrate: number; watts: number | null }>;
  /** Hand-entered figures from the URL. */
  hashrates: Record<string, number>;
  powerWatts: Record<string, number>;
  electricityUsdPerKwh: number;
  poolFeePercent: number;
  isDefaultRig: boolean;
  /** Electricity as billed (tou, spot, fixed, overhead, heat, hours): components/tariff-fields.tsx. */
  tariff?: TariffSettings;
}) {
  const formId = useId();
  const [pending, startTransition] = useTransition();
  const [, setParams] = useQueryStates(dashboardParsers, {
    shallow: false,
    history: 'replace',
    scroll: false,
    startTransition,
    limitUrlUpdates: debounce(400),
  });

  const [devices, setDevices] = useState(() => initialDevices.map((d) => ({ id: d.id, count: String(d.count) })));
  const [overrides, setOverrides] = useState<Override[]>(() =>
    [...new Set([...Object.keys(hashrates), ...Object.keys(powerWatts)])].map((slug) => ({
      slug,
      hashrate: hashrates[slug] === undefined ? '' : serializeHashrate(hashrates[slug]),
      watts: powerWatts[slug] === undefined ? '' : String(powerWatts[slug]),
    })),
  );
  const [kwh, setKwh] = useState(String(electricityUsdPerKwh));
  const [fee, setFee] = useState(String(poolFeePercent));
  const [search, setSearch] = useState('');
  const matches = useMemo(() => (search.trim() ? searchDevices(search, 8) : []), [search]);

  function pushDevices(next: typeof devices) {
    const valid: RigDevice[] = [];
    for (const d of next) {
      const count = checkCount(d.count);
      if (!count.success || !Number.isInteger(count.data)) return; // keep the URL until it is valid
      valid.push({ id: d.id, count: count.data });
    }
    void setParams({ dev: valid.length > 0 ? valid : null });
  }

  function changeDevices(next: typeof devices) {
    setDevices(next);
    pushDevices(next);
  }

  function pushOverrides(next: Override[]) {
    const update: Record<string, number | null> = {};
    for (const algo of ALGORITHMS) {
      update[hashrateKey(algo.slug)] = null;
      update[wattsKey(algo.slug)] = null;
    }
    for (const row of next) {
      const hr = checkHashrate(row.hashrate);
      const w = checkWatts(row.watts);
      // An invalid field is not written: the URL keeps its last good value.
      if (hr !== null && !hr.success) delete update[hashrateKey(row.slug)];
      else update[hashrateKey(row.slug)] = hr?.data ?? null;
      if (w !== null && !w.success) delete update[wattsKey(row.slug)];
      else update[wattsKey(row.slug)] = w?.data ?? null;
    }
    void setParams(update);
  }

  function changeOverride(slug: string, patch: Partial<Override>) {
    const exists = overrides.some((o) => o.slug === slug);
    const next = exists
      ? overrides.map((o) => (o.slug === slug ? { ...o, ...patch } : o))
      : [...overrides, { slug, hashrate: '', watts: '', ...patch }];
    setOverrides(next);
    pushOverrides(next);
  }

  const algorithmSlugs = [...new Set([...Object.keys(deviceSums), ...overrides.map((o) => o.slug)])];
  const addable = ALGORITHMS.filter((a) => !algorithmSlugs.includes(a.slug));

  return (
    <section className="panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        Your rig{' '}
        <span className="muted small">
          {isDefaultRig ? '— an example to start from: add your devices or type your own figures' : ''}
          {pending ? ' · updating…' : ''}
        </span>
      </h2>
      <form onSubmit={(e) => e.preventDefault()} data-testid="rig-form">
        <div className="device-list" data-testid="device-list">
          {devices.map((d, index) => {
            const device = getDevice(d.id);
            const count = checkCount(d.count);
            const countOk = count.success && Number.isInteger(count.data);
            return (
              <div key={d.id} className="device-row">
                <span className="device-name">
                  {device?.name ?? d.id} <span className="muted small">{device?.kind}</span>
                </span>
                <label className="visually-hidden" htmlFor={`${formId}-count-${d.id}`}>
                  Number of {device?.name ?? d.id}
                </label>
                <span className="muted small" aria-hidden="true">
                  count
                </span>
                <input
                  id={`${formId}-count-${d.id}`}
                  className="count-input"
                  inputMode="numeric"
                  value={d.count}
                  aria-invalid={!countOk}
                  aria-describedby={`${formId}-count-${d.id}-msg`}
                  onChange={(e) => changeDevices(devices.map((x, i) => (i === index ? { ...x, count: e.target.value } : x)))}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${device?.name ?? d.id}`}
                  onClick={() => changeDevices(devices.filter((_, i) => i !== index))}
                >
                  ×
                </button>
                <span id={`${formId}-count-${d.id}-msg`} className="field-error" role={countOk ? undefined : 'alert'}>
                  {countOk ? '' : 'Enter a whole number of devices from 1 to 10,000.'}
                </span>
              </div>
            );
          })}
          <div className="field device-search">
            <label htmlFor={`${formId}-search`}>Add a device (GPU, CPU or ASIC)</label>
            <input
              id={`${formId}-search`}
              type="search"
              role="combobox"
              aria-expanded={matches.length > 0}
              aria-controls={`${formId}-results`}
              autoComplete="off"
              placeholder="e.g. 3070, 7950X, Antminer L7"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            {matches.length > 0 && (
              <ul id={`${formId}-results`} role="listbox" className="device-results">
                {matches.map((device) => (
                  <li key={device.id} role="option" aria-selected={false}>
                    <button
                      type="button"
                      onClick={() => {
                        setSearch('');
                        const existing = devices.find((d) => d.id === device.id);
                        changeDevices(
                          existing
                            ? devices.map((d) => (d.id === device.id ? { ...d, count: String(Number(d.count) + 1) } : d))
                            : [...devices, { id: device.id, count: '1' }],
                        );
                      }}
                    >
                      {device.name} <span className="muted small">{device.kind}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>

        <details className="per-algorithm" open={overrides.length > 0 || algorithmSlugs.length <= 4}>
          <summary>
            Per algorithm ({algorithmSlugs.length}){' '}
            <span className="muted small">— sums of your devices; type a figure to replace one</span>
          </summary>
        <div className="rig-grid">
          {algorithmSlugs.map((slug) => {
            const algo = getAlgorithm(slug);
            const name = algo?.name ?? slug;
            const unit = algo?.unit ?? 'H/s';
            const sum = deviceSums[slug];
            const own = overrides.find((o) => o.slug === slug) ?? { slug, hashrate: '', watts: '' };
            return (
              <fieldset key={slug} className="rig-row" style={{ margin: 0 }}>
                <h3>
                  <span>{name}</span>
                </h3>
                <ValidatedField
                  id={`${formId}-hr-${slug}`}
                  label={`${name} hashrate`}
                  value={own.hashrate}
                  placeholder={sum ? formatHashrate(sum.hashrate, unit) : `e.g. 30M (${unit})`}
                  check={checkHashrate(own.hashrate)}
                  hint={own.hashrate.trim() === '' ? (sum ? 'from your devices' : `Enter ${unit}, e.g. 30M`) : unit}
                  onChange={(text) => changeOverride(slug, { hashrate: text })}
                />
                <ValidatedField
                  id={`${formId}-w-${slug}`}
                  label={`${name} power (W)`}
                  value={own.watts}
                  placeholder={sum?.watts != null ? `${sum.watts} W` : 'watts at the wall'}
                  check={checkWatts(own.watts)}
                  hint={own.watts.trim() === '' ? (sum?.watts != null ? 'from your devices' : 'no power cost') : 'W at the wall'}
                  onChange={(text) => changeOverride(slug, { watts: text })}
                />
              </fieldset>
            );
          })}
        </div>
        </details>
        <div className="rig-settings">
          <div className="field">
            <label htmlFor={`${formId}-add`}>Add an algorithm by hand</label>
            <select
              id={`${formId}-add`}
              value=""
              onChange={(e) => {
                if (e.target.value) setOverrides([...overrides, { slug: e.target.value, hashrate: '', watts: '' }]);
              }}
            >
              <option value="">Choose…</option>
              {addable.map((algo) => (
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
              if (check.success) void setParams({ kwh: check.data === DEFAULT_KWH_USD ? null : check.data });
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
              if (check.success) void setParams({ fee: check.data === DEFAULT_POOL_FEE_PERCENT ? null : check.data });
            }}
          />
        </div>
        {tariff && <TariffFields formId={formId} tariff={tariff} />}
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
