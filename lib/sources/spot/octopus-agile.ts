// Octopus Energy Agile unit rates, public and keyless:
// GET /v1/products/<product>/electricity-tariffs/E-1R-<product>-<region>/standard-unit-rates/
//   ?period_from=<ISO>&period_to=<ISO>&page_size=<n>
// A paginated list {count, next, previous, results: [{value_exc_vat, value_inc_vat (pence per
// kWh), valid_from, valid_to (ISO), payment_method}]}, half-hourly, newest first
// (developer.octopus.energy/docs/api "list tariff charges"; apis.io "Octopus Energy List Electricity
// Standard Unit Rates Example"). We take value_exc_vat, so vat= applies as it does to every feed
// (UK domestic electricity VAT is 5 %). Product code AGILE-24-10-01: "Agile Octopus October 2024 v1"
// in the products list; it changes when Octopus issues a new Agile version (OCTOPUS_AGILE_PRODUCT).
import { z } from 'zod';
import { fetchJson } from '@/lib/sources/http';
import { parseOrThrow } from '@/lib/sources/parse';
import { orderPoints, type SpotFetchOptions, type SpotPrices } from './types';

export const OCTOPUS_DEFAULT_URL = 'https://api.octopus.energy';
export const OCTOPUS_AGILE_DEFAULT_PRODUCT = 'AGILE-24-10-01';
const HALF_HOUR_MS = 1_800_000;
/** Three days of half-hours in one page. */
const PAGE_SIZE = 150;

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time');

export const octopusUnitRatesSchema = z.object({
  count: z.number().optional(),
  next: z.string().nullable().optional(),
  previous: z.string().nullable().optional(),
  results: z.array(
    z.object({
      value_exc_vat: z.number(),
      value_inc_vat: z.number().optional(),
      valid_from: isoTime,
      valid_to: isoTime.nullable(),
      payment_method: z.string().nullable().optional(),
    }),
  ),
});

/** The response → intervals in GBP per kWh (pence ÷ 100), oldest first. */
export function normalizeOctopusAgile(raw: unknown): SpotPrices {
  const body = parseOrThrow(octopusUnitRatesSchema, raw, 'octopus-agile');
  const points = body.results.map((r) => {
    const startMs = Date.parse(r.valid_from);
    const endMs = r.valid_to === null ? startMs + HALF_HOUR_MS : Date.parse(r.valid_to);
    return { startMs, endMs, pricePerKwh: r.value_exc_vat / 100 };
  });
  return { currency: 'GBP', points: orderPoints(points.filter((p) => p.endMs > p.startMs)) };
}

export function agileRatesPath(product: string, region: string): string {
  const p = encodeURIComponent(product);
  return `/v1/products/${p}/electricity-tariffs/E-1R-${p}-${encodeURIComponent(region)}/standard-unit-rates/`;
}

export async function fetchOctopusAgile(
  region: string,
  options: SpotFetchOptions & { product?: string },
): Promise<SpotPrices> {
  const url = new URL(agileRatesPath(options.product ?? OCTOPUS_AGILE_DEFAULT_PRODUCT, region), options.baseUrl);
  url.searchParams.set('period_from', new Date(options.fromMs).toISOString());
  url.searchParams.set('period_to', new Date(options.toMs).toISOString());
  url.searchParams.set('page_size', String(PAGE_SIZE));
  return normalizeOctopusAgile(await fetchJson(url.toString(), { timeoutMs: options.timeoutMs, source: 'octopus-agile' }));
}
