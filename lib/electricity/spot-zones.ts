// The spot-price zones a URL may name (`spot=DE-LU`), which feed serves each, its currency and
// the zone's own time zone. Facts cited where they are kept:
// - Energy-Charts `/price?bzn=…`: EUR/MWh for every zone, including non-euro ones; the zones listed
//   are those it publishes under CC BY 4.0 (Bundesnetzagentur | SMARD.de), per its OpenAPI
//   description (api-evangelist/energy-charts-api : openapi/energy-charts-api-prices-api-openapi.yml
//   @ 19056efb); evcc docs "Energy-Charts Market Price" (always EUR/MWh).
// - aWATTar `/v1/marketdata`: api.awattar.de and api.awattar.at, Eur/MWh, 100 requests a day per IP
//   (api-evangelist/awattar rate-limits/awattar-rate-limits.yml).
// - Octopus Agile: half-hourly unit rates per GSP region A–P (no I, no O), pence per kWh
//   (developer.octopus.energy/docs/api; apis.io Octopus "List Electricity Standard Unit Rates" example).

export type SpotCurrency = 'EUR' | 'GBP';
export type SpotFeedKind = 'energy-charts' | 'awattar' | 'octopus-agile';

export type SpotZone = {
  /** The URL id, canonical spelling. */
  id: string;
  feed: SpotFeedKind;
  /** The feed's own code: Energy-Charts bzn, aWATTar country host, Agile GSP region letter. */
  code: string;
  currency: SpotCurrency;
  timeZone: string;
  label: string;
};

const ec = (code: string, timeZone: string, label: string): SpotZone => ({
  id: code,
  feed: 'energy-charts',
  code,
  currency: 'EUR',
  timeZone,
  label,
});

const AGILE_REGIONS: ReadonlyArray<[string, string]> = [
  ['A', 'Eastern England'],
  ['B', 'East Midlands'],
  ['C', 'London'],
  ['D', 'Merseyside and North Wales'],
  ['E', 'West Midlands'],
  ['F', 'North Eastern England'],
  ['G', 'North Western England'],
  ['H', 'Southern England'],
  ['J', 'South Eastern England'],
  ['K', 'Southern Wales'],
  ['L', 'South Western England'],
  ['M', 'Yorkshire'],
  ['N', 'Southern Scotland'],
  ['P', 'Northern Scotland'],
];

export const SPOT_ZONES: readonly SpotZone[] = [
  ec('DE-LU', 'Europe/Berlin', 'Germany, Luxembourg'),
  ec('AT', 'Europe/Vienna', 'Austria'),
  ec('BE', 'Europe/Brussels', 'Belgium'),
  ec('CH', 'Europe/Zurich', 'Switzerland'),
  ec('CZ', 'Europe/Prague', 'Czech Republic'),
  ec('DK1', 'Europe/Copenhagen', 'Denmark West'),
  ec('DK2', 'Europe/Copenhagen', 'Denmark East'),
  ec('FR', 'Europe/Paris', 'France'),
  ec('HU', 'Europe/Budapest', 'Hungary'),
  ec('IT-North', 'Europe/Rome', 'Italy North'),
  ec('NL', 'Europe/Amsterdam', 'Netherlands'),
  ec('NO2', 'Europe/Oslo', 'Norway South-West'),
  ec('PL', 'Europe/Warsaw', 'Poland'),
  ec('SE4', 'Europe/Stockholm', 'Sweden South'),
  ec('SI', 'Europe/Ljubljana', 'Slovenia'),
  { id: 'awattar-de', feed: 'awattar', code: 'de', currency: 'EUR', timeZone: 'Europe/Berlin', label: 'aWATTar Germany' },
  { id: 'awattar-at', feed: 'awattar', code: 'at', currency: 'EUR', timeZone: 'Europe/Vienna', label: 'aWATTar Austria' },
  ...AGILE_REGIONS.map(([letter, region]) => ({
    id: `agile-${letter.toLowerCase()}`,
    feed: 'octopus-agile' as const,
    code: letter,
    currency: 'GBP' as const,
    timeZone: 'Europe/London',
    label: `Octopus Agile, ${region}`,
  })),
];

const BY_ID = new Map(SPOT_ZONES.map((z) => [z.id.toLowerCase(), z]));

/** The zone for a URL id, case-insensitively; undefined when unknown. */
export function spotZone(id: string): SpotZone | undefined {
  return BY_ID.get(id.trim().toLowerCase());
}
