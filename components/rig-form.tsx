'use client';

import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { ALGORITHMS, getAlgorithm } from '@/lib/mining/algorithms';
import { getDevice, MAX_DEVICE_COUNT, searchDevices, type RigDevice } from '@/lib/hardware/catalog';
import {
  DEFAULT_KWH_USD,
  DEFAULT_POOL_FEE_PERCENT,
  hashrateKey,
  parseFee,
  parseKwh,
  parseWatts,
  wattsKey,
  type DashboardState,
} from '@/lib/url/search-params';
import { formatHashrate, parseDecimal, parseHashrate, serializeHashrate, type ParseResult } from '@/lib/format/units';
import { LazyDetails } from '@/components/lazy-details';
import { TariffFields } from '@/components/tariff-fields';
import { tariffOf } from '@/lib/electricity/tariff';
import { useSetDashboardParams } from './url-state';
import { useDrafts } from './url-drafts';

const noSubscription = () => () => {};
const checkHashrate = (text: string) => (text.trim() === '' ? null : parseHashrate(text));
const checkWatts = (text: string) => (text.trim() === '' ? null : parseWatts(text));
const checkCount = (text: string) =>
  parseDecimal(text, { min: 1, max: MAX_DEVICE_COUNT, label: 'the number of devices', unit: '' });

/**
 * The rig: catalog devices with counts, summed per algorithm, and hand-entered figures that
 * replace a sum (or add an algorithm no device covers). Every field shows the URL's value unless
 * something has been typed for it since (a draft); a valid edit is written to the URL at once
 * (shallow: the browser re-ranks), an invalid one shows its message by the field and leaves the
 * URL, and so the ranking, as it was. Back and forward bring the URL's rig, and so the fields, back.
 */
