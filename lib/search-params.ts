// The URL is the state: one parser set (nuqs) for the server page, the API route and the
// client form, and one serializer for every link. `parseDashboardParams` also reports each
// invalid param by name so the page can show a message and the API can answer 400.
import { createParser, createSerializer, parseAsString, parseAsStringLiteral, type inferParserType } from 'nuqs/server';
import { ALGORITHMS, ALGORITHM_SLUGS, DEVICE_CLASSES, type DeviceClass } from './algorithms';
import { parseDecimal, parseHashrate, serializeHashrate, type ParseResult } from './units';

export const SORT_OPTIONS = [
  { slug: 'profit', label: 'Profit / day', defaultDir: 'desc' },
  { slug: 'revenue', label: 'Revenue / day', defaultDir: 'desc' },
  { slug: 'coins', label: 'Coins / day', defaultDir: 'desc' },
  { slug: 'cost', label: 'Power cost / day', defaultDir: 'asc' },
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

export const DEFAULT_KWH_USD = 0.1;
export const DEFAULT_POOL_FEE_PERCENT = 1;
export const MAX_WATTS = 1_000_000;
export const MAX_KWH_USD = 10;
export const MAX_POOL_FEE_PERCENT = 99;

const fromResult =
  <T>(parse: (text: string) => ParseResult<T>) =>
  (text: string): T | null => {
    const result = parse(text);
    return result.success ? result.data : null;
  };

export const parseWatts = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_WATTS, label: 'power draw', unit: 'W' });
export const parseKwh = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_KWH_USD, label: 'the electricity price', unit: 'USD/kWh' });
export const parseFee = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_POOL_FEE_PERCENT, label: 'the pool fee', unit: '%' });

const hashrateParser = createParser({ parse: fromResult(parseHashrate), serialize: serializeHashrate });
const wattsParser = createParser({ parse: fromResult(parseWatts), serialize: (v: number) => String(v) });

export const hashrateKey = (slug: string) => `hr.${slug}` as const;
export const wattsKey = (slug: string) => `w.${slug}` as const;

const rigParsers = Object.fromEntries(
  ALGORITHMS.flatMap((algo) => [
    [hashrateKey(algo.slug), hashrateParser],
    [wattsKey(algo.slug), wattsParser],
  ]),
) as Record<`hr.${string}` | `w.${string}`, typeof hashrateParser>;

/** Every URL param of the dashboard, with its default. */
export const dashboardParsers = {
  ...rigParsers,
  kwh: createParser({ parse: fromResult(parseKwh), serialize: (v: number) => String(v) }).withDefault(DEFAULT_KWH_USD),
  fee: createParser({ parse: fromResult(parseFee), serialize: (v: number) => String(v) }).withDefault(
    DEFAULT_POOL_FEE_PERCENT,
  ),
  sort: parseAsStringLiteral(SORT_SLUGS).withDefault(DEFAULT_SORT),
  dir: parseAsStringLiteral(['asc', 'desc'] as const),
  algo: parseAsStringLiteral(ALGORITHM_SLUGS),
  device: parseAsStringLiteral(DEVICE_SLUGS),
  q: parseAsString,
};

export type DashboardState = {
  /** The rig as written in the URL (base units); empty means "the default rig". */
  hashrates: Record<string, number>;
  powerWatts: Record<string, number>;
  electricityUsdPerKwh: number;
  poolFeePercent: number;
  sort: SortSlug;
  dir: 'asc' | 'desc';
  algorithm: string | null;
  device: Lowercase<DeviceClass> | null;
  query: string | null;
};

export type ParamError = { param: string; message: string };

export const DEFAULT_STATE: DashboardState = {
  hashrates: {},
  powerWatts: {},
  electricityUsdPerKwh: DEFAULT_KWH_USD,
  poolFeePercent: DEFAULT_POOL_FEE_PERCENT,
  sort: DEFAULT_SORT,
  dir: 'desc',
  algorithm: null,
  device: null,
  query: null,
};

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

const MAX_QUERY_LENGTH = 64;

/**
 * Reads the dashboard state from search params. Never throws: an invalid or unknown param is
 * reported in `errors` (by name, with a message) and falls back to its default.
 */
