// The catalog's operating points: every point cited, figures positive, labels unique codes, the
// row's own figure reserved as "stock"; and the power-limit curve meets each catalog point it keeps.
import { describe, expect, it } from 'vitest';
import catalog from '@/lib/hardware/devices.json';
import { DEVICES, getDevice } from '@/lib/hardware/catalog';
import { validateCatalog } from '@/lib/hardware/schema';
import { curveVertices, hashrateAtPower } from '@/lib/tuning/curve';
import { operatingPointsOf, rigCandidates } from '@/lib/tuning/points';
import { bestOperatingPoint, breakEvenUsdPerKwh } from '@/lib/tuning/best';

const radeonIndex = catalog.devices.findIndex((d) => d.id === 'amd-radeon-vii');

function withPoints(points: unknown) {
  const devices = structuredClone(catalog.devices) as Array<{ id: string; rates: Array<Record<string, unknown>> }>;
  devices[radeonIndex]!.rates[0]!.points = points;
  return { ...catalog, devices };
}

const good = { label: 'max', hashrate: 268200000, watts: 183, source: 'TeamRedMiner doc' };

describe('catalog operating points', () => {
  it('ships points that pass the schema, each cited and positive, labels unique', () => {
    expect(() => validateCatalog(catalog)).not.toThrow();
    const rows = validateCatalog(catalog).flatMap((d) => d.rates.map((r) => ({ device: d.id, rate: r })));
    const withExtra = rows.filter((r) => (r.rate.points?.length ?? 0) > 0);
    expect(withExtra.map((r) => `${r.device}/${r.rate.algorithm}`)).toEqual(
      expect.arrayContaining([
        'amd-rx-580-8gb/autolykos2',
        'amd-radeon-vii/autolykos2',
        'amd-radeon-vii/verthash',
        'nvidia-rtx-3080-ti/autolykos2',
        'nvidia-rtx-3060-ti/kawpow',
      ]),
    );
    for (const { rate } of withExtra) {
      const labels = operatingPointsOf(rate).map((p) => p.label);
      expect(new Set(labels).size).toBe(labels.length);
      expect(labels[0]).toBe(rate.label ?? 'stock');
      for (const p of rate.points ?? []) {
        expect(p.source.trim().length).toBeGreaterThan(10);
        expect(p.hashrate).toBeGreaterThan(0);
        expect(p.watts).toBeGreaterThan(0);
      }
    }
  });

  it.each([
    [[{ ...good, source: ' ' }], 'points.0.source'],
    [[{ ...good, watts: 0 }], 'points.0.watts'],
    [[{ ...good, hashrate: -1 }], 'points.0.hashrate'],
    [[{ ...good, label: 'stock' }], 'points.0.label'],
    [[{ ...good, label: 'Max PL' }], 'points.0.label'],
    [[good, { ...good, watts: 150 }], 'points'],
    [[], 'points'],
    [[{ ...good, extra: 1 }], 'points.0'],
  ])('refuses a bad point (%j), naming the field', (points, field) => {
    expect(() => validateCatalog(withPoints(points))).toThrow(`device "amd-radeon-vii", field rates.0.${field}`);
  });

  it('lets a row without a published stock setting name its own figure, never "stock" and never twice', () => {
    const verthash = getDevice('amd-radeon-vii')!.rates.find((r) => r.algorithm === 'verthash')!;
    expect(operatingPointsOf(verthash).map((p) => p.label)).toEqual(['efficient', 'max']);
    const index = catalog.devices[radeonIndex]!.rates.findIndex((r) => r.algorithm === 'verthash');
    const withRow = (patch: Record<string, unknown>) => {
      const devices = structuredClone(catalog.devices) as Array<{ id: string; rates: Array<Record<string, unknown>> }>;
      Object.assign(devices[radeonIndex]!.rates[index]!, patch);
      return { ...catalog, devices };
    };
    expect(() => validateCatalog(withRow({ label: 'stock' }))).toThrow(`device "amd-radeon-vii", field rates.${index}.label`);
    expect(() => validateCatalog(withRow({ label: 'Efficient' }))).toThrow(`field rates.${index}.label`);
    expect(() => validateCatalog(withRow({ label: 'max' }))).toThrow(`device "amd-radeon-vii", field rates.${index}.points: names the row's own label again`);
  });

  it('gives an NVIDIA card a cited efficient point whose choice flips with the price, worked by hand', () => {
    // RTX 3080 Ti on Autolykos2: stock 265 MH/s at 280 W (WhatToMine), efficient 239.5 MH/s at 220 W
    // (Minermate's open database). At r = 2e-9 USD per H/s per day, stock earns 25.5e6 × 2e-9 = 0.051
    // USD/day more for 60 W × 24 h = 1.44 kWh/day more: they pay the same at 0.051 / 1.44 = 0.0354167 USD/kWh.
    const points = operatingPointsOf(getDevice('nvidia-rtx-3080-ti')!.rates.find((r) => r.algorithm === 'autolykos2')!);
    expect(points).toEqual([
      { label: 'stock', hashrate: 265_000_000, watts: 280 },
      { label: 'efficient', hashrate: 239_500_000, watts: 220 },
    ]);
    const [stock, efficient] = points;
    expect(breakEvenUsdPerKwh(stock!, efficient!, 2e-9)).toBeCloseTo(0.051 / 1.44, 12);
    expect(bestOperatingPoint(points, 2e-9, 0.03)?.label).toBe('stock');
    expect(bestOperatingPoint(points, 2e-9, 0.04)?.label).toBe('efficient');
  });

  it('the curve passes through every catalog point on its hull and over every other', () => {
    for (const device of DEVICES) {
      for (const rate of device.rates) {
        const points = operatingPointsOf(rate);
        const vertices = curveVertices(points);
        for (const v of vertices) expect(hashrateAtPower(points, v.watts)).toBeCloseTo(v.hashrate, 0);
        for (const p of points) expect(hashrateAtPower(points, p.watts)).toBeGreaterThanOrEqual(p.hashrate * (1 - 1e-12));
      }
    }
  });

  it('gives a rig its points per device, stock first', () => {
    // Radeon VII, Autolykos2: stock 237.5 MH/s at 145 W; max 268.2 MH/s at 183 W (TeamRedMiner's table).
    const [radeon] = rigCandidates([{ id: 'amd-radeon-vii', count: 2 }, { id: 'nvidia-rtx-4090', count: 1 }], 'autolykos2');
    expect(radeon).toEqual({
      device: 'amd-radeon-vii',
      count: 2,
      points: [
        { label: 'stock', hashrate: 237500000, watts: 145 },
        { label: 'max', hashrate: 268200000, watts: 183 },
      ],
    });
    expect(rigCandidates([{ id: 'nvidia-rtx-4090', count: 1 }], 'autolykos2')[0]?.points).toEqual([
      { label: 'stock', hashrate: getDevice('nvidia-rtx-4090')!.rates.find((r) => r.algorithm === 'autolykos2')!.hashrate, watts: 240 },
    ]);
    expect(rigCandidates([{ id: 'no-such-device', count: 1 }], 'autolykos2')).toEqual([]);
  });
});

