// The URL is the state: one table of params, from which come each param's codec (parse and
// serialize: the ranking's URL state on `/`, and nuqs's parsers for the coin page in
// ./nuqs-parsers.ts), the reader that reports each invalid param by name (a message on the page,
// a 400 from the API), and the serializer that writes every link.
import { renderQuery } from './query-string';
import { ALGORITHMS, ALGORITHM_SLUGS, DEVICE_CLASSES, type DeviceClass } from '@/lib/mining/algorithms';
import { BASES, DEFAULT_BASIS, type Basis } from '@/lib/mining/basis';
import { HISTORY_RANGES, type HistoryRange } from '@/lib/mining/time';
import { DEVICES, getDevice, parseDeviceList, serializeDeviceList, type RigDevice } from '@/lib/hardware/catalog';
import { MAX_POWER_LIMIT_PERCENT, MIN_POWER_LIMIT_PERCENT } from '@/lib/tuning/curve';
import { DEFAULT_TUNE, TUNE_MODES, type TuneMode } from '@/lib/tuning/rig';
import { parseDecimal, parseHashrate, serializeHashrate, type ParseResult } from '@/lib/format/units';
import { DEFAULT_TARIFF, type TariffSettings } from '@/lib/electricity/tariff';
import { HEALTH_PARTS, type HealthPart } from '@/lib/health/parts';
import { DEFAULT_RISK_PRESET, MAX_WEIGHT, RISK_PRESETS, type RiskPreset } from '@/lib/health/score';
import {
  parseFixed,
  parseHeat,
  parseHoursMode,
  parseMarkup,
  parseOverhead,
  parseSpotZone,
  parseTimeZone,
  parseTou,
  parseVat,
  serializeTou,
} from '@/lib/electricity/params';

export const SORT_OPTIONS = [
  { slug: 'profit', label: 'Profit', defaultDir: 'desc' },
  { slug: 'score', label: 'Reward / effort', defaultDir: 'desc' },
  { slug: 'revenue', label: 'Revenue', defaultDir: 'desc' },
  { slug: 'coins', label: 'Coins', defaultDir: 'desc' },
  { slug: 'cost', label: 'Power cost', defaultDir: 'asc' },
  { slug: 'price', label: 'Price', defaultDir: 'desc' },
  { slug: 'volume', label: '24 h volume', defaultDir: 'desc' },
  { slug: 'nethash', label: 'Network hashrate', defaultDir: 'desc' },
  { slug: 'difficulty', label: 'Difficulty', defaultDir: 'desc' },
  { slug: 'reward', label: 'Block reward', defaultDir: 'desc' },
  { slug: 'share', label: 'Network share', defaultDir: 'desc' },
  { slug: 'name', label: 'Coin', defaultDir: 'asc' },
  { slug: 'algorithm', label: 'Algorithm', defaultDir: 'asc' },
] as const;
export type SortSlug = (typeof SORT_OPTIONS)[number]['slug'];
export const SORT_SLUGS = SORT_OPTIONS.map((o) => o.slug) as SortSlug[];
export const DEFAULT_SORT: SortSlug = 'profit';

export const DEVICE_SLUGS = DEVICE_CLASSES.map((d) => d.toLowerCase()) as Array<Lowercase<DeviceClass>>;
export const PERIODS = ['hour', 'day', 'week', 'month'] as const;
export type PeriodSlug = (typeof PERIODS)[number];
export const CURRENCIES = ['usd', 'eur', 'btc'] as const;
export type CurrencySlug = (typeof CURRENCIES)[number];
export const HORIZONS = [30, 90, 180] as const;
export const ROWS_OPTIONS = ['top', 'all'] as const;
export type RowsSlug = (typeof ROWS_OPTIONS)[number];
/** Rows the ranked table shows before "show all": a screenful or two, and a page that renders fast. */
export const TOP_ROWS = 30;
/**
 * Rows of those the server renders (a shared link's first load, and what readers without
 * JavaScript and crawlers see, with "show all" one link away); the browser adds the rest of the
 * top rows once it runs. Each server-rendered row costs a shared link's first load about 0.15 ms of
 * server CPU (npm run bench, shared link) and its hydration; the rows it adds sit below the fold.
 */
