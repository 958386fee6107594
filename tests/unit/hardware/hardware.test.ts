// The hardware catalog as data (sources, ids, units, coverage), the ids that links depend on,
// rig sums worked by hand, and the dev=<id>:<count> URL form.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAlgorithm } from '@/lib/mining/algorithms';
import {
  DEVICES,
  getDevice,
  parseDeviceList,
  searchDevices,
  serializeDeviceList,
  sumRig,
  type Device,
  type RigDevice,
} from '@/lib/hardware/catalog';
import catalog from '@/lib/hardware/devices.json';
import { validateCatalog } from '@/lib/hardware/schema';
import { withoutSources } from '@/lib/hardware/unsourced';

/** Ids in the catalog on the day links were first made; each is a permanent URL key. Append, never edit. */
const PERMANENT_IDS = [
  'nvidia-gtx-1060-6gb',
  'nvidia-gtx-1080-ti',
  'nvidia-rtx-2070',
  'nvidia-rtx-2080-ti',
  'nvidia-rtx-3060-ti',
  'nvidia-rtx-3070',
  'nvidia-rtx-3080',
  'nvidia-rtx-3080-ti',
  'nvidia-rtx-3090',
  'nvidia-rtx-4090',
  'nvidia-cmp-30hx',
  'nvidia-cmp-40hx',
  'nvidia-cmp-90hx',
  'nvidia-cmp-170hx',
  'amd-rx-480-8gb',
  'amd-rx-580-8gb',
  'amd-rx-5600-xt',
  'amd-rx-5700',
  'amd-rx-5700-xt',
  'amd-rx-6600-xt',
  'amd-rx-6700-xt',
  'amd-rx-6800',
  'amd-rx-6800-xt',
  'amd-rx-vega-56',
  'amd-rx-vega-64',
  'amd-radeon-vii',
  'amd-ryzen-9-7950x',
  'amd-ryzen-9-5950x',
  'amd-ryzen-7-3700x',
  'amd-ryzen-7-1700x',
  'amd-ryzen-5-5600g',
  'amd-epyc-7742',
  'bitmain-antminer-l7',
  'bitmain-antminer-l9',
  'goldshell-mini-doge',
  'bitmain-antminer-ks3',
  'bitmain-antminer-ks5',
  'iceriver-ks0',
  'iceriver-ks1',
  'iceriver-ks3',
  'goldshell-al-box',
  'iceriver-al0',
  'iceriver-al3',
  'bitmain-antminer-d9',
  'bitmain-antminer-d7',
  'bitmain-antminer-z15',
  'bitmain-antminer-s19-xp',
  'bitmain-antminer-s19-pro',
  'bitmain-antminer-s21',
  'bitaxe-gamma',
] as const;

const ofKind = (kind: Device['kind']) => DEVICES.filter((d) => d.kind === kind);
const rateOf = (id: string, algorithm: string) => {
  const rate = getDevice(id)?.rates.find((r) => r.algorithm === algorithm);
  if (!rate) throw new Error(`${id} has no ${algorithm} figure`);
  return rate;
};