describe('catalog dual points', () => {
  const tiIndex = catalog.devices.findIndex((d) => d.id === 'nvidia-rtx-3060-ti');
  const dual = { label: 'dual-x', parts: [{ algorithm: 'ethash', hashrate: 1 }, { algorithm: 'blake3', hashrate: 2 }], watts: 100, source: 'a report' };
  const withDuals = (duals: unknown) => {
    const devices = structuredClone(catalog.devices) as Array<Record<string, unknown>>;
    devices[tiIndex]!.duals = duals;
    return { ...catalog, devices };
  };

  it('ships a cited dual point with two algorithms and one power', () => {
    const ti = getDevice('nvidia-rtx-3060-ti')!;
    expect(ti.duals?.[0]).toMatchObject({ label: 'dual-ethash-blake3', watts: 147 });
    expect(ti.duals?.[0]?.parts.map((p) => p.algorithm)).toEqual(['ethash', 'blake3']);
    expect(validateCatalog(catalog).find((d) => d.id === 'nvidia-rtx-3060-ti')?.duals?.[0]?.source).toContain('lolMiner-releases issue #1499');
  });

  it.each([
    [[{ ...dual, parts: [dual.parts[0], dual.parts[0]] }], 'duals.0.parts'],
    [[{ ...dual, parts: [dual.parts[0]] }], 'duals.0.parts'],
    [[{ ...dual, parts: [dual.parts[0], { algorithm: 'nope', hashrate: 1 }] }], 'duals.0.parts.1.algorithm'],
    [[{ ...dual, source: '' }], 'duals.0.source'],
    [[{ ...dual, watts: -1 }], 'duals.0.watts'],
    [[dual, dual], 'duals'],
  ])('refuses a bad dual point (%j), naming the field', (duals, field) => {
    expect(() => validateCatalog(withDuals(duals))).toThrow(`device "nvidia-rtx-3060-ti", field ${field}`);
  });
});