export const SERVER_ROWS = 10;

export const DEFAULT_KWH_USD = 0.1;
export const DEFAULT_POOL_FEE_PERCENT = 1;
export const MAX_WATTS = 1_000_000;
export const MAX_KWH_USD = 10;
export const MAX_POOL_FEE_PERCENT = 99;
export const MAX_COMPARE_COINS = 8;
/** Which fee the ranking uses: the flat `fee=` (the default), or each coin's best pool (`pool=best`, lib/pools). */
export const POOL_CHOICES = ['flat', 'best'] as const;
export type PoolChoice = (typeof POOL_CHOICES)[number];
const MAX_QUERY_LENGTH = 64;

export type DashboardState = {
  /** Catalog devices with counts (`dev=nvidia-rtx-3070:6,…`). */
  devices: RigDevice[];
  /** Hand-entered hashrate/power per algorithm (base units); they override the devices' sums. */
  hashrates: Record<string, number>;
  powerWatts: Record<string, number>;
  electricityUsdPerKwh: number;
  poolFeePercent: number;
  /** `pool=best`: each coin at its best known pool's fee instead of the flat one. */
  poolChoice: PoolChoice;
  sort: SortSlug;
  dir: 'asc' | 'desc';
  algorithm: string | null;
  device: Lowercase<DeviceClass> | null;
  query: string | null;
  period: PeriodSlug;
  currency: CurrencySlug;
  /** Coins picked for /compare (tags), in the order picked. */
  coins: string[];
  /** "Hide coins I could not sell": no market, a thin one, or output above 1 % of volume. */
  sellableOnly: boolean;
  /** Estimate basis: current figures or 24 h / 3 d / 7 d averages. */
  basis: Basis;
  /** Coin page projection: difficulty growth % per 30 days, horizon in days, hardware cost USD. */
  growthPercentPerMonth: number;
  horizonDays: (typeof HORIZONS)[number];
  hardwareCostUsd: number | null;
  /** Coin page history range. */
  range: HistoryRange;
  /** The ranked table shows the top TOP_ROWS rows, or every row (`rows=all`). */
  rows: RowsSlug;
  /** Each coin at its device's most profitable operating point (`best`), or the stock figures. */
  tune: TuneMode;
  /** Power limit per catalog device, percent of its catalog power (stock where published; `pl.<device id>=<percent>`). */
  powerLimits: Record<string, number>;
  /** Risk against reward (lib/health): a preset (`risk=`), with explicit weights 0–100 on top (`rw.<part>=`). */
  riskPreset: RiskPreset;
  riskWeights: Partial<Record<HealthPart, number>>;
} & TariffSettings; // electricity as billed (tou, tz, spot, markup, vat, fixed, overhead, heat, hours): lib/electricity

export type ParamError = { param: string; message: string };

export const DEFAULT_STATE: DashboardState = {
  devices: [],
  hashrates: {},
  powerWatts: {},
  electricityUsdPerKwh: DEFAULT_KWH_USD,
  poolFeePercent: DEFAULT_POOL_FEE_PERCENT,
  poolChoice: 'flat',
  sort: DEFAULT_SORT,
  dir: 'desc',
  algorithm: null,
  device: null,
  query: null,
  period: 'day',
  currency: 'usd',
  coins: [],
  sellableOnly: false,
  basis: DEFAULT_BASIS,
  growthPercentPerMonth: 0,
  horizonDays: 90,
  hardwareCostUsd: null,
  range: '7d',
  rows: 'top',
  tune: DEFAULT_TUNE,
  powerLimits: {},
  riskPreset: DEFAULT_RISK_PRESET,
  riskWeights: {},
  ...DEFAULT_TARIFF,
};

