// The contract evaluator's URL params (a plain GET form, so the URL is the state): parsed with
// the same unit parsers as the rig, each error named by its field.
import { getAlgorithm } from '@/lib/mining/algorithms';
import type { ParamError, RawSearchParams } from './search-params';
import { parseGrowth } from './search-params';
import { parseDecimal, parseHashrate, type ParseResult } from '@/lib/format/units';

export type ContractParams = {
  algorithm: string | null;
  coin: string | null;
  hashrate: number | null;
  usdPerDay: number | null;
  upfrontUsd: number | null;
  durationDays: number | null;
  feePercent: number;
  maintenanceUsdPerDay: number;
  growthPercentPerMonth: number;
};

/** The raw text of each field, to refill the form as the user typed it. */
export type ContractText = Record<keyof typeof FIELDS, string>;

const money = (label: string) => (text: string) => parseDecimal(text, { min: 0, max: 1e9, label, unit: 'USD' });
const FIELDS = {
  'c.algo': (text: string): ParseResult<string> =>
    getAlgorithm(text) ? { success: true, data: text } : { success: false, error: `Unknown algorithm "${text.slice(0, 24)}".` },
  'c.coin': (text: string): ParseResult<string> =>
    /^[A-Za-z0-9.-]{1,16}$/.test(text) ? { success: true, data: text.toUpperCase() } : { success: false, error: 'Not a coin ticker.' },
  'c.hr': parseHashrate,
  'c.day': money('the daily price'),
  'c.up': money('the upfront price'),
  'c.days': (text: string) => parseDecimal(text, { min: 1, max: 3650, label: 'the duration', unit: 'days' }),
  'c.fee': (text: string) => parseDecimal(text, { min: 0, max: 100, label: 'the fee', unit: '%' }),
  'c.mnt': money('the maintenance fee'),
  growth: parseGrowth,
} as const;

export function parseContractParams(raw: RawSearchParams): { params: ContractParams; text: ContractText; errors: ParamError[] } {
  const get = (key: string): string => {
    const value = raw instanceof URLSearchParams ? raw.get(key) : raw[key];
    return (Array.isArray(value) ? value[0] : value) ?? '';
  };
  const errors: ParamError[] = [];
  const text = Object.fromEntries(Object.keys(FIELDS).map((k) => [k, get(k).slice(0, 100)])) as ContractText;
  const read = <T>(key: keyof typeof FIELDS, parse: (t: string) => ParseResult<T>): T | null => {
    const value = text[key].trim();
    if (value === '') return null;
    const result = parse(value);
    if (result.success) return result.data;
    errors.push({ param: key, message: result.error });
    return null;
  };
  const params: ContractParams = {
    algorithm: read('c.algo', FIELDS['c.algo']),
    coin: read('c.coin', FIELDS['c.coin']),
    hashrate: read('c.hr', FIELDS['c.hr']),
    usdPerDay: read('c.day', FIELDS['c.day']),
    upfrontUsd: read('c.up', FIELDS['c.up']),
    durationDays: read('c.days', FIELDS['c.days']),
    feePercent: read('c.fee', FIELDS['c.fee']) ?? 0,
    maintenanceUsdPerDay: read('c.mnt', FIELDS['c.mnt']) ?? 0,
    growthPercentPerMonth: read('growth', FIELDS.growth) ?? 0,
  };
  return { params, text, errors };
}
