// Hashrate and number units at the edges: parse what people type ("30", "30M", "30 MH/s",
// "1.2k"), write the short SI form for URLs ("30M"), and format figures for display.
// Inside lib every hashrate is in base units (H/s, Sol/s or G/s).

import type { HashrateUnit } from '@/lib/mining/algorithms';

export type ParseResult<T> = { success: true; data: T } | { success: false; error: string };

const SI_EXPONENTS: Readonly<Record<string, number>> = { '': 0, k: 3, m: 6, g: 9, t: 12, p: 15, e: 18 };
const SI_ORDER = ['E', 'P', 'T', 'G', 'M', 'k'] as const;
const SI_SUFFIX_EXPONENT: Readonly<Record<(typeof SI_ORDER)[number], number>> = {
  E: 18, P: 15, T: 12, G: 9, M: 6, k: 3,
};

/** Largest hashrate accepted: 1 EH/s × 1e6, far above any network today. */
export const MAX_HASHRATE = 1e24;

// number, optional SI prefix (any case: "mh/s" means mega, there is no milli-hash), optional unit.
const HASHRATE_RE = /^((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[+-]?[0-9]+)?)\s*([kmgtpe]?)\s*(h\/s|hs|h|sol\/s|sols|sol|g\/s|gps|gp|graphs?\/s)?$/i;

/** Parses "30", "30M", "30 MH/s", "1.2k", "95G", "200 TH/s" into base units per second. */
export function parseHashrate(input: string): ParseResult<number> {
  const text = input.trim().replace(/,/g, '');
  if (text === '') return { success: false, error: 'Enter a hashrate, e.g. 30M or 30 MH/s.' };
  const match = HASHRATE_RE.exec(text);
  if (!match) {
    return { success: false, error: `"${truncate(input)}" is not a hashrate; use a number with an optional k, M, G, T, P or E (e.g. 30M).` };
  }
  const [, mantissa = '', prefix = ''] = match;
  // Build the decimal string so "1.1M" is exactly 1100000, not 1.1 × 1e6 with rounding error.
  const [digits = '', ownExponent = '0'] = mantissa.toLowerCase().split('e');
  const value = Number(`${digits}e${Number(ownExponent) + (SI_EXPONENTS[prefix.toLowerCase()] ?? 0)}`);
  if (!Number.isFinite(value)) return { success: false, error: 'That hashrate is not a finite number.' };
  if (value <= 0) return { success: false, error: 'Hashrate must be greater than zero.' };
  if (value > MAX_HASHRATE) return { success: false, error: 'That hashrate is larger than any network; check the unit.' };
  return { success: true, data: value };
}

/** The shortest SI form that parses back to exactly `value`: 30e6 → "30M", 1200 → "1.2k". */
export function serializeHashrate(value: number): string {
  for (const suffix of SI_ORDER) {
    const exponent = SI_SUFFIX_EXPONENT[suffix];
    if (value < 10 ** exponent) continue;
    const mantissa = shortestMantissa(value, exponent);
    if (mantissa !== null) return `${mantissa}${suffix}`;
  }
  return plainNumber(value);
}

function shortestMantissa(value: number, exponent: number): string | null {
  const scaled = value / 10 ** exponent;
  for (let digits = 1; digits <= 17; digits++) {
    const candidate = plainNumber(Number(scaled.toPrecision(digits)));
    if (Number(`${candidate}e${exponent}`) === value) return candidate;
  }
  return null;
}

/** JavaScript's shortest round-trip form; tiny values keep exponent notation ("1e-7"), which parses. */
function plainNumber(value: number): string {
  return String(value);
}

/** Parses a plain decimal number ("0.12", "1,200") within bounds. */
export function parseDecimal(
  input: string,
  { min, max, label, unit }: { min: number; max: number; label: string; unit: string },
): ParseResult<number> {
  const text = input.trim().replace(/,/g, '');
  if (text === '') return { success: false, error: `Enter ${label}.` };
  if (!/^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(e[+-]?[0-9]+)?$/i.test(text)) {
    return { success: false, error: `"${truncate(input)}" is not a number; enter ${label} in ${unit}.` };
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return { success: false, error: `${capitalize(label)} is not a finite number.` };
  if (value < min || value > max) {
    return { success: false, error: `${capitalize(label)} must be between ${min} and ${max} ${unit}.` };
  }
  return { success: true, data: value };
}

function truncate(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ---- Display formatting (never prints NaN or Infinity: a missing value is an em dash) ----

const FORMATS = new Map<string, Intl.NumberFormat>();

/** A shared en-US formatter per set of options: creating one costs ~30× formatting with it. */
export function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  // The options as a key, in their own order (a page formats a few thousand figures: this is per figure).
  let key = '';
  for (const name in options) key += `${name}=${String(options[name as keyof Intl.NumberFormatOptions])};`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', options);
    FORMATS.set(key, format);
  }
  return format;
}

