import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALGORITHM_SLUGS } from '@/lib/mining/algorithms';
import { BASES } from '@/lib/mining/basis';
import { HISTORY_RANGES } from '@/lib/mining/time';
import { DEVICES, getDevice } from '@/lib/hardware/catalog';
import { DEFAULT_DEVICES, rigFromState, usesDefaultRig } from '@/lib/ranking/rig';
import { TUNE_MODES } from '@/lib/tuning/rig';
import { HEALTH_PARTS } from '@/lib/health/parts';
import { RISK_PRESETS } from '@/lib/health/score';
import { POOL_CHOICES,
  CURRENCIES,
  DEFAULT_STATE,
  DEVICE_SLUGS,
  HORIZONS,
  PERIODS,
  parseDashboardParams,
  searchOf,
  serializeDashboardState,
  SORT_SLUGS,
  type DashboardState,
  ROWS_OPTIONS,
} from '@/lib/url/search-params';

const parse = (query: string) => parseDashboardParams(new URLSearchParams(query));

describe('parseDashboardParams', () => {
  it('gives each state containers of its own: filling one never changes DEFAULT_STATE or another state', () => {
    const a = parseDashboardParams({ 'hr.kawpow': '95M', dev: 'nvidia-rtx-3070:2', coins: 'RVN' }).state;
    const b = parseDashboardParams({}).state;
    for (const key of Object.keys(DEFAULT_STATE) as (keyof typeof DEFAULT_STATE)[]) {
      const value = DEFAULT_STATE[key];
      if (typeof value === 'object' && value !== null) {
        expect(b[key], key).not.toBe(value);
        expect(b[key], key).not.toBe(a[key]);
      }
    }
    expect(DEFAULT_STATE.hashrates).toEqual({});
    expect(DEFAULT_STATE.devices).toEqual([]);
    expect(b).toEqual(DEFAULT_STATE);
  });

  it('shows the top rows unless rows=all, and names a bad rows value', () => {
    expect(parse('').state.rows).toBe('top');
    expect(parse('rows=all').state.rows).toBe('all');
    expect(parse('rows=50').errors).toEqual([{ param: 'rows', message: 'Unknown rows "50"; use one of top, all.' }]);
    expect(serializeDashboardState({ ...DEFAULT_STATE, rows: 'all' })).toBe('?rows=all');
    expect(serializeDashboardState({ ...DEFAULT_STATE, rows: 'top' })).toBe('');
  });

  it('reads a rig with SI suffixes in base units', () => {
    const { state, errors } = parse('hr.kawpow=24M&w.kawpow=140&hr.randomx=1.2k&hr.sha256d=200T&kwh=0.12&fee=2');
    expect(errors).toEqual([]);
    expect(state.hashrates).toEqual({ kawpow: 24_000_000, randomx: 1200, sha256d: 2e14 });
    expect(state.powerWatts).toEqual({ kawpow: 140 });
    expect(state.electricityUsdPerKwh).toBe(0.12);
    expect(state.poolFeePercent).toBe(2);
  });

  it('reads a bare number as base units (H/s)', () => {
    expect(parse('hr.equihash=580').state.hashrates.equihash).toBe(580);
  });

  it('names each bad param and falls back to its default', () => {
    const { state, errors } = parse('hr.kawpow=fast&kwh=-1&fee=150&sort=luck&hr.nosuchalgo=1M&device=fpga');
    expect(errors.map((e) => e.param).sort()).toEqual(['device', 'fee', 'hr.kawpow', 'hr.nosuchalgo', 'kwh', 'sort']);
    expect(errors.find((e) => e.param === 'kwh')?.message).toMatch(/between 0 and 10 USD\/kWh/);
    expect(state.hashrates).toEqual({});
    expect(state.electricityUsdPerKwh).toBe(DEFAULT_STATE.electricityUsdPerKwh);
    expect(state.poolFeePercent).toBe(DEFAULT_STATE.poolFeePercent);
    expect(state.sort).toBe('profit');
    expect(state.device).toBeNull();
  });

  it('rejects a repeated param rather than guessing which one was meant', () => {
    const { state, errors } = parse('kwh=0.1&kwh=0.3');
    expect(errors).toEqual([{ param: 'kwh', message: expect.stringMatching(/2 times/) }]);
    expect(state.electricityUsdPerKwh).toBe(0.1);
  });

  it('ignores params that are not ours (utm_source) without an error', () => {
    expect(parse('utm_source=x&fbclid=y').errors).toEqual([]);
  });

  it('takes the sort direction from the sort option unless given', () => {
    expect(parse('sort=name').state.dir).toBe('asc');
    expect(parse('sort=profit').state.dir).toBe('desc');
    expect(parse('sort=name&dir=desc').state.dir).toBe('desc');
  });

  it('accepts the Next.js searchParams object form, arrays included', () => {
    const { state, errors } = parseDashboardParams({ 'hr.kawpow': '30M', q: ['a', 'b'] });
    expect(state.hashrates.kawpow).toBe(30e6);
    expect(errors.map((e) => e.param)).toEqual(['q']);
  });

  it('never throws on a 100 KB query string', () => {
    const { errors } = parse(`q=${'x'.repeat(100_000)}&hr.kawpow=${'9'.repeat(50_000)}`);
    expect(errors.map((e) => e.param).sort()).toEqual(['hr.kawpow', 'q']);
  });
});