describe('device catalog data', () => {
  it('says what it is: units and permanent ids', () => {
    expect(catalog.$comment).toMatch(/H\/s/);
    expect(catalog.$comment).toMatch(/permanent/);
  });

  it('has unique, URL-safe ids and named vendors', () => {
    const ids = DEVICES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of DEVICES) {
      expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.name.trim(), d.id).not.toBe('');
      expect(d.vendor.trim(), d.id).not.toBe('');
    }
  });

  it('gives every row a source, a known algorithm slug, and positive finite figures', () => {
    for (const d of validateCatalog(catalog)) {
      expect(d.rates.length, d.id).toBeGreaterThan(0);
      expect(new Set(d.rates.map((r) => r.algorithm)).size, `${d.id} lists an algorithm twice`).toBe(d.rates.length);
      for (const r of d.rates) {
        const where = `${d.id} / ${r.algorithm}`;
        expect(getAlgorithm(r.algorithm), where).toBeDefined();
        expect(r.source.trim().length, where).toBeGreaterThan(10);
        expect(Number.isFinite(r.hashrate) && r.hashrate > 0, where).toBe(true);
        expect(Number.isFinite(r.watts) && r.watts > 0, where).toBe(true);
      }
    }
  });

  it('is big enough to be useful: ≥ 40 devices, ≥ 25 GPUs (≥ 10 NVIDIA, ≥ 10 AMD), ≥ 4 CPUs, ≥ 8 ASICs', () => {
    const gpus = ofKind('GPU');
    expect(DEVICES.length).toBeGreaterThanOrEqual(40);
    expect(gpus.length).toBeGreaterThanOrEqual(25);
    expect(gpus.filter((d) => d.vendor === 'NVIDIA').length).toBeGreaterThanOrEqual(10);
    expect(gpus.filter((d) => d.vendor === 'AMD').length).toBeGreaterThanOrEqual(10);
    expect(ofKind('CPU').length).toBeGreaterThanOrEqual(4);
    expect(ofKind('ASIC').length).toBeGreaterThanOrEqual(8);
  });

  it('has an ASIC for each algorithm where small coins live, and CPUs for the CPU algorithms', () => {
    const asicAlgorithms = new Set(ofKind('ASIC').flatMap((d) => d.rates.map((r) => r.algorithm)));
    for (const slug of ['scrypt', 'kheavyhash', 'blake3', 'x11', 'equihash', 'sha256d']) {
      expect(asicAlgorithms.has(slug), slug).toBe(true);
    }
    // Every CPU row is an algorithm CPUs mine; RandomX, GhostRider and VerusHash each have CPUs.
    for (const cpu of ofKind('CPU')) {
      for (const r of cpu.rates) expect(getAlgorithm(r.algorithm)?.devices, `${cpu.id} / ${r.algorithm}`).toContain('CPU');
    }
    const cpusFor = (slug: string) => ofKind('CPU').filter((d) => d.rates.some((r) => r.algorithm === slug)).length;
    expect(cpusFor('randomx')).toBeGreaterThanOrEqual(8);
    expect(cpusFor('ghostrider')).toBeGreaterThanOrEqual(3);
    expect(cpusFor('verushash')).toBeGreaterThanOrEqual(2);
  });

  it('keeps plausible magnitudes in base units (catches a MH/s figure written as H/s, or the reverse)', () => {
    // KawPow GPUs run 5–100 MH/s; Equihash 200,9 ASICs are kSol/s; RandomX CPUs are kH/s; SHA-256 ASICs are TH/s.
    for (const d of DEVICES) {
      for (const r of d.rates) {
        const where = `${d.id} / ${r.algorithm}`;
        if (r.algorithm === 'kawpow') expect(r.hashrate, where).toBeGreaterThan(5e6);
        if (r.algorithm === 'kawpow') expect(r.hashrate, where).toBeLessThan(1e8);
        if (r.algorithm === 'randomx') expect(r.hashrate, where).toBeGreaterThan(1e3);
        if (r.algorithm === 'randomx') expect(r.hashrate, where).toBeLessThan(1e5);
        if (r.algorithm === 'sha256d') expect(r.hashrate, where).toBeGreaterThan(1e11);
        if (r.algorithm === 'equihash') expect(r.hashrate, where).toBeLessThan(1e7);
        expect(r.watts, where).toBeLessThan(5000);
      }
    }
  });

  it('keeps every permanent id, so a link made today still works after the catalog grows', () => {
    for (const id of PERMANENT_IDS) expect(getDevice(id), id).toBeDefined();
  });

  it('has the RTX 3070 that lib/ranking/rig.ts uses as its default rig', () => {
    expect(getDevice('nvidia-rtx-3070')?.rates.length).toBeGreaterThan(3);
  });

  it.each([
    [{ algorithm: 'no-such-algo' }, 'algorithm'],
    [{ hashrate: -1 }, 'hashrate'],
    [{ watts: Number.POSITIVE_INFINITY }, 'watts'],
    [{ source: ' ' }, 'source'],
  ])('refuses to load a catalog with a bad row (%j), naming the device and field', async (patch, field) => {
    const [first, ...rest] = catalog.devices;
    const message = `device "${first?.id}", field rates.0.${field}`;
    const bad = { ...first, rates: [{ ...first?.rates[0], ...patch }] };
    expect(() => validateCatalog({ ...catalog, devices: [bad, ...rest] })).toThrow(message);
  });

  it('refuses to load a catalog that lists an id twice', async () => {
    expect(() => validateCatalog({ ...catalog, devices: [...catalog.devices, catalog.devices[0]] })).toThrow(
      `device "${catalog.devices[0]?.id}" appears twice`,
    );
  });

  it('validates the shipped catalog, and the app serves exactly what it validates', () => {
    // The app reads the browser copy: the validated catalog without its citations, and nothing else.
    expect(withoutSources(validateCatalog(catalog))).toEqual(DEVICES);
    expect(JSON.stringify(DEVICES)).not.toContain('"source"');
  });
});