export const parseWatts = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_WATTS, label: 'power draw', unit: 'W' });
export const parseKwh = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_KWH_USD, label: 'the electricity price', unit: 'USD/kWh' });
export const parseFee = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_POOL_FEE_PERCENT, label: 'the pool fee', unit: '%' });
export const parseGrowth = (text: string): ParseResult<number> => {
  // Difficulty can fall too: accept a leading minus down to −90 % per month.
  const negative = text.trim().startsWith('-');
  const result = parseDecimal(negative ? text.trim().slice(1) : text, {
    min: 0,
    max: negative ? 90 : 1000,
    label: 'the difficulty growth',
    unit: '% per month',
  });
  return result.success ? { success: true, data: negative ? -result.data : result.data } : result;
};
export const parseRiskWeight = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_WEIGHT, label: 'the risk weight', unit: '%' });
export const parseHardwareCost = (text: string) =>
  parseDecimal(text, { min: 0, max: 1e9, label: 'the hardware cost', unit: 'USD' });

const oneOf =
  <T extends string>(options: readonly T[], what: string) =>
  (text: string): ParseResult<T> => {
    const found = options.find((o) => o === text);
    return found
      ? { success: true, data: found }
      : { success: false, error: `Unknown ${what} "${truncate(text)}"; use one of ${options.join(', ')}.` };
  };

const parseCoinList = (text: string): ParseResult<string[]> => {
  const tags = [...new Set(text.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean))];
  if (tags.length > MAX_COMPARE_COINS) return { success: false, error: `Compare at most ${MAX_COMPARE_COINS} coins.` };
  const bad = tags.find((t) => !/^[A-Z0-9][A-Z0-9.-]{0,15}$/.test(t));
  if (bad !== undefined) return { success: false, error: `"${truncate(bad)}" is not a coin ticker.` };
  return { success: true, data: tags };
};

const parseFlag = (text: string): ParseResult<boolean> =>
  text === '1' || text === 'true'
    ? { success: true, data: true }
    : text === '0' || text === 'false'
      ? { success: true, data: false }
      : { success: false, error: 'Use 1 to switch this on, or leave it out.' };

const parseQuery = (text: string): ParseResult<string | null> =>
  text.length <= MAX_QUERY_LENGTH
    ? { success: true, data: text.trim() || null }
    : { success: false, error: `Search text is limited to ${MAX_QUERY_LENGTH} characters.` };

const parseHorizon = (text: string): ParseResult<(typeof HORIZONS)[number]> => {
  const days = HORIZONS.find((h) => String(h) === text);
  return days ? { success: true, data: days } : { success: false, error: `days must be one of ${HORIZONS.join(', ')}.` };
};

/** One URL param: how to read it, write it, and where it lives in the state. */
type Field<K extends keyof DashboardState> = {
  key: K;
  parse: (text: string) => ParseResult<NonNullable<DashboardState[K]>>;
  serialize: (value: NonNullable<DashboardState[K]>) => string;
};
const field = <K extends keyof DashboardState>(f: Field<K>) => f;
const decimal = (v: number) => String(v);