describe('the rig', () => {
  it('is the default device when the URL names no device, hashrate or power', () => {
    expect(usesDefaultRig(DEFAULT_STATE)).toBe(true);
    const rig = rigFromState(DEFAULT_STATE);
    expect(rig.devices).toEqual(DEFAULT_DEVICES);
    const card = getDevice(DEFAULT_DEVICES[0]!.id)!;
    const kawpow = card.rates.find((r) => r.algorithm === 'kawpow')!;
    expect(rig.hashrates.kawpow).toBe(kawpow.hashrate);
    expect(rig.powerWatts.kawpow).toBe(kawpow.watts);
    const own = parse('hr.randomx=10k').state;
    expect(usesDefaultRig(own)).toBe(false);
    expect(rigFromState(own).hashrates).toEqual({ randomx: 10_000 });
  });

  it('sums devices × counts, and a typed figure replaces the sum for its algorithm', () => {
    const card = getDevice(DEFAULT_DEVICES[0]!.id)!;
    const kawpow = card.rates.find((r) => r.algorithm === 'kawpow')!;
    const { state, errors } = parse(`dev=${card.id}:6&hr.kawpow=200M`);
    expect(errors).toEqual([]);
    const rig = rigFromState(state);
    // 6 cards: six times each figure, except the hand-typed KawPow hashrate.
    expect(rig.hashrates.kawpow).toBe(200e6);
    expect(rig.powerWatts.kawpow).toBe(6 * kawpow.watts);
    const other = card.rates.find((r) => r.algorithm !== 'kawpow')!;
    expect(rig.hashrates[other.algorithm]).toBeCloseTo(6 * other.hashrate, 6);
  });

  it('names an unknown device in the error', () => {
    const { errors } = parse('dev=nvidia-rtx-9999:2');
    expect(errors).toEqual([{ param: 'dev', message: expect.stringContaining('nvidia-rtx-9999') }]);
  });
});

