import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '@/lib/ranking/columns';
import { buildView } from '@/lib/ranking/view';
import { csvField, tableToCsv } from '@/lib/share/csv';
import { DEFAULT_STATE } from '@/lib/url/search-params';
import { liveSnapshot, rvnLike } from '../../support/snapshots';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    [1.5, '1.5'],
    [null, ''],
  ] as const)('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('tableToCsv', () => {
  it('writes a header with units and one CRLF-terminated line per row, numbers unformatted', () => {
    const snapshot = liveSnapshot([rvnLike('RVN')]);
    const view = buildView(snapshot, { ...DEFAULT_STATE, hashrates: { kawpow: 30e6 }, powerWatts: { kawpow: 200 }, electricityUsdPerKwh: 0.1, poolFeePercent: 0 });
    const csv = tableToCsv(view.rows, { currency: 'usd', period: 'day' }, view.rates);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(3); // header, one row, and the empty string after the final CRLF
    expect(lines[2]).toBe('');
    // The hashrate column is split into a value and its unit: one more header than columns.
    expect(lines[0]!.split(',')).toHaveLength(TABLE_COLUMNS.length + 1);
    expect(lines[0]).toContain('Hashrate unit');
    expect(lines[1]!.startsWith('RVN,KawPow,')).toBe(true);
    // Profit per day, unformatted: 0.885766 − 0.48 = 0.405766.
    const profit = Number(lines[1]!.split(',').find((f) => f.startsWith('0.4057')));
    expect(profit).toBeCloseTo(0.405766, 5);
  });
});
