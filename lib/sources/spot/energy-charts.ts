// Energy-Charts (Fraunhofer ISE) GET /price?bzn=<zone>&start=<unix s>&end=<unix s>: day-ahead
// prices in EUR/MWh for every zone, hourly (quarter-hourly since the 2025 move of the day-ahead
// market to 15-minute products). Response shape from its OpenAPI description (PriceModel:
// license_info, unix_seconds [int] | null, price [float | null] | null, unit, deprecated), as kept
// in api-evangelist/energy-charts-api openapi/energy-charts-api-prices-api-openapi.yml @ 19056efb.
// Keyless; CC BY 4.0 (Bundesnetzagentur | SMARD.de) for the zones in lib/electricity/spot-zones.ts.
import { z } from 'zod';
import { fetchJson, SchemaError } from '@/lib/sources/http';
import { parseOrThrow } from '@/lib/sources/parse';
import { orderPoints, type SpotFetchOptions, type SpotPrices } from './types';
import type { SpotPoint } from '@/lib/electricity/tariff';

export const ENERGY_CHARTS_DEFAULT_URL = 'https://api.energy-charts.info';

export const energyChartsPriceSchema = z.object({
  license_info: z.string().optional(),
  unix_seconds: z.array(z.number().int()).nullable(),
  price: z.array(z.number().nullable()).nullable(),
  unit: z.string(),
  deprecated: z.boolean().optional(),
});

const EUR_PER_MWH = /^eur\s*\/\s*mwh$/i;

/** The response → intervals in EUR per kWh (MWh ÷ 1000); null prices are skipped. */
export function normalizeEnergyCharts(raw: unknown): SpotPrices {
  const body = parseOrThrow(energyChartsPriceSchema, raw, 'energy-charts');
  if (!EUR_PER_MWH.test(body.unit.trim())) throw new SchemaError(`energy-charts: unexpected unit "${body.unit.slice(0, 20)}"`);
  const times = body.unix_seconds ?? [];
  const prices = body.price ?? [];
  if (times.length !== prices.length) throw new SchemaError('energy-charts: unix_seconds and price differ in length');
  const points: SpotPoint[] = [];
  for (let i = 0; i < times.length; i++) {
    const start = times[i]!;
    const price = prices[i];
    if (price === null || price === undefined || !Number.isFinite(price)) continue;
    // An interval ends where the next begins; the last one lasts as long as the one before it.
    const next = times[i + 1] ?? (i > 0 ? start + (start - times[i - 1]!) : start + 3600);
    if (!(next > start)) continue;
    points.push({ startMs: start * 1000, endMs: next * 1000, pricePerKwh: price / 1000 });
  }
  return { currency: 'EUR', points: orderPoints(points) };
}

export async function fetchEnergyCharts(bzn: string, options: SpotFetchOptions): Promise<SpotPrices> {
  const url = new URL('/price', options.baseUrl);
  url.searchParams.set('bzn', bzn);
  url.searchParams.set('start', String(Math.floor(options.fromMs / 1000)));
  url.searchParams.set('end', String(Math.floor(options.toMs / 1000)));
  return normalizeEnergyCharts(await fetchJson(url.toString(), { timeoutMs: options.timeoutMs, source: 'energy-charts' }));
}