describe('searchDevices', () => {
  const ids = (query: string, limit?: number) => searchDevices(query, limit).map((d) => d.id);

  it('matches name, id and vendor tokens in any order and any case', () => {
    expect(ids('3070 rtx')).toEqual(['nvidia-rtx-3070']);
    expect(ids('RTX 3070')).toEqual(['nvidia-rtx-3070']);
    expect(ids('rtx3070')).toEqual(['nvidia-rtx-3070']); // compact spelling
    expect(ids('nvidia-rtx-3070')).toEqual(['nvidia-rtx-3070']); // the id itself
    expect(ids('iceriver')).toEqual(['iceriver-ks0', 'iceriver-ks1', 'iceriver-ks3', 'iceriver-al0', 'iceriver-al3']);
    expect(ids('ryzen 9')).toEqual(['amd-ryzen-9-7950x', 'amd-ryzen-9-5950x', 'amd-ryzen-9-5900x']);
  });

  it('returns nothing for a blank query or a token no device has, and respects the limit', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('rtx 9999')).toEqual([]);
    expect(ids('nvidia', 3)).toHaveLength(3);
    expect(ids('nvidia', 0)).toEqual([]);
    expect(searchDevices('a').length).toBeLessThanOrEqual(20); // default limit
  });
});

describe('sumRig', () => {
  it('sums 6 × RTX 3070 + 1 × Ryzen 9 7950X per algorithm', () => {
    const { hashrates, powerWatts, unknown } = sumRig([
      { id: 'nvidia-rtx-3070', count: 6 },
      { id: 'amd-ryzen-9-7950x', count: 1 },
    ]);
    // KawPow: only the 3070s have a figure: 6 × 27.6 MH/s = 165.6 MH/s, 6 × 180 W = 1080 W.
    expect(hashrates.kawpow).toBe(6 * 27.6e6);
    expect(hashrates.kawpow).toBeCloseTo(165.6e6, 0);
    expect(powerWatts.kawpow).toBe(1080);
    // RandomX: only the CPU: 25 000 H/s at 170 W.
    expect(hashrates.randomx).toBe(25_000);
    expect(powerWatts.randomx).toBe(170);
    // Every algorithm the 3070 has appears, each × 6; nothing the rig lacks appears.
    const gpu = getDevice('nvidia-rtx-3070');
    expect(Object.keys(hashrates).sort()).toEqual([...(gpu?.rates.map((r) => r.algorithm) ?? []), 'randomx'].sort());
    expect(hashrates.scrypt).toBeUndefined();
    expect(unknown).toEqual([]);
  });

  it('adds different devices that share an algorithm', () => {
    // Etchash: 2 × RTX 3080 (91.5 MH/s, 230 W) + 3 × RX 580 8GB (30.5 MH/s, 130 W)
    //   = 183 + 91.5 = 274.5 MH/s and 460 + 390 = 850 W.
    const { hashrates, powerWatts } = sumRig([
      { id: 'nvidia-rtx-3080', count: 2 },
      { id: 'amd-rx-580-8gb', count: 3 },
    ]);
    expect(hashrates.etchash).toBeCloseTo(274.5e6, 0);
    expect(powerWatts.etchash).toBe(850);
    // Octopus: 2 × 77 MH/s + 3 × 4.9 MH/s = 168.7 MH/s; 2 × 250 W + 3 × 110 W = 830 W.
    expect(hashrates.octopus).toBeCloseTo(168.7e6, 0);
    expect(powerWatts.octopus).toBe(830);
  });

  it('takes the figures from the catalog rows, × count', () => {
    const l7 = rateOf('bitmain-antminer-l7', 'scrypt');
    const { hashrates, powerWatts } = sumRig([{ id: 'bitmain-antminer-l7', count: 4 }]);
    // 4 × 9.5 GH/s = 38 GH/s; 4 × 3425 W = 13 700 W.
    expect(hashrates.scrypt).toBe(4 * l7.hashrate);
    expect(hashrates.scrypt).toBe(38e9);
    expect(powerWatts.scrypt).toBe(13_700);
  });

  it('reports unknown ids once each, never throws, and skips counts that are not positive numbers', () => {
    const result = sumRig([
      { id: 'no-such-card', count: 2 },
      { id: 'nvidia-rtx-3070', count: 1 },
      { id: 'no-such-card', count: 1 },
      { id: 'another-ghost', count: 1 },
      { id: 'amd-ryzen-9-7950x', count: 0 },
      { id: 'amd-ryzen-9-7950x', count: Number.NaN },
      { id: 'amd-ryzen-9-7950x', count: -3 },
    ]);
    expect(result.unknown).toEqual(['no-such-card', 'another-ghost']);
    expect(result.hashrates.kawpow).toBe(27.6e6);
    expect(result.hashrates.randomx).toBeUndefined();
    expect(sumRig([])).toEqual({ hashrates: {}, powerWatts: {}, unknown: [] });
  });
});

