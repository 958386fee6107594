import { describe, expect, it } from 'vitest';
import { parseTou, serializeTou, touPrice } from '@/lib/electricity/tou';

describe('parseTou', () => {
  it('reads a three-band schedule and writes it back the same', () => {
    const r = parseTou('0-7:0.08,7-23:0.24,23-24:0.08');
    expect(r).toEqual({
      success: true,
      data: {
        weekday: [
          { fromHour: 0, toHour: 7, usdPerKwh: 0.08 },
          { fromHour: 7, toHour: 23, usdPerKwh: 0.24 },
          { fromHour: 23, toHour: 24, usdPerKwh: 0.08 },
        ],
        weekend: null,
      },
    });
    if (r.success) expect(serializeTou(r.data)).toBe('0-7:0.08,7-23:0.24,23-24:0.08');
  });

  it('sorts bands given out of order', () => {
    const r = parseTou('7-24:0.24,0-7:0.08');
    expect(r.success && serializeTou(r.data)).toBe('0-7:0.08,7-24:0.24');
  });

  it('reads weekday and weekend bands', () => {
    const r = parseTou('wd:0-7:0.08,7-24:0.24;we:0-24:0.08');
    expect(r.success && r.data.weekend).toEqual([{ fromHour: 0, toHour: 24, usdPerKwh: 0.08 }]);
    if (r.success) {
      expect(serializeTou(r.data)).toBe('wd:0-7:0.08,7-24:0.24;we:0-24:0.08');
      // Hour 10: 0.24 on a weekday, 0.08 at the weekend.
      expect(touPrice(r.data, 10, false)).toBe(0.24);
      expect(touPrice(r.data, 10, true)).toBe(0.08);
    }
  });

  it.each([
    ['0-7:0.08', 'Hours 7–24 have no price in the day.'],
    ['0-7:0.08,9-24:0.2', 'Hours 7–9 have no price in the day.'],
    ['0-8:0.08,7-24:0.2', 'Hours 7–8 are priced twice in the day.'],
    ['7-5:0.1', '"7-5:0.1" ends before it starts; split a band across midnight in two (22-24 and 0-6).'],
    ['0-25:0.1', '"0-25:0.1": hours run from 0 to 24.'],
    ['0-24:abc', '"0-24:abc" is not a band; write from-to:price, e.g. 7-23:0.24 (hours 0–24, USD/kWh).'],
    ['0-24:11', '"0-24:11": the price must be between 0 and 10 USD/kWh.'],
    ['', 'Enter a time-of-use schedule, e.g. 0-7:0.08,7-24:0.24.'],
    ['wd:0-24:0.1', 'Give the weekend bands too (we:…), or leave out wd:/we: for every day.'],
    ['wd:0-24:0.1;xx:0-24:0.1', '"xx:0-24:0.1": start each part with wd: (Monday–Friday) or we: (Saturday, Sunday).'],
    ['wd:0-24:0.1;we:0-12:0.1', 'Hours 12–24 have no price at weekends.'],
  ])('rejects %j with a message', (input, error) => {
    expect(parseTou(input)).toEqual({ success: false, error });
  });
});