const FIELDS = {
  dev: field({ key: 'devices', parse: parseDeviceList, serialize: serializeDeviceList }),
  kwh: field({ key: 'electricityUsdPerKwh', parse: parseKwh, serialize: decimal }),
  fee: field({ key: 'poolFeePercent', parse: parseFee, serialize: decimal }),
  pool: field({ key: 'poolChoice', parse: oneOf(POOL_CHOICES, 'pool choice'), serialize: String }),
  sort: field({ key: 'sort', parse: oneOf(SORT_SLUGS, 'sort'), serialize: String }),
  dir: field({ key: 'dir', parse: oneOf(['asc', 'desc'] as const, 'direction'), serialize: String }),
  algo: field({ key: 'algorithm', parse: oneOf(ALGORITHM_SLUGS, 'algorithm'), serialize: String }),
  device: field({ key: 'device', parse: oneOf(DEVICE_SLUGS, 'device class'), serialize: String }),
  q: field({ key: 'query', parse: parseQuery as Field<'query'>['parse'], serialize: String }),
  per: field({ key: 'period', parse: oneOf(PERIODS, 'period'), serialize: String }),
  cur: field({ key: 'currency', parse: oneOf(CURRENCIES, 'currency'), serialize: String }),
  coins: field({ key: 'coins', parse: parseCoinList, serialize: (tags) => tags.join(',') }),
  basis: field({ key: 'basis', parse: oneOf(BASES, 'basis'), serialize: String }),
  sellable: field({ key: 'sellableOnly', parse: parseFlag, serialize: () => '1' }),
  growth: field({ key: 'growthPercentPerMonth', parse: parseGrowth, serialize: decimal }),
  days: field({ key: 'horizonDays', parse: parseHorizon, serialize: String }),
  hw: field({ key: 'hardwareCostUsd', parse: parseHardwareCost, serialize: decimal }),
  range: field({ key: 'range', parse: oneOf(HISTORY_RANGES, 'history range'), serialize: String }),
  rows: field({ key: 'rows', parse: oneOf(ROWS_OPTIONS, 'rows'), serialize: String }),
  tou: field({ key: 'tou', parse: parseTou, serialize: serializeTou }),
  tz: field({ key: 'timeZone', parse: parseTimeZone, serialize: String }),
  spot: field({ key: 'spotZone', parse: parseSpotZone, serialize: String }),
  markup: field({ key: 'markupUsdPerKwh', parse: parseMarkup, serialize: decimal }),
  vat: field({ key: 'vatPercent', parse: parseVat, serialize: decimal }),
  fixed: field({ key: 'fixedUsdPerDay', parse: parseFixed, serialize: decimal }),
  overhead: field({ key: 'overheadPercent', parse: parseOverhead, serialize: decimal }),
  heat: field({ key: 'heatUsdPerKwh', parse: parseHeat, serialize: decimal }),
  hours: field({ key: 'hoursMode', parse: parseHoursMode, serialize: String }),
  tune: field({ key: 'tune', parse: oneOf(TUNE_MODES, 'tune'), serialize: String }),
  risk: field({ key: 'riskPreset', parse: oneOf(RISK_PRESETS, 'risk preset'), serialize: String }),
} as const;
type Param = keyof typeof FIELDS;
const PARAMS = Object.keys(FIELDS) as Param[];

export const hashrateKey = (slug: string) => `hr.${slug}` as const;
export const powerLimitKey = (deviceId: string) => `pl.${deviceId}` as const;

/** A power limit: a whole percent of the power of the device's catalog figure (stock where one is published), 10–200. */
export const parsePowerLimit = (text: string): ParseResult<number> => {
  const percent = /^[0-9]{1,3}$/.test(text.trim()) ? Number(text.trim()) : NaN;
  return percent >= MIN_POWER_LIMIT_PERCENT && percent <= MAX_POWER_LIMIT_PERCENT
    ? { success: true, data: percent }
    : {
        success: false,
        error: `A power limit is a whole percent of the device's catalog power (its stock power where that is published) from ${MIN_POWER_LIMIT_PERCENT} to ${MAX_POWER_LIMIT_PERCENT} (got "${truncate(text)}").`,
      };
};
export const wattsKey = (slug: string) => `w.${slug}` as const;
export const riskWeightKey = (part: HealthPart) => `rw.${part}` as const;

const fromResult =
  <T>(parse: (text: string) => ParseResult<T>) =>
  (text: string): T | null => {
    const result = parse(text);
    return result.success ? result.data : null;
  };

/** One param's text ⇄ value: parse gives null for a text that is not valid. */
export type ParamCodec<T> = {
  parse: (text: string) => T | null;
  serialize: (value: T) => string;
  eq?: (a: T, b: T) => boolean;
};

const hashrateCodec: ParamCodec<number> = { parse: fromResult(parseHashrate), serialize: serializeHashrate };
const wattsCodec: ParamCodec<number> = { parse: fromResult(parseWatts), serialize: decimal };
const riskWeightCodec: ParamCodec<number> = { parse: fromResult(parseRiskWeight), serialize: decimal };
const powerLimitCodec: ParamCodec<number> = { parse: fromResult(parsePowerLimit), serialize: String };
const scalarCodec = (param: Param): ParamCodec<unknown> => {
  const f = FIELDS[param] as unknown as Field<keyof DashboardState>;
  return {
    parse: fromResult(f.parse),
    serialize: (v) => f.serialize(v as never),
    eq: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  };
};

