// Readers for the tariff's URL params (tou, tz, spot, markup, vat, fixed, overhead, heat, hours),
// each giving a value or a message for its field. Used by lib/url/search-params.ts.
import { parseDecimal, type ParseResult } from '@/lib/format/units';
import { isTimeZone } from './zone';
import { SPOT_ZONES, spotZone } from './spot-zones';
import type { HoursMode } from './integrate';

export { parseTou, serializeTou } from './tou';

export const MAX_MARKUP_USD = 10;
export const MAX_FIXED_USD_PER_DAY = 100_000;
export const MAX_OVERHEAD_PERCENT = 100;
export const MAX_HEAT_USD = 10;
export const HOURS_MODES = ['all', 'profitable'] as const satisfies readonly HoursMode[];

export function parseTimeZone(input: string): ParseResult<string> {
  const text = input.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(text) || !isTimeZone(text)) {
    return { success: false, error: `"${text.slice(0, 40)}" is not a time zone; use an IANA name such as Europe/Berlin or UTC.` };
  }
  // Kept as written: Intl's own canonical names are ICU's older ones (Asia/Kolkata → Asia/Calcutta).
  return { success: true, data: text };
}

export function parseSpotZone(input: string): ParseResult<string> {
  const zone = spotZone(input);
  if (zone) return { success: true, data: zone.id };
  const examples = ['DE-LU', 'AT', 'awattar-de', 'agile-c'];
  return {
    success: false,
    error: `Unknown spot zone "${input.slice(0, 24)}"; use one of ${SPOT_ZONES.length} zones such as ${examples.join(', ')}.`,
  };
}

export const parseMarkup = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_MARKUP_USD, label: 'the markup', unit: 'USD/kWh' });
export const parseVat = (text: string) => parseDecimal(text, { min: 0, max: 100, label: 'the VAT', unit: '%' });
export const parseFixed = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_FIXED_USD_PER_DAY, label: 'the fixed cost', unit: 'USD per day' });
export const parseOverhead = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_OVERHEAD_PERCENT, label: 'the power overhead', unit: '%' });
export const parseHeat = (text: string) =>
  parseDecimal(text, { min: 0, max: MAX_HEAT_USD, label: 'the heat credit', unit: 'USD per kWh of heat' });

export function parseHoursMode(input: string): ParseResult<HoursMode> {
  const found = HOURS_MODES.find((m) => m === input.trim());
  return found
    ? { success: true, data: found }
    : { success: false, error: `Unknown hours "${input.slice(0, 24)}"; use all or profitable.` };
}