export const MISSING = '—';

const SI_DISPLAY = [
  { exponent: 18, prefix: 'E' },
  { exponent: 15, prefix: 'P' },
  { exponent: 12, prefix: 'T' },
  { exponent: 9, prefix: 'G' },
  { exponent: 6, prefix: 'M' },
  { exponent: 3, prefix: 'k' },
  { exponent: 0, prefix: '' },
] as const;

/** 6.747e12, "H/s" → "6.75 TH/s"; 580, "Sol/s" → "580 Sol/s". */
export function formatHashrate(value: number | null | undefined, unit: HashrateUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (value === 0) return `0 ${unit}`;
  let index = SI_DISPLAY.findIndex((s) => Math.abs(value) >= 10 ** s.exponent);
  if (index < 0) index = SI_DISPLAY.length - 1;
  // 999.6 H/s rounds to "1,000 H/s" at three digits: show it as 1 kH/s instead.
  if (index > 0 && Math.abs(Number((value / 10 ** SI_DISPLAY[index]!.exponent).toPrecision(3))) >= 1000) index -= 1;
  const step = SI_DISPLAY[index]!;
  return `${formatSignificant(value / 10 ** step.exponent, 3)} ${step.prefix}${unit}`;
}

/** formatSignificant's formatters by digit count, the most used of all. */
const SIGNIFICANT: Intl.NumberFormat[] = [];

/** A number to `digits` significant digits, grouped, without exponent notation for 1e-6..1e21. */
export function formatSignificant(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e21 || abs < 1e-8) return value.toExponential(digits - 1);
  return (SIGNIFICANT[digits] ??= numberFormat({ maximumSignificantDigits: digits })).format(value);
}

/** Large counts in compact form: 85166 → "85.2K", 1.1e15 → "1.1Q"… with SI-like words. */
export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const abs = Math.abs(value);
  if (abs < 1000) return formatSignificant(value, 4);
  if (abs >= 1e15) return value.toExponential(2);
  return numberFormat({ notation: 'compact', maximumSignificantDigits: 3 }).format(value);
}

/** USD with sensible precision: $1,234.56, $115,923,006, $0.0123, $0.00000541, −$0.42. */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const abs = Math.abs(value);
  const text = currencyFormat('USD', abs).format(abs);
  return value < 0 ? `−${text}` : text;
}

/** The precision money is shown with, by size: whole units from 10,000, cents from 1, else four significant digits. */
const MONEY_PRECISION: readonly Intl.NumberFormatOptions[] = [
  { maximumFractionDigits: 0 },
  { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  // Small-coin prices: keep four significant digits rather than rounding to $0.00.
  { maximumSignificantDigits: 4 },
];
const CURRENCY_FORMATS = new Map<string, Intl.NumberFormat[]>();

/** The formatter for an amount of a currency (USD, EUR) at MONEY_PRECISION, created once per currency and precision. */
export function currencyFormat(currency: string, abs: number): Intl.NumberFormat {
  const index = abs >= 10_000 ? 0 : abs >= 1 || abs === 0 ? 1 : 2;
  let formats = CURRENCY_FORMATS.get(currency);
  if (!formats) {
    formats = MONEY_PRECISION.map((options) => numberFormat({ style: 'currency', currency, ...options }));
    CURRENCY_FORMATS.set(currency, formats);
  }
  return formats[index]!;
}

/** Fraction as a percentage: 0.0123 → "1.23 %"; tiny shares keep their significant digits. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return MISSING;
  return `${formatSignificant(fraction * 100, 3)} %`;
}

/** Days as a human duration: 0.5 → "12 h", 3.2 → "3.2 days", 800 → "2.2 years". */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return MISSING;
  if (days < 1 / 24) return `${formatSignificant(days * 1440, 2)} min`;
  if (days < 1) return `${formatSignificant(days * 24, 2)} h`;
  if (days < 365) return plural(formatSignificant(days, 2), 'day');
  return plural(formatSignificant(days / 365.25, 2), 'year');
}

function plural(count: string, noun: string): string {
  return `${count} ${noun}${count === '1' ? '' : 's'}`;
}

/** Age of data: 42 s, 5 min, 3 h, 2 days, "2 years". */
export function formatAge(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return MISSING;
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400 * 2) return `${Math.round(seconds / 3600)} h`;
  if (seconds < 86400 * 365 * 2) return `${Math.round(seconds / 86400)} days`;
  return `${formatSignificant(seconds / (86400 * 365.25), 2)} years`;
}