/** Each param's codec, typed by the state field it fills. */
type ScalarCodecs = { [P in Param]: ParamCodec<NonNullable<DashboardState[(typeof FIELDS)[P]['key']]>> };

/**
 * The codec of every param: the static params, then the keyed families (`hr.<algorithm>`,
 * `w.<algorithm>`, `rw.<part>`, `pl.<device>`), whose keys are known in advance.
 */
export const dashboardCodecs = {
  ...(Object.fromEntries(
    ALGORITHMS.flatMap((algo) => [
      [hashrateKey(algo.slug), hashrateCodec],
      [wattsKey(algo.slug), wattsCodec],
    ]),
  ) as Record<`hr.${string}` | `w.${string}`, ParamCodec<number>>),
  ...(Object.fromEntries(HEALTH_PARTS.map((part) => [riskWeightKey(part), riskWeightCodec])) as Record<`rw.${HealthPart}`, ParamCodec<number>>),
  ...(Object.fromEntries(DEVICES.map((d) => [powerLimitKey(d.id), powerLimitCodec])) as Record<`pl.${string}`, ParamCodec<number>>),
  ...(Object.fromEntries(PARAMS.map((p) => [p, scalarCodec(p)])) as unknown as ScalarCodecs),
};
export type DashboardCodecs = typeof dashboardCodecs;

/** Values for some of the params, as their codecs give them; null removes a param. */
export type ParamValues = { [K in keyof DashboardCodecs]?: (DashboardCodecs[K] extends ParamCodec<infer T> ? T : never) | null };

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function entriesOf(raw: RawSearchParams): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  if (raw instanceof URLSearchParams) {
    raw.forEach((value, key) => add(key, value));
  } else {
    for (const [key, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) add(key, v);
    }
  }
  return map;
}

/**
 * The query as the address bar shows it ("" or "?a=1&b=2"), for what the browser reads from
 * `location.search`: { dev: 'x:2', q: ['a', 'b'] } gives "?dev=x%3A2&q=a&q=b".
 */
export function searchOf(raw: RawSearchParams): string {
  const query = new URLSearchParams();
  for (const [key, values] of entriesOf(raw)) for (const value of values) query.append(key, value);
  const text = query.toString();
  return text ? `?${text}` : '';
}

const defaultDir = (sort: SortSlug) => SORT_OPTIONS.find((o) => o.slug === sort)?.defaultDir ?? 'desc';

/**
 * Reads the dashboard state from search params. Never throws: an invalid param is reported in
 * `errors` (by name, with a message) and falls back to its default. Unknown params (utm_source,
 * fbclid…) are ignored, as links pick them up in the wild.
 */