describe('serializeDashboardState', () => {
  it('writes the short form and leaves defaults out', () => {
    expect(serializeDashboardState(DEFAULT_STATE)).toBe('');
    const query = serializeDashboardState({
      ...DEFAULT_STATE,
      hashrates: { kawpow: 24e6, sha256d: 2e14 },
      powerWatts: { kawpow: 140 },
      electricityUsdPerKwh: 0.12,
    });
    const params = new URLSearchParams(query);
    expect(params.get('hr.kawpow')).toBe('24M');
    expect(params.get('hr.sha256d')).toBe('200T');
    expect(params.get('w.kawpow')).toBe('140');
    expect(params.get('kwh')).toBe('0.12');
    expect(params.has('fee')).toBe(false);
    expect(params.has('sort')).toBe(false);
    const view = new URLSearchParams(
      serializeDashboardState({ ...DEFAULT_STATE, coins: ['RVN', 'ERG'], period: 'week', currency: 'btc' }),
    );
    expect([...view.keys()]).toEqual(['per', 'cur', 'coins']);
    expect(view.get('coins')).toBe('RVN,ERG');
  });

  const hashrate = fc.oneof(
    fc.double({ min: 1e-3, max: 1e24, noNaN: true, noDefaultInfinity: true }),
    fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 18 })).map(([m, e]) => m * 10 ** e),
  ).filter((x) => x > 0 && x <= 1e24);
  const slug = fc.constantFrom(...ALGORITHM_SLUGS);
  const deviceList = fc
    .uniqueArray(fc.constantFrom(...DEVICES.map((d) => d.id)), { maxLength: 4 })
    .chain((ids) => fc.tuple(...ids.map((id) => fc.integer({ min: 1, max: 10_000 }).map((count) => ({ id, count })))));
  // Tariff fields (lib/electricity): a schedule cut at random hours, a zone, a spot feed (never both).
  const bands = fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 23 }), { maxLength: 5 }), fc.array(fc.constantFrom(0, 0.05, 0.08, 0.1234, 0.24), { minLength: 6, maxLength: 6 }))
    .map(([cuts, prices]) => {
      const edges = [0, ...[...cuts].sort((a, b) => a - b), 24];
      return edges.slice(1).map((toHour, i) => ({ fromHour: edges[i]!, toHour, usdPerKwh: prices[i]! }));
    });
  const tariff = fc
    .record({
      tou: fc.option(fc.record({ weekday: bands, weekend: fc.option(bands, { nil: null }) }), { nil: null }),
      timeZone: fc.option(fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'), { nil: null }),
      spotZone: fc.option(fc.constantFrom('DE-LU', 'AT', 'awattar-de', 'agile-c'), { nil: null }),
      markupUsdPerKwh: fc.double({ min: 0, max: 10, noNaN: true }).map((x) => x + 0),
      vatPercent: fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x + 0),
      fixedUsdPerDay: fc.double({ min: 0, max: 100_000, noNaN: true }).map((x) => x + 0),
      overheadPercent: fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x + 0),
      heatUsdPerKwh: fc.double({ min: 0, max: 10, noNaN: true }).map((x) => x + 0),
      hoursMode: fc.constantFrom('all' as const, 'profitable' as const),
    })
    .map((t) => (t.tou !== null ? { ...t, spotZone: null } : t));
  const rigAndView = fc.record({
    devices: deviceList.map((list) => [...list]),
    hashrates: fc.dictionary(slug, hashrate, { maxKeys: 5 }),
    powerWatts: fc.dictionary(slug, fc.integer({ min: 0, max: 1_000_000 }), { maxKeys: 5 }),
    electricityUsdPerKwh: fc.double({ min: 0, max: 10, noNaN: true }),
    poolFeePercent: fc.double({ min: 0, max: 99, noNaN: true }),
    poolChoice: fc.constantFrom(...POOL_CHOICES),
    sort: fc.constantFrom(...SORT_SLUGS),
    dir: fc.constantFrom('asc' as const, 'desc' as const),
    algorithm: fc.option(slug, { nil: null }),
    device: fc.option(fc.constantFrom(...DEVICE_SLUGS), { nil: null }),
    query: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), { nil: null }),
    period: fc.constantFrom(...PERIODS),
    currency: fc.constantFrom(...CURRENCIES),
    coins: fc.uniqueArray(fc.stringMatching(/^[A-Z0-9]{1,8}$/), { maxLength: 8 }),
    basis: fc.constantFrom(...BASES),
    sellableOnly: fc.boolean(),
    range: fc.constantFrom(...HISTORY_RANGES),
    rows: fc.constantFrom(...ROWS_OPTIONS),
    growthPercentPerMonth: fc.oneof(fc.constant(0), fc.double({ min: -90, max: 1000, noNaN: true }).map((g) => g + 0)),
    horizonDays: fc.constantFrom(...HORIZONS),
    hardwareCostUsd: fc.option(fc.double({ min: 0, max: 1e9, noNaN: true }), { nil: null }),
    tune: fc.constantFrom(...TUNE_MODES),
    powerLimits: fc.dictionary(fc.constantFrom(...DEVICES.map((d) => d.id)), fc.integer({ min: 10, max: 200 }), { maxKeys: 3 }),
  });
  // Risk against reward (lib/health): a preset and some explicit weights 0–100.
  const risk = fc.record({
    riskPreset: fc.constantFrom(...RISK_PRESETS),
    riskWeights: fc.dictionary(fc.constantFrom(...HEALTH_PARTS), fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x + 0), {
      maxKeys: 7,
    }),
  });
  const state: fc.Arbitrary<DashboardState> = fc
    .tuple(rigAndView, tariff, risk)
    .map(([r, t, k]) => ({ ...r, ...t, ...k }));

  it('parse ∘ serialize is the identity for every valid state', () => {
    fc.assert(
      fc.property(state, (s) => {
        const { state: back, errors } = parseDashboardParams(new URLSearchParams(serializeDashboardState(s)));
        expect(errors).toEqual([]);
        expect(back).toEqual(s);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('risk weights (risk=, rw.<part>=)', () => {
  it('reads a preset and explicit weights', () => {
    const { state, errors } = parseDashboardParams(new URLSearchParams('risk=cautious&rw.security=80&rw.community=0'));
    expect(errors).toEqual([]);
    expect(state.riskPreset).toBe('cautious');
    expect(state.riskWeights).toEqual({ security: 80, community: 0 });
    expect(serializeDashboardState(state)).toBe('?risk=cautious&rw.security=80&rw.community=0');
  });

  it('names the field of each bad one', () => {
    const { state, errors } = parseDashboardParams(
      new URLSearchParams('risk=yolo&rw.security=101&rw.luck=5&rw.markets=abc'),
    );
    expect(errors.map((e) => e.param)).toEqual(['risk', 'rw.security', 'rw.luck', 'rw.markets']);
    expect(errors[0]?.message).toContain('profit, balanced, cautious');
    expect(errors[1]?.message).toBe('The risk weight must be between 0 and 100 %.');
    expect(errors[2]?.message).toContain('security, liquidity');
    expect(state.riskPreset).toBe('profit');
    expect(state.riskWeights).toEqual({});
  });
});

describe('searchOf: the query the island reads while the server renders and hydrates', () => {
  it('writes the page record as the address bar does, repeated keys in order', () => {
    // Next gives a repeated key as an array; location.search would show it twice.
    expect(searchOf({ dev: 'nvidia-rtx-3070:2', q: ['a', 'b'], empty: undefined })).toBe('?dev=nvidia-rtx-3070%3A2&q=a&q=b');
    expect(searchOf({})).toBe('');
    expect(searchOf(new URLSearchParams('kwh=0.12&per=week'))).toBe('?kwh=0.12&per=week');
  });

  it('reads back to the same state as the record it came from', () => {
    const record = { dev: 'nvidia-rtx-3070:3,amd-ryzen-9-7950x:1', kwh: '0.21', sort: 'name', 'hr.kawpow': '95M' };
    expect(parseDashboardParams(new URLSearchParams(searchOf(record))).state).toEqual(parseDashboardParams(record).state);
  });
});
