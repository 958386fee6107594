// The catalog as the app (and the browser) reads it: every figure, no citation. Citations stay in
// lib/hardware/devices.json, which only the server (validation at start) and the tests read;
// lib/hardware/devices.browser.json is this function applied to it (checked by the unit tests,
// written by `npx tsx scripts/write-browser-catalog.ts`).
import type { CatalogOperatingPoint, Device as SourcedDevice, DeviceRate as SourcedRate, DualPoint } from './schema';

type Unsourced<T> = Omit<T, 'source'>;
export type DeviceRate = Omit<SourcedRate, 'source' | 'points'> & { points?: Array<Unsourced<CatalogOperatingPoint>> };
export type Device = Omit<SourcedDevice, 'rates' | 'duals'> & { rates: DeviceRate[]; duals?: Array<Unsourced<DualPoint>> };

const drop = <T extends { source: string }>({ source: _source, ...rest }: T): Unsourced<T> => {
  void _source;
  return rest;
};

export function withoutSources(devices: readonly SourcedDevice[]): Device[] {
  return devices.map(({ rates, duals, ...device }) => ({
    ...device,
    rates: rates.map(({ points, ...rate }) => ({ ...drop(rate), ...(points ? { points: points.map(drop) } : {}) })),
    ...(duals ? { duals: duals.map(drop) } : {}),
  }));
}