export function RigForm({
  state,
  devices,
  deviceSums,
  isDefaultRig,
}: {
  state: DashboardState;
  /** The rig's devices (the example rig when the URL names none). */
  devices: readonly RigDevice[];
  /** Hashrate and watts per algorithm summed over the devices. */
  deviceSums: Record<string, { hashrate: number; watts: number | null }>;
  isDefaultRig: boolean;
}) {
  const formId = useId();
  // False on the server and while hydrating, then true: tests and scripts wait for it before typing.
  const live = useSyncExternalStore(noSubscription, () => true, () => false);
  const setParams = useSetDashboardParams();
  const { shown, type } = useDrafts();
  const [search, setSearch] = useState('');
  // Algorithms added by hand that have no figure in the URL yet.
  const [added, setAdded] = useState<string[]>([]);
  const matches = useMemo(() => (search.trim() ? searchDevices(search, 8) : []), [search]);

  const countText = (id: string) => shown(`dev.${id}`, String(devices.find((d) => d.id === id)?.count ?? ''));

  function writeDevices(next: readonly RigDevice[]) {
    void setParams({ dev: next.length > 0 ? [...next] : null });
  }

  function changeCount(id: string, text: string) {
    const current = devices.find((d) => d.id === id);
    const check = checkCount(text);
    if (!check.success || !Number.isInteger(check.data)) {
      type(`dev.${id}`, text, String(current?.count ?? ''));
      return; // the URL keeps its last good rig
    }
    type(`dev.${id}`, text, String(check.data));
    writeDevices(devices.map((d) => (d.id === id ? { id, count: check.data } : d)));
  }

  const urlText = (kind: 'hr' | 'w', slug: string) => {
    const value = kind === 'hr' ? state.hashrates[slug] : state.powerWatts[slug];
    return value === undefined ? '' : kind === 'hr' ? serializeHashrate(value) : String(value);
  };

  function changeFigure(kind: 'hr' | 'w', slug: string, text: string) {
    const key = kind === 'hr' ? hashrateKey(slug) : wattsKey(slug);
    const check = kind === 'hr' ? checkHashrate(text) : checkWatts(text);
    if (check !== null && !check.success) {
      type(key, text, urlText(kind, slug));
      return;
    }
    const value = check?.data ?? null;
    type(key, text, value === null ? '' : kind === 'hr' ? serializeHashrate(value) : String(value));
    void setParams({ [key]: value });
  }

  const algorithmSlugs = [
    ...new Set([...Object.keys(deviceSums), ...Object.keys(state.hashrates), ...Object.keys(state.powerWatts), ...added]),
  ];
  const kwh = shown('kwh', String(state.electricityUsdPerKwh));
  const fee = shown('fee', String(state.poolFeePercent));
  const addable = ALGORITHMS.filter((a) => !algorithmSlugs.includes(a.slug));

  return (
    <section className="panel" aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>
        Your rig{' '}
        <span className="muted small">
          {isDefaultRig ? '— an example to start from: add your devices or type your own figures' : ''}
        </span>
      </h2>
      <form onSubmit={(e) => e.preventDefault()} data-testid="rig-form" data-live={live ? '' : undefined}>
        <div className="device-list" data-testid="device-list">
          {devices.map((d) => {
            const device = getDevice(d.id);
            const text = countText(d.id);
            const count = checkCount(text);
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
                  value={text}
                  aria-invalid={!countOk}
                  aria-describedby={`${formId}-count-${d.id}-msg`}
                  onChange={(e) => changeCount(d.id, e.target.value)}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${device?.name ?? d.id}`}
                  onClick={() => writeDevices(devices.filter((x) => x.id !== d.id))}
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
                        writeDevices(
                          existing
                            ? devices.map((d) => (d.id === device.id ? { ...d, count: Math.min(d.count + 1, MAX_DEVICE_COUNT) } : d))
                            : [...devices, { id: device.id, count: 1 }],
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

        <LazyDetails
          className="per-algorithm"
          open={Object.keys(state.hashrates).length + Object.keys(state.powerWatts).length + added.length > 0 || algorithmSlugs.length <= 4}
          summary={
            <summary>
              {`Per algorithm (${algorithmSlugs.length}) `}
              <span className="muted small">— sums of your devices; type a figure to replace one</span>
            </summary>
          }
        >
        <div className="rig-grid">
          {algorithmSlugs.map((slug) => {
            const algo = getAlgorithm(slug);
            const name = algo?.name ?? slug;
            const unit = algo?.unit ?? 'H/s';
            const sum = deviceSums[slug];
            const own = { hashrate: shown(hashrateKey(slug), urlText('hr', slug)), watts: shown(wattsKey(slug), urlText('w', slug)) };
            return (
              <fieldset key={slug} className="rig-row" style={{ margin: 0 }}>
                <h3>{name}</h3>
                <ValidatedField
                  id={`${formId}-hr-${slug}`}
                  label={`${name} hashrate`}
                  value={own.hashrate}
                  placeholder={sum ? formatHashrate(sum.hashrate, unit) : `e.g. 30M (${unit})`}
                  check={checkHashrate(own.hashrate)}
                  hint={own.hashrate.trim() === '' ? (sum ? 'from your devices' : `Enter ${unit}, e.g. 30M`) : unit}
                  onChange={(text) => changeFigure('hr', slug, text)}
                />
                <ValidatedField
                  id={`${formId}-w-${slug}`}
                  label={`${name} power (W)`}
                  value={own.watts}
                  placeholder={sum?.watts != null ? `${sum.watts} W` : 'watts at the wall'}
                  check={checkWatts(own.watts)}
                  hint={own.watts.trim() === '' ? (sum?.watts != null ? 'from your devices' : 'no power cost') : 'W at the wall'}
                  onChange={(text) => changeFigure('w', slug, text)}
                />
              </fieldset>
            );
          })}
        </div>
        </LazyDetails>
        <div className="rig-settings">
          <div className="field">
            <label htmlFor={`${formId}-add`}>Add an algorithm by hand</label>
            <select
              id={`${formId}-add`}
              value=""
              onChange={(e) => {
                if (e.target.value) setAdded([...added, e.target.value]);
              }}
            >
              <option value="">Choose…</option>
              {addable.map((algo) => (
                <option key={algo.slug} value={algo.slug}>{`${algo.name} (${algo.devices.join('/')})`}</option>
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
              const check = parseKwh(text);
              type('kwh', text, check.success ? String(check.data) : String(state.electricityUsdPerKwh));
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
              const check = parseFee(text);
              type('fee', text, check.success ? String(check.data) : String(state.poolFeePercent));
              if (check.success) void setParams({ fee: check.data === DEFAULT_POOL_FEE_PERCENT ? null : check.data });
            }}
          />
        </div>
        <TariffFields formId={formId} tariff={tariffOf(state)} />
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
