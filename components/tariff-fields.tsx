'use client';

// The electricity as it is billed, in the rig form: a time-of-use schedule or a spot feed, the
// costs beyond the meter, and whether the rig runs in hours that lose money. Each valid edit is
// written to the URL (shallow, like the rest of the form); an invalid one shows its message.
import type { ParseResult } from '@/lib/format/units';
import {
  parseFixed,
  parseHeat,
  parseMarkup,
  parseOverhead,
  parseSpotZone,
  parseTimeZone,
  parseTou,
  parseVat,
  serializeTou,
} from '@/lib/electricity/params';
import { SPOT_ZONES } from '@/lib/electricity/spot-zones';
import { DEFAULT_TARIFF, type TariffSettings } from '@/lib/electricity/tariff';
import { LazyDetails } from './lazy-details';
import { useSetDashboardParams } from './url-state';
import { useDrafts } from './url-drafts';

type Param = 'tou' | 'tz' | 'markup' | 'vat' | 'fixed' | 'overhead' | 'heat';
const FIELD_OF = {
  tou: 'tou',
  tz: 'timeZone',
  markup: 'markupUsdPerKwh',
  vat: 'vatPercent',
  fixed: 'fixedUsdPerDay',
  overhead: 'overheadPercent',
  heat: 'heatUsdPerKwh',
} as const satisfies Record<Param, keyof TariffSettings>;

const orNull = <T,>(text: string, parse: (t: string) => ParseResult<T>): ParseResult<T | null> =>
  text.trim() === '' ? { success: true, data: null } : parse(text);

const PARSERS = { tou: parseTou, tz: parseTimeZone, markup: parseMarkup, vat: parseVat, fixed: parseFixed, overhead: parseOverhead, heat: parseHeat };

/** The URL's value of each field as text (blank for the defaults). */
function urlTexts(tariff: TariffSettings): Record<Param, string> {
  const zero = (x: number) => (x === 0 ? '' : String(x));
  return {
    tou: tariff.tou ? serializeTou(tariff.tou) : '',
    tz: tariff.timeZone ?? '',
    markup: zero(tariff.markupUsdPerKwh),
    vat: zero(tariff.vatPercent),
    fixed: zero(tariff.fixedUsdPerDay),
    overhead: zero(tariff.overheadPercent),
    heat: zero(tariff.heatUsdPerKwh),
  };
}

export function TariffFields({ formId, tariff }: { formId: string; tariff: TariffSettings }) {
  const setParams = useSetDashboardParams();
  const { shown, type } = useDrafts();
  const fromUrl = urlTexts(tariff);
  const text = Object.fromEntries(
    (Object.keys(fromUrl) as Param[]).map((param) => [param, shown(`tariff.${param}`, fromUrl[param])]),
  ) as Record<Param, string>;
  const checks = {
    tou: orNull(text.tou, parseTou),
    tz: orNull(text.tz, parseTimeZone),
    markup: orNull(text.markup, parseMarkup),
    vat: orNull(text.vat, parseVat),
    fixed: orNull(text.fixed, parseFixed),
    overhead: orNull(text.overhead, parseOverhead),
    heat: orNull(text.heat, parseHeat),
  };

  function change(param: Param, value: string) {
    const check = orNull(value, PARSERS[param] as (t: string) => ParseResult<unknown>);
    // 0 and blank are the defaults: left out of the URL. An invalid value is not written.
    if (!check.success) {
      type(`tariff.${param}`, value, fromUrl[param]);
      return;
    }
    const next = check.data === 0 ? null : check.data;
    type(`tariff.${param}`, value, urlTexts({ ...tariff, ...{ [FIELD_OF[param]]: next ?? DEFAULT_TARIFF[FIELD_OF[param]] } })[param]);
    void setParams({ [param]: next } as never);
  }

  const field = (param: Param, label: string, hint: string, placeholder: string) => {
    const check = checks[param];
    const id = `${formId}-tariff-${param}`;
    return (
      <div className="field" key={param}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          autoComplete="off"
          value={text[param]}
          placeholder={placeholder}
          aria-invalid={!check.success}
          aria-describedby={`${id}-msg`}
          onChange={(e) => change(param, e.target.value)}
          data-testid={`tariff-${param}`}
        />
        <span id={`${id}-msg`} className={check.success ? 'field-hint' : 'field-error'} role={check.success ? undefined : 'alert'}>
          {check.success ? hint : check.error}
        </span>
      </div>
    );
  };

  const spotId = `${formId}-tariff-spot`;
  const hoursId = `${formId}-tariff-hours`;
  return (
    <LazyDetails
      className="per-algorithm"
      open={tariff.tou !== null || tariff.spotZone !== null}
      summary={
        <summary>
          Electricity as billed <span className="muted small">— time of use, spot prices, fixed costs, overhead, heat</span>
        </summary>
      }
    >
      <div className="rig-settings">
        {field('tou', 'Time-of-use (from-to:USD/kWh)', 'local hours 0–24; wd:…;we:… for weekdays/weekends', '0-7:0.08,7-23:0.24,23-24:0.08')}
        {field('tz', 'Time zone', 'IANA name; blank: UTC (or the spot zone’s)', 'Europe/Berlin')}
        <div className="field">
          <label htmlFor={spotId}>Spot prices</label>
          <select
            id={spotId}
            value={tariff.spotZone ?? ''}
            onChange={(e) => {
              const check = orNull(e.target.value, parseSpotZone);
              // The page fetches the zone's prices: this one write asks the server again.
              if (check.success) void setParams({ spot: check.data }, { shallow: false });
            }}
            data-testid="tariff-spot"
          >
            <option value="">None (flat or time-of-use)</option>
            {SPOT_ZONES.map((z) => (
              <option key={z.id} value={z.id}>{`${z.label} (${z.id})`}</option>
            ))}
          </select>
          <span className="field-hint">hourly day-ahead price, converted to USD</span>
        </div>
        {field('vat', 'VAT on spot (%)', 'spot × (1 + VAT) + markup', '19')}
        {field('markup', 'Markup (USD/kWh)', 'grid fees and margin on each spot hour', '0.12')}
        {field('fixed', 'Fixed cost (USD/day)', 'rent, internet, hosting', '0')}
        {field('overhead', 'Power overhead (%)', 'PSU losses, fans, risers', '0')}
        {field('heat', 'Heat credit (USD/kWh of heat)', 'what the heat saves a heater', '0')}
        <div className="field">
          <label htmlFor={hoursId}>Hours</label>
          <select
            id={hoursId}
            value={tariff.hoursMode}
            onChange={(e) => void setParams({ hours: e.target.value === 'profitable' ? 'profitable' : null })}
            data-testid="tariff-hours"
          >
            <option value="all">Mine every hour</option>
            <option value="profitable">Mine only profitable hours</option>
          </select>
          <span className="field-hint">off in the hours that lose money</span>
        </div>
      </div>
    </LazyDetails>
  );
}