export function parseDashboardParams(raw: RawSearchParams): { state: DashboardState; errors: ParamError[] } {
  const errors: ParamError[] = [];
  // DEFAULT_STATE's scalars, with containers of its own (the parse below fills them in).
  const state: DashboardState = { ...DEFAULT_STATE, devices: [], hashrates: {}, powerWatts: {}, coins: [], powerLimits: {}, riskWeights: {} };
  const fail = (param: string, message: string) => errors.push({ param: truncate(param), message });
  const entries = entriesOf(raw);

  for (const [key, values] of entries) {
    // Unknown params (utm_source, fbclid…) are ignored, repeated or not.
    if (!Object.hasOwn(FIELDS, key) && !/^(hr|w|pl|rw)\./.test(key)) continue;
    if (values.length > 1) {
      fail(key, `"${truncate(key)}" is given ${values.length} times; give it once.`);
      continue;
    }
    const value = values[0] ?? '';
    const weightMatch = /^rw\.(.+)$/.exec(key);
    if (weightMatch) {
      const part = HEALTH_PARTS.find((p) => p === weightMatch[1]);
      if (!part) {
        fail(key, `Unknown risk "${truncate(weightMatch[1] ?? '')}" in "${truncate(key)}"; use one of ${HEALTH_PARTS.join(', ')}.`);
        continue;
      }
      const result = parseRiskWeight(value);
      if (result.success) state.riskWeights[part] = result.data;
      else fail(key, result.error);
      continue;
    }
    if (key.startsWith('pl.')) {
      const id = key.slice(3).toLowerCase();
      if (!getDevice(id)) {
        fail(key, `Unknown device "${truncate(id)}" in "${truncate(key)}".`);
        continue;
      }
      const result = parsePowerLimit(value);
      if (result.success) state.powerLimits[id] = result.data;
      else fail(key, result.error);
      continue;
    }
    const rigMatch = /^(hr|w)\.(.+)$/.exec(key);
    if (rigMatch) {
      const [, kind, slug = ''] = rigMatch;
      if (!ALGORITHM_SLUGS.includes(slug)) {
        fail(key, `Unknown algorithm "${truncate(slug)}" in "${truncate(key)}".`);
        continue;
      }
      const result = kind === 'hr' ? parseHashrate(value) : parseWatts(value);
      if (!result.success) fail(key, result.error);
      else if (kind === 'hr') state.hashrates[slug] = result.data;
      else state.powerWatts[slug] = result.data;
      continue;
    }
    if (!Object.hasOwn(FIELDS, key)) continue;
    const f = FIELDS[key as Param] as unknown as Field<keyof DashboardState>;
    const result = f.parse(value);
    if (result.success) (state as Record<keyof DashboardState, unknown>)[f.key] = result.data;
    else fail(key, result.error);
  }
  if (!entries.has('dir')) state.dir = defaultDir(state.sort);
  if (state.tou !== null && state.spotZone !== null) {
    fail('spot', 'Use a time-of-use schedule (tou) or a spot feed (spot), not both: using the schedule.');
    state.spotZone = null;
  }
  return { state, errors };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const ALGORITHM_ORDER = new Map<string, number>(ALGORITHM_SLUGS.map((slug, index) => [slug, index]));

/** Equality of URL-state values (numbers, strings, booleans, null, arrays and plain records of them). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Each scalar param with its state key and codec, in query order (looked up once, not per link). */
const PARAM_CODECS = PARAMS.map((param) => {
  const f = FIELDS[param] as unknown as Field<keyof DashboardState>;
  return { param, key: f.key, serialize: dashboardCodecs[param].serialize as (value: never) => string };
});

/** The canonical query string for a state ("" or "?dev=…&kwh=0.12…"); defaults are left out. */
export function serializeDashboardState(state: DashboardState): string {
  // The rig's algorithms in catalog order (a page serializes a state dozens of times: one per link).
  const slugs = [...new Set([...Object.keys(state.hashrates), ...Object.keys(state.powerWatts)])]
    .filter((slug) => ALGORITHM_ORDER.has(slug) && (state.hashrates[slug] !== undefined || state.powerWatts[slug] !== undefined))
    .sort((a, b) => ALGORITHM_ORDER.get(a)! - ALGORITHM_ORDER.get(b)!);
  const params = new URLSearchParams();
  const put = (key: string, value: unknown, serialize: (value: never) => string) => {
    if (value !== null && value !== undefined) params.set(key, serialize(value as never));
  };
  // The rig's algorithms first, then the scalar params, the risk weights, and the power limits by
  // device id: one state has one query string.
  for (const slug of slugs) {
    put(hashrateKey(slug), state.hashrates[slug], hashrateCodec.serialize);
    put(wattsKey(slug), state.powerWatts[slug], wattsCodec.serialize);
  }
  for (const { param, key, serialize } of PARAM_CODECS) {
    const value = state[key];
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    const fallback = param === 'dir' ? defaultDir(state.sort) : DEFAULT_STATE[key];
    if (!sameValue(value, fallback)) put(param, value, serialize);
  }
  for (const part of HEALTH_PARTS) put(riskWeightKey(part), state.riskWeights[part], riskWeightCodec.serialize);
  for (const id of Object.keys(state.powerLimits ?? {}).sort()) put(powerLimitKey(id), state.powerLimits[id], String);
  return renderQuery(params);
}

/** The same state with some fields changed, as a canonical href for `pathname`. */
export function hrefWith(pathname: string, state: DashboardState, patch: Partial<DashboardState> = {}): string {
  return `${pathname}${serializeDashboardState({ ...state, ...patch })}`;
}