export function parseDashboardParams(raw: RawSearchParams): { state: DashboardState; errors: ParamError[] } {
  const errors: ParamError[] = [];
  const state: DashboardState = { ...DEFAULT_STATE, hashrates: {}, powerWatts: {} };
  const fail = (param: string, message: string) => errors.push({ param: truncateParam(param), message });

  for (const [key, values] of entriesOf(raw)) {
    if (values.length > 1) {
      fail(key, `"${truncateParam(key)}" is given ${values.length} times; give it once.`);
      continue;
    }
    const value = values[0] ?? '';
    const rigMatch = /^(hr|w)\.(.+)$/.exec(key);
    if (rigMatch) {
      const [, kind, slug = ''] = rigMatch;
      if (!ALGORITHM_SLUGS.includes(slug)) {
        fail(key, `Unknown algorithm "${truncateParam(slug)}" in "${truncateParam(key)}".`);
        continue;
      }
      const result = kind === 'hr' ? parseHashrate(value) : parseWatts(value);
      if (!result.success) fail(key, result.error);
      else if (kind === 'hr') state.hashrates[slug] = result.data;
      else state.powerWatts[slug] = result.data;
      continue;
    }
    switch (key) {
      case 'kwh': {
        const result = parseKwh(value);
        if (result.success) state.electricityUsdPerKwh = result.data;
        else fail(key, result.error);
        break;
      }
      case 'fee': {
        const result = parseFee(value);
        if (result.success) state.poolFeePercent = result.data;
        else fail(key, result.error);
        break;
      }
      case 'sort': {
        const sort = SORT_SLUGS.find((s) => s === value);
        if (sort) state.sort = sort;
        else fail(key, `Unknown sort "${truncateParam(value)}"; use one of ${SORT_SLUGS.join(', ')}.`);
        break;
      }
      case 'dir':
        if (value === 'asc' || value === 'desc') state.dir = value;
        else fail(key, 'dir must be asc or desc.');
        break;
      case 'algo':
        if (ALGORITHM_SLUGS.includes(value)) state.algorithm = value;
        else fail(key, `Unknown algorithm "${truncateParam(value)}".`);
        break;
      case 'device': {
        const device = DEVICE_SLUGS.find((d) => d === value);
        if (device) state.device = device;
        else fail(key, `device must be one of ${DEVICE_SLUGS.join(', ')}.`);
        break;
      }
      case 'q':
        if (value.length <= MAX_QUERY_LENGTH) state.query = value.trim() || null;
        else fail(key, `Search text is limited to ${MAX_QUERY_LENGTH} characters.`);
        break;
      default:
        // Unknown params (utm_source, fbclid…) are ignored, as links pick them up in the wild.
        break;
    }
  }
  if (!errors.some((e) => e.param === 'dir') && !entriesOf(raw).has('dir')) {
    state.dir = SORT_OPTIONS.find((o) => o.slug === state.sort)?.defaultDir ?? 'desc';
  }
  return { state, errors };
}

function truncateParam(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const serializeParams = createSerializer(dashboardParsers);

/** The canonical query string for a state ("" or "?hr.kawpow=24M&kwh=0.12…"); defaults are left out. */
export function serializeDashboardState(state: DashboardState): string {
  const values: Partial<inferParserType<typeof dashboardParsers>> = {
    kwh: state.electricityUsdPerKwh,
    fee: state.poolFeePercent,
    sort: state.sort,
    dir: state.dir === (SORT_OPTIONS.find((o) => o.slug === state.sort)?.defaultDir ?? 'desc') ? null : state.dir,
    algo: state.algorithm,
    device: state.device,
    q: state.query,
  };
  const rig: Record<string, number | null> = {};
  for (const slug of ALGORITHM_SLUGS) {
    rig[hashrateKey(slug)] = state.hashrates[slug] ?? null;
    rig[wattsKey(slug)] = state.powerWatts[slug] ?? null;
  }
  // Rig keys are dynamic (`hr.<slug>`), which the parser map's static type cannot name.
  return serializeParams({ ...rig, ...values } as Partial<inferParserType<typeof dashboardParsers>>);
}

/** The same state with some fields changed, as a canonical href for `pathname`. */
export function hrefWith(pathname: string, state: DashboardState, patch: Partial<DashboardState>): string {
  return `${pathname}${serializeDashboardState({ ...state, ...patch })}`;
}
