// Each spot adapter against its fixture (built from the documented shape, not a recording: see
// tests/fixtures/README.md), served from 127.0.0.1; and a fixture day all the way to the hourly price.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchEnergyCharts, normalizeEnergyCharts } from '@/lib/sources/spot/energy-charts';
import { fetchAwattar, normalizeAwattar } from '@/lib/sources/spot/awattar';
import { agileRatesPath, fetchOctopusAgile, normalizeOctopusAgile } from '@/lib/sources/spot/octopus-agile';
import { SchemaError } from '@/lib/sources/http';
import { DEFAULT_TARIFF, resolvePowerDay, spotHourPrices } from '@/lib/electricity/tariff';
import { hoursOfDay } from '@/lib/electricity/zone';

const fixture = (name: string) => readFileSync(`tests/fixtures/spot/${name}`, 'utf8');
const EC = fixture('energy-charts-price-de-lu-documented-shape.json');
const AW = fixture('awattar-marketdata-at-documented-shape.json');
const OCT = fixture('octopus-agile-unit-rates-c-documented-shape.json');
const iso = (ms: number) => new Date(ms).toISOString();

let server: Server;
let base = '';
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push(url.pathname + url.search);
    const body =
      url.pathname === '/price' ? EC : url.pathname === '/v1/marketdata' ? AW : url.pathname === agileRatesPath('AGILE-24-10-01', 'C') ? OCT : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const window = { fromMs: Date.parse('2024-03-13T00:00:00Z'), toMs: Date.parse('2024-03-15T00:00:00Z'), timeoutMs: 2000 };

describe('Energy-Charts /price', () => {
  it('reads EUR/MWh into EUR/kWh intervals, skipping the null price', async () => {
    const prices = await fetchEnergyCharts('DE-LU', { baseUrl: base, ...window });
    expect(seen).toContain('/price?bzn=DE-LU&start=1710288000&end=1710460800');
    expect(prices.currency).toBe('EUR');
    // 25 stamps, the 25th priced null: 24 hours, 2024-03-13 23:00 UTC (Berlin midnight) onwards.
    expect(prices.points).toHaveLength(24);
    expect(iso(prices.points[0]!.startMs)).toBe('2024-03-13T23:00:00.000Z');
    expect(iso(prices.points[23]!.endMs)).toBe('2024-03-14T23:00:00.000Z');
    expect(prices.points[0]!.pricePerKwh).toBeCloseTo(0.0625, 12); // 62.5 EUR/MWh
    expect(prices.points[13]!.pricePerKwh).toBeCloseTo(-0.0125, 12); // −12.5 EUR/MWh, a negative hour
  });

  it('refuses a changed shape or unit', () => {
    const body = JSON.parse(EC) as Record<string, unknown>;
    expect(() => normalizeEnergyCharts({ ...body, price: 'n/a' })).toThrow(SchemaError);
    expect(() => normalizeEnergyCharts({ ...body, unit: 'EUR / kWh' })).toThrow('unexpected unit');
    expect(() => normalizeEnergyCharts({ ...body, price: [1] })).toThrow('differ in length');
  });

  it('a fixture day to the hour\'s price: spot × (1 + VAT) + markup, at the snapshot\'s EUR rate', () => {
    // Hour 0 in Berlin: 62.5 EUR/MWh = 0.0625 EUR/kWh × 1.1 USD/EUR = 0.06875 USD × 1.19 = 0.0818125
    // + 0.10 markup = 0.1818125 USD/kWh. Hour 13: −0.0125 × 1.1 × 1.19 + 0.1 = −0.0163625 + 0.1 = 0.0836375.
    const feed = { zone: 'DE-LU', ...normalizeEnergyCharts(JSON.parse(EC)), lastGoodAt: null, stale: false, expired: false };
    const day = resolvePowerDay(
      { ...DEFAULT_TARIFF, spotZone: 'DE-LU', vatPercent: 19, markupUsdPerKwh: 0.1 },
      0.3,
      Date.parse('2024-03-14T10:00:00Z'),
      feed,
      { EUR: 1.1 },
    );
    expect(day.source).toBe('spot');
    expect(day.hourPricesUsdPerKwh[0]).toBeCloseTo(0.1818125, 12);
    expect(day.hourPricesUsdPerKwh[13]).toBeCloseTo(0.0836375, 12);
  });
});

describe('aWATTar /v1/marketdata', () => {
  it('reads hourly Eur/MWh with millisecond stamps', async () => {
    const prices = await fetchAwattar({ baseUrl: base, ...window });
    expect(seen).toContain('/v1/marketdata?start=1710288000000&end=1710460800000');
    expect(prices.points).toHaveLength(24);
    expect(prices.points[0]).toEqual({
      startMs: Date.parse('2024-03-13T23:00:00Z'),
      endMs: Date.parse('2024-03-14T00:00:00Z'),
      pricePerKwh: 0.0701, // 70.1 EUR/MWh
    });
    expect(prices.points[13]!.pricePerKwh).toBeCloseTo(-0.0089, 12);
  });

  it('refuses another unit', () => {
    const body = JSON.parse(AW) as { data: Array<Record<string, unknown>> };
    body.data[0] = { ...body.data[0], unit: 'ct/kWh' };
    expect(() => normalizeAwattar(body)).toThrow('awattar: data.0.unit is "ct/kWh"');
  });
});

describe('Octopus Agile standard-unit-rates', () => {
  it('reads half-hourly pence (VAT excluded), newest first, into GBP/kWh oldest first', async () => {
    const prices = await fetchOctopusAgile('C', { baseUrl: base, ...window });
    expect(seen.some((s) => s.startsWith('/v1/products/AGILE-24-10-01/electricity-tariffs/E-1R-AGILE-24-10-01-C/standard-unit-rates/?period_from=2024-03-13T00%3A00%3A00.000Z'))).toBe(true);
    expect(prices.currency).toBe('GBP');
    expect(prices.points).toHaveLength(48);
    expect(iso(prices.points[0]!.startMs)).toBe('2024-03-14T00:00:00.000Z');
    // London's 14 March (GMT = UTC): hour 0 = mean of 14.2 and 14.6 p = 14.4 p = 0.144 GBP/kWh;
    // hour 13 = mean of −1.05 and −0.65 p = −0.85 p = −0.0085 GBP/kWh.
    const hourly = spotHourPrices(prices.points, hoursOfDay({ year: 2024, month: 3, day: 14 }, 'Europe/London'));
    expect(hourly?.[0]).toBeCloseTo(0.144, 12);
    expect(hourly?.[13]).toBeCloseTo(-0.0085, 12);
  });

  it('refuses a result without its price', () => {
    const body = JSON.parse(OCT) as { results: Array<Record<string, unknown>> };
    delete body.results[0]!.value_exc_vat;
    expect(() => normalizeOctopusAgile(body)).toThrow(/octopus-agile: unexpected response shape at results\.0\.value_exc_vat/);
  });
});
