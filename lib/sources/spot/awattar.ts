// aWATTar GET /v1/marketdata?start=<ms>&end=<ms> on api.awattar.de (Germany) and api.awattar.at
// (Austria): hourly EPEX day-ahead prices, {object: "list", data: [{start_timestamp,
// end_timestamp (ms), marketprice, unit: "Eur/MWh"}], url}. Shape as documented in
// MEscape/die-macher docs/17_Awattar_Marktdaten.md and used by mampfes/ha_epex_spot
// (EPEXSpot/Awattar). Keyless; fair use is 100 requests a day per IP (api-evangelist/awattar
// rate-limits/awattar-rate-limits.yml), so lib/server caches each answer for an hour.
import { z } from 'zod';
import { fetchJson, SchemaError } from '@/lib/sources/http';
import { parseOrThrow } from '@/lib/sources/parse';
import { orderPoints, type SpotFetchOptions, type SpotPrices } from './types';

export const AWATTAR_DEFAULT_URLS = { de: 'https://api.awattar.de', at: 'https://api.awattar.at' } as const;

export const awattarMarketdataSchema = z.object({
  object: z.string().optional(),
  data: z.array(
    z.object({
      start_timestamp: z.number(),
      end_timestamp: z.number(),
      marketprice: z.number(),
      unit: z.string(),
    }),
  ),
});

/** The response → intervals in EUR per kWh. */
export function normalizeAwattar(raw: unknown): SpotPrices {
  const body = parseOrThrow(awattarMarketdataSchema, raw, 'awattar');
  const points = body.data.map((entry, i) => {
    if (!/^eur\s*\/\s*mwh$/i.test(entry.unit.trim())) throw new SchemaError(`awattar: data.${i}.unit is "${entry.unit.slice(0, 20)}"`);
    if (!(entry.end_timestamp > entry.start_timestamp)) throw new SchemaError(`awattar: data.${i} ends before it starts`);
    return { startMs: entry.start_timestamp, endMs: entry.end_timestamp, pricePerKwh: entry.marketprice / 1000 };
  });
  return { currency: 'EUR', points: orderPoints(points) };
}

export async function fetchAwattar(options: SpotFetchOptions): Promise<SpotPrices> {
  const url = new URL('/v1/marketdata', options.baseUrl);
  url.searchParams.set('start', String(Math.floor(options.fromMs)));
  url.searchParams.set('end', String(Math.floor(options.toMs)));
  return normalizeAwattar(await fetchJson(url.toString(), { timeoutMs: options.timeoutMs, source: 'awattar' }));
}
