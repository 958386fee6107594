import { describe, expect, it } from 'vitest';

import { csvField, ledgerCsv, priceAt, valuePayments, type Payment } from '@/lib/payouts/ledger';
import { creditsByDay, dailyFigures, hashrateByDay, periodDates } from '@/lib/payouts/days';

const T0 = Date.UTC(2026, 10, 25, 6, 0, 0); // 2026-11-25 06:00 UTC
const HOUR = 3_600_000;

describe('valuePayments', () => {
  const prices = [
    { at: T0 - 2 * HOUR, priceUsd: 0.5 },
    { at: T0 + HOUR, priceUsd: 0.6, eurPerUsd: 0.9 },
    { at: T0 + 30 * HOUR, priceUsd: 0.8 },
  ];
  it('values each payment at the nearest recorded price: 100 coins × $0.60 = $60, × 0.9 = €54', () => {
    const [p] = valuePayments([{ time: T0, amount: 100, txUrl: null, txId: 'ab' }], prices);
    expect(p?.valueUsd).toBeCloseTo(60, 10);
    expect(p?.valueEur).toBeCloseTo(54, 10);
    expect(p?.priceAt).toBe(T0 + HOUR);
  });
  it('leaves the value unknown (null, never 0) with no price within 6 h', () => {
    const [p] = valuePayments([{ time: T0 + 15 * HOUR, amount: 100, txUrl: null, txId: null }], prices);
    expect(p?.valueUsd).toBeNull();
    expect(priceAt(prices, T0 + 15 * HOUR)).toBeNull();
  });
});

describe('ledgerCsv', () => {
  it('writes the tax-tool layout with RFC 4180 quoting and CRLF', () => {
    const payments: Payment[] = [
      { time: T0 + 24 * HOUR, amount: 2.5, txUrl: null, txId: null },
      { time: T0, amount: 100, txUrl: 'https://explorer.example/tx/ab?x=1,2', txId: null },
    ];
    const csv = ledgerCsv('TST', valuePayments(payments, [{ at: T0, priceUsd: 0.123456 }]));
    expect(csv).toBe(
      'Date,Action,Symbol,Volume,Value,Currency,Transaction\r\n' +
        // 100 × 0.123456 = 12.3456 → 12.35 USD; the link holds a comma, so it is quoted.
        '2026-11-25 06:00:00,MINING,TST,100,12.35,USD,"https://explorer.example/tx/ab?x=1,2"\r\n' +
        // No price within 6 h of the next day's payment: value and currency blank.
        '2026-11-26 06:00:00,MINING,TST,2.5,,,\r\n',
    );
  });
  it('quotes fields with quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('day buckets', () => {
  it('lists the complete UTC days before now, oldest first', () => {
    expect(periodDates(Date.UTC(2026, 11, 3, 12), 3)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });
  it('averages each day of history and carries the constants', () => {
    const day = Date.UTC(2026, 10, 25);
    const map = dailyFigures(
      [
        { at: day + HOUR, difficulty: 100, networkHashrate: 1e11, blockReward: 10 },
        { at: day + 2 * HOUR, difficulty: 300, networkHashrate: null, blockReward: 10 },
      ],
      { blockTimeSeconds: 60, workFactor: 1 },
    );
    expect(map.get('2026-11-25')).toEqual({ difficulty: 200, networkHashrate: 1e11, blockReward: 10, blockTimeSeconds: 60, workFactor: 1 });
  });
  it('sums credits per day, ignoring the negative balance resets', () => {
    const day = Date.UTC(2026, 10, 25);
    const map = creditsByDay([
      { time: day + HOUR, amount: 1.5 },
      { time: day + 2 * HOUR, amount: 2 },
      { time: day + 3 * HOUR, amount: -3.5 },
      { time: day + 25 * HOUR, amount: 4 },
    ]);
    expect(Object.fromEntries(map)).toEqual({ '2026-11-25': 3.5, '2026-11-26': 4 });
  });
  it('averages hashrate samples per day', () => {
    const day = Date.UTC(2026, 10, 25);
    expect(hashrateByDay([{ time: day, hashrate: 1e8 }, { time: day + HOUR, hashrate: 3e8 }]).get('2026-11-25')).toBe(2e8);
  });
});