describe('parseDeviceList / serializeDeviceList', () => {
  it('reads id:count lists, with :count optional, merging repeats in first-seen order', () => {
    expect(parseDeviceList('nvidia-rtx-3070:6,amd-ryzen-9-7950x')).toEqual({
      success: true,
      data: [
        { id: 'nvidia-rtx-3070', count: 6 },
        { id: 'amd-ryzen-9-7950x', count: 1 },
      ],
    });
    expect(parseDeviceList('nvidia-rtx-3070:2,bitmain-antminer-l7,nvidia-rtx-3070:3')).toEqual({
      success: true,
      data: [
        { id: 'nvidia-rtx-3070', count: 5 },
        { id: 'bitmain-antminer-l7', count: 1 },
      ],
    });
    expect(parseDeviceList(' NVIDIA-RTX-3070:10000 ')).toEqual({ success: true, data: [{ id: 'nvidia-rtx-3070', count: 10_000 }] });
  });

  it.each([
    ['nvidia-rtx-3070:0', /whole number from 1 to 10000.*"0"/],
    ['nvidia-rtx-3070:-1', /whole number from 1 to 10000.*"-1"/],
    ['nvidia-rtx-3070:1.5', /whole number from 1 to 10000.*"1\.5"/],
    ['nvidia-rtx-3070:abc', /whole number from 1 to 10000.*"abc"/],
    ['nvidia-rtx-3070:10001', /whole number from 1 to 10000/],
    ['nvidia-rtx-3070:', /whole number from 1 to 10000/],
    ['nvidia-rtx-3070:6000,nvidia-rtx-3070:6000', /total count for "nvidia-rtx-3070" is over 10000/],
    ['nvidia-rtx-9999:2', /Unknown device "nvidia-rtx-9999"/],
    ['', /empty/],
    ['nvidia-rtx-3070,', /empty entry/],
    ['nvidia-rtx-3070:1:2', /not a device entry/],
    ['rtx 3070', /not a device entry/],
    [Array.from({ length: 51 }, () => 'iceriver-ks0').join(','), /at most 50/],
  ])('rejects %j', (text, message) => {
    const result = parseDeviceList(text);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error).toMatch(message);
  });

  it('refuses a 100 KB string quickly, without echoing it', () => {
    const huge = 'nvidia-rtx-3070:1,'.repeat(6000).slice(0, 100_000);
    const started = performance.now();
    const result = parseDeviceList(huge);
    expect(performance.now() - started).toBeLessThan(50);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.length).toBeLessThan(200);
  });

  it('writes ids in the given order, leaving out :1', () => {
    expect(
      serializeDeviceList([
        { id: 'nvidia-rtx-3070', count: 6 },
        { id: 'amd-ryzen-9-7950x', count: 1 },
      ]),
    ).toBe('nvidia-rtx-3070:6,amd-ryzen-9-7950x');
  });

  it('round-trips: parse(serialize(x)) = x for any valid list of catalog devices', () => {
    const validList: fc.Arbitrary<RigDevice[]> = fc.uniqueArray(
      fc.record({ id: fc.constantFrom(...DEVICES.map((d) => d.id)), count: fc.integer({ min: 1, max: 10_000 }) }),
      { minLength: 1, maxLength: 50, selector: (d) => d.id },
    );
    fc.assert(
      fc.property(validList, (devices) => {
        expect(parseDeviceList(serializeDeviceList(devices))).toEqual({ success: true, data: devices });
      }),
      { numRuns: 500 },
    );
  });
});
